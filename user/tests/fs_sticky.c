/*
 * fs_sticky - the sticky bit on a directory (S_ISVTX, as on /tmp): any
 * user may create entries there, but only the owner of an entry, the
 * owner of the directory or root may unlink, rmdir or rename it away or
 * replace it by rename (EPERM, after the directory's own permission
 * check).  Without the bit, write permission on the directory is enough.
 * /tmp itself is drwxrwxrwt.
 */
#include "test.h"
#include <sys/stat.h>

#define DIR_PATH	"/tmp/sticky"
#define OWNER_UID	1000
#define OTHER_UID	1001
#define PUBLIC_STICKY	01777
#define PUBLIC		0777

static void as_owner(void *unused)
{
	(void)unused;
	REQUIRE(setuid(OWNER_UID) == 0, "setuid(owner)");
	REQUIRE(close(open(DIR_PATH "/mine", O_CREAT | O_WRONLY, 0666)) == 0, "create mine");
	REQUIRE(mkdir(DIR_PATH "/mydir", 0777) == 0, "mkdir mydir");
}

static void as_other(void *unused)
{
	(void)unused;
	REQUIRE(setuid(OTHER_UID) == 0, "setuid(other)");
	REQUIRE(close(open(DIR_PATH "/theirs", O_CREAT | O_WRONLY, 0666)) == 0,
		"creating in a sticky directory");
	CHECK_ERR(unlink(DIR_PATH "/mine"), EPERM);
	CHECK_ERR(rmdir(DIR_PATH "/mydir"), EPERM);
	CHECK_ERR(rename(DIR_PATH "/mine", DIR_PATH "/stolen"), EPERM);
	CHECK_ERR(rename(DIR_PATH "/theirs", DIR_PATH "/mine"), EPERM);
	CHECK_EQ("unlinking one's own entry", unlink(DIR_PATH "/theirs"), 0);
}

static void as_other_unsticky(void *unused)
{
	(void)unused;
	REQUIRE(setuid(OTHER_UID) == 0, "setuid(other)");
	CHECK_EQ("unlink without the sticky bit", unlink(DIR_PATH "/mine"), 0);
}

int main(void)
{
	struct stat st;

	CHECK(stat("/tmp", &st) == 0 && (st.st_mode & 07777) == PUBLIC_STICKY,
	      "/tmp has mode %o, expected 1777", st.st_mode & 07777);
	rmdir(DIR_PATH "/mydir");
	unlink(DIR_PATH "/mine");
	rmdir(DIR_PATH);
	REQUIRE(mkdir(DIR_PATH, 0) == 0 && chmod(DIR_PATH, PUBLIC_STICKY) == 0,
		"mkdir " DIR_PATH);
	CHECK(run_child(as_owner, NULL) == 0, "the owner's child failed");
	CHECK(run_child(as_other, NULL) == 0, "another user got past the sticky bit");
	CHECK_EQ("root removes anyone's directory", rmdir(DIR_PATH "/mydir"), 0);
	REQUIRE(chmod(DIR_PATH, PUBLIC) == 0, "chmod 777");
	CHECK(run_child(as_other_unsticky, NULL) == 0, "unlink refused without the sticky bit");
	CHECK_EQ("rmdir " DIR_PATH, rmdir(DIR_PATH), 0);
	return test_done("fs_sticky");
}
