/*
 * abi_iov - readv (145) and writev (146).
 *
 *  - writev writes the buffers in order (empty ones skipped) and returns
 *    the total; readv fills them in order, stopping at end of file;
 *  - iovcnt 0 returns 0; negative or above IOV_MAX (1024) is EINVAL; a
 *    length above SSIZE_MAX is EINVAL; a bad vector pointer EFAULT; a
 *    closed fd EBADF, the wrong direction EBADF;
 *  - a bad buffer after a good one: the good part is written and counted;
 *  - a writev of at most PIPE_BUF bytes to a pipe is atomic: with too
 *    little room and O_NONBLOCK it writes nothing (EAGAIN), where the
 *    pieces alone would have fit; with room, all of it goes.
 */
#include <sys/uio.h>
#include <limits.h>
#include "test.h"

#define FILE_A		"/tmp/abi_iov"
#define PIPE_CAP	65536	/* more than any pipe here holds */
#define CHUNK		512

/* Through a volatile, so that the compiler does not see the bad values. */
static volatile int count_sink;
static struct iovec *volatile bad_vector = (struct iovec *)16;

static int bad_count(int n)
{
	count_sink = n;
	return count_sink;
}

static void file_io(void)
{
	char a[4] = { 0 }, b[8] = { 0 }, c[16] = { 0 };
	struct iovec out[3] = { { "abc", 3 }, { "", 0 }, { "defghij", 7 } };
	struct iovec in[3] = { { a, 2 }, { b, 5 }, { c, sizeof(c) } };
	int fd = open(FILE_A, O_CREAT | O_RDWR | O_TRUNC, 0644);

	REQUIRE(fd >= 0, "open");
	CHECK_EQ("writev", writev(fd, out, 3), 10);
	CHECK_EQ("writev none", writev(fd, out, 0), 0);
	CHECK_EQ("lseek", lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ("readv", readv(fd, in, 3), 10);
	CHECK(!memcmp(a, "ab", 2) && !memcmp(b, "cdefg", 5) && !memcmp(c, "hij", 4),
	      "readv split '%s' '%s' '%s'", a, b, c);
	CHECK_EQ("readv at eof", readv(fd, in, 3), 0);

	CHECK_ERR(writev(fd, out, bad_count(-1)), EINVAL);
	CHECK_ERR(writev(fd, out, bad_count(IOV_MAX + 1)), EINVAL);
	{
		struct iovec huge[1] = { { a, (size_t)SSIZE_MAX + 1 } };
		CHECK_ERR(readv(fd, huge, 1), EINVAL);
	}
	CHECK_ERR(writev(fd, bad_vector, 1), EFAULT);
	CHECK_ERR(writev(999, out, 1), EBADF);
	close(fd);

	fd = open(FILE_A, O_RDONLY);
	CHECK_ERR(writev(fd, out, 1), EBADF);
	close(fd);

	fd = open(FILE_A, O_WRONLY | O_TRUNC);
	{
		struct iovec bad[2] = { { "xyz", 3 }, { (void *)16, 4 } };
		CHECK_EQ("partial writev", writev(fd, bad, 2), 3);
	}
	CHECK_ERR(readv(fd, in, 1), EBADF);
	close(fd);
	unlink(FILE_A);
}

/* Fill the pipe (non-blocking), make room for less than two chunks: an
 * atomic writev of two must write nothing; empty the pipe: it all goes. */
static void pipe_atomic(void)
{
	static char big[PIPE_CAP], piece[CHUNK];
	struct iovec two[2] = { { piece, CHUNK }, { piece, CHUNK } };
	int p[2];
	long filled;

	REQUIRE(pipe(p) == 0, "pipe");
	REQUIRE(fcntl(p[1], F_SETFL, O_NONBLOCK) == 0, "O_NONBLOCK");
	filled = write(p[1], big, sizeof(big));
	REQUIRE(filled > CHUNK * 2, "fill the pipe");
	CHECK_EQ("drain some", read(p[0], big, CHUNK + CHUNK / 2), CHUNK + CHUNK / 2);
	CHECK_ERR(writev(p[1], two, 2), EAGAIN);
	CHECK_EQ("drain all", read(p[0], big, sizeof(big)), filled - CHUNK - CHUNK / 2);
	CHECK_EQ("writev fits", writev(p[1], two, 2), 2 * CHUNK);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	file_io();
	pipe_atomic();
	return test_done("abi_iov");
}
