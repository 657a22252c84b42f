/*
 * rlimit_fsize - RLIMIT_FSIZE limits how large a process may make a
 * regular file, as on Linux:
 *  - a write that would cross the limit writes up to it and returns that
 *    count; the next write, at the limit, raises SIGXFSZ, which by default
 *    kills the writer;
 *  - with SIGXFSZ ignored, or caught, the write fails with EFBIG instead
 *    (the handler runs once); so does an O_APPEND write to a file already
 *    at the limit and a write after seeking past it;
 *  - an empty write past the limit is no error and raises nothing;
 *  - pipes and devices have no such limit.
 */
#include "test.h"
#include <sys/resource.h>
#include <sys/stat.h>

#define LIMIT		5000
#define CHUNK		4000
#define PATH		"/tmp/rlimit_fsize"

static char buf[CHUNK];
static volatile sig_atomic_t caught;

static void on_xfsz(int sig)
{
	if (sig == SIGXFSZ)
		caught++;
}

static int open_limited(int flags)
{
	struct rlimit lim = { LIMIT, RLIM_INFINITY }, nocore = { 0, 0 };
	int fd;

	REQUIRE(setrlimit(RLIMIT_CORE, &nocore) == 0, "setrlimit(RLIMIT_CORE)");
	REQUIRE(setrlimit(RLIMIT_FSIZE, &lim) == 0, "setrlimit(RLIMIT_FSIZE)");
	fd = open(PATH, O_WRONLY | O_CREAT | flags, 0600);
	REQUIRE(fd >= 0, "open %s", PATH);
	return fd;
}

static long file_size(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 ? (long)st.st_size : -1;
}

/* Default action: the write at the limit kills. */
static void write_past_default(void *unused)
{
	int fd = open_limited(O_TRUNC);

	(void)unused;
	CHECK_EQ("a write below the limit", write(fd, buf, CHUNK), CHUNK);
	CHECK_EQ("a write across the limit", write(fd, buf, CHUNK), LIMIT - CHUNK);
	CHECK_EQ("the file's size", file_size(fd), LIMIT);
	CHECK_EQ("an empty write at the limit", write(fd, buf, 0), 0);
	write(fd, buf, 1);
	FAIL("still alive after writing past RLIMIT_FSIZE");
	child_exit();
}

/* SIGXFSZ ignored: EFBIG. */
static void write_past_ignored(void *unused)
{
	int fd = open_limited(0);

	(void)unused;
	signal(SIGXFSZ, SIG_IGN);
	CHECK_EQ("seek to the limit", lseek(fd, LIMIT, SEEK_SET), LIMIT);
	CHECK_ERR(write(fd, buf, 1), EFBIG);
	CHECK_EQ("seek past the limit", lseek(fd, LIMIT + CHUNK, SEEK_SET), LIMIT + CHUNK);
	CHECK_ERR(write(fd, buf, CHUNK), EFBIG);
	CHECK_EQ("an empty write past the limit", write(fd, buf, 0), 0);
	CHECK_EQ("the file's size", file_size(fd), LIMIT);
	close(fd);
	fd = open_limited(O_APPEND);
	CHECK_ERR(write(fd, buf, 1), EFBIG);
	close(fd);
	child_exit();
}

/* SIGXFSZ caught: the handler runs once and the write fails with EFBIG. */
static void write_past_caught(void *unused)
{
	int fd = open_limited(0);
	sigset_t pending;

	(void)unused;
	signal(SIGXFSZ, on_xfsz);
	CHECK_EQ("seek to the limit", lseek(fd, LIMIT, SEEK_SET), LIMIT);
	CHECK_ERR(write(fd, buf, 1), EFBIG);
	CHECK_EQ("SIGXFSZ handler runs", caught, 1);
	sigpending(&pending);
	CHECK(!sigismember(&pending, SIGXFSZ), "SIGXFSZ left pending");
	child_exit();
}

/* Pipes and /dev/null are not files RLIMIT_FSIZE limits. */
static void other_files(void *unused)
{
	struct rlimit lim = { 1, RLIM_INFINITY };
	int p[2], fd;

	(void)unused;
	REQUIRE(pipe(p) == 0, "pipe");
	REQUIRE(setrlimit(RLIMIT_FSIZE, &lim) == 0, "setrlimit(RLIMIT_FSIZE)");
	CHECK_EQ("a pipe write above RLIMIT_FSIZE", write(p[1], buf, CHUNK), CHUNK);
	fd = open("/dev/null", O_WRONLY);
	CHECK_EQ("a /dev/null write above RLIMIT_FSIZE", write(fd, buf, CHUNK), CHUNK);
	child_exit();
}

int main(void)
{
	struct leak_mark before;
	int status;

	fflush(stdout);
	memset(buf, 'x', sizeof(buf));
	mark_leaks(&before);
	status = run_child(write_past_default, NULL);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ,
	      "writer past the limit: status %#x, expected killed by SIGXFSZ", status);
	CHECK_EQ("ignoring SIGXFSZ", run_child(write_past_ignored, NULL), 0);
	CHECK_EQ("catching SIGXFSZ", run_child(write_past_caught, NULL), 0);
	CHECK_EQ("pipes and devices", run_child(other_files, NULL), 0);
	CHECK_EQ("unlink", unlink(PATH), 0);
	CHECK_LEAKS("after the writers ended", &before);
	return test_done("rlimit_fsize");
}
