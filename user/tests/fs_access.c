/*
 * fs_access - access() checks the real user and group ids, not the
 * effective ones (run as root; each case in a child with mixed ids):
 *  - real USER_ID, effective root: open reads root's 0600 file, but
 *    access(R_OK) fails EACCES, as does F_OK on a file in root's 0700
 *    directory (the lookup too is the real user's);
 *  - real root, effective USER_ID: open fails EACCES, access(R_OK) and
 *    access(W_OK) succeed; X_OK of a file without any x bit still fails;
 *  - groups: a non-root user whose real group is the file's (mode 0040)
 *    may read it by access() but not open it, and the reverse when only
 *    the effective group is the file's;
 *  - the effective ids are the same after each call.
 */
#include <sys/stat.h>
#include "test.h"

#define TOP		"/tmp/fs_access"
#define SECRET		TOP "/secret"		/* root, 0600 */
#define CLOSED_DIR	TOP "/closed"		/* root, 0700 */
#define HIDDEN		CLOSED_DIR "/f"		/* root, 0644 */
#define GROUP_FILE	TOP "/group"		/* root:FILE_GID, 0040 */
#define USER_ID		1000
#define FILE_GID	100
#define OTHER_GID	200

static void make_file(const char *path, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	REQUIRE(fd >= 0, "create %s", path);
	close(fd);
	REQUIRE(chmod(path, mode) == 0, "chmod %s", path);
}

static bool can_open(const char *path)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return false;
	close(fd);
	return true;
}

static void real_user_effective_root(void *arg)
{
	(void)arg;
	REQUIRE(setresuid(USER_ID, 0, 0) == 0, "setresuid");
	CHECK(can_open(SECRET), "effective root could not open %s", SECRET);
	CHECK_ERRNO("access R_OK by the real user", access(SECRET, R_OK), EACCES);
	CHECK_ERRNO("access F_OK through a 0700 directory", access(HIDDEN, F_OK),
		    EACCES);
	CHECK_EQ("effective uid afterwards", geteuid(), 0);
	CHECK(can_open(SECRET), "effective root lost its access after access()");
}

static void real_root_effective_user(void *arg)
{
	(void)arg;
	REQUIRE(setresuid(0, USER_ID, 0) == 0, "setresuid");
	CHECK(!can_open(SECRET), "effective user %d opened %s", USER_ID, SECRET);
	CHECK_EQ("access R_OK by real root", access(SECRET, R_OK), 0);
	CHECK_EQ("access W_OK by real root", access(SECRET, W_OK), 0);
	CHECK_EQ("access F_OK through a 0700 directory", access(HIDDEN, F_OK), 0);
	CHECK_ERRNO("access X_OK of a file without x bits", access(SECRET, X_OK), EACCES);
	CHECK_EQ("effective uid afterwards", geteuid(), USER_ID);
}

static void real_group(void *arg)
{
	(void)arg;
	REQUIRE(setresgid(FILE_GID, OTHER_GID, OTHER_GID) == 0, "setresgid");
	REQUIRE(setresuid(USER_ID, USER_ID, USER_ID) == 0, "setresuid");
	CHECK(!can_open(GROUP_FILE), "effective group %d opened %s", OTHER_GID,
	      GROUP_FILE);
	CHECK_EQ("access R_OK by the real group", access(GROUP_FILE, R_OK), 0);
	CHECK_EQ("effective gid afterwards", getegid(), OTHER_GID);
}

static void effective_group(void *arg)
{
	(void)arg;
	REQUIRE(setresgid(OTHER_GID, FILE_GID, FILE_GID) == 0, "setresgid");
	REQUIRE(setresuid(USER_ID, USER_ID, USER_ID) == 0, "setresuid");
	CHECK(can_open(GROUP_FILE), "effective group %d could not open %s", FILE_GID,
	      GROUP_FILE);
	CHECK_ERRNO("access R_OK, only the effective group", access(GROUP_FILE, R_OK),
		    EACCES);
}

static void check(const char *what, void (*fn)(void *))
{
	int status = run_child(fn, NULL);

	CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "%s: status %#x", what, status);
}

int main(void)
{
	REQUIRE(geteuid() == 0, "run this as root");
	mkdir(TOP, 0755);
	REQUIRE(chmod(TOP, 0755) == 0, "chmod " TOP);
	make_file(SECRET, 0600);
	mkdir(CLOSED_DIR, 0700);
	make_file(HIDDEN, 0644);
	REQUIRE(chmod(CLOSED_DIR, 0700) == 0, "chmod " CLOSED_DIR);
	REQUIRE(setegid(FILE_GID) == 0, "setegid");
	make_file(GROUP_FILE, 0040);
	REQUIRE(setegid(0) == 0, "setegid back");
	check("real user, effective root", real_user_effective_root);
	check("real root, effective user", real_root_effective_user);
	check("real group", real_group);
	check("effective group", effective_group);
	unlink(SECRET);
	unlink(HIDDEN);
	unlink(GROUP_FILE);
	rmdir(CLOSED_DIR);
	rmdir(TOP);
	return test_done("fs_access");
}
