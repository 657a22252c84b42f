/*
 * syscall_fuzz - user space can never crash the kernel.
 *
 * Children running as an unprivileged user (uid 1000, so they cannot
 * signal or change anything of root's) call every system call number,
 * known or not, thousands of times with arguments drawn from a mix of
 * the nasty and the plausible: 0, -1, small numbers, huge numbers, NULL,
 * kernel addresses, unmapped addresses, pointers into valid buffers, the
 * end of the stack.  Calls that would create processes without end
 * (fork) or wait without end are left out; an alarm ends each child in
 * any case.  The test passes if the kernel is still there afterwards -
 * every child reaped, fork and exec working, and no frame lost once the
 * System V objects the children happened to create are removed (they
 * live in kernel memory, which takes page frames as it grows).
 */
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <uapi/unistd_32.h>
#include "test.h"

#define CHILDREN	8
#define CALLS		4000
#define MAX_NR		460
#define FUZZ_UID	1000
#define CHILD_SECONDS	5
#define BUF_SIZE	8192

/* semctl's argument, which the caller defines (POSIX). */
union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
	struct seminfo *__buf;
};

static char buf[BUF_SIZE];
static unsigned long seed;

static unsigned long next_rand(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

static long random_arg(void)
{
	static const long fixed[] = {
		0, -1, 1, 2, 3, 64, 4096, 0x7fffffff, (long)0x80000000, (long)0xffffffff,
		(long)0xc0000000, (long)0xc0100000, (long)0xfffff000, 0x50000000,
		0x08048000, 0x3fff0000, -4096,
	};

	switch (next_rand() % 4) {
	case 0:
		return fixed[next_rand() % (sizeof(fixed) / sizeof(fixed[0]))];
	case 1:
		return (long)(buf + next_rand() % BUF_SIZE);
	case 2:
		return (long)(next_rand() % 256);
	default:
		return (long)(next_rand() * 2654435761u);
	}
}

/* Calls that would make processes (fork, vfork, clone) or end a child
 * early (exit) are skipped, and so is kill with a random pid: the child
 * would hit its own siblings (same uid) and end the test early. */
static bool skipped(long nr)
{
	return nr == __NR_fork || nr == 120 || nr == 190 || nr == __NR_exit ||
	       nr == __NR_exit_group || nr == __NR_kill || nr == __NR_pause ||
	       nr == __NR_rt_sigsuspend || nr == __NR_sigsuspend;
}

static void fuzz(int id)
{
	seed = 0x9e3779b9u * (unsigned long)(id + 1);
	if (setgid(FUZZ_UID) < 0 || setuid(FUZZ_UID) < 0)
		_exit(2);
	alarm(CHILD_SECONDS);
	for (int i = 0; i < CALLS; i++) {
		long nr = (long)(next_rand() % MAX_NR);
		if (skipped(nr))
			continue;
		syscall(nr, random_arg(), random_arg(), random_arg(), random_arg(),
			random_arg(), random_arg());
	}
	_exit(0);
}

/* Remove every System V object there is (each index up to the highest
 * in use, as ipcs lists them). */
static void remove_ipc_objects(void)
{
	struct msqid_ds mds;
	struct shmid_ds sds;
	struct semid_ds seds;
	struct msginfo minfo;
	struct shm_info sinfo;
	struct seminfo seinfo;
	int top, id;

	top = msgctl(0, MSG_INFO, (struct msqid_ds *)&minfo);
	for (int idx = 0; idx <= top; idx++)
		if ((id = msgctl(idx, MSG_STAT, &mds)) >= 0)
			msgctl(id, IPC_RMID, NULL);
	top = shmctl(0, SHM_INFO, (struct shmid_ds *)&sinfo);
	for (int idx = 0; idx <= top; idx++)
		if ((id = shmctl(idx, SHM_STAT, &sds)) >= 0)
			shmctl(id, IPC_RMID, NULL);
	top = semctl(0, 0, SEM_INFO, (union semun){ .__buf = &seinfo });
	for (int idx = 0; idx <= top; idx++)
		if ((id = semctl(idx, 0, SEM_STAT, (union semun){ .buf = &seds })) >= 0)
			semctl(id, 0, IPC_RMID);
}

int main(void)
{
	long before = free_frames();
	int status;
	pid_t pid;

	REQUIRE(before >= 0, "kstat KSTAT_INFO");
	for (int i = 0; i < CHILDREN; i++)
		if (test_fork() == 0)
			fuzz(i);
	while (wait(&status) > 0)
		;
	CHECK(errno == ECHILD, "wait ended with errno %d, expected ECHILD", errno);
	pid = test_fork();
	if (pid == 0) {
		execl("/bin/true", "true", (char *)NULL);
		_exit(127);
	}
	status = wait_status(pid);
	CHECK(status == 0, "fork/exec of /bin/true after fuzzing: wait status %#x",
	      status);
	remove_ipc_objects();
	CHECK_EQ("free frames after fuzzing", free_frames(), before);
	printf("syscall_fuzz: %d children x %d calls\n", CHILDREN, CALLS);
	return test_done("syscall_fuzz");
}
