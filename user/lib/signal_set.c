/*
 * signal_set.c - signal sets: sigemptyset, sigfillset, sigaddset,
 * sigdelset, sigismember.
 *
 * A sigset_t holds signals 1..NSIG-1, signal n as bit (n - 1).  Any other
 * number fails with EINVAL.  A full set holds every valid signal, SIGKILL
 * and SIGSTOP too: the kernel leaves those two out when the set is used
 * as a mask.
 */
#include <errno.h>
#include <signal.h>

#define FULL_SET	(~0ULL)		/* signals 1..64 */

/* The bit of sig, or 0 (errno EINVAL) if sig is not a signal number. */
static sigset_t signal_bit(int sig)
{
	if (sig < 1 || sig >= NSIG) {
		errno = EINVAL;
		return 0;
	}
	return 1ULL << (sig - 1);
}

int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	*set = FULL_SET;
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	sigset_t bit = signal_bit(sig);

	if (!bit)
		return -1;
	*set |= bit;
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	sigset_t bit = signal_bit(sig);

	if (!bit)
		return -1;
	*set &= ~bit;
	return 0;
}

/* 1 if sig is in the set, 0 if not, -1 (EINVAL) if it is no signal. */
int sigismember(const sigset_t *set, int sig)
{
	sigset_t bit = signal_bit(sig);

	if (!bit)
		return -1;
	return (*set & bit) != 0;
}
