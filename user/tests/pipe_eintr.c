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
#include <limits.h>
#include "test.h"

#define DELAY_MS	200
#define FILL_MAX	(1 << 20)
#define HUGE_LEN	(256 * 1024)

static volatile sig_atomic_t caught;

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
		FAIL("sigaction");
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
		FAIL("read interrupted without SA_RESTART: got %ld errno %d, "
		     "handler ran %d times; expected EINTR", (long)n, errno, caught);
}

static void read_restarted(int fds[2])
{
	char c = 0;
	ssize_t n;

	catch_sigusr1(SA_RESTART);
	n = read(fds[0], &c, 1);
	if (n != 1 || c != 'x' || !caught)
		FAIL("read interrupted with SA_RESTART: got %ld ('%c') errno %d, "
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
	CHECK_ERRNO("PIPE_BUF write on a full pipe, interrupted", n, EINTR);
	if (drain_pipe(fds[0]) != full)
		FAIL("the interrupted atomic write left bytes in the pipe");
}

static void large_write_interrupted(int fds[2])
{
	static char huge[HUGE_LEN];
	ssize_t n;

	catch_sigusr1(0);
	n = write(fds[1], huge, sizeof(huge));
	if (n <= 0 || n >= HUGE_LEN)
		FAIL("large write interrupted after moving data: got %ld errno %d, "
		     "expected a partial count", (long)n, n < 0 ? errno : 0);
}

static void check(const char *what, void (*fn)(int fds[2]), bool write_later)
{
	int fds[2];
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	/* The parent keeps both ends open, so the child always has a
	 * partner and sleeps. */
	pid = test_fork();
	if (pid == 0) {
		fn(fds);
		child_exit();
	}
	interrupt_after_delay(pid);
	if (write_later) {
		sleep_ms(DELAY_MS);
		write(fds[1], "x", 1);
	}
	CHECK_EXIT(what, pid, 0);
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	check("read, no SA_RESTART", read_interrupted, false);
	check("read, SA_RESTART", read_restarted, true);
	check("atomic write", atomic_write_interrupted, false);
	check("large write", large_write_interrupted, false);
	return test_done("pipe_eintr");
}
