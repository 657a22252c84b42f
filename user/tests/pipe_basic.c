/*
 * pipe_basic - the basic properties of a pipe's two ends.
 *
 *  - pipe() gives two new descriptors, the lowest free ones;
 *  - fstat on either end says S_IFIFO; lseek on either end fails ESPIPE;
 *  - the ends are one-way: read from the write end and write to the read
 *    end fail EBADF; F_GETFL shows O_RDONLY and O_WRONLY;
 *  - read returns what is there, up to the count asked for, in order;
 *    a read of 0 bytes returns 0 at once;
 *  - data written by a child arrives in the parent, then end of file (0)
 *    once the child has exited and the parent closed its write end;
 *  - pipe2: no flags gives blocking ends kept across exec; O_NONBLOCK
 *    makes both ends non-blocking; O_CLOEXEC marks both FD_CLOEXEC and
 *    exec really closes them (this program re-executes itself to look);
 *    any other flag fails EINVAL, leaves the array alone and opens
 *    nothing.
 */
#include <sys/stat.h>
#include "test.h"

#define EXEC_CHECK	"--exec-check"	/* argv[1] of the re-executed copy */
#define EXIT_EXEC_FAILED 127
#define BUF_LEN		128
#define MSG		"0123456789"
#define MSG_LEN		10
#define SHORT_READ	4
#define CHILD_MSG	"from the child\n"
#define UNTOUCHED	(-7)		/* fds[] value a failed call must keep */

/* The re-executed copy reports which of its two descriptors are open. */
#define OPEN_READ_END	1
#define OPEN_WRITE_END	2

static void close_pipe(int fds[2])
{
	close(fds[0]);
	close(fds[1]);
}

/* The lowest descriptor not in use now. */
static int lowest_free_fd(void)
{
	int fd = dup(0);

	close(fd);
	return fd;
}

static void check_new_fds(void)
{
	int fds[2], first = lowest_free_fd();

	REQUIRE(pipe2(fds, 0) == 0, "pipe2");
	CHECK_EQ("pipe read end is the lowest free descriptor", fds[0], first);
	if (fds[1] == fds[0] || fds[1] < 0)
		FAIL("pipe gave descriptors %d and %d", fds[0], fds[1]);
	close_pipe(fds);
}

static void check_end(const char *name, int fd, int accmode)
{
	char what[BUF_LEN];
	struct stat st;

	snprintf(what, sizeof(what), "fstat of the %s end", name);
	if (fstat(fd, &st) < 0)
		FAIL("%s", what);
	else if (!S_ISFIFO(st.st_mode))
		FAIL("%s: mode %#o is not S_IFIFO", what, st.st_mode);
	snprintf(what, sizeof(what), "lseek on the %s end", name);
	CHECK_ERRNO(what, lseek(fd, 0, SEEK_SET), ESPIPE);
	CHECK_ERRNO(what, lseek(fd, 0, SEEK_CUR), ESPIPE);
	snprintf(what, sizeof(what), "F_GETFL access mode of the %s end", name);
	CHECK_EQ(what, fcntl(fd, F_GETFL) & O_ACCMODE, accmode);
}

static void check_ends(void)
{
	char buf[BUF_LEN];
	int fds[2];

	REQUIRE(pipe2(fds, 0) == 0, "pipe2");
	check_end("read", fds[0], O_RDONLY);
	check_end("write", fds[1], O_WRONLY);
	CHECK_ERRNO("read from the write end", read(fds[1], buf, 1), EBADF);
	CHECK_ERRNO("write to the read end", write(fds[0], "x", 1), EBADF);
	close_pipe(fds);
}

static void check_read_counts(void)
{
	char buf[BUF_LEN];
	int fds[2];

	REQUIRE(pipe2(fds, 0) == 0, "pipe2");
	CHECK_EQ("read of 0 bytes from an empty pipe", read(fds[0], buf, 0), 0);
	CHECK_EQ("write", write(fds[1], MSG, MSG_LEN), MSG_LEN);
	CHECK_EQ("read of more than is there", read(fds[0], buf, sizeof(buf)),
		 MSG_LEN);
	if (memcmp(buf, MSG, MSG_LEN))
		FAIL("read back different bytes");
	CHECK_EQ("write", write(fds[1], MSG, MSG_LEN), MSG_LEN);
	CHECK_EQ("short read", read(fds[0], buf, SHORT_READ), SHORT_READ);
	CHECK_EQ("read of the rest", read(fds[0], buf + SHORT_READ, sizeof(buf)),
		 MSG_LEN - SHORT_READ);
	if (memcmp(buf, MSG, MSG_LEN))
		FAIL("two reads gave different bytes or order");
	close(fds[1]);
	CHECK_EQ("read after the only writer closed (EOF)",
		 read(fds[0], buf, sizeof(buf)), 0);
	close(fds[0]);
}

