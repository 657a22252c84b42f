/*
 * uapi/time.h - time structures of nanosleep, gettimeofday and
 * clock_gettime (Linux i386: 32-bit seconds).
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

#endif
