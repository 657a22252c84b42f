/*
 * sig_suspend - sigsuspend() replaces the mask and waits in one atomic
 * step, so a signal cannot slip in between and be missed.
 *
 * Checks: ping-pong of ROUNDS rounds between two processes, each keeping
 * SIGUSR1 and SIGUSR2 blocked except inside sigsuspend: the parent sends
 * SIGUSR1 and waits for SIGUSR2, the child the other way round.  A lost
 * wake-up would leave both waiting for ever (SIGALRM then ends the
 * test).  Every sigsuspend returns -1/EINTR with the old mask back, and
 * each side's handler runs exactly once per round.  Also: a signal that
 * the sigsuspend mask blocks does not end the wait, and stays pending;
 * a signal already pending when sigsuspend is called ends it at once.
 */
#include "sig_test.h"

#define ROUNDS		10000
#define TIME_LIMIT	20		/* seconds */
#define EXIT_BAD_ROUND	2		/* the child saw something wrong */
#define GAP_MS		50		/* between two signals of the child */

static volatile sig_atomic_t usr1_hits, usr2_hits;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_hits++;
}

static void on_usr2(int sig)
{
	(void)sig;
	usr2_hits++;
}

static sigset_t without(sigset_t set, int sig)
{
	sigdelset(&set, sig);
	return set;
}

/* Wait in sigsuspend(mask) for the handler that bumps *hits to `want'. */
static int suspend_until(const sigset_t *mask, volatile sig_atomic_t *hits, int want,
			 sigset_t blocked)
{
	while (*hits < want)
		if (sigsuspend(mask) != -1 || errno != EINTR || current_mask() != blocked)
			return -1;
	return *hits == want ? 0 : -1;
}

static void check_ping_pong(void)
{
	sigset_t blocked, wait_usr1, wait_usr2;
	pid_t child;
	long start;
	int i, ok = 1;

	sigemptyset(&blocked);
	sigaddset(&blocked, SIGUSR1);
	sigaddset(&blocked, SIGUSR2);
	sigprocmask(SIG_SETMASK, &blocked, NULL);
	wait_usr1 = without(blocked, SIGUSR1);
	wait_usr2 = without(blocked, SIGUSR2);
	signal(SIGUSR1, on_usr1);
	signal(SIGUSR2, on_usr2);
	usr1_hits = usr2_hits = 0;

	start = now_ms();
	child = test_fork();
	if (child == 0) {
		pid_t parent = getppid();

		alarm(TIME_LIMIT);
		for (i = 1; i <= ROUNDS; i++) {
			if (suspend_until(&wait_usr1, &usr1_hits, i, blocked) < 0 ||
			    usr2_hits != 0)
				_exit(EXIT_BAD_ROUND);
			kill(parent, SIGUSR2);
		}
		_exit(0);
	}
	alarm(TIME_LIMIT);
	for (i = 1; i <= ROUNDS && ok; i++) {
		kill(child, SIGUSR1);
		if (suspend_until(&wait_usr2, &usr2_hits, i, blocked) < 0 || usr1_hits != 0) {
			CHECK(0, "round %d: usr1 %d usr2 %d", i, usr1_hits, usr2_hits);
			ok = 0;
		}
	}
	alarm(0);
	CHECK(child_ok(child), "the child saw a bad round or was killed");
	CHECK(usr2_hits == ROUNDS, "%d of %d rounds", usr2_hits, ROUNDS);
	printf("sig_suspend: %d rounds in %ld ms\n", usr2_hits, now_ms() - start);
}

static void check_mask_respected(void)
{
	sigset_t blocked, only_usr1, pending;
	pid_t child;

	sigemptyset(&blocked);
	sigaddset(&blocked, SIGUSR1);
	sigaddset(&blocked, SIGUSR2);
	sigprocmask(SIG_SETMASK, &blocked, NULL);
	only_usr1 = without(blocked, SIGUSR1);
	usr1_hits = usr2_hits = 0;

	/* SIGUSR2 comes first but is blocked during the wait. */
	child = test_fork();
	if (child == 0) {
		kill(getppid(), SIGUSR2);
		sleep_ms(GAP_MS);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	CHECK(sigsuspend(&only_usr1) == -1 && errno == EINTR, "sigsuspend");
	CHECK(usr1_hits == 1 && usr2_hits == 0,
	      "blocked SIGUSR2 ended the wait (usr1 %d, usr2 %d)", usr1_hits, usr2_hits);
	CHECK(sigpending(&pending) == 0 && sigismember(&pending, SIGUSR2) == 1,
	      "SIGUSR2 is not pending after sigsuspend");
	CHECK(child_ok(child), "child");

	/* Already pending: no wait at all. */
	raise(SIGUSR1);
	CHECK(sigsuspend(&only_usr1) == -1 && errno == EINTR && usr1_hits == 2,
	      "a pending SIGUSR1 did not end sigsuspend at once");
	sigprocmask(SIG_UNBLOCK, &blocked, NULL);
	CHECK(usr2_hits == 1, "SIGUSR2 ran %d times once unblocked", usr2_hits);
}

int main(void)
{
	check_ping_pong();
	check_mask_respected();
	return test_done("sig_suspend");
}
