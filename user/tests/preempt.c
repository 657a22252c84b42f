/*
 * preempt - the scheduler preempts processes that never enter the kernel
 * and shares the CPU among them round robin.
 *
 * Two children spin in tight loops without a single system call.  The
 * parent sleeps about a second - it must be woken on time even though the
 * children never give the CPU up - then reads the process list (kstat
 * KSTAT_PROCS).  Both children must have been charged CPU ticks, each at
 * least MIN_SHARE_PCT percent of the two's total, and together most of the
 * time that passed.  Then it kills them with SIGKILL and reaps them.
 */
#include "test.h"

#define NCHILDREN	2
#define SLEEP_SEC	1
#define MAX_SLEEP_MS	3000	/* the parent must be back by then */
#define MIN_SHARE_PCT	20	/* each child's share of the two's ticks */
#define MIN_BUSY_PCT	50	/* the two's share of the elapsed ticks */
#define MAX_PROCS	64

static volatile unsigned long spins;

static __attribute__((noreturn)) void spin(void)
{
	for (;;)
		spins++;
}

/* The CPU ticks of process pid in the list, or -1 if it is not there. */
static long ticks_of(const struct kstat_proc *procs, int n, pid_t pid)
{
	for (int i = 0; i < n; i++)
		if (procs[i].pid == pid)
			return (long)procs[i].ticks;
	return -1;
}

static void check_shares(const pid_t *pids, long elapsed_ticks)
{
	static struct kstat_proc procs[MAX_PROCS];
	long ticks[NCHILDREN], total = 0;
	int n = kstat(KSTAT_PROCS, procs, sizeof(procs));

	if (n < 0) {
		FAIL("kstat KSTAT_PROCS");
		return;
	}
	for (int i = 0; i < NCHILDREN; i++) {
		ticks[i] = ticks_of(procs, n, pids[i]);
		CHECK(ticks[i] > 0, "a spinning child's CPU ticks: got %ld, "
		      "expected at least 1", ticks[i]);
		total += ticks[i];
	}
	for (int i = 0; i < NCHILDREN; i++)
		CHECK(ticks[i] * 100 >= total * MIN_SHARE_PCT,
		      "a child's ticks are %ld%% of both children's total, "
		      "expected at least %d%%",
		      total ? ticks[i] * 100 / total : 0, MIN_SHARE_PCT);
	CHECK(total * 100 >= elapsed_ticks * MIN_BUSY_PCT,
	      "both children's ticks are %ld%% of the elapsed ticks, expected "
	      "at least %d%%",
	      elapsed_ticks ? total * 100 / elapsed_ticks : 0, MIN_BUSY_PCT);
}

int main(void)
{
	struct timespec nap = { SLEEP_SEC, 0 };
	struct kstat_info before, after;
	pid_t pids[NCHILDREN];
	long start, slept;

	REQUIRE(kstat(KSTAT_INFO, &before, sizeof(before)) == 0,
		"kstat KSTAT_INFO");
	for (int i = 0; i < NCHILDREN; i++) {
		pids[i] = test_fork();
		if (pids[i] == 0)
			spin();
	}
	start = now_ms();
	nanosleep(&nap, NULL);
	slept = now_ms() - start;
	CHECK(slept <= MAX_SLEEP_MS, "parent's %d s sleep took %ld ms, at most "
	      "%d expected", SLEEP_SEC, slept, MAX_SLEEP_MS);
	if (kstat(KSTAT_INFO, &after, sizeof(after)) < 0)
		FAIL("kstat KSTAT_INFO");
	else
		check_shares(pids, (long)(after.ticks - before.ticks));
	for (int i = 0; i < NCHILDREN; i++) {
		int status;

		CHECK(kill(pids[i], SIGKILL) == 0, "kill(child, SIGKILL)");
		status = wait_status(pids[i]);
		if (status == -1)
			FAIL("waitpid");
		else if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
			FAIL("spinning child's wait status %#x, expected killed "
			     "by SIGKILL", status);
	}
	return test_done("preempt");
}