static void check_child_to_parent(void)
{
	char buf[BUF_LEN];
	int fds[2];
	pid_t pid;
	ssize_t n;

	REQUIRE(pipe2(fds, 0) == 0, "pipe2");
	pid = test_fork();
	if (pid == 0) {
		close(fds[0]);
		_exit(write(fds[1], CHILD_MSG, strlen(CHILD_MSG)) ==
		      (ssize_t)strlen(CHILD_MSG) ? 0 : 1);
	}
	close(fds[1]);
	n = read(fds[0], buf, sizeof(buf));
	if (n != (ssize_t)strlen(CHILD_MSG) || memcmp(buf, CHILD_MSG, (size_t)n))
		FAIL("parent read %ld bytes, not the child's message", (long)n);
	CHECK_EQ("read once the child is gone (EOF)", read(fds[0], buf, 1), 0);
	close(fds[0]);
	CHECK_EXIT("writing child", pid, 0);
}

/* Run this program again with fds[] as its arguments; return which of
 * them the new program found open (OPEN_* bits), or -1. */
static int open_after_exec(const char *self, int fds[2])
{
	char arg0[BUF_LEN], arg1[BUF_LEN];
	char *argv[] = { (char *)self, EXEC_CHECK, arg0, arg1, NULL };
	int status;
	pid_t pid;

	snprintf(arg0, sizeof(arg0), "%d", fds[0]);
	snprintf(arg1, sizeof(arg1), "%d", fds[1]);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execv(self, argv);
		_exit(EXIT_EXEC_FAILED);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) == EXIT_EXEC_FAILED) {
		FAIL("re-executing %s to look at the descriptors", self);
		return -1;
	}
	return WEXITSTATUS(status);
}

static int exec_check_main(char **argv)
{
	int open_ends = 0;

	if (fcntl(atoi(argv[2]), F_GETFD) >= 0)
		open_ends |= OPEN_READ_END;
	if (fcntl(atoi(argv[3]), F_GETFD) >= 0)
		open_ends |= OPEN_WRITE_END;
	return open_ends;
}

static void check_pipe2_flags(const char *self)
{
	char buf[1];
	int fds[2];

	REQUIRE(pipe2(fds, 0) == 0, "pipe2");
	CHECK_EQ("pipe2(0) read end O_NONBLOCK", fcntl(fds[0], F_GETFL) & O_NONBLOCK, 0);
	CHECK_EQ("pipe2(0) write end FD_CLOEXEC", fcntl(fds[1], F_GETFD), 0);
	CHECK_EQ("pipe2(0) ends open after exec", open_after_exec(self, fds),
		 OPEN_READ_END | OPEN_WRITE_END);
	close_pipe(fds);

	REQUIRE(pipe2(fds, O_NONBLOCK) == 0, "pipe2");
	CHECK_EQ("pipe2(O_NONBLOCK) read end flag",
		 fcntl(fds[0], F_GETFL) & O_NONBLOCK, O_NONBLOCK);
	CHECK_EQ("pipe2(O_NONBLOCK) write end flag",
		 fcntl(fds[1], F_GETFL) & O_NONBLOCK, O_NONBLOCK);
	CHECK_ERRNO("pipe2(O_NONBLOCK) read of the empty pipe",
		    read(fds[0], buf, 1), EAGAIN);
	CHECK_EQ("pipe2(O_NONBLOCK) FD_CLOEXEC", fcntl(fds[0], F_GETFD), 0);
	close_pipe(fds);

	REQUIRE(pipe2(fds, O_CLOEXEC) == 0, "pipe2");
	CHECK_EQ("pipe2(O_CLOEXEC) read end FD_CLOEXEC", fcntl(fds[0], F_GETFD),
		 FD_CLOEXEC);
	CHECK_EQ("pipe2(O_CLOEXEC) write end FD_CLOEXEC", fcntl(fds[1], F_GETFD),
		 FD_CLOEXEC);
	CHECK_EQ("pipe2(O_CLOEXEC) O_NONBLOCK", fcntl(fds[0], F_GETFL) & O_NONBLOCK, 0);
	CHECK_EQ("pipe2(O_CLOEXEC) ends open after exec",
		 open_after_exec(self, fds), 0);
	close_pipe(fds);
}

static void check_pipe2_bad_flags(void)
{
	static const int bad_flags[] = { O_APPEND, O_TRUNC, O_WRONLY,
					 O_NONBLOCK | O_APPEND };
	int before = count_open_fds();

	for (size_t i = 0; i < sizeof(bad_flags) / sizeof(bad_flags[0]); i++) {
		int fds[2] = { UNTOUCHED, UNTOUCHED };
		char what[BUF_LEN];

		snprintf(what, sizeof(what), "pipe2 flags %#o", bad_flags[i]);
		CHECK_ERRNO(what, pipe2(fds, bad_flags[i]), EINVAL);
		if (fds[0] != UNTOUCHED || fds[1] != UNTOUCHED)
			FAIL("%s changed the array to %d %d", what, fds[0], fds[1]);
	}
	CHECK_EQ("open descriptors after failed pipe2 calls", count_open_fds(), before);
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], EXEC_CHECK))
		return exec_check_main(argv);
	check_new_fds();
	check_ends();
	check_read_counts();
	check_child_to_parent();
	check_pipe2_flags(argv[0]);
	check_pipe2_bad_flags();
	return test_done("pipe_basic");
}
