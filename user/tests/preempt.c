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
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/kstat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NCHILDREN	2
#define SLEEP_SEC	1
#define MAX_SLEEP_MS	3000	/* the parent must be back by then */
#define MIN_SHARE_PCT	20	/* each child's share of the two's ticks */
#define MIN_BUSY_PCT	50	/* the two's share of the elapsed ticks */
#define MAX_PROCS	64
#define NSEC_PER_MSEC	1000000L
#define MSEC_PER_SEC	1000L

static int failures;
static volatile unsigned long spins;

static void fail(const char *what, long got, long expected)
{
	printf("FAIL: %s (got %ld, expected %ld)\n", what, got, expected);
	fflush(stdout);
	failures++;
}

static __attribute__((noreturn)) void spin(void)
{
	for (;;)
		spins++;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * MSEC_PER_SEC + ts.tv_nsec / NSEC_PER_MSEC;
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
		fail("kstat KSTAT_PROCS (errno)", errno, 0);
		return;
	}
	for (int i = 0; i < NCHILDREN; i++) {
		ticks[i] = ticks_of(procs, n, pids[i]);
		if (ticks[i] <= 0)
			fail("a spinning child's CPU ticks", ticks[i], 1);
		total += ticks[i];
	}
	for (int i = 0; i < NCHILDREN; i++)
		if (ticks[i] * 100 < total * MIN_SHARE_PCT)
			fail("a child's ticks, of both children's total (%)",
			     total ? ticks[i] * 100 / total : 0, MIN_SHARE_PCT);
	if (total * 100 < elapsed_ticks * MIN_BUSY_PCT)
		fail("both children's ticks, of the elapsed ticks (%)",
		     elapsed_ticks ? total * 100 / elapsed_ticks : 0, MIN_BUSY_PCT);
}

int main(void)
{
	struct timespec nap = { SLEEP_SEC, 0 };
	struct kstat_info before, after;
	pid_t pids[NCHILDREN];
	long start;

	if (kstat(KSTAT_INFO, &before, sizeof(before)) < 0) {
		fail("kstat KSTAT_INFO (errno)", errno, 0);
		return 1;
	}
	fflush(stdout);
	for (int i = 0; i < NCHILDREN; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			spin();
		if (pids[i] < 0) {
			fail("fork (errno)", errno, 0);
			return 1;
		}
	}
	start = now_ms();
	nanosleep(&nap, NULL);
	if (now_ms() - start > MAX_SLEEP_MS)
		fail("parent's 1 s sleep took (ms)", now_ms() - start, MAX_SLEEP_MS);
	if (kstat(KSTAT_INFO, &after, sizeof(after)) < 0)
		fail("kstat KSTAT_INFO (errno)", errno, 0);
	else
		check_shares(pids, (long)(after.ticks - before.ticks));
	for (int i = 0; i < NCHILDREN; i++) {
		int status = 0;

		if (kill(pids[i], SIGKILL) < 0)
			fail("kill(child, SIGKILL) (errno)", errno, 0);
		if (waitpid(pids[i], &status, 0) != pids[i])
			fail("waitpid (errno)", errno, 0);
		else if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
			fail("spinning child's wait status", status, SIGKILL);
	}
	return failures ? 1 : 0;
}
