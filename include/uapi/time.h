/*
 * uapi/time.h - time structures of nanosleep, gettimeofday,
 * setitimer and clock_gettime (Linux i386: 32-bit seconds), and the clock ids.
 */
#ifndef _UAPI_TIME_H
#define _UAPI_TIME_H

struct timespec {
	long tv_sec;
	long tv_nsec;
};

struct timeval {
	long tv_sec;
	long tv_usec;
};

struct tms {
	long tms_utime;
	long tms_stime;
	long tms_cutime;
	long tms_cstime;
};

/* setitimer/getitimer (104, 105): time left and period. */
struct itimerval {
	struct timeval it_interval;
	struct timeval it_value;
};

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2

#define CLOCK_REALTIME	0
#define CLOCK_MONOTONIC	1
#define CLOCK_MONOTONIC_RAW	4
#define CLOCK_REALTIME_COARSE	5
#define CLOCK_MONOTONIC_COARSE	6
#define CLOCK_BOOTTIME		7

#define TIMER_ABSTIME		1	/* clock_nanosleep: until, not for */

#endif
