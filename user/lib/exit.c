/*
 * exit.c - process exit: atexit, exit, abort.
 *
 * exit() calls the atexit functions in reverse order of registration,
 * flushes every stdio stream, then ends the process with _exit().
 * abort() unblocks SIGABRT and raises it.  If that returns (a handler
 * returned, or SIGABRT is ignored) it sets SIGABRT back to SIG_DFL and
 * raises it again, which ends the process.  Only init, which the kernel
 * sends no signal it does not handle, gets past that: it exits with the
 * status a shell reports for death by SIGABRT (128 + 6).
 */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define SIGNAL_EXIT_BASE	128

static void (*handlers[ATEXIT_MAX])(void);
static int n_handlers;

int atexit(void (*fn)(void))
{
	if (n_handlers == ATEXIT_MAX)
		return -1;
	handlers[n_handlers++] = fn;
	return 0;
}

_Noreturn void exit(int status)
{
	while (n_handlers > 0)
		handlers[--n_handlers]();
	fflush(NULL);
	_exit(status);
}

_Noreturn void abort(void)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t abrt;

	sigemptyset(&abrt);
	sigaddset(&abrt, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &abrt, NULL);
	raise(SIGABRT);
	sigaction(SIGABRT, &dfl, NULL);
	raise(SIGABRT);
	_exit(SIGNAL_EXIT_BASE + SIGABRT);
}
