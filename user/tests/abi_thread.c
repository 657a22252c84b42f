/*
 * abi_thread - the thread calls a Linux C library makes at start, for a
 * process of one thread: gettid (224), set_tid_address (258), tkill
 * (238), tgkill (270), getgroups32 (205).
 *
 *  - gettid is the pid, in the parent and in a child;
 *  - set_tid_address returns the caller's thread id;
 *  - tkill/tgkill deliver a signal whose siginfo has si_code SI_TKILL
 *    and the sender's pid; signal 0 checks only;
 *  - errors: tid <= 0 or a bad signal EINVAL, tgid <= 0 EINVAL, no such
 *    thread ESRCH, a tgid that is not the thread's ESRCH;
 *  - getgroups32: a count >= 0 that fits its buffer, EINVAL for a
 *    negative size.
 */
#include <sys/syscall.h>
#include "test.h"

#define MAX_GROUPS	256

static volatile int got_sig, got_code, got_pid;

static void on_usr1(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	got_sig = sig;
	got_code = si->si_code;
	got_pid = si->si_pid;
}

static void child_tid(void *arg)
{
	(void)arg;
	CHECK_EQ("child gettid", syscall(__NR_gettid), getpid());
	child_exit();
}

int main(void)
{
	struct sigaction sa = { 0 };
	pid_t me = getpid(), child;
	int tidword = 0, groups[MAX_GROUPS];
	long n;

	CHECK_EQ("gettid", syscall(__NR_gettid), me);
	CHECK_EQ("set_tid_address", syscall(__NR_set_tid_address, &tidword), me);
	n = run_child(child_tid, NULL);
	CHECK(WIFEXITED(n) && WEXITSTATUS(n) == 0, "child's tid");

	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	REQUIRE(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction");
	CHECK_EQ("tkill", syscall(__NR_tkill, me, SIGUSR1), 0);
	CHECK(got_sig == SIGUSR1 && got_code == SI_TKILL && got_pid == me,
	      "tkill: sig %d code %d pid %d", got_sig, got_code, got_pid);
	got_sig = got_code = 0;
	CHECK_EQ("tgkill", syscall(__NR_tgkill, me, me, SIGUSR1), 0);
	CHECK(got_sig == SIGUSR1 && got_code == SI_TKILL, "tgkill: sig %d code %d",
	      got_sig, got_code);
	CHECK_EQ("tgkill 0", syscall(__NR_tgkill, me, me, 0), 0);

	child = test_fork();
	if (child == 0) {
		pause();
		_exit(0);
	}
	errno = 0;
	CHECK_ERRNO("tgkill wrong group", syscall(__NR_tgkill, me, child, SIGKILL), ESRCH);
	CHECK_EQ("tkill child", syscall(__NR_tkill, child, SIGKILL), 0);
	CHECK(child_killed_by(child, SIGKILL), "tkill killed the child");

	CHECK_ERRNO("tkill tid 0", syscall(__NR_tkill, 0, SIGUSR1), EINVAL);
	CHECK_ERRNO("tkill tid -1", syscall(__NR_tkill, -1, SIGUSR1), EINVAL);
	CHECK_ERRNO("tkill bad sig", syscall(__NR_tkill, me, 999), EINVAL);
	CHECK_ERRNO("tgkill tgid 0", syscall(__NR_tgkill, 0, me, SIGUSR1), EINVAL);
	CHECK_ERRNO("tgkill bad sig", syscall(__NR_tgkill, me, me, -1), EINVAL);
	CHECK_ERRNO("tkill gone", syscall(__NR_tkill, child, SIGUSR1), ESRCH);

	n = syscall(__NR_getgroups32, 0, NULL);
	CHECK(n >= 0 && n <= MAX_GROUPS, "getgroups32 count %ld", n);
	CHECK_EQ("getgroups32 list", syscall(__NR_getgroups32, MAX_GROUPS, groups), n);
	CHECK_ERRNO("getgroups32 negative", syscall(__NR_getgroups32, -1, groups), EINVAL);
	return test_done("abi_thread");
}
