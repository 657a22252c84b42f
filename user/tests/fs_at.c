/*
 * fs_at - the *at calls: openat (295), mkdirat (296), mknodat (297),
 * fstatat64 (300, through fstatat), unlinkat (301), renameat (302),
 * linkat (303), symlinkat/readlinkat (304, 305), fchmodat (306),
 * faccessat (307).
 *
 *  - a relative path starts at the directory open as dirfd, or with
 *    AT_FDCWD at the working directory; an absolute path ignores dirfd
 *    (even a bad one);
 *  - a dirfd open on a file fails ENOTDIR, a closed one EBADF;
 *  - fstatat with AT_SYMLINK_NOFOLLOW describes a link itself, with
 *    AT_EMPTY_PATH and "" the file open as dirfd (any kind); "" without
 *    it is ENOENT; unknown flags are EINVAL;
 *  - unlinkat removes files, and directories only with AT_REMOVEDIR
 *    (EISDIR without, ENOTDIR with it on a file); other flags EINVAL;
 *  - the directory fd still works after the directory is renamed.
 */
#include <sys/stat.h>
#include <stdio.h>
#include "test.h"

#define TOP	"/tmp/fs_at"

static void create_and_stat(int dfd)
{
	struct stat st, st2;
	int fd;

	fd = openat(dfd, "f", O_CREAT | O_WRONLY | O_EXCL, 0640);
	REQUIRE(fd >= 0, "openat create");
	CHECK_EQ("write", write(fd, "abc", 3), 3);
	CHECK_EQ("fstatat", fstatat(dfd, "f", &st, 0), 0);
	CHECK(S_ISREG(st.st_mode) && st.st_size == 3, "fstatat of the new file");
	CHECK_EQ("stat abs", stat(TOP "/d/f", &st2), 0);
	CHECK_EQ("same inode", st.st_ino, st2.st_ino);
	CHECK_EQ("AT_EMPTY_PATH", fstatat(fd, "", &st2, AT_EMPTY_PATH), 0);
	CHECK_EQ("AT_EMPTY_PATH inode", st.st_ino, st2.st_ino);
	CHECK_ERR(fstatat(fd, "", &st2, 0), ENOENT);
	CHECK_ERR(fstatat(dfd, "f", &st2, 0x40000), EINVAL);
	CHECK_ERR(fstatat(fd, "f", &st2, 0), ENOTDIR);
	CHECK_ERR(openat(fd, "x", O_RDONLY), ENOTDIR);
	CHECK_ERR(fstatat(999, "f", &st2, 0), EBADF);
	CHECK_EQ("absolute ignores dirfd", fstatat(999, TOP "/d/f", &st2, 0), 0);
	CHECK_EQ("AT_FDCWD", fstatat(AT_FDCWD, TOP "/d/f", &st2, 0), 0);
	close(fd);
	CHECK_ERR(openat(dfd, "f", O_CREAT | O_EXCL | O_WRONLY, 0640), EEXIST);
	CHECK_ERR(openat(dfd, "missing", O_RDONLY), ENOENT);
}

static void make_nodes(int dfd)
{
	struct stat st;

	CHECK_EQ("mkdirat", mkdirat(dfd, "sub", 0750), 0);
	CHECK_EQ("fstatat sub", fstatat(dfd, "sub", &st, 0), 0);
	CHECK(S_ISDIR(st.st_mode), "mkdirat made a directory");
	CHECK_ERR(mkdirat(dfd, "sub", 0750), EEXIST);
	CHECK_EQ("mknodat fifo", mknodat(dfd, "sub/fifo", S_IFIFO | 0600, 0), 0);
	CHECK_EQ("fstatat fifo", fstatat(dfd, "sub/fifo", &st, 0), 0);
	CHECK(S_ISFIFO(st.st_mode), "mknodat made a FIFO");
	CHECK_EQ("mknodat file", mknodat(dfd, "plain", S_IFREG | 0600, 0), 0);
	CHECK_EQ("symlinkat", symlinkat("f", dfd, "ln"), 0);
	CHECK_EQ("fstatat nofollow", fstatat(dfd, "ln", &st, AT_SYMLINK_NOFOLLOW), 0);
	CHECK(S_ISLNK(st.st_mode), "AT_SYMLINK_NOFOLLOW sees the link");
	CHECK_EQ("fstatat follow", fstatat(dfd, "ln", &st, 0), 0);
	CHECK(S_ISREG(st.st_mode), "fstatat follows the link");
	{
		char buf[16] = { 0 };
		CHECK_EQ("readlinkat", readlinkat(dfd, "ln", buf, sizeof(buf)), 1);
		CHECK(buf[0] == 'f', "readlinkat target");
	}
	CHECK_EQ("linkat", linkat(dfd, "f", dfd, "sub/hard", 0), 0);
	CHECK_EQ("fstatat hard", fstatat(dfd, "f", &st, 0), 0);
	CHECK_EQ("two names", st.st_nlink, 2);
}

static void change(int dfd)
{
	struct stat st;

	CHECK_EQ("fchmodat", fchmodat(dfd, "f", 0604, 0), 0);
	CHECK_EQ("fstatat", fstatat(dfd, "f", &st, 0), 0);
	CHECK_EQ("mode", st.st_mode & 07777, 0604);
	CHECK_EQ("faccessat", faccessat(dfd, "f", R_OK, 0), 0);
	CHECK_ERR(faccessat(dfd, "nope", F_OK, 0), ENOENT);
	CHECK_EQ("renameat", renameat(dfd, "plain", dfd, "sub/moved"), 0);
	CHECK_ERR(fstatat(dfd, "plain", &st, 0), ENOENT);
	CHECK_EQ("moved", fstatat(dfd, "sub/moved", &st, 0), 0);
}

static void remove_all(int dfd)
{
	CHECK_ERR(unlinkat(dfd, "sub", 0), EISDIR);
	CHECK_ERR(unlinkat(dfd, "f", AT_REMOVEDIR), ENOTDIR);
	CHECK_ERR(unlinkat(dfd, "f", 0x1), EINVAL);
	CHECK_ERR(unlinkat(dfd, "sub", AT_REMOVEDIR), ENOTEMPTY);
	CHECK_EQ("unlinkat fifo", unlinkat(dfd, "sub/fifo", 0), 0);
	CHECK_EQ("unlinkat moved", unlinkat(dfd, "sub/moved", 0), 0);
	CHECK_EQ("unlinkat hard", unlinkat(dfd, "sub/hard", 0), 0);
	CHECK_EQ("unlinkat dir", unlinkat(dfd, "sub", AT_REMOVEDIR), 0);
	CHECK_EQ("unlinkat ln", unlinkat(dfd, "ln", 0), 0);
	CHECK_EQ("unlinkat f", unlinkat(dfd, "f", 0), 0);
}

int main(void)
{
	int dfd;

	REQUIRE(mkdir(TOP, 0755) == 0 && mkdir(TOP "/d", 0755) == 0, "mkdir");
	dfd = open(TOP "/d", O_RDONLY | O_DIRECTORY);
	REQUIRE(dfd >= 0, "open the directory");
	create_and_stat(dfd);
	make_nodes(dfd);
	CHECK_EQ("rename the directory", rename(TOP "/d", TOP "/e"), 0);
	change(dfd);
	remove_all(dfd);
	close(dfd);
	CHECK_ERR(openat(dfd, "f", O_RDONLY), EBADF);
	CHECK_EQ("rmdir", rmdir(TOP "/e"), 0);
	CHECK_EQ("rmdir top", rmdir(TOP), 0);
	return test_done("fs_at");
}
