/*
 * time_clock - the clocks: time(), gettimeofday() and
 * clock_gettime(CLOCK_REALTIME) agree with each other and with the
 * calendar (read from the real-time clock at boot: after 2020); the
 * monotonic clock never goes back and advances across a sleep; times()
 * counts the CPU ticks the process used; a bad clock id is EINVAL.
 */
#include <sys/time.h>
#include <sys/times.h>
#include "test.h"

#define YEAR_2020	1577836800L	/* 2020-01-01 00:00:00 UTC */
#define SLEEP_MS	300
#define BUSY_MS		100

int main(void)
{
	struct timespec real, mono1, mono2;
	struct timeval tv;
	struct tms t;
	time_t now = time(NULL);
	volatile unsigned long spin = 0;

	CHECK(now > YEAR_2020, "time() = %ld, before 2020", (long)now);
	CHECK_EQ("gettimeofday", gettimeofday(&tv, NULL), 0);
	CHECK_EQ("clock_gettime REALTIME", clock_gettime(CLOCK_REALTIME, &real), 0);
	CHECK(tv.tv_sec - now <= 1 && real.tv_sec - now <= 1 && tv.tv_sec >= now,
	      "clocks disagree: time %ld, gettimeofday %ld, REALTIME %ld",
	      (long)now, (long)tv.tv_sec, (long)real.tv_sec);
	CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000, "tv_usec %ld", (long)tv.tv_usec);

	clock_gettime(CLOCK_MONOTONIC, &mono1);
	sleep_ms(SLEEP_MS);
	clock_gettime(CLOCK_MONOTONIC, &mono2);
	long ms = (mono2.tv_sec - mono1.tv_sec) * MSEC_PER_SEC +
		  (mono2.tv_nsec - mono1.tv_nsec) / NSEC_PER_MSEC;
	CHECK(ms >= SLEEP_MS - 10 && ms < SLEEP_MS + 200, "monotonic advanced %ld ms", ms);

	for (long end = now_ms() + BUSY_MS; now_ms() < end; )
		spin++;
	CHECK(times(&t) != (clock_t)-1, "times");
	CHECK(t.tms_utime + t.tms_stime > 0, "times() says no CPU was used");
	CHECK_ERRNO("clock_gettime with a bad clock", clock_gettime(99, &real), EINVAL);
	return test_done("time_clock");
}
