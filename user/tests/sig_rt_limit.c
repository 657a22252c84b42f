/*
 * sig_rt_limit - queued real-time signals are bounded by RLIMIT_SIGPENDING,
 * counted per real user, so no user can fill the kernel with them.
 *
 * Checks:
 *  - the default limit is finite;
 *  - with the limit at LIMIT, sigqueue of a blocked SIGRTMIN succeeds at
 *    most LIMIT times, then fails with EAGAIN; a standard signal is still
 *    sent (its pending bit), and so is kill() of SIGRTMIN;
 *  - the queued signals can all be taken (sigtimedwait), and then
 *    sigqueue works again;
 *  - a child that exits with signals queued gives its share back: the
 *    parent can queue as many again;
 *  - a user other than root (nobody) with the default limit meets EAGAIN
 *    too, and the kernel's heap and free frames are as before (kstat).
 */
#include <sys/resource.h>
#include "test.h"

#define LIMIT		8
#define NOBODY		65534
#define MAX_TRIES	1000000

static int queue_until_full(int sig, int *err)
{
	union sigval v = { .sival_int = 0 };
	int n = 0;

	while (n < MAX_TRIES && sigqueue(getpid(), sig, v) == 0)
		n++;
	*err = errno;
	return n;
}

static int drain(int sig)
{
	sigset_t set;
	struct timespec zero = { 0, 0 };
	int n = 0;

	sigemptyset(&set);
	sigaddset(&set, sig);
	while (sigtimedwait(&set, NULL, &zero) == sig)
		n++;
	return n;
}

static void block(int a, int b)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, a);
	sigaddset(&set, b);
	sigprocmask(SIG_BLOCK, &set, NULL);
}

static void check_limit(void)
{
	struct rlimit old, lim = { LIMIT, LIMIT };
	union sigval v = { .sival_int = 1 };
	sigset_t pending;
	int n, err, again;

	REQUIRE(getrlimit(RLIMIT_SIGPENDING, &old) == 0, "getrlimit");
	CHECK(old.rlim_cur != RLIM_INFINITY, "the default RLIMIT_SIGPENDING is unlimited");
	REQUIRE(setrlimit(RLIMIT_SIGPENDING, &lim) == 0, "setrlimit");
	block(SIGRTMIN, SIGUSR1);

	n = queue_until_full(SIGRTMIN, &err);
	CHECK(n >= 1 && n <= LIMIT && err == EAGAIN, "%d queued, then errno %d", n, err);
	CHECK(sigqueue(getpid(), SIGUSR1, v) == 0, "a standard signal past the limit");
	CHECK(sigpending(&pending) == 0 && sigismember(&pending, SIGUSR1) == 1,
	      "SIGUSR1 not pending");
	CHECK(kill(getpid(), SIGRTMIN) == 0, "kill() past the limit");
	CHECK(drain(SIGRTMIN) >= n, "fewer signals taken than queued");
	drain(SIGUSR1);
	again = queue_until_full(SIGRTMIN, &err);
	CHECK_EQ("queued again after taking them", again, n);
	drain(SIGRTMIN);

	pid_t child = test_fork();
	if (child == 0) {
		queue_until_full(SIGRTMIN, &err);
		_exit(0);		/* with its signals queued */
	}
	CHECK(child_ok(child), "child");
	again = queue_until_full(SIGRTMIN, &err);
	CHECK_EQ("queued after a child exited with its queue full", again, n);
	drain(SIGRTMIN);
	setrlimit(RLIMIT_SIGPENDING, &old);
}

static void fill_as_nobody(void *unused)
{
	int n, err;

	(void)unused;
	if (getuid() == 0)
		REQUIRE(setuid(NOBODY) == 0, "setuid(nobody)");
	block(SIGRTMIN, SIGUSR1);
	n = queue_until_full(SIGRTMIN, &err);
	CHECK(n < MAX_TRIES && err == EAGAIN, "%d queued, then errno %d", n, err);
}

int main(void)
{
	struct leak_mark mark;
	int status;

	check_limit();
	mark_leaks(&mark);
	status = run_child(fill_as_nobody, NULL);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "nobody's child: %#x", status);
	CHECK_LEAKS("after queueing as nobody", &mark);
	return test_done("sig_rt_limit");
}
