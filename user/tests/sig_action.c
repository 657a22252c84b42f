/*
 * sig_action - dispositions: signal(), sigaction() and raise().
 *
 * Checks: signal() has BSD semantics (the handler stays installed,
 * SA_RESTART, the signal in its mask) and returns the previous handler;
 * raise() runs the handler before it returns; sigaction() reports the
 * old action exactly as installed (no SA_RESTORER showing) and leaves
 * SIGKILL and SIGSTOP out of sa_mask; an SA_SIGINFO handler gets
 * si_signo, si_code SI_USER, si_pid, si_uid and a context; SA_RESETHAND
 * runs the handler once, then the default action kills; SIGKILL and
 * SIGSTOP cannot be caught or ignored (EINVAL) but can be queried; bad
 * signal numbers give EINVAL; setting SIG_IGN discards a pending signal,
 * and so does SIG_DFL for a signal whose default is to ignore it; an
 * ignored signal sent while blocked stays pending until unblocked, then
 * vanishes.  A handler installed straight through rt_sigaction without
 * SA_RESTORER (no libc return path) still returns: the kernel supplies
 * one.
 */
#include <uapi/unistd_32.h>
#include "sig_test.h"

#define BAD_SIG_RT	65	/* beyond even Linux's real-time signals */
#define KERNEL_SET_SIZE	8

static volatile sig_atomic_t hits;
static volatile sig_atomic_t last_sig;

static void count(int sig)
{
	hits++;
	last_sig = sig;
}

static siginfo_t saved_info;
static volatile sig_atomic_t got_context;

static void save_info(int sig, siginfo_t *info, void *ctx)
{
	hits++;
	last_sig = sig;
	saved_info = *info;
	got_context = ctx != NULL;
}

static int set_handler(int sig, void (*fn)(int), int flags, sigset_t mask)
{
	struct sigaction sa;

	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sa.sa_mask = mask;
	return sigaction(sig, &sa, NULL);
}

static sighandler_t handler_of(int sig)
{
	struct sigaction old;

	if (sigaction(sig, NULL, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

static int pending(int sig)
{
	sigset_t set;

	return sigpending(&set) == 0 && sigismember(&set, sig) == 1;
}

static void block(int sig, int how)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(how, &set, NULL);
}

static void check_signal_bsd(void)
{
	struct sigaction old;

	hits = 0;
	CHECK(signal(SIGUSR1, count) == SIG_DFL, "signal() did not return SIG_DFL");
	CHECK(raise(SIGUSR1) == 0 && hits == 1, "raise: %d handler runs", hits);
	CHECK(raise(SIGUSR1) == 0 && hits == 2,
	      "the handler did not stay installed (%d runs)", hits);
	CHECK(sigaction(SIGUSR1, NULL, &old) == 0, "sigaction query");
	CHECK(old.sa_handler == count, "installed handler is %p", (void *)old.sa_handler);
	CHECK(old.sa_flags == SA_RESTART, "signal() flags %#x, want SA_RESTART",
	      old.sa_flags);
	CHECK(sigismember(&old.sa_mask, SIGUSR1) == 1, "signal() mask %#llx lacks the signal",
	      old.sa_mask);
	CHECK(signal(SIGUSR1, SIG_DFL) == count, "signal() did not return the old handler");
	errno = 0;
	CHECK(signal(SIGKILL, count) == SIG_ERR && errno == EINVAL,
	      "signal(SIGKILL) did not fail with EINVAL");
	errno = 0;
	CHECK(signal(0, count) == SIG_ERR && errno == EINVAL,
	      "signal(0) did not fail with EINVAL");
}

static void check_old_action(void)
{
	struct sigaction sa, old;
	const int flags = SA_SIGINFO | SA_NODEFER | SA_RESTART;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = save_info;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGTERM);
	sigaddset(&sa.sa_mask, SIGUSR2);
	CHECK(sigaction(SIGUSR1, &sa, &old) == 0, "sigaction");
	CHECK(old.sa_handler == SIG_DFL, "old handler was not SIG_DFL");
	CHECK(sigaction(SIGUSR1, NULL, &old) == 0, "sigaction query");
	CHECK(old.sa_sigaction == save_info, "handler reads back as %p",
	      (void *)old.sa_handler);
	CHECK(old.sa_flags == flags, "flags read back as %#x, want %#x", old.sa_flags, flags);
	CHECK(old.sa_mask == sa.sa_mask, "mask read back as %#llx, want %#llx", old.sa_mask,
	      sa.sa_mask);

	sigfillset(&sa.sa_mask);
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction with a full mask");
	CHECK(sigaction(SIGUSR1, NULL, &old) == 0, "sigaction query");
	CHECK(sigismember(&old.sa_mask, SIGKILL) == 0 && sigismember(&old.sa_mask, SIGSTOP) == 0,
	      "sa_mask kept SIGKILL or SIGSTOP: %#llx", old.sa_mask);
	CHECK(sigismember(&old.sa_mask, SIGTERM) == 1, "sa_mask lost SIGTERM: %#llx",
	      old.sa_mask);
	signal(SIGUSR1, SIG_DFL);
}

static void check_siginfo(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = save_info;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR2, &sa, NULL);
	hits = 0;
	memset(&saved_info, 0xff, sizeof(saved_info));
	CHECK(raise(SIGUSR2) == 0 && hits == 1, "SA_SIGINFO handler ran %d times", hits);
	CHECK(last_sig == SIGUSR2, "handler got signal %d", last_sig);
	CHECK(saved_info.si_signo == SIGUSR2, "si_signo %d", saved_info.si_signo);
	CHECK(saved_info.si_code == SI_USER, "si_code %d, want SI_USER", saved_info.si_code);
	CHECK(saved_info.si_pid == getpid(), "si_pid %d, want %d", saved_info.si_pid, getpid());
	CHECK(saved_info.si_uid == getuid(), "si_uid %u, want %u", saved_info.si_uid, getuid());
	CHECK(got_context, "no ucontext for an SA_SIGINFO handler");
	signal(SIGUSR2, SIG_DFL);
}

