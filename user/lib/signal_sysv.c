/*
 * signal_sysv.c - the System V signal calls: sighold, sigrelse,
 * sigignore and sigset, each a short form of sigprocmask or sigaction.
 *
 * sigset(sig, disp) installs disp (with no other signal blocked while it
 * runs, and no flags) and unblocks sig; sigset(sig, SIG_HOLD) blocks sig
 * instead and leaves the disposition alone.  It returns SIG_HOLD if sig
 * was blocked before, else the previous disposition; SIG_ERR (EINVAL)
 * for a bad signal number.
 */
#include <signal.h>
#include <string.h>

static int change_one(int how, int sig, sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	if (sigaddset(&set, sig) < 0)
		return -1;
	return sigprocmask(how, &set, old);
}

int sighold(int sig)
{
	return change_one(SIG_BLOCK, sig, NULL);
}

int sigrelse(int sig)
{
	return change_one(SIG_UNBLOCK, sig, NULL);
}

int sigignore(int sig)
{
	struct sigaction act;

	memset(&act, 0, sizeof(act));
	act.sa_handler = SIG_IGN;
	return sigaction(sig, &act, NULL);
}

sighandler_t sigset(int sig, sighandler_t disp)
{
	struct sigaction act, old;
	sigset_t old_mask;

	if (disp == SIG_HOLD) {
		if (change_one(SIG_BLOCK, sig, &old_mask) < 0 ||
		    sigaction(sig, NULL, &old) < 0)
			return SIG_ERR;
	} else {
		memset(&act, 0, sizeof(act));
		act.sa_handler = disp;
		if (sigaction(sig, &act, &old) < 0 ||
		    change_one(SIG_UNBLOCK, sig, &old_mask) < 0)
			return SIG_ERR;
	}
	return sigismember(&old_mask, sig) == 1 ? SIG_HOLD : old.sa_handler;
}
