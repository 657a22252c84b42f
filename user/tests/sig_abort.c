/*
 * sig_abort - raise() and abort().
 *
 * Checks: raise() returns 0 after the handler has run; with the default
 * action it kills with that signal.  abort() kills with SIGABRT in every
 * case but one: by default; when SIGABRT is blocked; when it is ignored;
 * when a handler returns (the handler has run first: it writes to a
 * pipe).  A handler that leaves by siglongjmp keeps the process alive.
 */
#include <setjmp.h>
#include "sig_test.h"

enum abort_setup { DEFAULT, BLOCKED, IGNORED, RETURNS };

static volatile sig_atomic_t hits;
static int report_fd = -1;
static sigjmp_buf env;

static void count(int sig)
{
	(void)sig;
	hits++;
}

static void report(int sig)
{
	(void)sig;
	write(report_fd, "h", 1);
}

static void escape(int sig)
{
	(void)sig;
	siglongjmp(env, 1);
}

static void check_raise(void)
{
	pid_t pid;

	signal(SIGUSR1, count);
	hits = 0;
	CHECK(raise(SIGUSR1) == 0 && hits == 1, "raise: handler ran %d times", hits);
	signal(SIGUSR1, SIG_DFL);
	pid = test_fork();
	if (pid == 0) {
		raise(SIGTERM);
		_exit(EXIT_SURVIVED);
	}
	CHECK(child_killed_by(pid, SIGTERM), "raise(SIGTERM) did not kill");
}

static void check_abort(enum abort_setup setup, const char *name)
{
	int fds[2];
	pid_t pid;
	char c = 0;

	if (pipe(fds) < 0) {
		CHECK(0, "pipe");
		return;
	}
	pid = test_fork();
	if (pid == 0) {
		sigset_t set;

		close(fds[0]);
		report_fd = fds[1];
		sigemptyset(&set);
		sigaddset(&set, SIGABRT);
		if (setup == BLOCKED)
			sigprocmask(SIG_BLOCK, &set, NULL);
		else if (setup == IGNORED)
			signal(SIGABRT, SIG_IGN);
		else if (setup == RETURNS)
			signal(SIGABRT, report);
		abort();
	}
	close(fds[1]);
	CHECK(child_killed_by(pid, SIGABRT), "abort() %s: not killed by SIGABRT", name);
	CHECK(read(fds[0], &c, 1) == (setup == RETURNS ? 1 : 0),
	      "abort() %s: the handler ran wrongly", name);
	close(fds[0]);
}

static void check_abort_escape(void)
{
	volatile int escaped = 0;

	signal(SIGABRT, escape);
	if (sigsetjmp(env, 1) == 0)
		abort();
	else
		escaped = 1;
	CHECK(escaped, "siglongjmp out of the SIGABRT handler");
	signal(SIGABRT, SIG_DFL);
}

int main(void)
{
	check_raise();
	check_abort(DEFAULT, "by default");
	check_abort(BLOCKED, "with SIGABRT blocked");
	check_abort(IGNORED, "with SIGABRT ignored");
	check_abort(RETURNS, "with a handler that returns");
	check_abort_escape();
	return test_done("sig_abort");
}
