/*
 * uapi/time.h - time structures of nanosleep, gettimeofday and
 * clock_gettime (Linux i386: 32-bit seconds), and the clock ids.
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

#define CLOCK_REALTIME	0
#define CLOCK_MONOTONIC	1
#define CLOCK_MONOTONIC_RAW	4
#define CLOCK_REALTIME_COARSE	5
#define CLOCK_MONOTONIC_COARSE	6
#define CLOCK_BOOTTIME		7

#define TIMER_ABSTIME		1	/* clock_nanosleep: until, not for */

#endif
