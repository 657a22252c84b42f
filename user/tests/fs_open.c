/*
 * fs_open - open flags, file offsets, the memory devices and bad
 * descriptors.
 *
 *  - open of a missing file fails ENOENT; O_CREAT makes it with mode &
 *    ~umask; O_CREAT on an existing file opens it as it is; O_CREAT |
 *    O_EXCL fails EEXIST on an existing one; O_TRUNC empties a file;
 *    O_APPEND writes at the end whatever the offset, also through two
 *    descriptors in turn;
 *  - the access mode holds: read on O_WRONLY and write on O_RDONLY fail
 *    EBADF; a directory cannot be opened for writing (EISDIR), a file
 *    cannot be opened with O_DIRECTORY (ENOTDIR);
 *  - lseek SEEK_SET/SEEK_CUR/SEEK_END return and set the offset; reads
 *    and writes continue from there; a write past the end leaves a hole
 *    that reads as zeros; a negative result or a bad whence fails EINVAL;
 *    a read at the end returns 0;
 *  - /dev/null reads end of file and swallows writes; /dev/zero reads
 *    zeros; both are character devices and lseek on them returns 0;
 *  - read, write, close, fstat, dup, dup2, lseek and fcntl on a bad
 *    descriptor (-1, NOFILE, a large number, a closed one) fail EBADF.
 */
#include <sys/stat.h>
#include "test.h"

#define FILE_PATH	"/tmp/fs_open.file"
#define MISSING		"/tmp/fs_open.missing"
#define TEXT		"abcdefghij"
#define TEXT_LEN	10
#define MORE		"XYZ"
#define MORE_LEN	3
#define HOLE_AT		100
#define BUF_LEN		256
#define NOFILE		64
#define LARGE_FD	1000
#define FILL		0x5a
#define ZERO_LEN	64
#define BAD_WHENCE	99	/* 3 and 4 are SEEK_DATA, SEEK_HOLE on Linux */

static int open_or_fail(const char *path, int flags, mode_t mode)
{
	int fd = open(path, flags, mode);

	if (fd < 0)
		FAIL("open %s flags %#o", path, flags);
	return fd;
}

static long file_size(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -1;
	return (long)st.st_size;
}

/* The whole file as a string in buf. */
static const char *contents(const char *path, char *buf)
{
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, BUF_LEN - 1);

	buf[n < 0 ? 0 : n] = '\0';
	if (fd >= 0)
		close(fd);
	return buf;
}

static void expect_contents(const char *what, const char *want)
{
	char buf[BUF_LEN];

	if (strcmp(contents(FILE_PATH, buf), want))
		FAIL("%s: the file holds \"%s\", expected \"%s\"", what, buf, want);
}

