/*
 * abi_utimensat - utimensat (320) and futimens.
 *
 *  - explicit times set the access and modification times (seconds);
 *  - UTIME_OMIT leaves one alone, UTIME_NOW sets it to now; NULL sets
 *    both to now; both UTIME_OMIT changes nothing;
 *  - AT_SYMLINK_NOFOLLOW sets a link's own times, not its target's;
 *  - a NULL path means the file open as dirfd (futimens);
 *  - errors: a bad tv_nsec EINVAL, unknown flags EINVAL, ENOENT, EBADF;
 *  - permission, as a user who does not own the file: explicit times
 *    EPERM even if the file is writable; "now" is allowed with write
 *    permission, EACCES without.
 */
#include <sys/stat.h>
#include <sys/syscall.h>
#include "test.h"

#define FILE_A	"/tmp/abi_utimensat"
#define LINK_A	"/tmp/abi_utimensat.ln"
#define NOBODY	65534
#define T_ATIME	1000000000L
#define T_MTIME	1200000000L

static void as_nobody(void *arg)
{
	struct timespec ts[2] = { { T_ATIME, 0 }, { T_MTIME, 0 } };

	(void)arg;
	REQUIRE(setuid(NOBODY) == 0, "setuid");
	CHECK_ERR(utimensat(AT_FDCWD, FILE_A, ts, 0), EPERM);
	CHECK_EQ("now with write permission", utimensat(AT_FDCWD, FILE_A, NULL, 0), 0);
	CHECK_ERR(utimensat(AT_FDCWD, LINK_A "x", NULL, 0), ENOENT);
}

static void as_nobody_readonly(void *arg)
{
	struct timespec now[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };

	(void)arg;
	REQUIRE(setuid(NOBODY) == 0, "setuid");
	CHECK_ERR(utimensat(AT_FDCWD, FILE_A, NULL, 0), EACCES);
	CHECK_ERR(utimensat(AT_FDCWD, FILE_A, now, 0), EACCES);
}

int main(void)
{
	struct timespec ts[2] = { { T_ATIME, 0 }, { T_MTIME, 0 } };
	struct stat st;
	time_t before;
	int fd, status;

	fd = open(FILE_A, O_CREAT | O_RDWR | O_TRUNC, 0666);
	REQUIRE(fd >= 0, "create");
	REQUIRE(chmod(FILE_A, 0666) == 0, "chmod");
	CHECK_EQ("utimensat", utimensat(AT_FDCWD, FILE_A, ts, 0), 0);
	CHECK_EQ("stat", stat(FILE_A, &st), 0);
	CHECK(st.st_atime == T_ATIME && st.st_mtime == T_MTIME, "times %ld %ld",
	      (long)st.st_atime, (long)st.st_mtime);

	before = time(NULL);
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_nsec = UTIME_NOW;
	CHECK_EQ("omit/now", utimensat(AT_FDCWD, FILE_A, ts, 0), 0);
	CHECK_EQ("stat", stat(FILE_A, &st), 0);
	CHECK(st.st_atime == T_ATIME && (long)st.st_mtime >= (long)before, "UTIME_OMIT / UTIME_NOW");

	ts[0] = (struct timespec){ T_ATIME, 0 };
	ts[1] = (struct timespec){ T_MTIME, 0 };
	CHECK_EQ("futimens", futimens(fd, ts), 0);
	CHECK_EQ("fstat", fstat(fd, &st), 0);
	CHECK(st.st_mtime == T_MTIME, "futimens set the time");
	ts[0].tv_nsec = ts[1].tv_nsec = UTIME_OMIT;
	CHECK_EQ("both omit", utimensat(AT_FDCWD, FILE_A, ts, 0), 0);
	CHECK_EQ("stat", stat(FILE_A, &st), 0);
	CHECK(st.st_mtime == T_MTIME, "UTIME_OMIT twice changes nothing");
	CHECK_EQ("NULL times", utimensat(AT_FDCWD, FILE_A, NULL, 0), 0);
	CHECK_EQ("stat", stat(FILE_A, &st), 0);
	CHECK((long)st.st_mtime >= (long)before && (long)st.st_atime >= (long)before, "NULL means now");

	REQUIRE(symlink(FILE_A, LINK_A) == 0, "symlink");
	ts[0] = (struct timespec){ T_ATIME, 0 };
	ts[1] = (struct timespec){ T_MTIME, 0 };
	CHECK_EQ("nofollow", utimensat(AT_FDCWD, LINK_A, ts, AT_SYMLINK_NOFOLLOW), 0);
	CHECK_EQ("lstat", lstat(LINK_A, &st), 0);
	CHECK(st.st_mtime == T_MTIME, "the link's own time");
	CHECK_EQ("stat", stat(FILE_A, &st), 0);
	CHECK(st.st_mtime != T_MTIME, "the target is untouched");

	ts[1].tv_nsec = 1000000000L;
	CHECK_ERR(utimensat(AT_FDCWD, FILE_A, ts, 0), EINVAL);
	ts[1].tv_nsec = -1;
	CHECK_ERR(utimensat(AT_FDCWD, FILE_A, ts, 0), EINVAL);
	CHECK_ERR(utimensat(AT_FDCWD, FILE_A, NULL, 0x4), EINVAL);
	CHECK_ERR(utimensat(AT_FDCWD, "/tmp/abi_no_such", NULL, 0), ENOENT);
	CHECK_ERR(futimens(999, NULL), EBADF);

	if (getuid() == 0) {
		status = run_child(as_nobody, NULL);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "as nobody");
		REQUIRE(chmod(FILE_A, 0644) == 0, "chmod");
		status = run_child(as_nobody_readonly, NULL);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "as nobody, read-only");
	}
	close(fd);
	unlink(LINK_A);
	unlink(FILE_A);
	return test_done("abi_utimensat");
}
