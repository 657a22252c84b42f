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
#include <limits.h>
#include "test.h"

#define DELAY_MS	200	/* how long the other side waits */
#define SLACK_MS	20	/* two clock ticks */
#define NREADERS	3
#define FILL_MAX	(1 << 20)	/* no pipe holds more than this */
#define LATE_MSG	"late data"
#define LATE_LEN	9
#define EXIT_EOF	0	/* a reader child saw end of file */
#define EXIT_DATA	1	/* it read data instead */
#define EXIT_ERROR	2	/* its read failed */

static bool still_running(pid_t pid)
{
	int status;

	return waitpid(pid, &status, WNOHANG) == 0;
}

static void check_read_waits_for_data(void)
{
	char buf[LATE_LEN + 1];
	int fds[2];
	long start, took;
	ssize_t n;
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	pid = test_fork();
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
		FAIL("read of the late data returned %ld", (long)n);
	if (took < DELAY_MS - SLACK_MS)
		FAIL("read of an empty pipe returned after %ld ms, before the "
		     "data was written (%d ms)", took, DELAY_MS);
	CHECK_EXIT("late writer", pid, 0);
	close(fds[0]);
}

static void check_eof_waits_for_last_writer(void)
{
	int fds[2];
	long start, took;
	ssize_t n;
	char c;
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	pid = test_fork();
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
		FAIL("read with no data and no writer left returned %ld",
		     (long)n);
	if (took < DELAY_MS - SLACK_MS)
		FAIL("read returned after %ld ms, while a writer still existed "
		     "(it exited after %d ms)", took, DELAY_MS);
	CHECK_EXIT("second writer", pid, 0);
	close(fds[0]);
}

static void check_last_close_wakes_all_readers(void)
{
	pid_t pids[NREADERS];
	int fds[2];
	char c;

	REQUIRE(pipe(fds) == 0, "pipe");
	for (int i = 0; i < NREADERS; i++) {
		pids[i] = test_fork();
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
			FAIL("reader %d returned while the write end was open", i);
	close(fds[1]);
	for (int i = 0; i < NREADERS; i++) {
		char who[32];

		snprintf(who, sizeof(who), "blocked reader %d", i);
		CHECK_EXIT(who, pids[i], EXIT_EOF);
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
		FAIL("filling the pipe: errno %d, expected EAGAIN", errno);
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
	CHECK_EQ("bytes the reader got", total, expected);
	child_exit();
}

static void check_write_waits_for_room(void)
{
	static char block[PIPE_BUF];
	long full, start, took;
	int fds[2];
	ssize_t n;
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	full = fill_pipe(fds[1]);
	if (full < PIPE_BUF)
		FAIL("the pipe held only %ld bytes, less than PIPE_BUF", full);
	pid = test_fork();
	if (pid == 0) {
		close(fds[1]);
		drain_later(fds[0], full + PIPE_BUF);
	}
	close(fds[0]);
	start = now_ms();
	n = write(fds[1], block, PIPE_BUF);
	took = now_ms() - start;
	if (n != PIPE_BUF)
		FAIL("write to the full pipe returned %ld", (long)n);
	if (took < DELAY_MS - SLACK_MS)
		FAIL("write to a full pipe returned after %ld ms, before the "
		     "reader started (%d ms)", took, DELAY_MS);
	close(fds[1]);
	CHECK_EXIT("draining reader", pid, 0);
}

int main(void)
{
	check_read_waits_for_data();
	check_eof_waits_for_last_writer();
	check_last_close_wakes_all_readers();
	check_write_waits_for_room();
	return test_done("pipe_block");
}
