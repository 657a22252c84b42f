/*
 * sig_rt_wait - sigwaitinfo and sigtimedwait take a pending signal of a
 * set without running a handler.
 *
 * Checks:
 *  - a blocked SIGRTMIN+2 queued with value 42 and a blocked SIGUSR2 are
 *    both returned by sigwaitinfo, SIGUSR2 first (lower), SIGRTMIN+2
 *    with SI_QUEUE, value 42 and our pid; no handler runs;
 *  - sigtimedwait with a zero timeout and nothing pending fails at once
 *    with EAGAIN, with a short timeout fails with EAGAIN after it; a bad
 *    timeout (tv_nsec of a second or more, negative seconds) is EINVAL;
 *  - a signal sent by a child while the parent waits (blocked, in the
 *    set) ends the wait and is returned, with the child's pid;
 *  - a signal outside the set, unblocked and handled, ends the wait with
 *    EINTR and its handler runs;
 *  - a bad set pointer is EFAULT, a set size other than 8 EINVAL.
 */
#include <sys/syscall.h>
#include "test.h"

#define VALUE		42
#define SHORT_NS	(20 * NSEC_PER_MSEC)
#define LONG_S		10
#define CHILD_DELAY_MS	50

static volatile sig_atomic_t handled;

static void on_signal(int sig)
{
	(void)sig;
	handled++;
}

static sigset_t set_of2(int a, int b)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, a);
	if (b)
		sigaddset(&set, b);
	return set;
}

static void check_pending_taken(void)
{
	sigset_t set = set_of2(SIGUSR2, SIGRTMIN + 2);
	union sigval v = { .sival_int = VALUE };
	siginfo_t info;

	signal(SIGUSR2, on_signal);
	signal(SIGRTMIN + 2, on_signal);
	sigprocmask(SIG_BLOCK, &set, NULL);
	CHECK(sigqueue(getpid(), SIGRTMIN + 2, v) == 0, "sigqueue");
	raise(SIGUSR2);
	CHECK_EQ("sigwaitinfo first", sigwaitinfo(&set, &info), SIGUSR2);
	memset(&info, 0, sizeof(info));
	CHECK_EQ("sigwaitinfo second", sigwaitinfo(&set, &info), SIGRTMIN + 2);
	CHECK(info.si_signo == SIGRTMIN + 2 && info.si_code == SI_QUEUE &&
	      info.si_value.sival_int == VALUE && info.si_pid == getpid(),
	      "siginfo: signo %d code %d value %d pid %d", info.si_signo, info.si_code,
	      info.si_value.sival_int, info.si_pid);
	CHECK_EQ("handlers run", handled, 0);
}

static void check_timeouts(void)
{
	sigset_t set = set_of2(SIGUSR2, 0);
	struct timespec zero = { 0, 0 }, brief = { 0, SHORT_NS };
	struct timespec bad_ns = { 0, 1000000000L }, bad_s = { -1, 0 };

	CHECK_ERR(sigtimedwait(&set, NULL, &zero), EAGAIN);
	CHECK_ERR(sigtimedwait(&set, NULL, &brief), EAGAIN);
	CHECK_ERR(sigtimedwait(&set, NULL, &bad_ns), EINVAL);
	CHECK_ERR(sigtimedwait(&set, NULL, &bad_s), EINVAL);
}

static void check_woken(void)
{
	sigset_t set = set_of2(SIGUSR2, 0);
	struct timespec wait = { LONG_S, 0 };
	siginfo_t info;
	pid_t child = test_fork();

	if (child == 0) {
		sleep_ms(CHILD_DELAY_MS);
		kill(getppid(), SIGUSR2);
		_exit(0);
	}
	CHECK_EQ("sigtimedwait woken by the child", sigtimedwait(&set, &info, &wait), SIGUSR2);
	CHECK(info.si_code == SI_USER && info.si_pid == child, "siginfo: code %d pid %d",
	      info.si_code, info.si_pid);
	CHECK(child_ok(child), "child");
	CHECK_EQ("handlers run", handled, 0);
}

static void check_interrupted(void)
{
	sigset_t set = set_of2(SIGUSR2, 0);
	struct timespec wait = { LONG_S, 0 };
	struct sigaction sa;
	pid_t child;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;		/* sigtimedwait is never restarted */
	sigaction(SIGUSR1, &sa, NULL);
	child = test_fork();
	if (child == 0) {
		sleep_ms(CHILD_DELAY_MS);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	CHECK_ERR(sigtimedwait(&set, NULL, &wait), EINTR);
	CHECK_EQ("the SIGUSR1 handler ran", handled, 1);
	CHECK(child_ok(child), "child");
}

static void check_bad_args(void)
{
	sigset_t set = set_of2(SIGUSR2, 0);
	struct timespec zero = { 0, 0 };

	CHECK_ERR(syscall(__NR_rt_sigtimedwait, (void *)1, NULL, &zero, sizeof(long long)),
		  EFAULT);
	CHECK_ERR(syscall(__NR_rt_sigtimedwait, &set, NULL, &zero, 4), EINVAL);
	CHECK_ERR(syscall(__NR_rt_sigtimedwait, &set, NULL, (void *)1, sizeof(long long)),
		  EFAULT);
}

int main(void)
{
	check_pending_taken();
	check_timeouts();
	check_woken();
	check_interrupted();
	check_bad_args();
	return test_done("sig_rt_wait");
}
