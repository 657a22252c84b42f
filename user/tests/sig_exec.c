/*
 * sig_exec - what fork() and execve() keep of the signal state.
 *
 * The parent catches SIGUSR1 and SIGTERM, ignores SIGUSR2 and SIGPIPE,
 * blocks SIGINT and SIGQUIT, has SIGINT pending and an alarm set.
 * Checks: a forked child has the same handlers, flags and mask, nothing
 * pending and no alarm.  A child that then raises SIGQUIT (pending),
 * sets an alarm and execs this program with "--child" must find, in the
 * new program: caught signals back to SIG_DFL with no flags or mask,
 * ignored ones still ignored, the same mask, SIGQUIT still pending, and
 * the alarm still running.
 */
#include "sig_test.h"

#define CHILD_MODE	"--child"
#define PARENT_ALARM	30		/* seconds; never allowed to ring */
#define CHILD_ALARM	20

extern char **environ;

static void handler(int sig)
{
	(void)sig;
}

static void info_handler(int sig, siginfo_t *info, void *ctx)
{
	(void)sig, (void)info, (void)ctx;
}

static void query(int sig, struct sigaction *sa)
{
	memset(sa, 0xff, sizeof(*sa));
	CHECK(sigaction(sig, NULL, sa) == 0, "query of signal %d", sig);
}

static sigset_t pending_set(void)
{
	sigset_t p;

	sigpending(&p);
	return p;
}

/* The exec'd program: everything checked against the parent's setup. */
static int exec_child(void)
{
	struct sigaction sa;
	unsigned int left;

	query(SIGUSR1, &sa);
	CHECK(sa.sa_handler == SIG_DFL && sa.sa_flags == 0 && sa.sa_mask == 0,
	      "after exec: SIGUSR1 handler %p flags %#x mask %#llx, want SIG_DFL 0 0",
	      (void *)sa.sa_handler, sa.sa_flags, sa.sa_mask);
	query(SIGTERM, &sa);
	CHECK(sa.sa_handler == SIG_DFL && sa.sa_flags == 0,
	      "after exec: SIGTERM handler %p flags %#x", (void *)sa.sa_handler, sa.sa_flags);
	query(SIGUSR2, &sa);
	CHECK(sa.sa_handler == SIG_IGN, "after exec: SIGUSR2 no longer ignored");
	query(SIGPIPE, &sa);
	CHECK(sa.sa_handler == SIG_IGN, "after exec: SIGPIPE no longer ignored");
	CHECK(current_mask() == set_of(SIGINT, SIGQUIT), "after exec: mask %#llx",
	      current_mask());
	CHECK(pending_set() == set_of(SIGQUIT, SIGQUIT), "after exec: pending %#llx, want SIGQUIT",
	      pending_set());
	left = alarm(0);
	CHECK(left > 0 && left <= CHILD_ALARM, "after exec: alarm had %u s left, want 1..%d",
	      left, CHILD_ALARM);
	return failures ? EXIT_CHILD_FAILED : 0;
}

static void check_fork(void)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		struct sigaction sa;

		query(SIGUSR1, &sa);
		CHECK(sa.sa_handler == handler && sa.sa_flags == SA_RESTART,
		      "after fork: SIGUSR1 handler %p flags %#x", (void *)sa.sa_handler,
		      sa.sa_flags);
		query(SIGTERM, &sa);
		CHECK(sa.sa_sigaction == info_handler && sa.sa_flags == SA_SIGINFO,
		      "after fork: SIGTERM handler or flags changed");
		query(SIGUSR2, &sa);
		CHECK(sa.sa_handler == SIG_IGN, "after fork: SIGUSR2 no longer ignored");
		CHECK(current_mask() == set_of(SIGINT, SIGQUIT), "after fork: mask %#llx",
		      current_mask());
		CHECK(pending_set() == 0, "after fork: pending %#llx, want nothing",
		      pending_set());
		CHECK(alarm(0) == 0, "after fork: the child has an alarm");
		child_exit();
	}
	CHECK(child_ok(pid), "fork checks in the child failed");
}

static void check_exec(const char *self)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		char *argv[] = { (char *)self, CHILD_MODE, NULL };

		raise(SIGQUIT);
		alarm(CHILD_ALARM);
		execve(self, argv, environ);
		fprintf(stderr, "FAIL: execve %s: %s\n", self, strerror(errno));
		_exit(EXIT_CHILD_FAILED);
	}
	CHECK(child_ok(pid), "exec checks in the new program failed");
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	sigset_t mask = set_of(SIGINT, SIGQUIT);

	if (argc > 1 && strcmp(argv[1], CHILD_MODE) == 0)
		return exec_child();

	signal(SIGUSR1, handler);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = info_handler;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGUSR2, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	sigprocmask(SIG_SETMASK, &mask, NULL);
	raise(SIGINT);
	alarm(PARENT_ALARM);

	check_fork();
	check_exec(argv[0]);

	alarm(0);
	signal(SIGINT, SIG_IGN);	/* drop the pending SIGINT */
	return test_done("sig_exec");
}
