/*
 * sig_mask - the signal mask and pending signals.
 *
 * Checks: SIG_BLOCK adds to the mask, SIG_UNBLOCK removes, SIG_SETMASK
 * replaces, each returning the previous mask; a bad `how' fails with
 * EINVAL and changes neither the mask nor *oldset, but is not looked at
 * when set is NULL; SIGKILL and SIGSTOP are silently left out of the
 * mask, and a process blocking everything still dies of SIGKILL and
 * stops on SIGSTOP; a signal sent 10 times while blocked (by raise, or
 * by another process) is pending once and delivered once (standard
 * signals do not queue); unblocking a pending signal runs its handler
 * before sigprocmask returns, with the new mask plus the signal blocked;
 * sigpending shows only blocked pending signals; the old i386 calls
 * sigprocmask (126) and sigpending (73) agree with the rt_ ones, and the
 * rt_ calls reject a set size other than 8.
 */
#include <uapi/unistd_32.h>
#include "sig_test.h"

#define SENDS		10
#define BAD_HOW_A	3
#define BAD_HOW_B	(-1)
#define SENTINEL	0xdeadbeefUL
#define KERNEL_SET_SIZE	8
#define WRONG_SET_SIZE	4

static volatile sig_atomic_t usr1_hits, usr2_hits;
static sigset_t mask_in_handler;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_hits++;
	sigprocmask(SIG_BLOCK, NULL, &mask_in_handler);
}

static void on_usr2(int sig)
{
	(void)sig;
	usr2_hits++;
}

static sigset_t pending_set(void)
{
	sigset_t p = SENTINEL;

	sigpending(&p);
	return p;
}

static void check_how(void)
{
	sigset_t usr = set_of(SIGUSR1, SIGUSR2), term = set_of(SIGTERM, 0);
	sigset_t empty = 0, old;
	static const int bad_how[] = { BAD_HOW_A, BAD_HOW_B };

	CHECK(sigprocmask(SIG_SETMASK, &empty, NULL) == 0, "SIG_SETMASK to empty");
	CHECK(current_mask() == 0, "mask %#llx after emptying", current_mask());
	CHECK(sigprocmask(SIG_BLOCK, &usr, &old) == 0 && old == 0, "SIG_BLOCK old %#llx", old);
	CHECK(sigprocmask(SIG_BLOCK, &term, &old) == 0 && old == usr, "SIG_BLOCK old %#llx",
	      old);
	CHECK(current_mask() == (usr | term), "SIG_BLOCK gave %#llx", current_mask());
	CHECK(sigprocmask(SIG_UNBLOCK, &term, &old) == 0 && old == (usr | term),
	      "SIG_UNBLOCK old %#llx", old);
	CHECK(current_mask() == usr, "SIG_UNBLOCK gave %#llx", current_mask());
	CHECK(sigprocmask(SIG_SETMASK, &term, &old) == 0 && old == usr, "SIG_SETMASK old %#llx",
	      old);
	CHECK(current_mask() == term, "SIG_SETMASK gave %#llx", current_mask());

	for (unsigned i = 0; i < sizeof(bad_how) / sizeof(bad_how[0]); i++) {
		old = SENTINEL;
		errno = 0;
		CHECK(sigprocmask(bad_how[i], &usr, &old) == -1 && errno == EINVAL,
		      "how %d did not fail with EINVAL", bad_how[i]);
		CHECK(old == SENTINEL, "how %d: oldset written (%#llx)", bad_how[i], old);
		CHECK(current_mask() == term, "how %d changed the mask to %#llx", bad_how[i],
		      current_mask());
		CHECK(sigprocmask(bad_how[i], NULL, &old) == 0 && old == term,
		      "how %d with no set: not a plain query", bad_how[i]);
	}
	sigprocmask(SIG_SETMASK, &empty, NULL);
}

static void check_unblockable(void)
{
	sigset_t full, kill_stop = set_of(SIGKILL, SIGSTOP), want;
	pid_t pid;
	int status;

	sigfillset(&full);
	want = full & ~kill_stop;
	CHECK(sigprocmask(SIG_SETMASK, &full, NULL) == 0, "blocking everything");
	CHECK(current_mask() == want, "full mask reads %#llx, want %#llx", current_mask(), want);
	sigprocmask(SIG_UNBLOCK, &full, NULL);
	CHECK(sigprocmask(SIG_BLOCK, &kill_stop, NULL) == 0, "blocking SIGKILL and SIGSTOP");
	CHECK(current_mask() == 0, "SIGKILL/SIGSTOP got into the mask: %#llx", current_mask());

	pid = test_fork();
	if (pid == 0) {
		sigprocmask(SIG_SETMASK, &full, NULL);
		raise(SIGKILL);
		_exit(EXIT_SURVIVED);
	}
	CHECK(child_killed_by(pid, SIGKILL), "SIGKILL was blocked");

	pid = test_fork();
	if (pid == 0) {
		sigprocmask(SIG_SETMASK, &full, NULL);
		raise(SIGSTOP);
		_exit(0);
	}
	CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) &&
	      WSTOPSIG(status) == SIGSTOP, "SIGSTOP was blocked (status %#x)", status);
	kill(pid, SIGCONT);
	CHECK(child_ok(pid), "stopped child did not finish after SIGCONT");
}

