/*
 * leak_forkexec - fork, execve and exit/wait give back every page frame
 * and every byte of kernel heap they take.
 *
 * After one warm-up cycle the parent records the kernel's free frame
 * count, heap use and process count (kstat KSTAT_INFO), runs CYCLES
 * cycles of fork, execve("/bin/true") in the child and waitpid, checks
 * that each child exited 0, and then that the three counters and the
 * open descriptors are exactly what they were.
 */
#include "test.h"

#define CYCLES		200
#define PROGRAM		"/bin/true"
#define EXIT_EXEC_FAILED 127

/* One fork/exec/wait cycle; the child's wait status, or -1. */
static int run_true(void)
{
	char *argv[] = { "true", NULL };
	char *envp[] = { NULL };
	int status;
	pid_t pid = test_fork();

	if (pid == 0) {
		execve(PROGRAM, argv, envp);
		_exit(EXIT_EXEC_FAILED);
	}
	status = wait_status(pid);
	if (status == -1)
		FAIL("waitpid");
	return status;
}

int main(void)
{
	struct leak_mark before;
	int status, bad = 0;

	status = run_true();
	CHECK(status == 0, "warm-up " PROGRAM ": wait status %#x", status);
	REQUIRE(mark_leaks(&before), "kstat KSTAT_INFO");
	for (int i = 0; i < CYCLES; i++) {
		status = run_true();
		if (status != 0 && bad++ == 0)
			FAIL("first bad " PROGRAM " wait status %#x", status);
	}
	CHECK(bad == 0, "%d cycles with a bad status", bad);
	CHECK_LEAKS("after the cycles", &before);
	return test_done("leak_forkexec");
}
