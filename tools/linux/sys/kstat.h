/*
 * sys/kstat.h for a Linux build of the tests (tools/linux-check.sh):
 * Relay's statistics call has no Linux counterpart, so kstat() fails with
 * ENOSYS there and the leak checks of user/tests/test.h say so and skip
 * the kernel's counters, comparing open descriptors only.
 */
#ifndef _LINUX_SHIM_KSTAT_H
#define _LINUX_SHIM_KSTAT_H

#include <errno.h>
#include "../../../include/uapi/kstat.h"

static inline int kstat(int what, void *buf, unsigned long len)
{
	(void)what;
	(void)buf;
	(void)len;
	errno = ENOSYS;
	return -1;
}

#endif
