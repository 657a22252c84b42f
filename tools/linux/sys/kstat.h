/*
 * sys/kstat.h for a Linux build of the tests (tools/linux-check.sh,
 * tools/tests/linux_tests.sh): Relay's statistics call made by number.
 * Linux has no such call and answers ENOSYS, so the leak checks of
 * user/tests/test.h compare open descriptors only there; the same binary
 * run in Relay gets the kernel's counters and checks them all.
 */
#ifndef _LINUX_SHIM_KSTAT_H
#define _LINUX_SHIM_KSTAT_H

#include <unistd.h>
#include <sys/syscall.h>
#include "../../../include/uapi/kstat.h"
#include "../../../include/uapi/unistd_32.h"

static inline int kstat(int what, void *buf, unsigned long len)
{
	return (int)syscall(__NR_kstat, what, buf, len);
}

#endif
