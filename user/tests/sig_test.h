/*
 * sig_test.h - what the sig_* tests add to test.h: the exit status of a
 * child that should have died, and signal sets made and read back.
 */
#ifndef SIG_TEST_H
#define SIG_TEST_H

#include "test.h"

#define EXIT_SURVIVED	100		/* a child that should have died */
#define MASK_UNSET	0xdeadbeefUL	/* no real mask: SIGSTOP is in it */

/* The set of signals a and b (0 for none). */
static inline sigset_t set_of(int a, int b)
{
	sigset_t set;

	sigemptyset(&set);
	if (a)
		sigaddset(&set, a);
	if (b)
		sigaddset(&set, b);
	return set;
}

/* The blocked mask, or MASK_UNSET if sigprocmask did not report it. */
static inline sigset_t current_mask(void)
{
	sigset_t m = MASK_UNSET;

	sigprocmask(SIG_BLOCK, NULL, &m);
	return m;
}

#endif
