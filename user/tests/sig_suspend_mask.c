/*
 * sig_suspend_mask - a handler that ends sigsuspend() runs with the
 * sigsuspend mask, plus its sa_mask, plus the signal itself blocked; the
 * mask from before sigsuspend comes back only when sigsuspend returns.
 *
 * Checks: with SIGUSR1 blocked and pending, sigsuspend(mask = {SIGUSR2})
 * runs the SIGUSR1 handler at once; inside it SIGUSR1 and SIGUSR2 (from
 * the sigsuspend mask) and SIGHUP (its sa_mask) are blocked, so a SIGUSR2
 * it raises stays pending and is handled only after it returns - before
 * sigsuspend returns -1/EINTR with the old mask {SIGUSR1} back.
 */
#include "test.h"

static volatile sig_atomic_t usr1_runs, usr2_runs, usr2_inside_usr1;
static volatile sig_atomic_t usr1_blocked, usr2_blocked, hup_blocked;

static void on_usr1(int sig)
{
	sigset_t now;

	(void)sig;
	usr1_runs++;
	sigprocmask(SIG_BLOCK, NULL, &now);
	usr1_blocked = sigismember(&now, SIGUSR1);
	usr2_blocked = sigismember(&now, SIGUSR2);
	hup_blocked = sigismember(&now, SIGHUP);
	raise(SIGUSR2);
	usr2_inside_usr1 = usr2_runs;
}

static void on_usr2(int sig)
{
	(void)sig;
	usr2_runs++;
}

static void install(int sig, void (*fn)(int), int also_blocked)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	if (also_blocked)
		sigaddset(&sa.sa_mask, also_blocked);
	REQUIRE(sigaction(sig, &sa, NULL) == 0, "sigaction %d", sig);
}

int main(void)
{
	sigset_t before, during, after;

	install(SIGUSR1, on_usr1, SIGHUP);
	install(SIGUSR2, on_usr2, 0);
	sigemptyset(&before);
	sigaddset(&before, SIGUSR1);
	sigprocmask(SIG_SETMASK, &before, NULL);
	raise(SIGUSR1);				/* pending: blocked */
	CHECK_EQ("SIGUSR1 ran while blocked", usr1_runs, 0);

	sigemptyset(&during);
	sigaddset(&during, SIGUSR2);
	CHECK_ERRNO("sigsuspend", sigsuspend(&during), EINTR);
	CHECK_EQ("SIGUSR1 handler runs", usr1_runs, 1);
	CHECK_EQ("SIGUSR1 blocked in its handler", usr1_blocked, 1);
	CHECK_EQ("SIGUSR2 (sigsuspend mask) blocked in the handler", usr2_blocked, 1);
	CHECK_EQ("SIGHUP (sa_mask) blocked in the handler", hup_blocked, 1);
	CHECK_EQ("SIGUSR2 handled inside the SIGUSR1 handler", usr2_inside_usr1, 0);
	CHECK_EQ("SIGUSR2 handled once the handler returned", usr2_runs, 1);

	sigprocmask(SIG_BLOCK, NULL, &after);
	CHECK(sigismember(&after, SIGUSR1) == 1 && sigismember(&after, SIGUSR2) == 0 &&
	      sigismember(&after, SIGHUP) == 0, "the mask from before sigsuspend is back");
	return test_done("sig_suspend_mask");
}
