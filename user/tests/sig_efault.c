/*
 * sig_efault - the signal-set calls of libc hand a bad pointer to the
 * kernel, which answers EFAULT; none of them dereferences it first (and
 * dies of SIGSEGV).
 *
 * Checks, in a child (so a crash shows as its death): sigsuspend,
 * sigpending and sigprocmask (the old set) with an
 * unmapped pointer return -1/EFAULT; the mask is unchanged afterwards.
 */
#include "test.h"

#define BAD_PTR		((void *)1)

static void bad_sets(void *unused)
{
	sigset_t before, after;

	(void)unused;
	sigprocmask(SIG_BLOCK, NULL, &before);
	CHECK_ERR(sigsuspend(BAD_PTR), EFAULT);
	CHECK_ERR(sigpending(BAD_PTR), EFAULT);
	CHECK_ERR(sigprocmask(SIG_BLOCK, NULL, BAD_PTR), EFAULT);
	sigprocmask(SIG_BLOCK, NULL, &after);
	for (int sig = 1; sig < SIGRTMIN; sig++)
		CHECK(sigismember(&before, sig) == sigismember(&after, sig),
		      "signal %d: the mask changed", sig);
}

int main(void)
{
	int status = run_child(bad_sets, NULL);

	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the child: wait status %#x (signal %d)", status,
	      WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return test_done("sig_efault");
}