static void check_coalescing(void)
{
	sigset_t usr1 = set_of(SIGUSR1, 0), both = set_of(SIGUSR1, SIGUSR2), old;
	pid_t pid;

	signal(SIGUSR1, on_usr1);
	signal(SIGUSR2, on_usr2);
	usr1_hits = usr2_hits = 0;
	sigprocmask(SIG_BLOCK, &both, NULL);
	for (int i = 0; i < SENDS; i++) {
		raise(SIGUSR1);
		raise(SIGUSR2);
	}
	CHECK(usr1_hits == 0 && usr2_hits == 0, "blocked signals were delivered");
	CHECK(pending_set() == both, "pending %#llx, want %#llx", pending_set(), both);
	CHECK(sigprocmask(SIG_UNBLOCK, &usr1, &old) == 0, "unblocking SIGUSR1");
	CHECK(usr1_hits == 1, "unblocked SIGUSR1 ran %d times before sigprocmask returned",
	      usr1_hits);
	CHECK(old == both, "old mask %#llx", old);
	CHECK(mask_in_handler == both, "mask in the handler %#llx, want %#llx",
	      mask_in_handler, both);
	CHECK(usr2_hits == 0 && pending_set() == set_of(SIGUSR2, 0),
	      "SIGUSR2 should still be pending alone (pending %#llx)", pending_set());
	sigprocmask(SIG_UNBLOCK, &both, NULL);
	CHECK(usr2_hits == 1, "SIGUSR2 ran %d times", usr2_hits);
	CHECK(current_mask() == 0, "mask %#llx after the handlers", current_mask());

	/* The same with another process sending. */
	usr1_hits = 0;
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	pid = test_fork();
	if (pid == 0) {
		for (int i = 0; i < SENDS; i++)
			kill(getppid(), SIGUSR1);
		_exit(0);
	}
	CHECK(child_ok(pid), "sender child failed");
	CHECK(pending_set() == usr1, "pending %#llx after %d kills", pending_set(), SENDS);
	sigprocmask(SIG_UNBLOCK, &usr1, NULL);
	CHECK(usr1_hits == 1, "%d sends from a child delivered %d times", SENDS, usr1_hits);
	CHECK(pending_set() == 0, "still pending: %#llx", pending_set());
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

/* The old calls take and give a 32-bit set; the rt_ ones want size 8. */
static void check_old_calls(void)
{
	unsigned long set = set_of(SIGHUP, SIGTERM), old = SENTINEL, pend = SENTINEL;
	unsigned long kset[2] = { 0, 0 };

	CHECK(syscall(__NR_sigprocmask, SIG_BLOCK, &set, &old) == 0 && old == 0,
	      "old sigprocmask: old %#lx", old);
	CHECK(current_mask() == set, "old sigprocmask set %#llx", current_mask());
	raise(SIGHUP);
	CHECK(syscall(__NR_sigpending, &pend) == 0 && pend == set_of(SIGHUP, 0),
	      "old sigpending gave %#lx", pend);
	signal(SIGHUP, SIG_IGN);
	signal(SIGHUP, SIG_DFL);
	CHECK(syscall(__NR_sigprocmask, SIG_SETMASK, kset, NULL) == 0 && current_mask() == 0,
	      "old sigprocmask SIG_SETMASK");
	errno = 0;
	CHECK(syscall(__NR_rt_sigprocmask, SIG_BLOCK, kset, NULL, WRONG_SET_SIZE) == -1 &&
	      errno == EINVAL, "rt_sigprocmask with size %d", WRONG_SET_SIZE);
	errno = 0;
	CHECK(syscall(__NR_rt_sigpending, kset, WRONG_SET_SIZE + KERNEL_SET_SIZE) == -1 &&
	      errno == EINVAL, "rt_sigpending with size %d", WRONG_SET_SIZE + KERNEL_SET_SIZE);
}

int main(void)
{
	sigset_t empty = 0;

	sigprocmask(SIG_SETMASK, &empty, NULL);
	check_how();
	check_unblockable();
	check_coalescing();
	check_old_calls();
	return test_done("sig_mask");
}
