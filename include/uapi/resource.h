/*
 * uapi/resource.h - resource limits as Linux i386 numbers and lays them
 * out: getrlimit/setrlimit (76/75) and ugetrlimit (191) take a struct
 * rlimit of two unsigned longs, prlimit64 (340) a struct rlimit64.
 */
#ifndef _UAPI_RESOURCE_H
#define _UAPI_RESOURCE_H

#define RLIMIT_CPU		0	/* CPU time, seconds */
#define RLIMIT_FSIZE		1	/* largest file written, bytes */
#define RLIMIT_DATA		2	/* data segment (heap), bytes */
#define RLIMIT_STACK		3	/* stack, bytes */
#define RLIMIT_CORE		4	/* largest core file, bytes */
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6	/* processes of this real uid */
#define RLIMIT_NOFILE		7	/* one more than the highest fd */
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9	/* address space, bytes */
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11	/* queued signals of this real uid */
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16

#define RLIM_INFINITY		(~0UL)
#define RLIM64_INFINITY		(~0ULL)

struct rlimit {
	unsigned long rlim_cur;		/* the soft limit, enforced */
	unsigned long rlim_max;		/* the hard limit, ceiling of rlim_cur */
};

struct rlimit64 {
	unsigned long long rlim_cur;
	unsigned long long rlim_max;
};

#endif
