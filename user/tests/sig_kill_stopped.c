/*
 * sig_kill_stopped - SIGKILL ends a stopped process at once, and wait
 * reports SIGKILL, whatever else is pending.
 *
 * Checks: a child stops itself; while it is stopped it is sent SIGHUP
 * and SIGINT (both caught, the handlers exit with a code of their own)
 * and SIGTERM while blocked; then SIGKILL.  No handler runs: the wait
 * status says killed by SIGKILL.  The same with only blocked signals
 * pending.
 */
#include "test.h"

#define EXIT_HANDLER	7		/* a handler ran after all */

static void exit_from_handler(int sig)
{
	(void)sig;
	_exit(EXIT_HANDLER);
}

static void stop_self(void)
{
	struct sigaction sa;
	sigset_t term;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = exit_from_handler;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigprocmask(SIG_BLOCK, &term, NULL);
	raise(SIGSTOP);
	_exit(0);
}

/* Stop a child, send it `others' (0-ended), then SIGKILL; check the end. */
static void check_kill(const char *what, const int *others)
{
	pid_t pid = test_fork();
	int status;

	if (pid == 0)
		stop_self();
	REQUIRE(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status),
		"%s: the child did not stop (status %#x)", what, status);
	for (; *others; others++)
		CHECK(kill(pid, *others) == 0, "%s: kill %d", what, *others);
	sleep_ms(POLL_MS);
	CHECK(kill(pid, SIGKILL) == 0, "%s: kill SIGKILL", what);
	status = wait_or_kill(pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	      "%s: wait status %#x, expected killed by SIGKILL (%d)", what, status,
	      SIGKILL);
}

int main(void)
{
	static const int caught[] = { SIGHUP, SIGINT, SIGTERM, 0 };
	static const int blocked[] = { SIGTERM, 0 };

	check_kill("caught signals pending", caught);
	check_kill("a blocked signal pending", blocked);
	return test_done("sig_kill_stopped");
}
