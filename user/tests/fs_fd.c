/*
 * fs_fd - descriptors and the open files they share.
 *
 *  - dup gives the lowest free descriptor, sharing the open file: the
 *    offset moves for both and F_SETFL flags show in both, while
 *    FD_CLOEXEC belongs to each descriptor; two separate opens of one
 *    file have offsets of their own;
 *  - after fork parent and child share offsets: what the child reads or
 *    writes moves the parent's offset;
 *  - dup2 onto an open descriptor closes what was there (a pipe's write
 *    end: its reader sees end of file), clears FD_CLOEXEC on the new
 *    one; dup2(fd, fd) returns fd; bad descriptors fail EBADF;
 *  - fcntl: F_GETFL gives the access mode and O_APPEND/O_NONBLOCK;
 *    F_SETFL changes those but never the access mode; F_GETFD/F_SETFD;
 *    F_DUPFD and F_DUPFD_CLOEXEC take the lowest free descriptor at or
 *    above the argument; an unknown command fails EINVAL;
 *  - across exec: descriptors with FD_CLOEXEC (set by F_SETFD or by
 *    O_CLOEXEC) are closed, the others stay open and still share their
 *    offset with the parent (this program re-executes itself to look).
 */
#include <limits.h>
#include "test.h"

#define FILE_PATH	"/tmp/fs_fd.file"
#define TEXT		"0123456789abcdefghij"
#define TEXT_LEN	20
#define STEP		3
#define CHILD_READ	4
#define EXEC_CHECK	"--exec-check"
#define EXIT_EXEC_FAILED 127
#define HIGH_FD		20
#define BAD_CMD		9999
#define BUF_LEN		64
#define NEXEC_FDS	4	/* descriptors the exec check looks at */

/* The descriptors the exec check looks at, and its exit status bits. */
enum { CLOEXEC_SETFD, CLOEXEC_OPEN, PLAIN, CLOEXEC_CLEARED };

static int open_file(int flags)
{
	int fd = open(FILE_PATH, flags);

	REQUIRE(fd >= 0, "open %s", FILE_PATH);
	return fd;
}

static void make_file(void)
{
	int fd = open(FILE_PATH, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	REQUIRE(fd >= 0 && write(fd, TEXT, TEXT_LEN) == TEXT_LEN, "making %s",
		FILE_PATH);
	close(fd);
}

static long offset(int fd)
{
	return lseek(fd, 0, SEEK_CUR);
}

static void check_dup(void)
{
	char buf[BUF_LEN];
	int fd = open_file(O_RDONLY), copy, other;

	copy = dup(fd);
	CHECK_EQ("dup gives the lowest free descriptor", copy, fd + 1);
	read(fd, buf, STEP);
	CHECK_EQ("offset of the copy after a read on the original", offset(copy), STEP);
	lseek(copy, 2 * STEP, SEEK_SET);
	CHECK_EQ("offset of the original after a seek on the copy", offset(fd),
		 2 * STEP);
	fcntl(fd, F_SETFL, O_NONBLOCK);
	CHECK_EQ("O_NONBLOCK set on the original, seen on the copy",
		 fcntl(copy, F_GETFL) & O_NONBLOCK, O_NONBLOCK);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	CHECK_EQ("FD_CLOEXEC of the copy (per descriptor)", fcntl(copy, F_GETFD), 0);
	other = open_file(O_RDONLY);
	CHECK_EQ("offset of a separate open", offset(other), 0);
	close(other);
	close(copy);
	close(fd);
}

static void check_fork_offsets(void)
{
	int fd = open_file(O_RDWR);
	char buf[BUF_LEN];
	pid_t pid;

	read(fd, buf, STEP);
	pid = test_fork();
	if (pid == 0)
		_exit(read(fd, buf, CHILD_READ) == CHILD_READ ? 0 : 1);
	CHECK_EXIT("reading child", pid, 0);
	CHECK_EQ("parent's offset after the child read", offset(fd),
		 STEP + CHILD_READ);
	if (read(fd, buf, 1) != 1 || buf[0] != TEXT[STEP + CHILD_READ])
		FAIL("the parent's next read did not continue after the child's");
	close(fd);
}

static void check_dup2(void)
{
	int fd = open_file(O_RDONLY), fds[2];
	char c;

	CHECK_EQ("dup2(fd, fd)", dup2(fd, fd), fd);
	CHECK_EQ("fd still open after dup2(fd, fd)", fcntl(fd, F_GETFD) >= 0, 1);
	if (pipe(fds) < 0) {
		FAIL("pipe");
		return;
	}
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	CHECK_EQ("dup2 onto the pipe's write end", dup2(fd, fds[1]), fds[1]);
	CHECK_EQ("read from the pipe: its write end was closed (EOF)",
		 read(fds[0], &c, 1), 0);
	CHECK_EQ("FD_CLOEXEC after dup2", fcntl(fds[1], F_GETFD), 0);
	lseek(fd, STEP, SEEK_SET);
	CHECK_EQ("offset shared through dup2", offset(fds[1]), STEP);
	CHECK_ERRNO("dup2 to a negative descriptor", dup2(fd, -1), EBADF);
	CHECK_ERRNO("dup2 beyond any table", dup2(fd, INT_MAX), EBADF);
	close(fds[0]);
	close(fds[1]);
	close(fd);
	CHECK_ERRNO("dup2 from a closed descriptor", dup2(fd, HIGH_FD), EBADF);
}

static void check_fcntl(void)
{
	int fd = open_file(O_WRONLY | O_APPEND), r = open_file(O_RDONLY), high;

	CHECK_EQ("F_GETFL of O_WRONLY | O_APPEND",
		 fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK),
		 O_WRONLY | O_APPEND);
	CHECK_EQ("F_SETFL O_NONBLOCK", fcntl(fd, F_SETFL, O_NONBLOCK), 0);
	CHECK_EQ("F_GETFL after F_SETFL O_NONBLOCK",
		 fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK),
		 O_WRONLY | O_NONBLOCK);
	fcntl(r, F_SETFL, O_RDWR | O_APPEND);
	CHECK_EQ("F_SETFL cannot change the access mode",
		 fcntl(r, F_GETFL) & O_ACCMODE, O_RDONLY);
	CHECK_ERRNO("write after F_SETFL tried O_RDWR", write(r, "x", 1), EBADF);

	CHECK_EQ("F_GETFD of a new descriptor", fcntl(fd, F_GETFD), 0);
	CHECK_EQ("F_SETFD FD_CLOEXEC", fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
	CHECK_EQ("F_GETFD after setting", fcntl(fd, F_GETFD), FD_CLOEXEC);
	CHECK_EQ("F_SETFD 0", fcntl(fd, F_SETFD, 0), 0);
	CHECK_EQ("F_GETFD after clearing", fcntl(fd, F_GETFD), 0);

	high = fcntl(fd, F_DUPFD, HIGH_FD);
	CHECK_EQ("F_DUPFD from HIGH_FD", high, HIGH_FD);
	CHECK_EQ("F_DUPFD's copy has no FD_CLOEXEC", fcntl(high, F_GETFD), 0);
	CHECK_EQ("F_DUPFD_CLOEXEC from HIGH_FD", fcntl(fd, F_DUPFD_CLOEXEC, HIGH_FD),
		 HIGH_FD + 1);
	CHECK_EQ("F_DUPFD_CLOEXEC's copy has FD_CLOEXEC",
		 fcntl(HIGH_FD + 1, F_GETFD), FD_CLOEXEC);
	CHECK_ERRNO("unknown fcntl command", fcntl(fd, BAD_CMD), EINVAL);
	close(HIGH_FD + 1);
	close(high);
	close(r);
	close(fd);
}

