/*
 * syscalls_fault - the syscalls lab's checks of syscount's errors: bad
 * pointers give EFAULT (and no crash), bad arguments EINVAL or ESRCH, and
 * a failed call changes no record.
 *
 *   syscalls_fault pointers   NULL, kernel, unmapped and read-only lists
 *   syscalls_fault args       n too big, negative and unknown pids, n = 0
 *
 * Calls are raw (syscall(1001, ...)), so the kernel's answer is checked
 * whatever the libc wrapper does.
 */
#include <stdint.h>
#include <sys/syscount.h>
#include <unistd.h>
#include "test.h"

#define SYSCOUNT_NR	1001		/* the number the handout gives the call */
#define KERNEL_ADDR	0xc0000000u	/* the first address user code may not touch */
#define UNMAPPED_ADDR	0x40000000u	/* between the heap and the stack */
#define UNTOUCHED	0xdeadbeefu	/* a calls field the kernel must not change */

static long raw(void *list, unsigned long n)
{
	return syscall(SYSCOUNT_NR, list, n);
}

static void check_pointers(void)
{
	struct syscount *last_user = (struct syscount *)(uintptr_t)(KERNEL_ADDR - sizeof(*last_user));

	CHECK_ERRNO("syscount(NULL, 1)", raw(NULL, 1), EFAULT);
	CHECK_ERRNO("syscount(kernel address, 1)", raw((void *)(uintptr_t)KERNEL_ADDR, 1), EFAULT);
	CHECK_ERRNO("syscount(unmapped, 1)", raw((void *)(uintptr_t)UNMAPPED_ADDR, 1), EFAULT);
	CHECK_ERRNO("syscount(list ending past user memory, 2)", raw(last_user, 2), EFAULT);
	CHECK_ERRNO("syscount(read-only code, 1)", raw((void *)check_pointers, 1), EFAULT);
	CHECK_ERRNO("syscount(NULL, 64)", raw(NULL, SYSCOUNT_MAX), EFAULT);
	/* Still alive, and the call still works. */
	struct syscount rec = { 0, UNTOUCHED };
	CHECK_EQ("syscount(&rec, 1) after the bad ones", raw(&rec, 1), 0L);
	CHECK(rec.calls != UNTOUCHED && rec.calls > 0, "calls = %u", rec.calls);
}

/* A pid that no process has: a child's, once it is reaped. */
static pid_t gone_pid(void)
{
	pid_t pid = test_fork();

	if (pid == 0)
		_exit(0);
	CHECK_EXIT("child", pid, 0);
	return pid;
}

static void check_args(void)
{
	struct syscount recs[SYSCOUNT_MAX + 1];

	for (int i = 0; i <= SYSCOUNT_MAX; i++)
		recs[i] = (struct syscount){ 0, UNTOUCHED };
	CHECK_ERRNO("syscount(list, 65)", raw(recs, SYSCOUNT_MAX + 1), EINVAL);
	CHECK_ERRNO("syscount(list, 0x20000000) (n * 8 wraps)", raw(recs, 0x20000000ul), EINVAL);
	CHECK_EQ("the records after EINVAL", recs[0].calls, UNTOUCHED);
	CHECK_EQ("syscount(list, 64)", raw(recs, SYSCOUNT_MAX), 0L);
	CHECK(recs[SYSCOUNT_MAX - 1].calls != UNTOUCHED, "the 64th record was not filled");
	CHECK_EQ("syscount(NULL, 0)", raw(NULL, 0), 0L);

	recs[0] = (struct syscount){ 0, UNTOUCHED };
	recs[1] = (struct syscount){ -1, UNTOUCHED };
	CHECK_ERRNO("syscount({self, -1}, 2)", raw(recs, 2), EINVAL);
	CHECK_EQ("the first record after EINVAL", recs[0].calls, UNTOUCHED);

	recs[1] = (struct syscount){ gone_pid(), UNTOUCHED };
	CHECK_ERRNO("syscount({self, reaped child}, 2)", raw(recs, 2), ESRCH);
	CHECK_EQ("the first record after ESRCH", recs[0].calls, UNTOUCHED);

	recs[1] = (struct syscount){ 1, UNTOUCHED };
	CHECK_EQ("syscount({self, init}, 2)", raw(recs, 2), 0L);
	CHECK(recs[1].calls != UNTOUCHED && recs[1].calls > 0, "init's count: %u", recs[1].calls);
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (strcmp(what, "pointers") == 0)
		check_pointers();
	else if (strcmp(what, "args") == 0)
		check_args();
	else
		FAIL("usage: syscalls_fault pointers|args");
	return test_done("syscalls_fault");
}
