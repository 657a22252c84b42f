/*
 * pipe_eintr - signals that arrive while a pipe read or write sleeps.
 *
 *  - a read asleep on an empty pipe, interrupted by a caught signal
 *    without SA_RESTART, fails EINTR;
 *  - with SA_RESTART the handler runs and the read goes on sleeping; it
 *    returns the data written after the signal;
 *  - a write of PIPE_BUF asleep on a full pipe fails EINTR and writes
 *    nothing (the pipe holds exactly what it held before);
 *  - a large write that has already moved some bytes returns that
 *    partial count when interrupted.
 * Each case runs in a child that catches SIGUSR1; the parent sends the
 * signal once the child has been asleep for DELAY_MS.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DELAY_MS	200
#define WAIT_MS		3000
#define POLL_MS		10
#define FILL_MAX	(1 << 20)
#define HUGE_LEN	(256 * 1024)

static int failures;
static volatile sig_atomic_t caught;

static void fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("FAIL: ");
	vprintf(fmt, ap);
	printf("\n");
	fflush(stdout);
	va_end(ap);
	failures++;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static void make_pipe(int fds[2])
{
	if (pipe(fds) < 0) {
		printf("FAIL: pipe: errno %d\n", errno);
		exit(1);
	}
}

static void on_signal(int sig)
{
	(void)sig;
	caught++;
}

static void catch_sigusr1(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = flags;
	if (sigaction(SIGUSR1, &sa, NULL) < 0)
		fail("sigaction: errno %d", errno);
}

/* Start a child running fn(fds); the parent keeps both ends open, so
 * the child always has a partner and sleeps. */
static pid_t start_child(void (*fn)(int fds[2]), int fds[2])
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		printf("FAIL: fork: errno %d\n", errno);
		exit(1);
	}
	if (pid == 0) {
		failures = 0;
		fn(fds);
		_exit(failures ? 1 : 0);
	}
	return pid;
}

static void expect_passed(const char *what, pid_t pid)
{
	long deadline = now_ms() + WAIT_MS;
	int status;

	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (now_ms() >= deadline) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			fail("%s: the child hung (killed)", what);
			return;
		}
		sleep_ms(POLL_MS);
	}
	if (status != 0)
		fail("%s: child wait status %#x", what, status);
}

static void interrupt_after_delay(pid_t pid)
{
	sleep_ms(DELAY_MS);
	kill(pid, SIGUSR1);
}

static void read_interrupted(int fds[2])
{
	char c;
	ssize_t n;

	catch_sigusr1(0);
	n = read(fds[0], &c, 1);
	if (n != -1 || errno != EINTR || !caught)
		fail("read interrupted without SA_RESTART: got %ld errno %d, "
		     "handler ran %d times; expected EINTR", (long)n, errno, caught);
}

static void read_restarted(int fds[2])
{
	char c = 0;
	ssize_t n;

	catch_sigusr1(SA_RESTART);
	n = read(fds[0], &c, 1);
	if (n != 1 || c != 'x' || !caught)
		fail("read interrupted with SA_RESTART: got %ld ('%c') errno %d, "
		     "handler ran %d times; expected the later byte 'x'", (long)n,
		     c, errno, caught);
}

/* Fill the pipe with non-blocking writes; return how much it took. */
static long fill_pipe(int fd)
{
	static char block[PIPE_BUF];
	long total = 0;

	fcntl(fd, F_SETFL, O_NONBLOCK);
	while (total < FILL_MAX && write(fd, block, sizeof(block)) > 0)
		total += sizeof(block);
	while (total < FILL_MAX && write(fd, block, 1) == 1)
		total++;
	fcntl(fd, F_SETFL, 0);
	return total;
}

/* Read a pipe to EAGAIN; return the number of bytes. */
static long drain_pipe(int fd)
{
	static char block[PIPE_BUF];
	long total = 0;
	ssize_t n;

	fcntl(fd, F_SETFL, O_NONBLOCK);
	while ((n = read(fd, block, sizeof(block))) > 0)
		total += n;
	return total;
}

static void atomic_write_interrupted(int fds[2])
{
	static char block[PIPE_BUF];
	long full;
	ssize_t n;

	catch_sigusr1(0);
	full = fill_pipe(fds[1]);
	n = write(fds[1], block, sizeof(block));
	if (n != -1 || errno != EINTR)
		fail("PIPE_BUF write on a full pipe, interrupted: got %ld errno %d, "
		     "expected EINTR", (long)n, errno);
	if (drain_pipe(fds[0]) != full)
		fail("the interrupted atomic write left bytes in the pipe");
}

static void large_write_interrupted(int fds[2])
{
	static char huge[HUGE_LEN];
	ssize_t n;

	catch_sigusr1(0);
	n = write(fds[1], huge, sizeof(huge));
	if (n <= 0 || n >= HUGE_LEN)
		fail("large write interrupted after moving data: got %ld errno %d, "
		     "expected a partial count", (long)n, n < 0 ? errno : 0);
}

static void check(const char *what, void (*fn)(int fds[2]), bool write_later)
{
	int fds[2];
	pid_t pid;

	make_pipe(fds);
	pid = start_child(fn, fds);
	interrupt_after_delay(pid);
	if (write_later) {
		sleep_ms(DELAY_MS);
		write(fds[1], "x", 1);
	}
	expect_passed(what, pid);
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	check("read, no SA_RESTART", read_interrupted, false);
	check("read, SA_RESTART", read_restarted, true);
	check("atomic write", atomic_write_interrupted, false);
	check("large write", large_write_interrupted, false);
	if (failures)
		return 1;
	printf("pipe_eintr: all checks passed\n");
	return 0;
}
