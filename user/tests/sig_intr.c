/*
 * sig_intr - system calls interrupted by signals: EINTR or restart.
 *
 * A "ticker" child sends the test SIGUSR1 every TICK_MS while it blocks.
 * Checks: a pipe read and a waitpid fail with EINTR when a handler
 * without SA_RESTART runs, and go on to complete (the read returns the
 * data written later, waitpid the child) when the handler has
 * SA_RESTART; an ignored signal does not disturb a read; nanosleep fails
 * with EINTR even with SA_RESTART and reports the time left; pause()
 * returns EINTR after a handler; a process stopped and continued inside
 * nanosleep or a pipe read is not disturbed (no handler ran, so no
 * EINTR: nanosleep sleeps its full time, the read returns the data).
 */
#include "sig_test.h"

#define TICK_MS		20
#define MANY_TICKS	500		/* more than any call here waits */
#define TICKS_BEFORE_DATA 5		/* SA_RESTART read: data after these */
#define WAITED_TICKS	10		/* the waited-for child's lifetime */
#define SLEEP_MS	2000
#define SIGNAL_AFTER_MS	100
#define STOP_SLEEP_MS	400
#define STOP_AFTER_MS	100
#define STOPPED_MS	100
#define SLACK_MS	50		/* clock granularity and scheduling */

static volatile sig_atomic_t hits, hits_inside, inside;

static void on_tick(int sig)
{
	(void)sig;
	hits++;
	if (inside)
		hits_inside++;
}

static void install(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigaction(sig, &sa, NULL);
}

/* A child that sends sig to us `ticks' times, TICK_MS apart, then writes
 * a byte to fd (if not -1) and exits. */
static pid_t start_ticker(int sig, int ticks, int fd)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		pid_t parent = getppid();

		for (int i = 0; i < ticks; i++) {
			sleep_ms(TICK_MS);
			kill(parent, sig);
		}
		if (fd >= 0)
			write(fd, "x", 1);
		_exit(0);
	}
	return pid;
}

static void stop_ticker(pid_t pid)
{
	kill(pid, SIGKILL);
	wait_status(pid);
}

static void check_read(void)
{
	int fds[2];
	char c;
	ssize_t n;
	pid_t ticker;

	if (pipe(fds) < 0) {
		CHECK(0, "pipe");
		return;
	}
	install(SIGUSR1, on_tick, 0);
	hits = 0;
	ticker = start_ticker(SIGUSR1, MANY_TICKS, -1);
	errno = 0;
	n = read(fds[0], &c, 1);
	CHECK(n == -1 && errno == EINTR, "read without SA_RESTART returned %zd", n);
	CHECK(hits >= 1, "no handler ran");
	stop_ticker(ticker);

	install(SIGUSR1, on_tick, SA_RESTART);
	hits = hits_inside = 0;
	ticker = start_ticker(SIGUSR1, TICKS_BEFORE_DATA, fds[1]);
	inside = 1;
	n = read(fds[0], &c, 1);
	inside = 0;
	CHECK(n == 1 && c == 'x', "read with SA_RESTART returned %zd", n);
	CHECK(hits_inside >= 1, "no handler ran during the read (%d in all)", hits);
	CHECK(child_ok(ticker), "ticker");

	install(SIGUSR1, SIG_IGN, 0);
	ticker = start_ticker(SIGUSR1, TICKS_BEFORE_DATA, fds[1]);
	n = read(fds[0], &c, 1);
	CHECK(n == 1 && c == 'x', "read with the signal ignored returned %zd", n);
	CHECK(child_ok(ticker), "ticker");
	install(SIGUSR1, SIG_DFL, 0);
	close(fds[0]);
	close(fds[1]);
}

static void check_wait(void)
{
	pid_t child, got;
	int status;

	install(SIGUSR1, on_tick, 0);
	hits = hits_inside = 0;
	child = start_ticker(SIGUSR1, WAITED_TICKS, -1);
	errno = 0;
	got = waitpid(child, &status, 0);
	CHECK(got == -1 && errno == EINTR, "waitpid without SA_RESTART returned %d", got);

	install(SIGUSR1, on_tick, SA_RESTART);
	inside = 1;
	got = waitpid(child, &status, 0);
	inside = 0;
	CHECK(got == child && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "waitpid with SA_RESTART returned %d (status %#x)", got, status);
	CHECK(hits_inside >= 1, "no handler ran during waitpid (%d in all)", hits);
	install(SIGUSR1, SIG_DFL, 0);
}

