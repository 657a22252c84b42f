/*
 * time_sleep - long timeouts are really long, and bad ones are EINVAL.
 *
 * A nanosleep or clock_nanosleep of more than 248 days (tv_sec * HZ
 * does not fit in 32 bits) or of INT_MAX seconds really sleeps: an alarm
 * a second later ends it with EINTR and a time left within a few seconds
 * of what was asked (the sleep is interrupted, never waited out).  The
 * same for an absolute clock_nanosleep far in the future on each clock,
 * which leaves *rem alone.  alarm(INT_MAX) is pending: alarm(0) returns
 * INT_MAX.  alarm rounds the time left to the nearest second (1.3 s is
 * 1, not 2), but never to 0 while an alarm is pending.  nanosleep and clock_nanosleep
 * refuse tv_nsec outside 0..999999999 and a negative tv_sec with EINVAL
 * (clock_nanosleep returns the error), a bad clock with EINVAL, and
 * clocks that cannot be slept on with EOPNOTSUPP; a zero sleep returns 0
 * at once.
 */
#include <limits.h>
#include <sys/syscall.h>
#include "test.h"

#define DAYS_300	(300L * 24 * 3600)	/* more than 2^32 ticks at 100 Hz... */
#define SLACK_S		30			/* ...asked minus left, at most */
#define NO_REM		12345
#define ALARM_WAIT_MS	700

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

struct sleep_case {
	const char *what;
	bool nanosleep;		/* else clock_nanosleep on clock */
	clockid_t clock;
	bool abs;
	long secs;
};

static const struct sleep_case long_sleeps[] = {
	{ "nanosleep 300 days", true, CLOCK_MONOTONIC, false, DAYS_300 },
	{ "nanosleep INT_MAX s", true, CLOCK_MONOTONIC, false, INT_MAX },
	{ "clock_nanosleep MONOTONIC INT_MAX s", false, CLOCK_MONOTONIC, false, INT_MAX },
	{ "clock_nanosleep REALTIME 300 days", false, CLOCK_REALTIME, false, DAYS_300 },
	{ "clock_nanosleep BOOTTIME 300 days", false, CLOCK_BOOTTIME, false, DAYS_300 },
	{ "clock_nanosleep MONOTONIC until +300 days", false, CLOCK_MONOTONIC, true,
	  DAYS_300 },
	{ "clock_nanosleep REALTIME until +300 days", false, CLOCK_REALTIME, true,
	  DAYS_300 },
};

/* Sleep for secs (relative) or until now + secs (abs) on clock, with an
 * alarm in a second: EINTR, and *rem about secs - 1 (relative) or
 * untouched (abs). */
static void check_interrupted(const struct sleep_case *c)
{
	const char *what = c->what;
	clockid_t clock = c->clock;
	bool abs = c->abs;
	long secs = c->secs;
	struct timespec req = { secs, 0 }, rem = { NO_REM, NO_REM };
	int err;

	if (abs) {
		struct timespec now;

		REQUIRE(clock_gettime(clock, &now) == 0, "clock_gettime %d", clock);
		req.tv_sec = now.tv_sec + secs;
	}
	alarms = 0;
	alarm(1);
	if (c->nanosleep)
		err = nanosleep(&req, &rem) == 0 ? 0 : errno;
	else
		err = clock_nanosleep(clock, abs ? TIMER_ABSTIME : 0, &req, &rem);
	alarm(0);
	CHECK(err == EINTR && alarms == 1, "%s: returned %d after %d alarms, "
	      "expected EINTR after 1", what, err, (int)alarms);
	if (abs)
		CHECK(rem.tv_sec == NO_REM && rem.tv_nsec == NO_REM,
		      "%s: rem written by an absolute sleep", what);
	else
		CHECK(rem.tv_sec <= secs && rem.tv_sec >= secs - SLACK_S &&
		      rem.tv_nsec >= 0 && rem.tv_nsec < NSEC_PER_MSEC * MSEC_PER_SEC,
		      "%s: %ld s asked, %ld.%09ld s left", what, secs,
		      (long)rem.tv_sec, (long)rem.tv_nsec);
}


static void check_alarms(void)
{
	unsigned int left;

	alarm(INT_MAX);
	left = alarm(0);
	CHECK(left == INT_MAX, "alarm(0) after alarm(INT_MAX) returned %u", left);
	/* 0.7 s and more into alarm(2): 1.3 s or less left, which rounds
	 * to 1 until the alarm rings (then 0) */
	alarms = 0;
	alarm(2);
	sleep_ms(ALARM_WAIT_MS);
	left = alarm(0);
	CHECK(left == 1 || (left == 0 && alarms == 1),
	      "alarm(0) 0.7 s into alarm(2) returned %u", left);
	/* 0.3 s or less left of alarm(1): still pending, so 1, not 0 */
	alarms = 0;
	alarm(1);
	sleep_ms(ALARM_WAIT_MS);
	left = alarm(0);
	CHECK(left == 1 || (left == 0 && alarms == 1),
	      "alarm(0) 0.7 s into alarm(1) returned %u", left);
}

static void check_einval(void)
{
	static const struct timespec bad[] = {
		{ 0, -1 }, { 0, 1000000000L }, { -1, 0 }, { 1, LONG_MAX }, { LONG_MIN, 0 },
	};
	struct timespec zero = { 0, 0 }, rem;

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK_ERR(nanosleep(&bad[i], &rem), EINVAL);
		CHECK(clock_nanosleep(CLOCK_MONOTONIC, 0, &bad[i], &rem) == EINVAL,
		      "clock_nanosleep {%ld, %ld}", (long)bad[i].tv_sec, (long)bad[i].tv_nsec);
		CHECK(clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &bad[i], NULL) == EINVAL,
		      "clock_nanosleep abs {%ld, %ld}", (long)bad[i].tv_sec,
		      (long)bad[i].tv_nsec);
	}
	CHECK_ERR(syscall(__NR_nanosleep, NULL, NULL), EFAULT);
	CHECK_EQ("clock_nanosleep(99)", clock_nanosleep(99, 0, &zero, NULL), EINVAL);
	CHECK_EQ("clock_nanosleep(MONOTONIC_COARSE)",
		 clock_nanosleep(CLOCK_MONOTONIC_COARSE, 0, &zero, NULL), EOPNOTSUPP);
	CHECK_EQ("clock_nanosleep(MONOTONIC_RAW)",
		 clock_nanosleep(CLOCK_MONOTONIC_RAW, 0, &zero, NULL), EOPNOTSUPP);
	CHECK_EQ("nanosleep 0", nanosleep(&zero, NULL), 0);
	CHECK_EQ("clock_nanosleep 0", clock_nanosleep(CLOCK_MONOTONIC, 0, &zero, NULL), 0);
	CHECK_EQ("clock_nanosleep until 0",
		 clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &zero, NULL), 0);
}

int main(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	check_einval();
	for (unsigned i = 0; i < sizeof(long_sleeps) / sizeof(long_sleeps[0]); i++)
		check_interrupted(&long_sleeps[i]);
	check_alarms();
	return test_done("time_sleep");
}
