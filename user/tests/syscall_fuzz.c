/*
 * syscall_fuzz - a short system call fuzzing campaign: user space can
 * never crash, hang or leak the kernel.
 *
 * It runs /bin/fuzz (user/bin/fuzz.c: root, nobody and uid 1000 workers
 * calling every system call, and unknown numbers, with pre-made pipes,
 * a FIFO, message queues, semaphore sets and shared memory segments and
 * hostile pointers, sizes and ids among the arguments, under a watchdog
 * that reports a worker stuck in a call, and its own leak check) for
 * CALLS calls from a fixed seed, so a failure repeats.  `make fuzz` runs
 * the long campaign.  Then, from here: the campaign passed, every
 * process is gone, fork and exec still work, and the kernel's counts
 * (frames, heap, processes, System V ids, pipes, open files) are back.
 */
#include "test.h"

#define CALLS	"8000"
#define SEED	"20261203"
#define WORKERS	"6"

static bool same_objects(const struct kstat_objects *a, const struct kstat_objects *b)
{
	return a->sysv_ids == b->sysv_ids && a->pipes == b->pipes &&
	       a->files == b->files;
}

int main(void)
{
	struct leak_mark mark;
	struct kstat_objects before, after;
	pid_t pid;
	int status;

	REQUIRE(kstat(KSTAT_OBJECTS, &before, sizeof(before)) == 0, "kstat KSTAT_OBJECTS");
	mark_leaks(&mark);
	pid = test_fork();
	if (pid == 0) {
		execl("/bin/fuzz", "fuzz", "-n", CALLS, "-s", SEED, "-w", WORKERS,
		      (char *)NULL);
		_exit(127);
	}
	status = wait_status(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "/bin/fuzz -n %s -s %s: wait status %#x", CALLS, SEED, status);
	CHECK(waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD,
	      "a process of the campaign is still a child of the test");
	pid = test_fork();
	if (pid == 0) {
		execl("/bin/true", "true", (char *)NULL);
		_exit(127);
	}
	CHECK(child_ok(pid), "fork and exec of /bin/true after the campaign");
	CHECK_LEAKS("after the campaign", &mark);
	REQUIRE(kstat(KSTAT_OBJECTS, &after, sizeof(after)) == 0, "kstat KSTAT_OBJECTS");
	CHECK(same_objects(&after, &before),
	      "kernel objects: %lu ids, %lu pipes, %lu files; before: %lu, %lu, %lu",
	      after.sysv_ids, after.pipes, after.files, before.sysv_ids,
	      before.pipes, before.files);
	return test_done("syscall_fuzz");
}
