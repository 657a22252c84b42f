/*
 * signals_check - the signals lab's checks, one behaviour per case:
 *
 *	/lab/signals_check CASE
 *
 *  - handler:   a caught signal runs its handler (with the signal number
 *               as argument), and the interrupted code goes on afterwards;
 *  - locals:    the interrupted code's registers and locals survive the
 *               handler (sigreturn restores them);
 *  - siginfo:   an SA_SIGINFO handler gets si_signo, si_code SI_USER, the
 *               sender's pid and uid, and a ucontext;
 *  - mask:      inside the handler its signal and sa_mask are blocked; the
 *               old mask is back after it returns;
 *  - nodefer:   with SA_NODEFER the signal is not blocked in its handler;
 *  - resethand: with SA_RESETHAND the handler runs once, then the
 *               disposition is SIG_DFL again;
 *  - coalesce:  a standard signal sent several times while blocked is
 *               handled once, and siginfo names the first sender.
 * Each exits 0 when the behaviour is right.
 */
#include "test.h"

#define SENDS		5	/* sends of one blocked signal */
#define LOOP_VALUE	12345

static volatile sig_atomic_t runs, last_sig;
static volatile int info_signo, info_code, info_pid, info_uid;
static volatile bool had_context;
static sigset_t mask_inside;

static void on_signal(int sig)
{
	runs++;
	last_sig = sig;
	sigprocmask(SIG_BLOCK, NULL, &mask_inside);
}

static void on_info(int sig, siginfo_t *info, void *context)
{
	(void)sig;
	runs++;
	info_signo = info->si_signo;
	info_code = info->si_code;
	info_pid = info->si_pid;
	info_uid = (int)info->si_uid;
	had_context = context != NULL;
}

static void catch_with(int sig, void (*fn)(int), int flags, int also_blocked)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	if (also_blocked)
		sigaddset(&sa.sa_mask, also_blocked);
	REQUIRE(sigaction(sig, &sa, NULL) == 0, "sigaction");
}

static void catch_info(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_info;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	REQUIRE(sigaction(sig, &sa, NULL) == 0, "sigaction");
}

static void check_handler(void)
{
	catch_with(SIGUSR1, on_signal, 0, 0);
	CHECK_EQ("raise", raise(SIGUSR1), 0);
	CHECK_EQ("handler runs", runs, 1);
	CHECK_EQ("handler's argument", last_sig, SIGUSR1);
}

static void check_locals(void)
{
	volatile int a = LOOP_VALUE, sum = 0;
	int i;

	catch_with(SIGUSR1, on_signal, 0, 0);
	for (i = 0; i < 10; i++) {
		sum += a + i;
		raise(SIGUSR1);
	}
	CHECK_EQ("handler runs", runs, 10);
	CHECK_EQ("sum computed across handlers", sum, 10 * LOOP_VALUE + 45);
	CHECK_EQ("loop counter", i, 10);
}

static void check_siginfo(void)
{
	catch_info(SIGUSR2);
	CHECK_EQ("kill self", kill(getpid(), SIGUSR2), 0);
	CHECK_EQ("handler runs", runs, 1);
	CHECK_EQ("si_signo", info_signo, SIGUSR2);
	CHECK_EQ("si_code", info_code, SI_USER);
	CHECK_EQ("si_pid", info_pid, getpid());
	CHECK_EQ("si_uid", info_uid, getuid());
	CHECK(had_context, "the handler's third argument is NULL");
}

static void check_mask(void)
{
	sigset_t after;

	catch_with(SIGUSR1, on_signal, 0, SIGUSR2);
	raise(SIGUSR1);
	CHECK_EQ("handler runs", runs, 1);
	CHECK(sigismember(&mask_inside, SIGUSR1) == 1,
	      "SIGUSR1 not blocked in its own handler");
	CHECK(sigismember(&mask_inside, SIGUSR2) == 1,
	      "SIGUSR2 (sa_mask) not blocked in the handler");
	sigprocmask(SIG_BLOCK, NULL, &after);
	CHECK(!sigismember(&after, SIGUSR1) && !sigismember(&after, SIGUSR2),
	      "the handler's mask stayed after it returned");
}

static void check_nodefer(void)
{
	catch_with(SIGUSR1, on_signal, SA_NODEFER, 0);
	raise(SIGUSR1);
	CHECK_EQ("handler runs", runs, 1);
	CHECK(sigismember(&mask_inside, SIGUSR1) == 0,
	      "SIGUSR1 blocked in its handler despite SA_NODEFER");
}

static void check_resethand(void)
{
	struct sigaction now;
	pid_t pid;

	catch_with(SIGUSR1, on_signal, SA_RESETHAND, 0);
	raise(SIGUSR1);
	CHECK_EQ("handler runs", runs, 1);
	REQUIRE(sigaction(SIGUSR1, NULL, &now) == 0, "sigaction query");
	CHECK(now.sa_handler == SIG_DFL, "the handler is still installed");
	pid = test_fork();
	if (pid == 0) {
		catch_with(SIGUSR1, on_signal, SA_RESETHAND, 0);
		raise(SIGUSR1);
		raise(SIGUSR1);		/* the default action: terminate */
		_exit(0);
	}
	CHECK(child_killed_by(pid, SIGUSR1),
	      "a second SIGUSR1 did not take the default action");
}

static void check_coalesce(void)
{
	sigset_t block, old;
	pid_t first;

	catch_info(SIGUSR1);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &old);
	first = test_fork();
	if (first == 0) {
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	CHECK(child_ok(first), "the sending child failed");
	for (int i = 1; i < SENDS; i++)
		kill(getpid(), SIGUSR1);	/* kill, not raise: on Linux a raise
						 * is pending apart (per thread) */
	CHECK_EQ("nothing runs while blocked", runs, 0);
	sigprocmask(SIG_SETMASK, &old, NULL);
	CHECK_EQ("handled once", runs, 1);
	CHECK_EQ("si_pid names the first sender", info_pid, first);
}

static const struct {
	const char *name;
	void (*run)(void);
} cases[] = {
	{ "handler", check_handler },
	{ "locals", check_locals },
	{ "siginfo", check_siginfo },
	{ "mask", check_mask },
	{ "nodefer", check_nodefer },
	{ "resethand", check_resethand },
	{ "coalesce", check_coalesce },
};

int main(int argc, char **argv)
{
	for (size_t i = 0; argc == 2 && i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (strcmp(argv[1], cases[i].name) == 0) {
			cases[i].run();
			return test_done(argv[1]);
		}
	}
	fprintf(stderr, "usage: signals_check CASE (handler, locals, siginfo, mask, "
		"nodefer, resethand, coalesce)\n");
	return 2;
}
