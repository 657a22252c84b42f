/*
 * sig_rt_queue - real-time signals queue; standard signals coalesce.
 *
 * Checks:
 *  - (each handler blocks every signal, so none nests in another) with
 *    SIGUSR1, SIGRTMIN and SIGRTMIN+1 blocked, sigqueue sends
 *    SIGRTMIN+1 twice, SIGRTMIN twice and SIGUSR1 three times, each with
 *    its own value; once unblocked the handler sees SIGUSR1 once (with
 *    the first value: the others were merged into it), then both SIGRTMIN
 *    in the order sent, then both SIGRTMIN+1 - lowest signal first, each
 *    with SI_QUEUE, the sender's pid and uid, and its value;
 *  - kill() of a blocked real-time signal three times delivers it three
 *    times, with SI_USER;
 *  - SIGRTMAX can be caught, blocked and sent; signal NSIG (65) cannot;
 *  - the old 32-bit calls see signals 1..32 only: sigprocmask (126)
 *    replaces the low 32 bits of the mask and leaves a blocked real-time
 *    signal blocked, sigpending (73) does not show a pending signal 64,
 *    and sigsuspend (72) with every low bit set unblocks it;
 *  - rt_sigqueueinfo with si_code >= 0 (SI_USER) or SI_TKILL is refused
 *    (EPERM) for another process but allowed for oneself; to no process
 *    it is ESRCH.
 */
#include <sys/syscall.h>
#include "test.h"

#define MAX_SEEN	16
#define KILLS		3

struct seen {
	int sig, code, value, pid, uid;
};

static struct seen seen[MAX_SEEN];
static volatile sig_atomic_t n_seen;

static void record(int sig, siginfo_t *info, void *ctx)
{
	(void)ctx;
	if (n_seen < MAX_SEEN) {
		seen[n_seen] = (struct seen){ sig, info->si_code, info->si_value.sival_int,
					      info->si_pid, (int)info->si_uid };
		n_seen++;
	}
}

static void catch_with_info(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = record;
	sa.sa_flags = SA_SIGINFO;
	sigfillset(&sa.sa_mask);	/* one handler at a time: no nesting */
	REQUIRE(sigaction(sig, &sa, NULL) == 0, "sigaction(%d)", sig);
}

static void set_mask(int how, int a, int b, int c)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, a);
	if (b)
		sigaddset(&set, b);
	if (c)
		sigaddset(&set, c);
	sigprocmask(how, &set, NULL);
}

static int queue(int sig, int value)
{
	union sigval v = { .sival_int = value };

	return sigqueue(getpid(), sig, v);
}

static void check_order(void)
{
	static const struct { int sig, value; } sends[] = {
		{ 1, 10 }, { 0, 20 }, { 0, 21 }, { 1, 11 },	/* SIGRTMIN + n */
	};
	static const struct { int sig, value; } want[] = {
		{ 0, 20 }, { 0, 21 }, { 1, 10 }, { 1, 11 },
	};

	catch_with_info(SIGUSR1);
	catch_with_info(SIGRTMIN);
	catch_with_info(SIGRTMIN + 1);
	set_mask(SIG_BLOCK, SIGUSR1, SIGRTMIN, SIGRTMIN + 1);
	for (unsigned i = 0; i < sizeof(sends) / sizeof(sends[0]); i++)
		CHECK(queue(SIGRTMIN + sends[i].sig, sends[i].value) == 0, "sigqueue %u", i);
	for (int v = 1; v <= 3; v++)
		CHECK(queue(SIGUSR1, v) == 0, "sigqueue SIGUSR1 %d", v);
	n_seen = 0;
	set_mask(SIG_UNBLOCK, SIGUSR1, SIGRTMIN, SIGRTMIN + 1);

	REQUIRE(n_seen == 5, "%d signals delivered, expected 5", n_seen);
	CHECK(seen[0].sig == SIGUSR1 && seen[0].value == 1,
	      "first: signal %d value %d, expected SIGUSR1 with 1", seen[0].sig, seen[0].value);
	for (int i = 0; i < 4; i++) {
		struct seen *s = &seen[i + 1];
		CHECK(s->sig == SIGRTMIN + want[i].sig && s->value == want[i].value,
		      "delivery %d: signal %d value %d, expected %d value %d", i + 1,
		      s->sig, s->value, SIGRTMIN + want[i].sig, want[i].value);
	}
	for (int i = 0; i < 5; i++)
		CHECK(seen[i].code == SI_QUEUE && seen[i].pid == getpid() &&
		      seen[i].uid == (int)getuid(), "delivery %d: code %d pid %d uid %d",
		      i, seen[i].code, seen[i].pid, seen[i].uid);
}

