/*
 * sig_alarm - alarm(): SIGALRM after the given seconds.
 *
 * Checks: alarm returns the seconds left on the previous alarm (0 for
 * none) and a new alarm replaces the old one, also for an alarm a year
 * and more away; alarm(0) cancels; the
 * SIGALRM comes about a second after alarm(1), ends pause() with EINTR,
 * and its siginfo says si_code SI_KERNEL; a cancelled alarm never rings;
 * an alarm not caught kills with SIGALRM.  The one-second waits run in
 * parallel (two children and the parent).
 */
#include "sig_test.h"

#define LONG_ALARM	10
#define MID_ALARM	5
#define HUGE_ALARM	50000000u	/* ~1.6 years: more ticks than 32 bits hold */
#define EARLY_MS	900		/* SIGALRM no sooner than this... */
#define LATE_MS		2500		/* ...and not much later */
#define QUIET_MS	1500		/* long enough for a cancelled alarm */

static volatile sig_atomic_t alrm_hits, alrm_code;

static void on_alrm(int sig, siginfo_t *info, void *ctx)
{
	(void)sig, (void)ctx;
	alrm_hits++;
	alrm_code = info->si_code;
}

static void check_return_values(void)
{
	unsigned int left;

	CHECK(alarm(0) == 0, "alarm(0) with no alarm set");
	CHECK(alarm(LONG_ALARM) == 0, "first alarm returned non-zero");
	CHECK(alarm(MID_ALARM) == LONG_ALARM, "alarm did not return the %d s left",
	      LONG_ALARM);
	CHECK(alarm(0) == MID_ALARM, "alarm(0) did not return the %d s left", MID_ALARM);
	CHECK(alarm(0) == 0, "alarm(0) did not cancel");
	alarm(HUGE_ALARM);
	left = alarm(0);
	CHECK(left >= HUGE_ALARM - 1 && left <= HUGE_ALARM, "alarm(%u) then alarm(0) gave %u",
	      HUGE_ALARM, left);
}

int main(void)
{
	struct sigaction sa;
	pid_t killed, cancelled;
	long start, elapsed;
	int ret;

	check_return_values();

	killed = test_fork();
	if (killed == 0) {
		alarm(1);
		for (;;)
			pause();
	}
	cancelled = test_fork();
	if (cancelled == 0) {
		signal(SIGALRM, SIG_DFL);
		alarm(1);
		alarm(0);
		sleep_ms(QUIET_MS);
		_exit(0);
	}

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_alrm;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGALRM, &sa, NULL);
	start = now_ms();
	alarm(LONG_ALARM);
	CHECK(alarm(1) == LONG_ALARM, "replacing the alarm");
	errno = 0;
	ret = pause();
	elapsed = now_ms() - start;
	CHECK(ret == -1 && errno == EINTR, "pause returned %d", ret);
	CHECK(alrm_hits == 1, "SIGALRM handler ran %d times", alrm_hits);
	CHECK(elapsed >= EARLY_MS && elapsed <= LATE_MS, "SIGALRM after %ld ms, want ~1000",
	      elapsed);
	CHECK(alrm_code == SI_KERNEL, "SIGALRM si_code %d, want SI_KERNEL", alrm_code);
	CHECK(alarm(0) == 0, "an alarm is left after it rang");

	CHECK(child_killed_by(killed, SIGALRM), "an uncaught alarm did not kill");
	CHECK(child_ok(cancelled), "a cancelled alarm rang");
	return test_done("sig_alarm");
}