static void check_resethand(void)
{
	pid_t pid;

	CHECK(set_handler(SIGUSR1, count, SA_RESETHAND, 0) == 0, "SA_RESETHAND sigaction");
	hits = 0;
	raise(SIGUSR1);
	CHECK(hits == 1, "SA_RESETHAND handler ran %d times", hits);
	CHECK(handler_of(SIGUSR1) == SIG_DFL, "SA_RESETHAND left the handler installed");
	pid = test_fork();
	if (pid == 0) {
		raise(SIGUSR1);
		_exit(EXIT_SURVIVED);
	}
	CHECK(child_killed_by(pid, SIGUSR1), "second SIGUSR1 after SA_RESETHAND did not kill");
}

/* Handlers whose return the kernel must arrange (old and rt frames). */
static void check_no_restorer(void)
{
	static const unsigned long flags[] = { 0, SA_SIGINFO };

	for (unsigned i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		struct kernel_sigaction ka = { (void *)count, flags[i], NULL, { 0, 0 } };

		CHECK(syscall(__NR_rt_sigaction, SIGUSR1, &ka, NULL, KERNEL_SET_SIZE) == 0,
		      "rt_sigaction without SA_RESTORER");
		hits = 0;
		raise(SIGUSR1);
		CHECK(hits == 1, "handler without SA_RESTORER (flags %#lx) ran %d times",
		      flags[i], hits);
	}
	signal(SIGUSR1, SIG_DFL);
}

static void check_uncatchable(void)
{
	static const int sigs[] = { SIGKILL, SIGSTOP };

	for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		int sig = sigs[i];

		errno = 0;
		CHECK(set_handler(sig, count, 0, 0) < 0 && errno == EINVAL,
		      "catching signal %d did not fail with EINVAL", sig);
		errno = 0;
		CHECK(set_handler(sig, SIG_IGN, 0, 0) < 0 && errno == EINVAL,
		      "ignoring signal %d did not fail with EINVAL", sig);
		errno = 0;
		CHECK(set_handler(sig, SIG_DFL, 0, 0) < 0 && errno == EINVAL,
		      "setting SIG_DFL for signal %d did not fail with EINVAL", sig);
		CHECK(handler_of(sig) == SIG_DFL, "querying signal %d", sig);
	}
}

static void check_bad_numbers(void)
{
	static const int bad[] = { 0, -1, BAD_SIG_RT };
	struct sigaction old;

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errno = 0;
		CHECK(set_handler(bad[i], count, 0, 0) < 0 && errno == EINVAL,
		      "sigaction(%d) did not fail with EINVAL", bad[i]);
		errno = 0;
		CHECK(sigaction(bad[i], NULL, &old) < 0 && errno == EINVAL,
		      "sigaction(%d) query did not fail with EINVAL", bad[i]);
	}
	errno = 0;
	CHECK(kill(getpid(), -1) < 0 && errno == EINVAL, "kill with signal -1");
	errno = 0;
	CHECK(kill(getpid(), BAD_SIG_RT) < 0 && errno == EINVAL, "kill with signal %d",
	      BAD_SIG_RT);
}

/* Making a pending signal ignored discards it: sig_ign is SIG_IGN, or
 * SIG_DFL for a signal whose default is to ignore. */
static void check_discard(int sig, sighandler_t ignore)
{
	hits = 0;
	set_handler(sig, count, 0, 0);
	block(sig, SIG_BLOCK);
	raise(sig);
	CHECK(pending(sig) && hits == 0, "blocked signal %d not pending", sig);
	set_handler(sig, ignore, 0, 0);
	CHECK(!pending(sig), "signal %d still pending after %s", sig,
	      ignore == SIG_IGN ? "SIG_IGN" : "SIG_DFL");
	set_handler(sig, count, 0, 0);
	block(sig, SIG_UNBLOCK);
	CHECK(hits == 0, "discarded signal %d was delivered", sig);
	set_handler(sig, SIG_DFL, 0, 0);
}

static void check_ignored(void)
{
	check_discard(SIGUSR1, SIG_IGN);
	check_discard(SIGURG, SIG_DFL);
	check_discard(SIGWINCH, SIG_DFL);

	/* Ignored and not blocked: dropped; SIGCHLD by default too. */
	set_handler(SIGUSR1, SIG_IGN, 0, 0);
	CHECK(raise(SIGUSR1) == 0, "raising an ignored signal");
	CHECK(raise(SIGCHLD) == 0, "raising SIGCHLD with SIG_DFL");

	/* Ignored but blocked: it waits, and vanishes when unblocked. */
	block(SIGUSR1, SIG_BLOCK);
	raise(SIGUSR1);
	CHECK(pending(SIGUSR1), "a blocked ignored signal is not pending");
	block(SIGUSR1, SIG_UNBLOCK);
	block(SIGUSR1, SIG_BLOCK);
	CHECK(!pending(SIGUSR1), "an unblocked ignored signal stayed pending");
	block(SIGUSR1, SIG_UNBLOCK);
	set_handler(SIGUSR1, SIG_DFL, 0, 0);
}

int main(void)
{
	check_signal_bsd();
	check_old_action();
	check_siginfo();
	check_resethand();
	check_no_restorer();
	check_uncatchable();
	check_bad_numbers();
	check_ignored();
	return test_done("sig_action");
}
