/*
 * pipes_check - the pipes lab's checks, one behaviour per case:
 *
 *	/lab/pipes_check CASE
 *
 *  - rw:            bytes written come out of a read in order, a read
 *                   returns no more than is there;
 *  - wrap:          data keeps its order across the pipe's pages and when
 *                   it wraps around the end of the ring (many writes and
 *                   reads of odd sizes, at the default size and at one
 *                   page, set with F_SETPIPE_SZ);
 *  - read_blocks:   a read of an empty pipe sleeps until a child writes;
 *  - eof:           once the last writer is gone, read drains what is
 *                   left, then returns 0;
 *  - write_blocks:  a writer of more than the pipe holds sleeps until the
 *                   reader makes room, and every byte arrives;
 *  - epipe:         with no reader left a write raises SIGPIPE (which
 *                   kills by default) and, with SIGPIPE ignored, fails EPIPE;
 *  - fifo_reader:   open(O_RDONLY) of a FIFO waits for a writer;
 *  - fifo_writer:   open(O_WRONLY) of a FIFO waits for a reader.
 * Each exits 0 when the behaviour is right.
 */
#include "test.h"
#include <sys/stat.h>

#define DELAY_MS	100		/* the child's head start for sleeping */
#define PIPE_DEFAULT	65536		/* a new pipe's size */
#define BIG		(3 * PIPE_DEFAULT + 123)	/* more than a pipe holds */
#define WRAP_ROUNDS	100		/* twice around the default ring */
#define WRAP_CHUNK	1500		/* does not divide the page */
#define ONE_PAGE	4096
#define FIFO_PATH	"/tmp/pipes_check.fifo"
#define MESSAGE		"through the fifo"

static char out[BIG], in[BIG];

static void fill(char *buf, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)(seed + i * 7 + (i >> 8));
}

/* Read exactly n bytes (looping over short reads); the count read. */
static size_t read_all(int fd, char *buf, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (got < n && (r = read(fd, buf + got, n - got)) > 0)
		got += (size_t)r;
	return got;
}

static void check_rw(void)
{
	int fds[2];

	REQUIRE(pipe(fds) == 0, "pipe");
	CHECK_EQ("write", write(fds[1], "hello, pipe", 11), 11);
	CHECK_EQ("short read", read(fds[0], in, 5), 5);
	CHECK(memcmp(in, "hello", 5) == 0, "first bytes wrong");
	CHECK_EQ("read of the rest", read(fds[0], in, sizeof(in)), 6);
	CHECK(memcmp(in, ", pipe", 6) == 0, "remaining bytes wrong");
}

static void wrap_rounds(int fds[2], const char *size)
{
	for (unsigned r = 0; r < WRAP_ROUNDS; r++) {
		fill(out, WRAP_CHUNK, r);
		REQUIRE(write(fds[1], out, WRAP_CHUNK) == WRAP_CHUNK, "%s: write round %u",
			size, r);
		memset(in, 0, WRAP_CHUNK);
		REQUIRE(read_all(fds[0], in, WRAP_CHUNK) == WRAP_CHUNK, "%s: read round %u",
			size, r);
		CHECK(memcmp(in, out, WRAP_CHUNK) == 0, "%s: round %u: data changed", size, r);
	}
}

static void check_wrap(void)
{
	int fds[2];

	REQUIRE(pipe(fds) == 0, "pipe");
	wrap_rounds(fds, "default size");
	REQUIRE(fcntl(fds[1], F_SETPIPE_SZ, ONE_PAGE) == ONE_PAGE, "F_SETPIPE_SZ one page");
	wrap_rounds(fds, "one page");
}

static void check_read_blocks(void)
{
	int fds[2];
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	pid = test_fork();
	if (pid == 0) {
		sleep_ms(DELAY_MS);
		write(fds[1], "late", 4);
		_exit(0);
	}
	CHECK_EQ("read sleeps, then gets the data", read(fds[0], in, sizeof(in)), 4);
	CHECK(memcmp(in, "late", 4) == 0, "wrong data");
	CHECK(child_ok(pid), "child failed");
}

