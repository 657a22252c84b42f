/*
 * pipe_nonblock - O_NONBLOCK on either end of a pipe.
 *
 *  - read end: a read of the empty pipe fails EAGAIN while a writer
 *    exists, and returns 0 (end of file) once none is left;
 *  - write end: the pipe fills up to its capacity (at least PIPE_BUF);
 *    then writes of 1 byte, of PIPE_BUF and of more than PIPE_BUF all
 *    fail EAGAIN;
 *  - with some room, but less than PIPE_BUF, a write of PIPE_BUF fails
 *    EAGAIN and writes nothing (atomic writes are all or nothing);
 *  - a write larger than PIPE_BUF into an empty pipe writes what fits -
 *    the whole capacity - and returns that partial count, and the bytes
 *    come out in order;
 *  - the flag is per end and per open file: set with pipe2 or with
 *    F_SETFL on one end, it changes that end only, and clearing it makes
 *    the end block again (a child writes after a delay).
 */
#include <limits.h>
#include "test.h"

#define FILL_MAX	(1 << 20)	/* no pipe holds more than this */
#define DELAY_MS	200
#define SLACK_MS	20
#define HALF_BUF	(PIPE_BUF / 2)

static unsigned char pattern(long pos)
{
	return (unsigned char)(pos * 13 + pos / 253);
}

static void fill_pattern(unsigned char *buf, long len, long from)
{
	for (long i = 0; i < len; i++)
		buf[i] = pattern(from + i);
}

/* Fill a non-blocking write end; return the number of bytes it took. */
static long fill_pipe(int fd)
{
	static char block[PIPE_BUF];
	long total = 0;

	while (total < FILL_MAX && write(fd, block, sizeof(block)) > 0)
		total += sizeof(block);
	while (total < FILL_MAX && write(fd, block, 1) == 1)
		total++;
	return total;
}

/* Read a non-blocking read end until EAGAIN; return the bytes read. */
static long drain_pipe(int fd)
{
	static char block[PIPE_BUF];
	long total = 0;
	ssize_t n;

	while ((n = read(fd, block, sizeof(block))) > 0)
		total += n;
	if (n == 0 || errno != EAGAIN)
		FAIL("draining: read returned %ld errno %d, expected EAGAIN",
		     (long)n, errno);
	return total;
}

static void check_read_end(void)
{
	char c;
	int fds[2];

	REQUIRE(pipe2(fds, O_NONBLOCK) == 0, "pipe2");
	CHECK_ERRNO("non-blocking read of an empty pipe", read(fds[0], &c, 1), EAGAIN);
	close(fds[1]);
	CHECK_EQ("non-blocking read with no writer left (EOF)", read(fds[0], &c, 1), 0);
	close(fds[0]);
}

/* Fill the pipe; returns its capacity. */
static long check_full_pipe(int fds[2])
{
	static char big[2 * PIPE_BUF];
	long cap = fill_pipe(fds[1]);

	if (cap < PIPE_BUF || cap >= FILL_MAX)
		FAIL("the pipe took %ld bytes before EAGAIN, expected at least "
		     "PIPE_BUF and a limit", cap);
	CHECK_ERRNO("1-byte write to a full pipe", write(fds[1], big, 1), EAGAIN);
	CHECK_ERRNO("PIPE_BUF write to a full pipe",
		    write(fds[1], big, PIPE_BUF), EAGAIN);
	CHECK_ERRNO("large write to a full pipe",
		    write(fds[1], big, sizeof(big)), EAGAIN);
	return cap;
}

static void check_write_end(void)
{
	static char block[PIPE_BUF];
	int fds[2];
	long cap;

	REQUIRE(pipe2(fds, O_NONBLOCK) == 0, "pipe2");
	cap = check_full_pipe(fds);
	CHECK_EQ("read of half a buffer", read(fds[0], block, HALF_BUF), HALF_BUF);
	CHECK_ERRNO("PIPE_BUF write with only half a buffer of room",
		    write(fds[1], block, PIPE_BUF), EAGAIN);
	CHECK_EQ("bytes left after the refused write", drain_pipe(fds[0]),
		 cap - HALF_BUF);
	close(fds[0]);
	close(fds[1]);
}

static void check_partial_write(void)
{
	static unsigned char big[FILL_MAX], back[PIPE_BUF];
	int fds[2];
	long cap, pos = 0;
	ssize_t n;

	REQUIRE(pipe2(fds, O_NONBLOCK) == 0, "pipe2");
	cap = fill_pipe(fds[1]);
	drain_pipe(fds[0]);
	fill_pattern(big, 2 * cap + 1, 0);
	n = write(fds[1], big, (size_t)(2 * cap + 1));
	CHECK_EQ("large non-blocking write into an empty pipe", n, cap);
	while ((n = read(fds[0], back, sizeof(back))) > 0) {
		for (ssize_t i = 0; i < n; i++, pos++)
			if (back[i] != pattern(pos)) {
				FAIL("partial write: byte %ld is %#x, expected %#x",
				     pos, back[i], pattern(pos));
				goto out;
			}
	}
	CHECK_EQ("bytes read back after the partial write", pos, cap);
out:
	close(fds[0]);
	close(fds[1]);
}

/* A child writes one byte to fd after DELAY_MS. */
static pid_t write_later(int fds[2])
{
	pid_t pid = test_fork();

	if (pid == 0) {
		close(fds[0]);
		sleep_ms(DELAY_MS);
		_exit(write(fds[1], "x", 1) == 1 ? 0 : 1);
	}
	return pid;
}

static void check_setfl(void)
{
	int fds[2];
	long start, took;
	pid_t pid;
	char c;

	REQUIRE(pipe2(fds, 0) == 0, "pipe2");
	CHECK_EQ("F_SETFL O_NONBLOCK on the read end",
		 fcntl(fds[0], F_SETFL, O_NONBLOCK), 0);
	CHECK_EQ("write end flags after F_SETFL on the read end",
		 fcntl(fds[1], F_GETFL) & O_NONBLOCK, 0);
	CHECK_ERRNO("read after F_SETFL O_NONBLOCK", read(fds[0], &c, 1), EAGAIN);
	CHECK_EQ("F_SETFL O_NONBLOCK on the write end",
		 fcntl(fds[1], F_SETFL, O_NONBLOCK), 0);
	check_full_pipe(fds);
	drain_pipe(fds[0]);

	CHECK_EQ("F_SETFL 0 on the read end", fcntl(fds[0], F_SETFL, 0), 0);
	CHECK_EQ("read end flags after clearing",
		 fcntl(fds[0], F_GETFL) & O_NONBLOCK, 0);
	pid = write_later(fds);
	start = now_ms();
	CHECK_EQ("blocking read again after clearing O_NONBLOCK",
		 read(fds[0], &c, 1), 1);
	took = now_ms() - start;
	if (took < DELAY_MS - SLACK_MS)
		FAIL("read after clearing O_NONBLOCK returned after %ld ms, "
		     "before the data came (%d ms)", took, DELAY_MS);
	CHECK_EXIT("late writer", pid, 0);
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	check_read_end();
	check_write_end();
	check_partial_write();
	check_setfl();
	return test_done("pipe_nonblock");
}