static void check_create(void)
{
	mode_t old = umask(022);
	struct stat st;
	int fd;

	unlink(FILE_PATH);
	unlink(MISSING);
	CHECK_ERRNO("open of a missing file", open(MISSING, O_RDONLY), ENOENT);
	fd = open_or_fail(FILE_PATH, O_WRONLY | O_CREAT, 0666);
	if (fstat(fd, &st) < 0 || st.st_mode != (S_IFREG | 0644) || st.st_size != 0)
		FAIL("new file: mode %#o size %ld, expected %#o and 0", st.st_mode,
		     (long)st.st_size, S_IFREG | 0644);
	CHECK_EQ("write", write(fd, TEXT, TEXT_LEN), TEXT_LEN);
	close(fd);
	fd = open_or_fail(FILE_PATH, O_RDWR | O_CREAT, 0600);
	close(fd);
	expect_contents("O_CREAT on an existing file", TEXT);
	if (stat(FILE_PATH, &st) == 0 && (st.st_mode & 0777) != 0644)
		FAIL("O_CREAT on an existing file changed its mode to %#o",
		     st.st_mode);
	CHECK_ERRNO("O_CREAT | O_EXCL on an existing file",
		    open(FILE_PATH, O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	fd = open_or_fail(MISSING, O_WRONLY | O_CREAT | O_EXCL, 0644);
	close(fd);
	unlink(MISSING);
	fd = open_or_fail(FILE_PATH, O_WRONLY | O_TRUNC, 0);
	CHECK_EQ("size after O_TRUNC", file_size(FILE_PATH), 0);
	close(fd);
	umask(old);
}

static void check_append(void)
{
	int fd = open_or_fail(FILE_PATH, O_WRONLY | O_TRUNC, 0), a, b;

	write(fd, TEXT, TEXT_LEN);
	close(fd);
	a = open_or_fail(FILE_PATH, O_WRONLY | O_APPEND, 0);
	b = open_or_fail(FILE_PATH, O_RDWR | O_APPEND, 0);
	lseek(a, 0, SEEK_SET);
	CHECK_EQ("O_APPEND write", write(a, MORE, MORE_LEN), MORE_LEN);
	CHECK_EQ("offset after an O_APPEND write", lseek(a, 0, SEEK_CUR),
		 TEXT_LEN + MORE_LEN);
	CHECK_EQ("second O_APPEND write", write(b, "1", 1), 1);
	CHECK_EQ("third O_APPEND write", write(a, "2", 1), 1);
	close(a);
	close(b);
	expect_contents("O_APPEND through two descriptors", TEXT MORE "12");
}

static void check_access_modes(void)
{
	char c;
	int r = open_or_fail(FILE_PATH, O_RDONLY, 0);
	int w = open_or_fail(FILE_PATH, O_WRONLY, 0);

	CHECK_ERRNO("write on O_RDONLY", write(r, "x", 1), EBADF);
	CHECK_ERRNO("read on O_WRONLY", read(w, &c, 1), EBADF);
	close(r);
	close(w);
	CHECK_ERRNO("open a directory O_WRONLY", open("/tmp", O_WRONLY), EISDIR);
	CHECK_ERRNO("open a directory O_RDWR", open("/tmp", O_RDWR), EISDIR);
	CHECK_ERRNO("open a file O_DIRECTORY",
		    open(FILE_PATH, O_RDONLY | O_DIRECTORY), ENOTDIR);
}

static void check_lseek(void)
{
	char buf[BUF_LEN];
	int fd = open_or_fail(FILE_PATH, O_RDWR | O_TRUNC, 0);

	write(fd, TEXT, TEXT_LEN);
	CHECK_EQ("SEEK_SET 5", lseek(fd, 5, SEEK_SET), 5);
	if (read(fd, buf, 2) != 2 || memcmp(buf, "fg", 2))
		FAIL("read after SEEK_SET 5 did not give \"fg\"");
	CHECK_EQ("SEEK_CUR +1", lseek(fd, 1, SEEK_CUR), 8);
	CHECK_EQ("SEEK_CUR -6", lseek(fd, -6, SEEK_CUR), 2);
	CHECK_EQ("SEEK_END 0", lseek(fd, 0, SEEK_END), TEXT_LEN);
	CHECK_EQ("read at the end of the file", read(fd, buf, 1), 0);
	CHECK_EQ("SEEK_END -1", lseek(fd, -1, SEEK_END), TEXT_LEN - 1);
	if (read(fd, buf, 1) != 1 || buf[0] != 'j')
		FAIL("read after SEEK_END -1 did not give 'j'");
	CHECK_ERRNO("SEEK_SET -1", lseek(fd, -1, SEEK_SET), EINVAL);
	CHECK_ERRNO("SEEK_CUR before the start", lseek(fd, -100, SEEK_CUR), EINVAL);
	CHECK_EQ("offset after the failed seeks", lseek(fd, 0, SEEK_CUR), TEXT_LEN);
	CHECK_ERRNO("bad whence", lseek(fd, 0, BAD_WHENCE), EINVAL);

	CHECK_EQ("SEEK_SET past the end", lseek(fd, HOLE_AT, SEEK_SET), HOLE_AT);
	CHECK_EQ("size before writing past the end", file_size(FILE_PATH), TEXT_LEN);
	write(fd, MORE, MORE_LEN);
	CHECK_EQ("size after writing past the end", file_size(FILE_PATH),
		 HOLE_AT + MORE_LEN);
	lseek(fd, TEXT_LEN, SEEK_SET);
	memset(buf, FILL, sizeof(buf));
	CHECK_EQ("read across the hole", read(fd, buf, sizeof(buf)),
		 HOLE_AT + MORE_LEN - TEXT_LEN);
	for (int i = 0; i < HOLE_AT - TEXT_LEN; i++)
		if (buf[i] != 0) {
			FAIL("the hole reads %#x at %d, not zero", buf[i], TEXT_LEN + i);
			break;
		}
	if (memcmp(buf + HOLE_AT - TEXT_LEN, MORE, MORE_LEN))
		FAIL("the data after the hole is wrong");
	close(fd);
}

static void check_devices(void)
{
	unsigned char buf[ZERO_LEN];
	struct stat st;
	int null = open_or_fail("/dev/null", O_RDWR, 0);
	int zero = open_or_fail("/dev/zero", O_RDWR, 0);

	CHECK_EQ("read /dev/null", read(null, buf, sizeof(buf)), 0);
	CHECK_EQ("write /dev/null", write(null, TEXT, TEXT_LEN), TEXT_LEN);
	if (fstat(null, &st) < 0 || !S_ISCHR(st.st_mode))
		FAIL("/dev/null is not a character device (mode %#o)", st.st_mode);
	memset(buf, FILL, sizeof(buf));
	CHECK_EQ("read /dev/zero", read(zero, buf, sizeof(buf)), ZERO_LEN);
	for (int i = 0; i < ZERO_LEN; i++)
		if (buf[i] != 0) {
			FAIL("/dev/zero gave %#x at %d", buf[i], i);
			break;
		}
	CHECK_EQ("write /dev/zero", write(zero, TEXT, TEXT_LEN), TEXT_LEN);
	CHECK_EQ("lseek on /dev/null", lseek(null, 0, SEEK_SET), 0);
	CHECK_EQ("lseek on /dev/zero", lseek(zero, 0, SEEK_SET), 0);
	if (fstat(zero, &st) < 0 || !S_ISCHR(st.st_mode))
		FAIL("/dev/zero is not a character device (mode %#o)", st.st_mode);
	close(null);
	close(zero);
}

static void check_bad_fd(int fd)
{
	char what[BUF_LEN], c;
	struct stat st;

	snprintf(what, sizeof(what), "read fd %d", fd);
	CHECK_ERRNO(what, read(fd, &c, 1), EBADF);
	snprintf(what, sizeof(what), "write fd %d", fd);
	CHECK_ERRNO(what, write(fd, "x", 1), EBADF);
	snprintf(what, sizeof(what), "fstat fd %d", fd);
	CHECK_ERRNO(what, fstat(fd, &st), EBADF);
	snprintf(what, sizeof(what), "dup fd %d", fd);
	CHECK_ERRNO(what, dup(fd), EBADF);
	snprintf(what, sizeof(what), "dup2 from fd %d", fd);
	CHECK_ERRNO(what, dup2(fd, 0), EBADF);
	snprintf(what, sizeof(what), "lseek fd %d", fd);
	CHECK_ERRNO(what, lseek(fd, 0, SEEK_SET), EBADF);
	snprintf(what, sizeof(what), "fcntl F_GETFD fd %d", fd);
	CHECK_ERRNO(what, fcntl(fd, F_GETFD), EBADF);
	snprintf(what, sizeof(what), "close fd %d", fd);
	CHECK_ERRNO(what, close(fd), EBADF);
}

static void check_bad_fds(void)
{
	int closed = open_or_fail(FILE_PATH, O_RDONLY, 0);

	close(closed);
	check_bad_fd(-1);
	check_bad_fd(NOFILE);
	check_bad_fd(LARGE_FD);
	check_bad_fd(closed);
	CHECK_ERRNO("dup2 to fd -1", dup2(0, -1), EBADF);
}

int main(void)
{
	check_create();
	check_append();
	check_access_modes();
	check_lseek();
	check_devices();
	check_bad_fds();
	unlink(FILE_PATH);
	return test_done("fs_open");
}