static int exec_check_main(char **argv)
{
	int open_fds = 0;
	char c;

	for (int i = 0; i < NEXEC_FDS; i++)
		if (fcntl(atoi(argv[2 + i]), F_GETFD) >= 0)
			open_fds |= 1 << i;
	if (read(atoi(argv[2 + PLAIN]), &c, 1) != 1)
		open_fds = 0;
	return open_fds;
}

static void check_cloexec_exec(const char *self)
{
	char args[NEXEC_FDS][BUF_LEN];
	char *argv[NEXEC_FDS + 3] = { (char *)self, EXEC_CHECK };
	int fds[NEXEC_FDS], status;
	pid_t pid;

	fds[CLOEXEC_SETFD] = open_file(O_RDONLY);
	fcntl(fds[CLOEXEC_SETFD], F_SETFD, FD_CLOEXEC);
	fds[CLOEXEC_OPEN] = open_file(O_RDONLY | O_CLOEXEC);
	fds[PLAIN] = open_file(O_RDONLY);
	fds[CLOEXEC_CLEARED] = open_file(O_RDONLY);
	fcntl(fds[CLOEXEC_CLEARED], F_SETFD, FD_CLOEXEC);
	fcntl(fds[CLOEXEC_CLEARED], F_SETFD, 0);
	for (int i = 0; i < NEXEC_FDS; i++) {
		snprintf(args[i], BUF_LEN, "%d", fds[i]);
		argv[2 + i] = args[i];
	}
	pid = test_fork();
	if (pid == 0) {
		execv(self, argv);
		_exit(EXIT_EXEC_FAILED);
	}
	status = wait_status(pid);
	if (status == -1 || !WIFEXITED(status))
		FAIL("re-executing %s: wait status %#x", self, status);
	else
		CHECK_EQ("descriptors open after exec (bits: F_SETFD, O_CLOEXEC, "
			 "plain, cleared)", WEXITSTATUS(status),
			 1 << PLAIN | 1 << CLOEXEC_CLEARED);
	CHECK_EQ("offset moved by the exec'd program's read", offset(fds[PLAIN]), 1);
	for (int i = 0; i < NEXEC_FDS; i++)
		close(fds[i]);
}

int main(int argc, char **argv)
{
	if (argc == 2 + NEXEC_FDS && !strcmp(argv[1], EXEC_CHECK))
		return exec_check_main(argv);
	make_file();
	check_dup();
	check_fork_offsets();
	check_dup2();
	check_fcntl();
	check_cloexec_exec(argv[0]);
	unlink(FILE_PATH);
	return test_done("fs_fd");
}
