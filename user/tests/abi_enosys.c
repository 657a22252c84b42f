/*
 * abi_enosys - numbers with no system call fail cleanly with ENOSYS, as
 * Linux's do, so that a C library can fall back (glibc and musl try
 * statx, rseq, set_robust_list, getrandom... and cope with ENOSYS).
 *
 *  - the numbers Linux i386 reserves but never implemented (break, stty,
 *    gtty, ftime, prof, lock, mpx, ulimit, profil, afs_syscall, getpmsg,
 *    putpmsg, the holes at 222, 223, 251, 285) return ENOSYS, and so does
 *    a number past the end of any table and a negative one.
 * (syscall_fuzz calls every number with bad arguments.)
 */
#include <sys/syscall.h>
#include "test.h"

#define BEYOND	2000

static const int never[] = { 17, 31, 32, 35, 44, 53, 56, 58, 98, 137, 188, 189, 222, 223,
			     251, 285 };

int main(void)
{
	for (unsigned i = 0; i < sizeof(never) / sizeof(never[0]); i++) {
		errno = 0;
		CHECK(syscall(never[i]) == -1 && errno == ENOSYS, "syscall %d: errno %d",
		      never[i], errno);
	}
	errno = 0;
	CHECK_ERRNO("past the end", syscall(BEYOND, 0, 0, 0), ENOSYS);
	CHECK_ERRNO("negative", syscall(-1, 0, 0, 0), ENOSYS);
	CHECK_ERRNO("0x7fffffff", syscall(0x7fffffff), ENOSYS);
	return test_done("abi_enosys");
}