static void check_nanosleep(void)
{
	struct timespec req = { SLEEP_MS / MSEC_PER_SEC, 0 }, rem = { 0, 0 };
	long start, elapsed, left;
	pid_t child;
	int ret;

	install(SIGUSR1, on_tick, SA_RESTART);
	child = test_fork();
	if (child == 0) {
		sleep_ms(SIGNAL_AFTER_MS);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	start = now_ms();
	errno = 0;
	ret = nanosleep(&req, &rem);
	CHECK(ret == -1 && errno == EINTR, "nanosleep returned %d, want EINTR", ret);
	elapsed = now_ms() - start;
	CHECK(elapsed < SLEEP_MS / 2, "nanosleep slept %ld ms", elapsed);
	left = rem.tv_sec * MSEC_PER_SEC + rem.tv_nsec / NSEC_PER_MSEC;
	CHECK(left >= SLEEP_MS - elapsed - SLACK_MS && left <= SLEEP_MS - elapsed + SLACK_MS,
	      "time left %ld ms after %ld ms of %d", left, elapsed, SLEEP_MS);
	CHECK(rem.tv_nsec >= 0 && rem.tv_nsec < NSEC_PER_MSEC * MSEC_PER_SEC,
	      "tv_nsec %ld", rem.tv_nsec);
	CHECK(child_ok(child), "signalling child");
	install(SIGUSR1, SIG_DFL, 0);
}

static void check_pause(void)
{
	pid_t ticker;
	int ret;

	install(SIGUSR1, on_tick, SA_RESTART);
	hits = 0;
	ticker = start_ticker(SIGUSR1, MANY_TICKS, -1);
	errno = 0;
	ret = pause();
	CHECK(ret == -1 && errno == EINTR && hits >= 1, "pause returned %d after %d signals",
	      ret, hits);
	stop_ticker(ticker);
	install(SIGUSR1, SIG_DFL, 0);
}

/* Stop child pid a while, then continue it. */
static void stop_and_continue(pid_t pid)
{
	int status;

	sleep_ms(STOP_AFTER_MS);
	kill(pid, SIGSTOP);
	CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status),
	      "child did not stop (status %#x)", status);
	sleep_ms(STOPPED_MS);
	kill(pid, SIGCONT);
}

static void check_stop_transparent(void)
{
	int fds[2];
	pid_t pid;

	pid = test_fork();
	if (pid == 0) {
		struct timespec req = { 0, STOP_SLEEP_MS * NSEC_PER_MSEC };
		long start = now_ms();
		int ret = nanosleep(&req, NULL);

		CHECK(ret == 0, "nanosleep stopped and continued returned %d", ret);
		CHECK(now_ms() - start >= STOP_SLEEP_MS - SLACK_MS,
		      "nanosleep stopped and continued slept only %ld ms", now_ms() - start);
		child_exit();
	}
	stop_and_continue(pid);
	CHECK(child_ok(pid), "nanosleep checks in the child failed");

	if (pipe(fds) < 0) {
		CHECK(0, "pipe");
		return;
	}
	pid = test_fork();
	if (pid == 0) {
		char c = 0;
		ssize_t n;

		close(fds[1]);
		n = read(fds[0], &c, 1);
		CHECK(n == 1 && c == 'x', "read stopped and continued returned %zd", n);
		child_exit();
	}
	close(fds[0]);
	stop_and_continue(pid);
	sleep_ms(STOPPED_MS);
	write(fds[1], "x", 1);
	close(fds[1]);
	CHECK(child_ok(pid), "read checks in the child failed");
}

int main(void)
{
	check_read();
	check_wait();
	check_nanosleep();
	check_pause();
	check_stop_transparent();
	return test_done("sig_intr");
}
