/*
 * time.h - the clock calls (time, nanosleep, clock_gettime, clock) and
 * calendar time.  There are no time zones: local time is UTC.
 */
#ifndef _TIME_H
#define _TIME_H

#include <stddef.h>
#include <sys/types.h>
#include <uapi/time.h>

#define CLOCKS_PER_SEC	1000000L

struct tm {
	int tm_sec;	/* 0..60 */
	int tm_min;	/* 0..59 */
	int tm_hour;	/* 0..23 */
	int tm_mday;	/* 1..31 */
	int tm_mon;	/* 0..11 */
	int tm_year;	/* years since 1900 */
	int tm_wday;	/* 0..6, Sunday is 0 */
	int tm_yday;	/* 0..365 */
	int tm_isdst;	/* always 0 */
};

time_t time(time_t *tloc);
int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_gettime(clockid_t clk, struct timespec *ts);
int clock_getres(clockid_t clk, struct timespec *res);
int clock_nanosleep(clockid_t clk, int flags, const struct timespec *req,
		    struct timespec *rem);	/* returns an errno, not -1 */
clock_t clock(void);
double difftime(time_t end, time_t start);

struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm);
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);
char *asctime(const struct tm *tm);
char *asctime_r(const struct tm *restrict tm, char *restrict buf);
char *ctime(const time_t *t);
char *ctime_r(const time_t *t, char *buf);
size_t strftime(char *restrict s, size_t max, const char *restrict fmt,
		const struct tm *restrict tm);

#endif
