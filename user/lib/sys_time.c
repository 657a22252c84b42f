/*
 * sys_time.c - wrappers for the clock calls (time, times, gettimeofday,
 * clock_gettime, clock_getres, nanosleep, clock_nanosleep) and what is built on them: sleep, usleep,
 * clock.
 */
#include <limits.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include "syscall.h"
#include "libc_private.h"

#define USEC_PER_SEC	1000000L
#define NSEC_PER_USEC	1000L
#define NSEC_PER_SEC	1000000000L

/* The kernel is asked for the time only; tloc is filled here. */
time_t time(time_t *tloc)
{
	time_t t = SYS1(time, NULL);

	if (t != (time_t)-1 && tloc)
		*tloc = t;
	return t;
}

clock_t times(struct tms *buf)
{
	return SYS1(times, buf);
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	return SYS2(gettimeofday, tv, tz);
}

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	return SYS2(clock_gettime, clk, ts);
}

int clock_getres(clockid_t clk, struct timespec *res)
{
	return SYS2(clock_getres, clk, res);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return SYS2(nanosleep, req, rem);
}

/* POSIX: the error number is returned, errno is left alone. */
int clock_nanosleep(clockid_t clk, int flags, const struct timespec *req,
		    struct timespec *rem)
{
	long ret = __syscall4(__NR_clock_nanosleep, clk, flags, (long)req, (long)rem);

	return ret < 0 ? (int)-ret : 0;
}

/* Returns the whole seconds not slept (rounded up) if interrupted.
 * More than a timespec holds (LONG_MAX) is slept in two parts. */
unsigned int sleep(unsigned int seconds)
{
	unsigned int over = seconds > (unsigned int)LONG_MAX ?
			    seconds - (unsigned int)LONG_MAX : 0;
	struct timespec req = { .tv_sec = (long)(seconds - over), .tv_nsec = 0 };
	struct timespec rem = { 0, 0 };

	if (nanosleep(&req, &rem) == 0)
		return over ? sleep(over) : 0;
	return over + (unsigned int)rem.tv_sec + (rem.tv_nsec > 0);
}

int usleep(useconds_t usec)
{
	struct timespec req = {
		.tv_sec = (long)(usec / USEC_PER_SEC),
		.tv_nsec = (long)(usec % USEC_PER_SEC) * NSEC_PER_USEC,
	};

	return nanosleep(&req, NULL);
}

/* CPU time of this process (user + system) in CLOCKS_PER_SEC units. */
clock_t clock(void)
{
	struct tms t;

	if (times(&t) == (clock_t)-1)
		return (clock_t)-1;
	return (t.tms_utime + t.tms_stime) * (CLOCKS_PER_SEC / CLOCK_TICKS);
}
