/*
 * fs_chown.c - chown(2) as on Linux: root gives a file to any user and
 * group, -1 leaves an id as it is, a change clears set-user-ID (and
 * set-group-ID with group execute); a user who is not root may not give
 * a file away (EPERM), nor set a group other than its own, nor change a
 * file it does not own, but may set its own group on its own file.
 * Run as root (it switches to uid/gid 1000 in a child).
 */
#include <sys/stat.h>
#include "test.h"

#define ALICE		1000
#define BOB		1001
#define USERS_GID	100
#define PATH		"/tmp/fs_chown.file"
#define OTHER_PATH	"/tmp/fs_chown.other"

static void as_alice(void *arg)
{
	struct stat st;

	(void)arg;
	REQUIRE(setresgid(ALICE, ALICE, ALICE) == 0 &&
		setresuid(ALICE, ALICE, ALICE) == 0, "become alice");
	CHECK_ERR(chown(PATH, BOB, -1), EPERM);
	CHECK_ERR(chown(PATH, -1, USERS_GID), EPERM);
	CHECK_ERR(chown(OTHER_PATH, -1, ALICE), EPERM);
	CHECK_EQ("chown own file to own group", chown(PATH, -1, ALICE), 0);
	CHECK_EQ("chown own file to self", chown(PATH, ALICE, -1), 0);
	CHECK_TRUE(stat(PATH, &st) == 0 && st.st_uid == ALICE && st.st_gid == ALICE);
}

int main(void)
{
	struct stat st;
	int fd;

	unlink(PATH);
	unlink(OTHER_PATH);
	fd = open(PATH, O_CREAT | O_WRONLY, 0644);
	REQUIRE(fd >= 0, "create " PATH);
	close(fd);
	fd = open(OTHER_PATH, O_CREAT | O_WRONLY, 0644);
	REQUIRE(fd >= 0, "create " OTHER_PATH);
	close(fd);

	CHECK_EQ("chown to alice:users", chown(PATH, ALICE, USERS_GID), 0);
	CHECK_TRUE(stat(PATH, &st) == 0 && st.st_uid == ALICE && st.st_gid == USERS_GID);
	CHECK_EQ("chown -1 -1", chown(PATH, -1, -1), 0);
	CHECK_TRUE(stat(PATH, &st) == 0 && st.st_uid == ALICE && st.st_gid == USERS_GID);
	CHECK_EQ("chown group only", chown(PATH, -1, 0), 0);
	CHECK_TRUE(stat(PATH, &st) == 0 && st.st_uid == ALICE && st.st_gid == 0);

	CHECK_EQ("chmod 6755", chmod(PATH, 06755), 0);
	CHECK_EQ("chown clears set-id bits", chown(PATH, ALICE, -1), 0);
	CHECK(stat(PATH, &st) == 0 && (st.st_mode & 07777) == 0755,
	      "mode %o after chown, expected 755", st.st_mode & 07777);
	CHECK_ERR(chown("/tmp/fs_chown.none", 0, 0), ENOENT);

	CHECK_EQ("alice's checks", run_child(as_alice, NULL), 0);

	unlink(PATH);
	unlink(OTHER_PATH);
	return test_done("fs_chown");
}
