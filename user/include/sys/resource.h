/*
 * sys/resource.h - struct rusage as Linux i386 lays it out (wait4 may
 * fill it).
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/time.h>

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

#endif