static void check_eof(void)
{
	int fds[2];
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	pid = test_fork();
	if (pid == 0) {
		close(fds[0]);
		write(fds[1], "last words", 10);
		_exit(0);		/* its write end closes here */
	}
	close(fds[1]);
	CHECK(child_ok(pid), "child failed");
	CHECK_EQ("data before end of file", read_all(fds[0], in, 10), 10);
	CHECK_EQ("end of file", read(fds[0], in, sizeof(in)), 0);
	CHECK_EQ("still end of file", read(fds[0], in, sizeof(in)), 0);
}

static void check_write_blocks(void)
{
	int fds[2];
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	fill(out, BIG, 3);
	pid = test_fork();
	if (pid == 0) {
		close(fds[0]);
		_exit(write(fds[1], out, BIG) == BIG ? 0 : 1);
	}
	close(fds[1]);
	sleep_ms(DELAY_MS);		/* let the writer fill the pipe and sleep */
	CHECK(waitpid(pid, NULL, WNOHANG) == 0,
	      "a write of more than the pipe holds returned before anyone read");
	CHECK_EQ("bytes read", read_all(fds[0], in, BIG), BIG);
	CHECK(memcmp(in, out, BIG) == 0, "data changed on the way");
	CHECK(child_ok(pid), "the big write did not complete");
}

static void check_epipe(void)
{
	int fds[2];
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	close(fds[0]);
	pid = test_fork();
	if (pid == 0) {
		write(fds[1], "x", 1);
		_exit(0);
	}
	CHECK(child_killed_by(pid, SIGPIPE), "the writer was not killed by SIGPIPE");
	signal(SIGPIPE, SIG_IGN);
	CHECK_ERR(write(fds[1], "x", 1), EPIPE);
}

static void fifo_child(int flags, const char *data)
{
	int fd;

	sleep_ms(DELAY_MS);
	if ((fd = open(FIFO_PATH, flags)) < 0)
		_exit(1);
	if (data)
		_exit(write(fd, data, strlen(data)) == (ssize_t)strlen(data) ? 0 : 1);
	_exit(read_all(fd, in, strlen(MESSAGE)) == strlen(MESSAGE) &&
	      memcmp(in, MESSAGE, strlen(MESSAGE)) == 0 ? 0 : 1);
}

static void check_fifo_reader(void)
{
	pid_t pid;
	int fd;

	unlink(FIFO_PATH);
	REQUIRE(mkfifo(FIFO_PATH, 0600) == 0, "mkfifo");
	pid = test_fork();
	if (pid == 0)
		fifo_child(O_WRONLY, MESSAGE);
	fd = open(FIFO_PATH, O_RDONLY);		/* waits for the writer */
	REQUIRE(fd >= 0, "open O_RDONLY");
	CHECK_EQ("the writer's data, not end of file",
		 read_all(fd, in, strlen(MESSAGE)), strlen(MESSAGE));
	CHECK(child_ok(pid), "the writer failed");
	unlink(FIFO_PATH);
}

static void check_fifo_writer(void)
{
	pid_t pid;
	int fd;

	unlink(FIFO_PATH);
	REQUIRE(mkfifo(FIFO_PATH, 0600) == 0, "mkfifo");
	signal(SIGPIPE, SIG_IGN);
	pid = test_fork();
	if (pid == 0)
		fifo_child(O_RDONLY, NULL);
	fd = open(FIFO_PATH, O_WRONLY);		/* waits for the reader */
	REQUIRE(fd >= 0, "open O_WRONLY");
	CHECK_EQ("write to the reader", write(fd, MESSAGE, strlen(MESSAGE)),
		 strlen(MESSAGE));
	close(fd);
	CHECK(child_ok(pid), "the reader did not get the data");
	unlink(FIFO_PATH);
}

static const struct {
	const char *name;
	void (*run)(void);
} cases[] = {
	{ "rw", check_rw },
	{ "wrap", check_wrap },
	{ "read_blocks", check_read_blocks },
	{ "eof", check_eof },
	{ "write_blocks", check_write_blocks },
	{ "epipe", check_epipe },
	{ "fifo_reader", check_fifo_reader },
	{ "fifo_writer", check_fifo_writer },
};

int main(int argc, char **argv)
{
	for (size_t i = 0; argc == 2 && i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (strcmp(argv[1], cases[i].name) == 0) {
			cases[i].run();
			return test_done(argv[1]);
		}
	}
	fprintf(stderr, "usage: pipes_check CASE (rw, wrap, read_blocks, eof, write_blocks, "
		"epipe, fifo_reader, fifo_writer)\n");
	return 2;
}
