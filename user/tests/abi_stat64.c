/*
 * abi_stat64 - the 64-bit status calls as a Linux C library makes them:
 * stat64 (195), lstat64 (196), fstat64 (197), fstatat64 (300), filling
 * Linux i386's 96-byte struct stat64.
 *
 *  - each agrees with stat/lstat/fstat on type, mode, links, owner,
 *    size, inode (both copies) and times;
 *  - lstat64 and fstatat64 with AT_SYMLINK_NOFOLLOW describe a link;
 *  - errors: ENOENT, ENOTDIR, EBADF, EFAULT for a bad buffer or path,
 *    EINVAL for unknown fstatat64 flags;
 *  - the call writes exactly 96 bytes (the byte after is untouched).
 */
#include <sys/stat.h>
#include <sys/syscall.h>
#include "test.h"

#define FILE_A	"/tmp/abi_stat64"
#define LINK_A	"/tmp/abi_stat64.ln"
#define STAT64_SIZE	96
#define GUARD	0x5a

struct padded {
	struct stat64 st;
	unsigned char after[8];
};

static void same(const char *what, const struct stat64 *s, const struct stat *o)
{
	CHECK(s->st_mode == o->st_mode, "%s: mode %o vs %o", what, s->st_mode, o->st_mode);
	CHECK(s->st_nlink == o->st_nlink, "%s: nlink", what);
	CHECK(s->st_uid == o->st_uid && s->st_gid == o->st_gid, "%s: owner", what);
	CHECK(s->st_size == (long long)o->st_size, "%s: size %lld", what, (long long)s->st_size);
	CHECK(s->st_ino == o->st_ino && s->__st_ino == (unsigned long)o->st_ino,
	      "%s: inode", what);
	CHECK(s->st_mtime == o->st_mtime && s->st_ctime == o->st_ctime, "%s: times", what);
	CHECK(s->st_dev == o->st_dev, "%s: device", what);
}

int main(void)
{
	struct padded p;
	struct stat o;
	int fd;

	CHECK_EQ("sizeof(struct stat64)", sizeof(struct stat64), STAT64_SIZE);
	fd = open(FILE_A, O_CREAT | O_RDWR | O_TRUNC, 0640);
	REQUIRE(fd >= 0, "create");
	CHECK_EQ("write", write(fd, "12345", 5), 5);
	REQUIRE(symlink(FILE_A, LINK_A) == 0, "symlink");

	memset(&p, GUARD, sizeof(p));
	CHECK_EQ("stat64", syscall(__NR_stat64, FILE_A, &p.st), 0);
	CHECK_EQ("stat", stat(FILE_A, &o), 0);
	same("stat64", &p.st, &o);
	CHECK(p.after[0] == GUARD, "stat64 wrote past 96 bytes");

	CHECK_EQ("stat64 of link", syscall(__NR_stat64, LINK_A, &p.st), 0);
	same("stat64 follows", &p.st, &o);
	CHECK_EQ("lstat64", syscall(__NR_lstat64, LINK_A, &p.st), 0);
	CHECK(S_ISLNK(p.st.st_mode), "lstat64 describes the link");
	CHECK_EQ("lstat", lstat(LINK_A, &o), 0);
	same("lstat64", &p.st, &o);

	CHECK_EQ("fstat64", syscall(__NR_fstat64, fd, &p.st), 0);
	CHECK_EQ("fstat", fstat(fd, &o), 0);
	same("fstat64", &p.st, &o);

	CHECK_EQ("fstatat64", syscall(__NR_fstatat64, AT_FDCWD, LINK_A, &p.st,
				      AT_SYMLINK_NOFOLLOW), 0);
	CHECK(S_ISLNK(p.st.st_mode), "fstatat64 AT_SYMLINK_NOFOLLOW");
	CHECK_EQ("fstatat64 empty", syscall(__NR_fstatat64, fd, "", &p.st, AT_EMPTY_PATH), 0);
	CHECK(S_ISREG(p.st.st_mode) && p.st.st_size == 5, "fstatat64 AT_EMPTY_PATH");

	errno = 0;
	CHECK_ERRNO("stat64 missing", syscall(__NR_stat64, "/tmp/abi_no_such", &p.st), ENOENT);
	CHECK_ERRNO("stat64 ENOTDIR", syscall(__NR_stat64, FILE_A "/x", &p.st), ENOTDIR);
	CHECK_ERRNO("fstat64 EBADF", syscall(__NR_fstat64, 999, &p.st), EBADF);
	CHECK_ERRNO("stat64 EFAULT buf", syscall(__NR_stat64, FILE_A, (void *)16), EFAULT);
	CHECK_ERRNO("stat64 EFAULT path", syscall(__NR_stat64, (void *)16, &p.st), EFAULT);
	CHECK_ERRNO("fstatat64 flags", syscall(__NR_fstatat64, AT_FDCWD, FILE_A, &p.st, 0x4),
		    EINVAL);
	CHECK_ERRNO("fstatat64 file dirfd", syscall(__NR_fstatat64, fd, "x", &p.st, 0), ENOTDIR);
	close(fd);
	unlink(LINK_A);
	unlink(FILE_A);
	return test_done("abi_stat64");
}
