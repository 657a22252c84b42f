/*
 * pipe_sigpipe - writing to a pipe that has no reader.
 *
 *  - SIGPIPE at its default action kills the writer: the child's wait
 *    status says WTERMSIG == SIGPIPE;
 *  - with SIGPIPE ignored the write fails with EPIPE, and so does every
 *    later one;
 *  - a writer asleep on a full pipe is woken when the last reader
 *    closes, and its write of PIPE_BUF fails EPIPE (nothing was written);
 *  - a large write that has moved some bytes when the last reader goes
 *    returns that partial count, and the next write fails EPIPE.
 *
 * Each case runs in a child, which prints its own FAIL lines; its exit
 * status tells the parent whether it passed.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DELAY_MS	200	/* time for the writer to be asleep */
#define WAIT_MS		3000	/* longest wait for a child to end */
#define POLL_MS		10
#define FILL_MAX	(1 << 20)	/* no pipe holds more than this */
#define HUGE_LEN	(256 * 1024)	/* more than a Linux pipe holds, too */
#define NWRITES		3

static int failures;

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

static pid_t start_child(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		printf("FAIL: fork: errno %d\n", errno);
		exit(1);
	}
	return pid;
}

/* Wait up to WAIT_MS for pid (then kill it); its status or -1. */
static int wait_child(pid_t pid)
{
	long deadline = now_ms() + WAIT_MS;
	int status;

	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (now_ms() >= deadline) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return -1;
		}
		sleep_ms(POLL_MS);
	}
	return status;
}

static void expect_passed(const char *what, pid_t pid)
{
	int status = wait_child(pid);

	if (status == -1)
		fail("%s: the child hung for %d ms (killed)", what, WAIT_MS);
	else if (status != 0)
		fail("%s: child wait status %#x", what, status);
}

static void ignore_sigpipe(void)
{
	if (signal(SIGPIPE, SIG_IGN) == SIG_ERR)
		fail("signal(SIGPIPE, SIG_IGN): errno %d", errno);
}

static void check_epipe(const char *what, ssize_t ret)
{
	if (ret != -1 || errno != EPIPE)
		fail("%s: got %ld errno %d, expected -1 EPIPE", what, (long)ret,
		     ret == -1 ? errno : 0);
}

static void check_default_kills(void)
{
	int fds[2], status;
	pid_t pid;

	make_pipe(fds);
	close(fds[0]);
	pid = start_child();
	if (pid == 0) {
		write(fds[1], "x", 1);
		_exit(0);
	}
	close(fds[1]);
	status = wait_child(pid);
	if (status == -1 || !WIFSIGNALED(status) || WTERMSIG(status) != SIGPIPE)
		fail("write with no reader and SIGPIPE at default: wait status "
		     "%#x, expected death by SIGPIPE (%d)", status, SIGPIPE);
}

static void check_ignored_epipe(void)
{
	int fds[2];
	pid_t pid;

	make_pipe(fds);
	close(fds[0]);
	pid = start_child();
	if (pid == 0) {
		ignore_sigpipe();
		for (int i = 0; i < NWRITES; i++)
			check_epipe("write with no reader", write(fds[1], "x", 1));
		_exit(failures ? 1 : 0);
	}
	close(fds[1]);
	expect_passed("EPIPE with SIGPIPE ignored", pid);
}

/* Fill the pipe with non-blocking writes, then make the end blocking. */
static void fill_pipe(int fd)
{
	static char block[PIPE_BUF];
	long total = 0;

	fcntl(fd, F_SETFL, O_NONBLOCK);
	while (total < FILL_MAX && write(fd, block, sizeof(block)) > 0)
		total += sizeof(block);
	while (total < FILL_MAX && write(fd, block, 1) == 1)
		total++;
	fcntl(fd, F_SETFL, 0);
}

static void check_blocked_writer_woken(void)
{
	static char block[PIPE_BUF];
	int fds[2];
	pid_t pid;

	make_pipe(fds);
	pid = start_child();
	if (pid == 0) {
		close(fds[0]);
		ignore_sigpipe();
		fill_pipe(fds[1]);
		check_epipe("write asleep on a full pipe when the reader closed",
			    write(fds[1], block, sizeof(block)));
		_exit(failures ? 1 : 0);
	}
	close(fds[1]);
	sleep_ms(DELAY_MS);
	close(fds[0]);
	expect_passed("blocked writer, reader closed", pid);
}

static void check_partial_count(void)
{
	static char huge[HUGE_LEN];
	int fds[2];
	pid_t pid;

	make_pipe(fds);
	pid = start_child();
	if (pid == 0) {
		ssize_t n;

		close(fds[0]);
		ignore_sigpipe();
		n = write(fds[1], huge, sizeof(huge));
		if (n <= 0 || n >= HUGE_LEN)
			fail("large write cut short by the reader's close returned "
			     "%ld (errno %d), expected a partial count",
			     (long)n, n < 0 ? errno : 0);
		check_epipe("write after the partial one", write(fds[1], "x", 1));
		_exit(failures ? 1 : 0);
	}
	close(fds[1]);
	sleep_ms(DELAY_MS);
	close(fds[0]);
	expect_passed("partial large write", pid);
}

int main(void)
{
	check_default_kills();
	check_ignored_epipe();
	check_blocked_writer_woken();
	check_partial_count();
	if (failures)
		return 1;
	printf("pipe_sigpipe: all checks passed\n");
	return 0;
}
