/*
 * fork_limit - filling the process table makes fork fail cleanly with
 * EAGAIN, and emptying it gives everything back.
 *
 * The parent forks sleeping children until fork fails: it must fail with
 * EAGAIN exactly when every slot of the table (kstat max_procs) is in
 * use.  Then it kills every child with SIGKILL and reaps it (each must be
 * reported killed by SIGKILL), after which there is no child left, fork
 * works again, and the kernel's free frame count, heap use and process
 * count, and the open descriptors, are back to where they were before the
 * first of those forks.
 */
#include "test.h"

#define MAX_CHILDREN	4096	/* well above any process table */
#define CHILD_SLEEP	1000	/* seconds: until killed */

static pid_t children[MAX_CHILDREN];

/* Fork and reap one child that exits at once; 0 if that worked. */
static int fork_and_reap(void)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0)
		return -1;
	return 0;
}

/* Fork sleepers until fork fails; returns how many were made. */
static int fill_table(int *fork_errno)
{
	int n = 0;

	*fork_errno = 0;
	while (n < MAX_CHILDREN) {
		pid_t pid = fork();

		if (pid < 0) {
			*fork_errno = errno;
			break;
		}
		if (pid == 0)
			for (;;)
				sleep(CHILD_SLEEP);
		children[n++] = pid;
	}
	return n;
}

static void kill_and_reap(int n)
{
	for (int i = 0; i < n; i++)
		CHECK(kill(children[i], SIGKILL) == 0, "kill(child, SIGKILL)");
	for (int i = 0; i < n; i++) {
		int status = 0;
		pid_t got = waitpid(children[i], &status, 0);

		if (got != children[i])
			FAIL("waitpid on a killed child: got %d, expected %d", got,
			     children[i]);
		else if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
			FAIL("killed child's status %#x, expected killed by SIGKILL",
			     status);
	}
}

int main(void)
{
	struct leak_mark before;
	struct kstat_info full;
	int n, fork_errno;
	long expected;

	fflush(stdout);
	CHECK(fork_and_reap() == 0, "warm-up fork");
	REQUIRE(mark_leaks(&before), "kstat KSTAT_INFO");
	expected = (long)before.kernel.max_procs - (long)before.kernel.nprocs;
	n = fill_table(&fork_errno);
	if (kstat(KSTAT_INFO, &full, sizeof(full)) < 0)
		FAIL("kstat KSTAT_INFO");
	else
		CHECK_EQ("process slots in use when fork failed", full.nprocs,
			 full.max_procs);
	CHECK_EQ("errno of the failing fork", fork_errno, EAGAIN);
	CHECK_EQ("children forked before EAGAIN", n, expected);
	kill_and_reap(n);
	CHECK_ERRNO("waitpid with no child left", waitpid(-1, NULL, WNOHANG),
		    ECHILD);
	CHECK(fork_and_reap() == 0, "fork after the table emptied");
	CHECK_LEAKS("after the table emptied", &before);
	return test_done("fork_limit");
}
