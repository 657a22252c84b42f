/*
 * sig_chld - SIGCHLD and the reaping of children.
 *
 * Checks: with SIGCHLD ignored, children leave no zombie (kill(pid, 0)
 * gives ESRCH once they exited) and wait() blocks while one runs, then
 * fails with ECHILD; with SA_NOCLDWAIT the same, and the handler still
 * hears of each exit; with the default action, an exited child stays a
 * zombie until waited for; a SIGCHLD handler looping on
 * waitpid(WNOHANG) reaps children whose SIGCHLDs coalesced into one.
 */
#include "sig_test.h"

#define CHILDREN	5
#define SETTLE_MS	100		/* from closing its files to being a zombie */
#define GONE_WAIT_MS	2000		/* longest wait for a child to vanish */
#define LIVE_MS		150		/* a child that lives a while */
#define SLACK_MS	50

static volatile sig_atomic_t chld_runs, reaped;

static void reap_all(int sig)
{
	int saved = errno;

	(void)sig;
	chld_runs++;
	while (waitpid(-1, NULL, WNOHANG) > 0)
		reaped++;
	errno = saved;
}

static void count_chld(int sig)
{
	(void)sig;
	chld_runs++;
}

static void set_chld(void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigaction(SIGCHLD, &sa, NULL);
}

/* Fork CHILDREN children that exit at once, and return when they have:
 * each holds the write end of a pipe, so end of file on it means that
 * all of them closed their files on the way out. */
static void spawn_exiting(pid_t pids[CHILDREN])
{
	int fds[2];
	char c;

	if (pipe(fds) < 0) {
		CHECK(0, "pipe");
		exit(1);
	}
	for (int i = 0; i < CHILDREN; i++) {
		pids[i] = test_fork();
		if (pids[i] == 0)
			_exit(i);
	}
	close(fds[1]);
	while (read(fds[0], &c, 1) != 0)
		;
	close(fds[0]);
	sleep_ms(SETTLE_MS);
}

/* Has pid vanished (reaped), within GONE_WAIT_MS? */
static int vanishes(pid_t pid)
{
	for (int waited = 0; waited < GONE_WAIT_MS; waited += POLL_MS) {
		if (kill(pid, 0) == -1 && errno == ESRCH)
			return 1;
		sleep_ms(POLL_MS);
	}
	return 0;
}

/* SIGCHLD ignored (fn SIG_IGN) or SA_NOCLDWAIT (fn a handler). */
static void check_autoreap(void (*fn)(int), int flags, const char *how)
{
	pid_t pids[CHILDREN], slow;
	long start;
	int ret;

	set_chld(fn, flags);
	chld_runs = 0;
	spawn_exiting(pids);
	for (int i = 0; i < CHILDREN; i++)
		CHECK(vanishes(pids[i]), "%s: child %d left a zombie", how, i);
	errno = 0;
	CHECK(wait(NULL) == -1 && errno == ECHILD, "%s: wait found a child", how);

	slow = test_fork();
	if (slow == 0) {
		sleep_ms(LIVE_MS);
		_exit(0);
	}
	start = now_ms();
	do {
		errno = 0;
		ret = wait(NULL);
	} while (ret == -1 && errno == EINTR);
	CHECK(ret == -1 && errno == ECHILD, "%s: wait gave %d, want ECHILD", how, ret);
	CHECK(now_ms() - start >= LIVE_MS - SLACK_MS,
	      "%s: wait returned after %ld ms, before the child exited", how, now_ms() - start);
	if (fn != SIG_IGN)
		CHECK(chld_runs >= 1, "%s: the handler never ran", how);
	set_chld(SIG_DFL, 0);
}

static void check_zombie(void)
{
	pid_t pid = test_fork();
	int status;

	if (pid == 0)
		_exit(CHILDREN);
	sleep_ms(SETTLE_MS);
	CHECK(kill(pid, 0) == 0, "a zombie should still exist");
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == CHILDREN, "waitpid on the zombie: status %#x", status);
}

static void check_coalesced(void)
{
	sigset_t chld;
	pid_t pids[CHILDREN];

	set_chld(reap_all, SA_RESTART);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	chld_runs = reaped = 0;
	spawn_exiting(pids);
	sigprocmask(SIG_UNBLOCK, &chld, NULL);
	CHECK(chld_runs == 1, "%d exits while blocked: the handler ran %d times", CHILDREN,
	      chld_runs);
	CHECK(reaped == CHILDREN, "the handler reaped %d of %d", reaped, CHILDREN);
	errno = 0;
	CHECK(wait(NULL) == -1 && errno == ECHILD, "children left after the handler");
	set_chld(SIG_DFL, 0);
}

int main(void)
{
	check_autoreap(SIG_IGN, 0, "SIG_IGN");
	check_autoreap(count_chld, SA_NOCLDWAIT, "SA_NOCLDWAIT");
	check_zombie();
	check_coalesced();
	return test_done("sig_chld");
}
