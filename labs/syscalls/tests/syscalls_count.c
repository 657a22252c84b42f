/*
 * syscalls_count - the syscalls lab's checks that syscount counts right.
 *
 *   syscalls_count number   call 1001 reaches syscount; 1002 has no handler
 *   syscalls_count self     the caller's count grows by one per call made
 *   syscalls_count fork     a child counts from 0 on its own; zombies count
 *   syscalls_count wrapper  the libc wrapper's results and errno
 *
 * Counting is exact: a process makes no system call it did not ask for,
 * so the differences checked here are the calls the test makes.
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

/* The child makes CALLS getppid calls, tells the parent (write) and waits
 * in read: CALLS + 2 calls, the read counted as it began. */
static void check_fork(void)
{
	int ready[2], go[2];
	char byte = 'x';
	unsigned int parent_before, parent_after;
	struct syscount recs[2];
	pid_t pid;

	REQUIRE(pipe(ready) == 0 && pipe(go) == 0, "pipe");
	parent_before = own_count();
	pid = test_fork();
	if (pid == 0) {
		for (int i = 0; i < CALLS; i++)
			getppid();
		if (write(ready[1], &byte, 1) != 1 || read(go[0], &byte, 1) != 1)
			_exit(2);
		_exit(0);
	}
	REQUIRE(read(ready[0], &byte, 1) == 1, "the child's signal");
	sleep_ms(50);			/* let it enter its read */
	recs[0].pid = pid;
	recs[1].pid = 0;
	CHECK_EQ("syscount(child, self)", syscount(recs, 2), 0);
	CHECK_EQ("the child's count (10 getppid, write, read)", recs[0].calls,
		 (unsigned int)CALLS + 2);
	parent_after = recs[1].calls;
	/* Between the counts: fork, read, the calls of sleep_ms, syscount.
	 * The child's calls must not be among them. */
	CHECK(parent_after - parent_before < (unsigned int)CALLS,
	      "the parent counted %u calls: the child's were added to it",
	      parent_after - parent_before);
	REQUIRE(write(go[1], &byte, 1) == 1, "write");
	sleep_ms(50);			/* the child exits: a zombie */
	recs[0].pid = pid;
	CHECK_EQ("syscount(zombie child)", syscount(recs, 1), 0);
	CHECK_EQ("the zombie's count (10 getppid, write, read, exit)", recs[0].calls,
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
