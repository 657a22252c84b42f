/*
 * sys/time.h - gettimeofday(), the interval timers and struct timeval
 * helpers.
 */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <uapi/time.h>

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

int gettimeofday(struct timeval *restrict tv, void *restrict tz);
int getitimer(int which, struct itimerval *value);
int setitimer(int which, const struct itimerval *restrict value,
	      struct itimerval *restrict old);

#define timerisset(t)	((t)->tv_sec || (t)->tv_usec)
#define timerclear(t)	((t)->tv_sec = (t)->tv_usec = 0)
#define timercmp(a, b, cmp)					\
	((a)->tv_sec == (b)->tv_sec ?				\
	 (a)->tv_usec cmp (b)->tv_usec : (a)->tv_sec cmp (b)->tv_sec)
#define timeradd(a, b, res) do {				\
	(res)->tv_sec = (a)->tv_sec + (b)->tv_sec;		\
	(res)->tv_usec = (a)->tv_usec + (b)->tv_usec;		\
	if ((res)->tv_usec >= 1000000) {			\
		(res)->tv_sec++;				\
		(res)->tv_usec -= 1000000;			\
	}							\
} while (0)
#define timersub(a, b, res) do {				\
	(res)->tv_sec = (a)->tv_sec - (b)->tv_sec;		\
	(res)->tv_usec = (a)->tv_usec - (b)->tv_usec;		\
	if ((res)->tv_usec < 0) {				\
		(res)->tv_sec--;				\
		(res)->tv_usec += 1000000;			\
	}							\
} while (0)

#endif
