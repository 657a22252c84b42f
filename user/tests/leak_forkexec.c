/*
 * leak_forkexec - fork, execve and exit/wait give back every page frame
 * and every byte of kernel heap they take.
 *
 * After one warm-up cycle the parent records the kernel's free frame
 * count, heap use and process count (kstat KSTAT_INFO), runs CYCLES
 * cycles of fork, execve("/bin/true") in the child and waitpid, checks
 * that each child exited 0, and then that the three counters are exactly
 * what they were.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/kstat.h>
#include <sys/wait.h>
#include <unistd.h>

#define CYCLES		200
#define PROGRAM		"/bin/true"
#define EXIT_EXEC_FAILED 127

static int failures;

static void fail(const char *what, long got, long expected)
{
	printf("FAIL: %s (got %ld, expected %ld)\n", what, got, expected);
	fflush(stdout);
	failures++;
}

/* One fork/exec/wait cycle; the child's wait status, or -1. */
static int run_true(void)
{
	char *argv[] = { "true", NULL };
	char *envp[] = { NULL };
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execve(PROGRAM, argv, envp);
		_exit(EXIT_EXEC_FAILED);
	}
	if (pid < 0) {
		fail("fork (errno)", errno, 0);
		return -1;
	}
	if (waitpid(pid, &status, 0) != pid) {
		fail("waitpid (errno)", errno, 0);
		return -1;
	}
	return status;
}

static int get_info(struct kstat_info *info)
{
	if (kstat(KSTAT_INFO, info, sizeof(*info)) == 0)
		return 0;
	fail("kstat KSTAT_INFO (errno)", errno, 0);
	return -1;
}

int main(void)
{
	struct kstat_info before, after;
	int status, bad = 0;

	status = run_true();
	if (status != 0)
		fail("warm-up " PROGRAM " wait status", status, 0);
	if (get_info(&before) < 0)
		return 1;
	for (int i = 0; i < CYCLES; i++) {
		status = run_true();
		if (status != 0 && bad++ == 0)
			fail("first bad " PROGRAM " wait status", status, 0);
	}
	if (bad)
		fail("cycles with a bad status", bad, 0);
	if (get_info(&after) < 0)
		return 1;
	if (after.free_frames != before.free_frames)
		fail("free frames after the cycles", (long)after.free_frames,
		     (long)before.free_frames);
	if (after.heap_used != before.heap_used)
		fail("kernel heap bytes used after the cycles", (long)after.heap_used,
		     (long)before.heap_used);
	if (after.nprocs != before.nprocs)
		fail("process slots in use after the cycles", (long)after.nprocs,
		     (long)before.nprocs);
	return failures ? 1 : 0;
}
