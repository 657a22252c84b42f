/*
 * time_res - the clocks are finer than the timer tick, and consistent.
 *
 * clock_getres gives more than 0 and less than a 10 ms tick for
 * REALTIME, MONOTONIC, MONOTONIC_RAW and BOOTTIME, and more than 0 for
 * the coarse clocks; a NULL res is fine.  Reading MONOTONIC, REALTIME
 * and gettimeofday over and over, the smallest step seen between two
 * different readings is under a millisecond (a tick-based clock steps
 * by whole ticks), and no reading is below the one before (MONOTONIC
 * never goes back).  gettimeofday lies between two REALTIME readings
 * around it, to the microsecond; a coarse clock is never ahead of its
 * fine clock read after it; BOOTTIME is never behind MONOTONIC read
 * before it.  Clock ids Linux does not have are EINVAL.
 */
#include <stdint.h>
#include <sys/time.h>
#include "test.h"

#define TICK_NS		10000000LL	/* this kernel's timer tick */
#define STEP_LIMIT_NS	1000000LL	/* a step seen must be below 1 ms */
#define STEPS		200		/* changes of reading to watch */
#define READS_MAX	10000000	/* reads to see them in */
#define NS_PER_SEC	1000000000LL
#define NS_PER_USEC	1000LL

static int64_t ns_of(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * NS_PER_SEC + ts->tv_nsec;
}

static int64_t read_clock(clockid_t clock)
{
	struct timespec ts;

	if (clock_gettime(clock, &ts) != 0) {
		FAIL("clock_gettime(%d)", clock);
		return 0;
	}
	return ns_of(&ts);
}

static int64_t read_gettimeofday(clockid_t unused)
{
	struct timeval tv;

	(void)unused;
	if (gettimeofday(&tv, NULL) != 0) {
		FAIL("gettimeofday");
		return 0;
	}
	return (int64_t)tv.tv_sec * NS_PER_SEC + tv.tv_usec * NS_PER_USEC;
}

/* Watch STEPS changes of read(clock): the smallest step, never back. */
static void check_steps(const char *what, int64_t (*read)(clockid_t), clockid_t clock)
{
	int64_t last = read(clock), min_step = INT64_MAX;
	int steps = 0;

	for (long i = 0; i < READS_MAX && steps < STEPS; i++) {
		int64_t now = read(clock);

		if (now < last) {
			FAIL("%s went back by %lld ns", what, (long long)(last - now));
			return;
		}
		if (now > last) {
			steps++;
			if (now - last < min_step)
				min_step = now - last;
		}
		last = now;
	}
	CHECK(steps == STEPS, "%s changed %d times in %d reads", what, steps, READS_MAX);
	CHECK(min_step < STEP_LIMIT_NS, "%s: smallest step %lld ns, expected < %lld",
	      what, (long long)min_step, (long long)STEP_LIMIT_NS);
}

static void check_res(const char *what, clockid_t clock, int64_t below)
{
	struct timespec res = { -1, -1 };

	CHECK_EQ(what, clock_getres(clock, &res), 0);
	CHECK(ns_of(&res) > 0 && ns_of(&res) < below, "%s: resolution %ld.%09ld s",
	      what, (long)res.tv_sec, (long)res.tv_nsec);
	CHECK_EQ("clock_getres(NULL)", clock_getres(clock, NULL), 0);
}

static void check_order(void)
{
	for (int i = 0; i < STEPS; i++) {
		int64_t real0 = read_clock(CLOCK_REALTIME);
		int64_t tod = read_gettimeofday(0);
		int64_t real1 = read_clock(CLOCK_REALTIME);
		int64_t coarse = read_clock(CLOCK_MONOTONIC_COARSE);
		int64_t mono = read_clock(CLOCK_MONOTONIC);
		int64_t boot = read_clock(CLOCK_BOOTTIME);
		int64_t rcoarse = read_clock(CLOCK_REALTIME_COARSE);
		int64_t real2 = read_clock(CLOCK_REALTIME);

		CHECK(tod >= real0 / NS_PER_USEC * NS_PER_USEC && tod <= real1,
		      "gettimeofday %lld not within REALTIME %lld..%lld",
		      (long long)tod, (long long)real0, (long long)real1);
		CHECK(coarse <= mono, "MONOTONIC_COARSE %lld ahead of MONOTONIC %lld",
		      (long long)coarse, (long long)mono);
		CHECK(boot >= mono, "BOOTTIME %lld behind MONOTONIC %lld",
		      (long long)boot, (long long)mono);
		CHECK(rcoarse <= real2, "REALTIME_COARSE %lld ahead of REALTIME %lld",
		      (long long)rcoarse, (long long)real2);
		if (failures)
			return;
	}
}

int main(void)
{
	static const int bad_clocks[] = { 10, 12, 16, 99, 1000 };
	struct timespec ts;

	check_res("REALTIME", CLOCK_REALTIME, TICK_NS);
	check_res("MONOTONIC", CLOCK_MONOTONIC, TICK_NS);
	check_res("MONOTONIC_RAW", CLOCK_MONOTONIC_RAW, TICK_NS);
	check_res("BOOTTIME", CLOCK_BOOTTIME, TICK_NS);
	check_res("REALTIME_COARSE", CLOCK_REALTIME_COARSE, NS_PER_SEC);
	check_res("MONOTONIC_COARSE", CLOCK_MONOTONIC_COARSE, NS_PER_SEC);
	check_steps("MONOTONIC", read_clock, CLOCK_MONOTONIC);
	check_steps("MONOTONIC_RAW", read_clock, CLOCK_MONOTONIC_RAW);
	check_steps("BOOTTIME", read_clock, CLOCK_BOOTTIME);
	check_steps("REALTIME", read_clock, CLOCK_REALTIME);
	check_steps("gettimeofday", read_gettimeofday, 0);
	check_order();
	for (unsigned i = 0; i < sizeof(bad_clocks) / sizeof(bad_clocks[0]); i++) {
		CHECK_ERR(clock_gettime(bad_clocks[i], &ts), EINVAL);
		CHECK_ERR(clock_getres(bad_clocks[i], &ts), EINVAL);
	}
	return test_done("time_res");
}
