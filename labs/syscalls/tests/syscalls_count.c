/*
 * syscalls_count - the syscalls lab's checks that syscount counts right.
 *
 *   syscalls_count number   call 1001 reaches syscount; 1002 has no handler
 *   syscalls_count self     the caller's count grows by one per call made
 *   syscalls_count fork     a child counts from 0 on its own; zombies count,
 *                           reaped children are ESRCH
 *   syscalls_count wrapper  the libc wrapper's results and errno
 *
 * Counting is exact: a process makes no system call it did not ask for,
 * so the differences checked here are the calls the test makes.  No check
 * depends on timing: the child is observed stopped or exited.
 */
#include <sys/syscount.h>
#include <unistd.h>
#include "test.h"

#define SYSCOUNT_NR	1001	/* the number the handout gives the call */
#define CALLS		10	/* calls made between two counts */
#define NO_SUCH_CALL	(SYSCOUNT_NR + 1)

/* own_count - the caller's count through the raw call (0 on an error). */
static unsigned int own_count(void)
{
	struct syscount rec = { 0, 0 };

	CHECK_EQ("raw syscount result", syscall(SYSCOUNT_NR, &rec, 1), 0L);
	return rec.calls;
}

static void check_number(void)
{
	struct syscount rec = { 0, 0 };

	CHECK_EQ("syscall(1001, &rec, 1)", syscall(SYSCOUNT_NR, &rec, 1), 0L);
	CHECK(rec.calls > 0, "a process that has made calls reports %u", rec.calls);
	CHECK_ERRNO("syscall(1002)", syscall(NO_SUCH_CALL, &rec, 1), ENOSYS);
}

static void check_self(void)
{
	unsigned int before = own_count(), after;

	for (int i = 0; i < CALLS; i++)
		getppid();
	after = own_count();
	CHECK_EQ("calls counted between two counts (getppid x10, syscount)",
		 after - before, (unsigned int)CALLS + 1);
	before = own_count();
	for (int i = 0; i < CALLS; i++)
		close(-1);		/* fails with EBADF: still a call */
	after = own_count();
	CHECK_EQ("failed calls counted (close(-1) x10, syscount)",
		 after - before, (unsigned int)CALLS + 1);
}

/* The child makes CALLS getppid calls, then stops itself (getpid, kill):
 * CALLS + 2 calls while it is stopped, CALLS + 3 once it has exited.  The
 * parent sees the stop through waitpid(WUNTRACED) and the exit as the end
 * of file on a pipe whose write end only the child holds. */
static void check_fork(void)
{
	int done[2];
	char byte;
	unsigned int parent_before, parent_after;
	struct syscount recs[2];
	int status;
	pid_t pid;

	REQUIRE(pipe(done) == 0, "pipe");
	parent_before = own_count();
	pid = test_fork();
	if (pid == 0) {
		for (int i = 0; i < CALLS; i++)
			getppid();
		kill(getpid(), SIGSTOP);
		_exit(0);
	}
	REQUIRE(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status),
		"the child did not stop (status %#x)", status);
	recs[0].pid = pid;
	recs[1].pid = 0;
	CHECK_EQ("syscount(child, self)", syscount(recs, 2), 0);
	CHECK_EQ("the stopped child's count (10 getppid, getpid, kill)", recs[0].calls,
		 (unsigned int)CALLS + 2);
	parent_after = recs[1].calls;
	/* Between the counts: fork, waitpid, syscount - not the child's calls. */
	CHECK(parent_after - parent_before < (unsigned int)CALLS,
	      "the parent counted %u calls: the child's were added to it",
	      parent_after - parent_before);
	close(done[1]);
	REQUIRE(kill(pid, SIGCONT) == 0, "SIGCONT");
	CHECK_EQ("read until the child exits", read(done[0], &byte, 1), 0L);
	recs[0].pid = pid;
	CHECK_EQ("syscount(exited child)", syscount(recs, 1), 0);
	CHECK_EQ("the exited child's count (10 getppid, getpid, kill, exit)", recs[0].calls,
		 (unsigned int)CALLS + 3);
	CHECK_EXIT("child", pid, 0);
	recs[0].pid = pid;
	CHECK_ERRNO("syscount(reaped child)", syscount(recs, 1), ESRCH);
}

static void check_wrapper(void)
{
	struct syscount rec = { 0, 0 };

	CHECK_EQ("syscount(&rec, 1)", syscount(&rec, 1), 0);
	CHECK(rec.calls > 0, "the wrapper's record says %u calls", rec.calls);
	errno = 0;
	CHECK_ERRNO("syscount(NULL, 1)", syscount(NULL, 1), EFAULT);
	CHECK_ERRNO("syscount(&rec, 65)", syscount(&rec, SYSCOUNT_MAX + 1), EINVAL);
	CHECK_EQ("syscount(NULL, 0)", syscount(NULL, 0), 0);
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (strcmp(what, "number") == 0)
		check_number();
	else if (strcmp(what, "self") == 0)
		check_self();
	else if (strcmp(what, "fork") == 0)
		check_fork();
	else if (strcmp(what, "wrapper") == 0)
		check_wrapper();
	else
		FAIL("usage: syscalls_count number|self|fork|wrapper");
	return test_done("syscalls_count");
}
