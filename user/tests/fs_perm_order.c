/*
 * fs_perm_order - which error comes first when several apply, as in
 * Linux: rmdir, unlink, link, rename and mkdir by a user (USER_ID) in a
 * directory of root's it may not write (0755), holding a non-empty
 * directory, an empty one and a file:
 *  - rmdir: a missing name ENOENT; otherwise EACCES before ENOTEMPTY
 *    and ENOTDIR; "." EINVAL, ".." ENOTEMPTY;
 *  - unlink: a missing name ENOENT; a directory EACCES before EISDIR;
 *  - link: an existing new name EEXIST before EACCES; the user's own
 *    directory EACCES before EPERM (and EPERM where the user may write;
 *    root's directory is not tried: Linux's protected_hardlinks refuses
 *    it EPERM first);
 *  - mkdir: an existing name EEXIST before EACCES;
 *  - rename: a missing source ENOENT; a directory into its own subtree
 *    EINVAL and onto its own ancestor ENOTEMPTY before EACCES; onto
 *    itself 0; then EACCES before ENOTDIR, EISDIR and ENOTEMPTY;
 *  - rename of root's directory to another parent, both the user's to
 *    write: EACCES (its ".." would change); within one parent it is
 *    allowed.
 */
#include <sys/stat.h>
#include "test.h"

#define TOP		"/tmp/fs_perm_order"
#define RO		TOP "/ro"		/* root, 0755 */
#define FULL		RO "/full"		/* root, holds SUB */
#define SUB		FULL "/sub"
#define EMPTY		RO "/empty"
#define FILE_		RO "/file"
#define MISSING		RO "/missing"
#define RW		TOP "/rw"		/* root, 0777 */
#define MINE		RW "/mine"		/* the user's file */
#define MYDIR		RW "/mydir"		/* the user's directory */
#define ROOTDIR		RW "/rootdir"		/* root's directory, 0755 */
#define USER_ID		1000

static void make_dir(const char *path, mode_t mode)
{
	REQUIRE(mkdir(path, mode) == 0 || errno == EEXIST, "mkdir %s", path);
	REQUIRE(chmod(path, mode) == 0, "chmod %s", path);
}

static void make_file(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT, 0644);

	REQUIRE(fd >= 0, "create %s", path);
	close(fd);
}

static void as_user(void *arg)
{
	(void)arg;
	REQUIRE(setuid(USER_ID) == 0, "setuid");
	make_file(MINE);
	make_dir(MYDIR, 0755);

	CHECK_ERR(rmdir(MISSING), ENOENT);
	CHECK_ERR(rmdir(FULL), EACCES);
	CHECK_ERR(rmdir(EMPTY), EACCES);
	CHECK_ERR(rmdir(FILE_), EACCES);
	CHECK_ERR(rmdir(RO "/."), EINVAL);
	CHECK_ERR(rmdir(FULL "/.."), ENOTEMPTY);

	CHECK_ERR(unlink(MISSING), ENOENT);
	CHECK_ERR(unlink(FILE_), EACCES);
	CHECK_ERR(unlink(EMPTY), EACCES);

	CHECK_ERR(link(MINE, FILE_), EEXIST);
	CHECK_ERR(link(MINE, RO "/new"), EACCES);
	CHECK_ERR(link(MYDIR, RO "/new"), EACCES);
	CHECK_ERR(link(MYDIR, RW "/new"), EPERM);

	CHECK_ERR(mkdir(EMPTY, 0755), EEXIST);
	CHECK_ERR(mkdir(RO "/new", 0755), EACCES);

	CHECK_ERR(rename(MISSING, RO "/new"), ENOENT);
	CHECK_ERR(rename(FULL, SUB "/x"), EINVAL);
	CHECK_ERR(rename(SUB, FULL), ENOTEMPTY);
	CHECK_EQ("rename onto itself", rename(FILE_, FILE_), 0);
	CHECK_ERR(rename(FULL, FILE_), EACCES);
	CHECK_ERR(rename(FILE_, FULL), EACCES);
	CHECK_ERR(rename(EMPTY, FULL), EACCES);
	CHECK_ERR(rename(MINE, FULL), EACCES);

	CHECK_ERR(rename(ROOTDIR, MYDIR "/moved"), EACCES);
	CHECK_EQ("rename of root's directory in one parent",
		 rename(ROOTDIR, RW "/renamed"), 0);
	CHECK_EQ("and back", rename(RW "/renamed", ROOTDIR), 0);
	unlink(MINE);
	rmdir(MYDIR);
}

int main(void)
{
	int status;

	REQUIRE(geteuid() == 0, "run this as root");
	make_dir(TOP, 0755);
	make_dir(RO, 0755);
	make_dir(FULL, 0755);
	make_dir(SUB, 0755);
	make_dir(EMPTY, 0755);
	make_file(FILE_);
	make_dir(RW, 0777);
	make_dir(ROOTDIR, 0755);
	status = run_child(as_user, NULL);
	CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the user's checks: status %#x", status);
	rmdir(ROOTDIR);
	rmdir(RW);
	unlink(FILE_);
	rmdir(EMPTY);
	rmdir(SUB);
	rmdir(FULL);
	rmdir(RO);
	rmdir(TOP);
	return test_done("fs_perm_order");
}
