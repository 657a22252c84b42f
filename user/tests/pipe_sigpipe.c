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
#include <limits.h>
#include "test.h"

#define DELAY_MS	200	/* time for the writer to be asleep */
#define FILL_MAX	(1 << 20)	/* no pipe holds more than this */
#define HUGE_LEN	(256 * 1024)	/* more than a Linux pipe holds, too */
#define NWRITES		3

static void ignore_sigpipe(void)
{
	if (signal(SIGPIPE, SIG_IGN) == SIG_ERR)
		FAIL("signal(SIGPIPE, SIG_IGN)");
}

static void check_default_kills(void)
{
	int fds[2], status;
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	close(fds[0]);
	pid = test_fork();
	if (pid == 0) {
		write(fds[1], "x", 1);
		_exit(0);
	}
	close(fds[1]);
	status = wait_or_kill(pid);
	if (status == -1 || !WIFSIGNALED(status) || WTERMSIG(status) != SIGPIPE)
		FAIL("write with no reader and SIGPIPE at default: wait status "
		     "%#x, expected death by SIGPIPE (%d)", status, SIGPIPE);
}

static void check_ignored_epipe(void)
{
	int fds[2];
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	close(fds[0]);
	pid = test_fork();
	if (pid == 0) {
		ignore_sigpipe();
		for (int i = 0; i < NWRITES; i++)
			CHECK_ERRNO("write with no reader", write(fds[1], "x", 1),
				    EPIPE);
		child_exit();
	}
	close(fds[1]);
	CHECK_EXIT("EPIPE with SIGPIPE ignored", pid, 0);
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

	REQUIRE(pipe(fds) == 0, "pipe");
	pid = test_fork();
	if (pid == 0) {
		close(fds[0]);
		ignore_sigpipe();
		fill_pipe(fds[1]);
		CHECK_ERRNO("write asleep on a full pipe when the reader closed",
			    write(fds[1], block, sizeof(block)), EPIPE);
		child_exit();
	}
	close(fds[1]);
	sleep_ms(DELAY_MS);
	close(fds[0]);
	CHECK_EXIT("blocked writer, reader closed", pid, 0);
}

static void check_partial_count(void)
{
	static char huge[HUGE_LEN];
	int fds[2];
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	pid = test_fork();
	if (pid == 0) {
		ssize_t n;

		close(fds[0]);
		ignore_sigpipe();
		n = write(fds[1], huge, sizeof(huge));
		if (n <= 0 || n >= HUGE_LEN)
			FAIL("large write cut short by the reader's close returned "
			     "%ld (errno %d), expected a partial count",
			     (long)n, n < 0 ? errno : 0);
		CHECK_ERRNO("write after the partial one", write(fds[1], "x", 1),
			    EPIPE);
		child_exit();
	}
	close(fds[1]);
	sleep_ms(DELAY_MS);
	close(fds[0]);
	CHECK_EXIT("partial large write", pid, 0);
}

int main(void)
{
	check_default_kills();
	check_ignored_epipe();
	check_blocked_writer_woken();
	check_partial_count();
	return test_done("pipe_sigpipe");
}
