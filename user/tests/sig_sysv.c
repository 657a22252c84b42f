/*
 * sig_sysv - the System V signal calls: sighold, sigrelse, sigignore,
 * sigset.
 *
 * Checks: sighold blocks a signal (it stays pending when raised) and
 * sigrelse unblocks it (the handler runs then); sigignore makes a
 * pending and a later signal vanish; sigset installs a handler, returns
 * the old disposition and unblocks the signal; sigset(sig, SIG_HOLD)
 * blocks it and returns the old disposition, or SIG_HOLD when it was
 * blocked already, as does sigset of a handler for a held signal (whose
 * pending instance then runs it); a bad signal number gives -1 or SIG_ERR with EINVAL.
 */
#include "test.h"

static volatile sig_atomic_t hits;

static void on_usr1(int sig)
{
	(void)sig;
	hits++;
}

static int is_blocked(int sig)
{
	sigset_t set;

	sigprocmask(SIG_BLOCK, NULL, &set);
	return sigismember(&set, sig);
}

static int is_pending(int sig)
{
	sigset_t set;

	sigpending(&set);
	return sigismember(&set, sig);
}

int main(void)
{
	signal(SIGUSR1, on_usr1);
	CHECK(sighold(SIGUSR1) == 0 && is_blocked(SIGUSR1) == 1, "sighold");
	raise(SIGUSR1);
	CHECK(hits == 0 && is_pending(SIGUSR1) == 1, "held SIGUSR1 not pending");
	CHECK(sigrelse(SIGUSR1) == 0 && is_blocked(SIGUSR1) == 0, "sigrelse");
	CHECK_EQ("handler after sigrelse", hits, 1);

	sighold(SIGUSR1);
	raise(SIGUSR1);
	CHECK(sigignore(SIGUSR1) == 0 && is_pending(SIGUSR1) == 0,
	      "sigignore kept a pending signal");
	sigrelse(SIGUSR1);
	raise(SIGUSR1);
	CHECK_EQ("an ignored signal ran the handler", hits, 1);

	CHECK(sigset(SIGUSR1, on_usr1) == SIG_IGN, "sigset returns the old disposition");
	raise(SIGUSR1);
	CHECK_EQ("handler installed by sigset", hits, 2);
	CHECK(sigset(SIGUSR1, SIG_HOLD) == on_usr1 && is_blocked(SIGUSR1) == 1,
	      "sigset(SIG_HOLD) on an unblocked signal");
	CHECK(sigset(SIGUSR1, SIG_HOLD) == SIG_HOLD, "sigset(SIG_HOLD) on a held signal");
	raise(SIGUSR1);
	CHECK_EQ("held by sigset", hits, 2);
	CHECK(sigset(SIGUSR1, on_usr1) == SIG_HOLD, "sigset on a held signal returns SIG_HOLD");
	CHECK_EQ("the held signal, once sigset unblocked it", hits, 3);

	CHECK_ERR(sighold(0), EINVAL);
	CHECK_ERR(sigrelse(NSIG), EINVAL);
	CHECK_ERR(sigignore(SIGKILL), EINVAL);
	errno = 0;
	CHECK(sigset(-1, on_usr1) == SIG_ERR && errno == EINVAL, "sigset(-1)");
	return test_done("sig_sysv");
}
