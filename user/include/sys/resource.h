/*
 * sys/resource.h - resource limits (getrlimit, setrlimit, prlimit; the
 * RLIMIT_* numbers and struct rlimit are the kernel's, uapi/resource.h)
 * and struct rusage as Linux i386 lays it out (wait4 may fill it).
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/time.h>
#include <sys/types.h>
#include <uapi/resource.h>

typedef unsigned long rlim_t;

#define RLIM_SAVED_MAX	RLIM_INFINITY
#define RLIM_SAVED_CUR	RLIM_INFINITY

struct rusage {
	struct timeval ru_utime;	/* user CPU time */
	struct timeval ru_stime;	/* system CPU time */
	long ru_maxrss;
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt;
	long ru_majflt;
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;
	long ru_nivcsw;
};

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit,
	    struct rlimit *old_limit);

#endif
