/*
 * sys_rlimit.c - resource limits: getrlimit and setrlimit, and prlimit
 * over the kernel's 64-bit prlimit64 (values past 32 bits read as
 * RLIM_INFINITY, as glibc reports them on i386).
 */
#include <stddef.h>
#include <sys/resource.h>
#include "syscall.h"

int getrlimit(int resource, struct rlimit *rlim)
{
	return SYS2(ugetrlimit, resource, rlim);
}

int setrlimit(int resource, const struct rlimit *rlim)
{
	return SYS2(setrlimit, resource, rlim);
}

static unsigned long narrow(unsigned long long v)
{
	return v >= RLIM_INFINITY ? RLIM_INFINITY : (unsigned long)v;
}

static unsigned long long widen(unsigned long v)
{
	return v == RLIM_INFINITY ? RLIM64_INFINITY : v;
}

int prlimit(pid_t pid, int resource, const struct rlimit *new_limit,
	    struct rlimit *old_limit)
{
	struct rlimit64 new64, old64;
	int ret;

	if (new_limit) {
		new64.rlim_cur = widen(new_limit->rlim_cur);
		new64.rlim_max = widen(new_limit->rlim_max);
	}
	ret = SYS4(prlimit64, pid, resource, new_limit ? &new64 : NULL,
		   old_limit ? &old64 : NULL);
	if (ret == 0 && old_limit) {
		old_limit->rlim_cur = narrow(old64.rlim_cur);
		old_limit->rlim_max = narrow(old64.rlim_max);
	}
	return ret;
}