static void check_kill_queues(void)
{
	set_mask(SIG_BLOCK, SIGRTMIN, 0, 0);
	for (int i = 0; i < KILLS; i++)
		CHECK(kill(getpid(), SIGRTMIN) == 0, "kill %d", i);
	n_seen = 0;
	set_mask(SIG_UNBLOCK, SIGRTMIN, 0, 0);
	CHECK_EQ("deliveries of SIGRTMIN sent 3 times with kill", n_seen, KILLS);
	CHECK(n_seen > 0 && seen[0].code == SI_USER && seen[0].pid == getpid(),
	      "kill's siginfo: code %d pid %d", seen[0].code, seen[0].pid);
}

static void check_limits(void)
{
	struct sigaction sa;
	unsigned long old_set = 1;
	sigset_t mask;

	catch_with_info(SIGRTMAX);
	n_seen = 0;
	CHECK(queue(SIGRTMAX, 7) == 0 && n_seen == 1 && seen[0].sig == SIGRTMAX &&
	      seen[0].value == 7, "SIGRTMAX caught with its value");
	memset(&sa, 0, sizeof(sa));
	CHECK_ERR(sigaction(SIGRTMAX + 1, &sa, NULL), EINVAL);
	CHECK_ERR(kill(getpid(), SIGRTMAX + 1), EINVAL);

	set_mask(SIG_BLOCK, SIGRTMAX, 0, 0);
	CHECK(syscall(__NR_sigprocmask, SIG_SETMASK, &(unsigned long){ 0 }, NULL) == 0,
	      "old sigprocmask");
	sigprocmask(SIG_BLOCK, NULL, &mask);
	CHECK(sigismember(&mask, SIGRTMAX) == 1,
	      "the old sigprocmask unblocked a real-time signal");

	n_seen = 0;
	queue(SIGRTMAX, 8);
	CHECK(syscall(__NR_sigpending, &old_set) == 0 && old_set == 0,
	      "the old sigpending shows signal 64: %#lx", old_set);
	CHECK_ERR(syscall(__NR_sigsuspend, 0, 0, ~0UL), EINTR);
	CHECK(n_seen == 1 && seen[0].sig == SIGRTMAX && seen[0].value == 8,
	      "the old sigsuspend mask kept signal 64 blocked");
	set_mask(SIG_UNBLOCK, SIGRTMAX, 0, 0);
}

static int queueinfo(pid_t pid, int sig, int code)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.si_pid = getpid();
	info.si_uid = getuid();
	return (int)syscall(__NR_rt_sigqueueinfo, pid, sig, &info);
}

static void check_forged_codes(void)
{
	pid_t child = test_fork(), none;

	if (child == 0) {
		for (;;)
			pause();
	}
	CHECK_ERR(queueinfo(child, SIGRTMIN, SI_USER), EPERM);
	CHECK_ERR(queueinfo(child, SIGRTMIN, SI_KERNEL), EPERM);
	CHECK_ERR(queueinfo(child, SIGRTMIN, SI_TKILL), EPERM);
	CHECK(queueinfo(child, 0, SI_QUEUE) == 0, "SI_QUEUE to a child");
	n_seen = 0;
	CHECK(queueinfo(getpid(), SIGRTMIN, SI_USER) == 0 && n_seen == 1 &&
	      seen[0].code == SI_USER, "SI_USER to oneself");
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	none = child;
	CHECK_ERR(queueinfo(none, SIGRTMIN, SI_QUEUE), ESRCH);
}

int main(void)
{
	check_order();
	check_kill_queues();
	check_limits();
	check_forged_codes();
	return test_done("sig_rt_queue");
}
