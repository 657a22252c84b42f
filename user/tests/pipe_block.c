/*
 * pipe_block - when pipe reads and writes sleep, and what wakes them.
 *
 *  - a read of an empty pipe sleeps while a writer exists: a child
 *    writes after DELAY_MS, and the parent's read returns that data no
 *    earlier;
 *  - end of file comes only when the last writer is gone: with a second
 *    writer alive in a child the read still sleeps, and returns 0 when
 *    that child exits;
 *  - every blocked reader is woken by the last writer's close: NREADERS
 *    children sleep in read, none returns while the write end is open,
 *    all return 0 once the parent closes it;
 *  - a write sleeps while the pipe is full: the parent fills the pipe,
 *    then a blocking write of PIPE_BUF returns only after a child has
 *    started reading, and the child gets every byte.
 *
 * Times come from CLOCK_MONOTONIC (10 ms ticks on this kernel); a child
 * that does not end within WAIT_MS is killed and counted as a failure.
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

#define DELAY_MS	200	/* how long the other side waits */
#define SLACK_MS	20	/* two clock ticks */
#define WAIT_MS		3000	/* longest wait for a child to end */
#define POLL_MS		10
#define NREADERS	3
#define FILL_MAX	(1 << 20)	/* no pipe holds more than this */
#define LATE_MSG	"late data"
#define LATE_LEN	9
#define EXIT_EOF	0	/* a reader child saw end of file */
#define EXIT_DATA	1	/* it read data instead */
#define EXIT_ERROR	2	/* its read failed */

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

/* Wait up to WAIT_MS for pid; kill it if it is still there.  Returns
 * its wait status, or -1 if it had to be killed. */
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

static bool still_running(pid_t pid)
{
	int status;

	return waitpid(pid, &status, WNOHANG) == 0;
}

static void expect_exit(const char *who, pid_t pid, int code)
{
	int status = wait_child(pid);

	if (status == -1)
		fail("%s: still running after %d ms (killed)", who, WAIT_MS);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != code)
		fail("%s: wait status %#x, expected exit %d", who, status, code);
}

static void check_read_waits_for_data(void)
{
	char buf[LATE_LEN + 1];
	int fds[2];
	long start, took;
	ssize_t n;
	pid_t pid;

	make_pipe(fds);
	pid = start_child();
	if (pid == 0) {
		close(fds[0]);
		sleep_ms(DELAY_MS);
		_exit(write(fds[1], LATE_MSG, LATE_LEN) == LATE_LEN ? 0 : 1);
	}
	close(fds[1]);
	start = now_ms();
	n = read(fds[0], buf, sizeof(buf));
	took = now_ms() - start;
	if (n != LATE_LEN || memcmp(buf, LATE_MSG, LATE_LEN))
		fail("read of the late data returned %ld (errno %d)", (long)n, errno);
	if (took < DELAY_MS - SLACK_MS)
		fail("read of an empty pipe returned after %ld ms, before the "
		     "data was written (%d ms)", took, DELAY_MS);
	expect_exit("late writer", pid, 0);
	close(fds[0]);
}

static void check_eof_waits_for_last_writer(void)
{
	int fds[2];
	long start, took;
	ssize_t n;
	char c;
	pid_t pid;

	make_pipe(fds);
	pid = start_child();
	if (pid == 0) {
		close(fds[0]);
		sleep_ms(DELAY_MS);
		_exit(0);		/* closes the other write end */
	}
	close(fds[1]);
	start = now_ms();
	n = read(fds[0], &c, 1);
	took = now_ms() - start;
	if (n != 0)
		fail("read with no data and no writer left returned %ld (errno %d)",
		     (long)n, errno);
	if (took < DELAY_MS - SLACK_MS)
		fail("read returned after %ld ms, while a writer still existed "
		     "(it exited after %d ms)", took, DELAY_MS);
	expect_exit("second writer", pid, 0);
	close(fds[0]);
}

static void check_last_close_wakes_all_readers(void)
{
	pid_t pids[NREADERS];
	int fds[2];
	char c;

	make_pipe(fds);
	for (int i = 0; i < NREADERS; i++) {
		pids[i] = start_child();
		if (pids[i] == 0) {
			ssize_t n;

			close(fds[1]);
			n = read(fds[0], &c, 1);
			_exit(n == 0 ? EXIT_EOF : n > 0 ? EXIT_DATA : EXIT_ERROR);
		}
	}
	close(fds[0]);
	sleep_ms(DELAY_MS);
	for (int i = 0; i < NREADERS; i++)
		if (!still_running(pids[i]))
			fail("reader %d returned while the write end was open", i);
	close(fds[1]);
	for (int i = 0; i < NREADERS; i++) {
		char who[32];

		snprintf(who, sizeof(who), "blocked reader %d", i);
		expect_exit(who, pids[i], EXIT_EOF);
	}
}

/* Fill the pipe with non-blocking writes; return how much it took. */
static long fill_pipe(int fd)
{
	static char block[PIPE_BUF];
	long total = 0;
	ssize_t n;

	fcntl(fd, F_SETFL, O_NONBLOCK);
	while (total < FILL_MAX && (n = write(fd, block, sizeof(block))) > 0)
		total += n;
	while (total < FILL_MAX && write(fd, block, 1) == 1)
		total++;
	if (errno != EAGAIN)
		fail("filling the pipe: errno %d, expected EAGAIN", errno);
	fcntl(fd, F_SETFL, 0);
	return total;
}

/* The draining child: wait, then read to end of file; exit 0 iff it got
 * exactly `expected` bytes. */
static void drain_later(int fd, long expected)
{
	static char buf[PIPE_BUF];
	long total = 0;
	ssize_t n;

	sleep_ms(DELAY_MS);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		total += n;
	if (total != expected)
		printf("FAIL: the reader got %ld bytes, expected %ld\n", total,
		       expected);
	_exit(total == expected ? 0 : 1);
}

static void check_write_waits_for_room(void)
{
	static char block[PIPE_BUF];
	long full, start, took;
	int fds[2];
	ssize_t n;
	pid_t pid;

	make_pipe(fds);
	full = fill_pipe(fds[1]);
	if (full < PIPE_BUF)
		fail("the pipe held only %ld bytes, less than PIPE_BUF", full);
	pid = start_child();
	if (pid == 0) {
		close(fds[1]);
		drain_later(fds[0], full + PIPE_BUF);
	}
	close(fds[0]);
	start = now_ms();
	n = write(fds[1], block, PIPE_BUF);
	took = now_ms() - start;
	if (n != PIPE_BUF)
		fail("write to the full pipe returned %ld (errno %d)", (long)n, errno);
	if (took < DELAY_MS - SLACK_MS)
		fail("write to a full pipe returned after %ld ms, before the "
		     "reader started (%d ms)", took, DELAY_MS);
	close(fds[1]);
	expect_exit("draining reader", pid, 0);
}

int main(void)
{
	check_read_waits_for_data();
	check_eof_waits_for_last_writer();
	check_last_close_wakes_all_readers();
	check_write_waits_for_room();
	if (failures)
		return 1;
	printf("pipe_block: all checks passed\n");
	return 0;
}
