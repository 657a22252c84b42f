/*
 * sys_info.c - system information: uname, sysinfo, kstat (this kernel's
 * statistics call), and gethostname, sysconf, getpagesize and
 * getdtablesize on top.
 */
#include <limits.h>
#include <string.h>
#include <sys/kstat.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "syscall.h"

#define OPEN_MAX_FALLBACK	256	/* glibc's OPEN_MAX */
#include "libc_private.h"

int uname(struct utsname *buf)
{
	return SYS1(uname, buf);
}

int sysinfo(struct sysinfo *info)
{
	return SYS1(sysinfo, info);
}

int kstat(int what, void *buf, unsigned long len)
{
	return SYS3(kstat, what, buf, len);
}

int gethostname(char *name, size_t len)
{
	struct utsname u;
	size_t n;

	if (uname(&u) < 0)
		return -1;
	n = strlen(u.nodename);
	if (n >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(name, u.nodename, n + 1);
	return 0;
}

int getpagesize(void)
{
	return PAGE_SIZE;
}

/* A soft resource limit, or -1 (errno untouched) for none. */
static long rlimit_or_none(int resource)
{
	struct rlimit lim;

	if (getrlimit(resource, &lim) < 0 || lim.rlim_cur == RLIM_INFINITY)
		return -1;
	return (long)lim.rlim_cur;
}

/* -1 with errno untouched means "no fixed limit". */
long sysconf(int name)
{
	switch (name) {
	case _SC_ARG_MAX:
		return ARG_MAX;
	case _SC_CLK_TCK:
		return CLOCK_TICKS;
	case _SC_PAGESIZE:
		return PAGE_SIZE;
	case _SC_CHILD_MAX:
		return rlimit_or_none(RLIMIT_NPROC);
	case _SC_OPEN_MAX:
		return rlimit_or_none(RLIMIT_NOFILE);
	default:
		errno = EINVAL;
		return -1;
	}
}

/* The descriptor table's size: the soft RLIMIT_NOFILE, as glibc gives
 * it (OPEN_MAX_FALLBACK if that cannot be read). */
int getdtablesize(void)
{
	struct rlimit lim;

	if (getrlimit(RLIMIT_NOFILE, &lim) < 0)
		return OPEN_MAX_FALLBACK;
	return lim.rlim_cur > INT_MAX ? INT_MAX : (int)lim.rlim_cur;
}
