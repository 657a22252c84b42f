/*
 * fs_rmdir_cwd - removing directories that are still in use.
 *
 * A process may rmdir its own current directory (Linux allows it, the
 * directory is empty).  Afterwards, as on Linux:
 *  - getcwd fails ENOENT;
 *  - nothing can be made in it: open O_CREAT, mkdir and mkfifo fail
 *    ENOENT (so no file is left hanging in a directory without a name);
 *  - getdents on a descriptor open on it fails ENOENT;
 *  - chdir("..") still works and leads back to the parent.
 * Then the same with the parent removed too, from inside the removed
 * child: chdir("..") twice must lead to the live grandparent, TOP.  The
 * removed parent must not be freed while its child still refers to it.
 * This last part runs in a child process, last, because a kernel that
 * frees the parent too early may crash.
 */
#include <dirent.h>
#include <sys/stat.h>
#include "test.h"

#define TOP		"/tmp/fs_rmdir_cwd"
#define GONE		TOP "/gone"
#define GONE_SUB	GONE "/sub"
#define BUF_LEN		256

static void expect_cwd(const char *what, const char *want)
{
	char buf[BUF_LEN];

	if (!getcwd(buf, sizeof(buf)))
		FAIL("%s: getcwd errno %d, expected \"%s\"", what, errno, want);
	else if (strcmp(buf, want))
		FAIL("%s: getcwd gave \"%s\", expected \"%s\"", what, buf, want);
}

static void remove_tree(void)
{
	unlink(GONE_SUB "/new");
	unlink(GONE_SUB "/fifo");
	rmdir(GONE_SUB "/newdir");
	unlink(GONE "/new");
	unlink(GONE "/fifo");
	rmdir(GONE "/newdir");
	rmdir(GONE_SUB);
	rmdir(GONE);
	rmdir(TOP);
}

static void make_dir(const char *path)
{
	REQUIRE(mkdir(path, 0755) == 0, "mkdir %s", path);
}

static void check_nothing_made_here(void)
{
	char buf[BUF_LEN];
	int fd;

	if (getcwd(buf, sizeof(buf)))
		FAIL("getcwd in a removed directory gave \"%s\", expected ENOENT",
		     buf);
	else if (errno != ENOENT)
		FAIL("getcwd in a removed directory: errno %d, expected ENOENT",
		     errno);
	fd = open("new", O_WRONLY | O_CREAT, 0644);
	CHECK_ERRNO("creating a file in a removed directory", fd, ENOENT);
	if (fd >= 0)
		close(fd);
	CHECK_ERRNO("mkdir in a removed directory", mkdir("newdir", 0755), ENOENT);
	CHECK_ERRNO("mkfifo in a removed directory", mkfifo("fifo", 0644), ENOENT);
}

static void check_removed_cwd(void)
{
	char buf[BUF_LEN];
	int fd;

	make_dir(GONE);
	if (chdir(GONE) < 0) {
		FAIL("chdir %s", GONE);
		return;
	}
	fd = open(".", O_RDONLY | O_DIRECTORY);
	CHECK_EQ("rmdir of the current directory", rmdir(GONE), 0);
	check_nothing_made_here();
	CHECK_ERRNO("getdents on the removed directory",
		    getdents(fd, (struct linux_dirent *)buf, sizeof(buf)), ENOENT);
	close(fd);
	CHECK_EQ("chdir .. from a removed directory", chdir(".."), 0);
	expect_cwd("after chdir .. from the removed directory", TOP);
}

/* In a child: remove the current directory, then its parent. */
static void check_removed_parent(void)
{
	pid_t pid;

	make_dir(GONE);
	make_dir(GONE_SUB);
	pid = test_fork();
	if (pid == 0) {
		if (chdir(GONE_SUB) < 0)
			_exit(2);
		CHECK_EQ("rmdir of the current directory", rmdir(GONE_SUB), 0);
		CHECK_EQ("rmdir of its parent", rmdir(GONE), 0);
		check_nothing_made_here();
		CHECK_EQ("chdir .. from the removed directory", chdir(".."), 0);
		CHECK_EQ("chdir .. from its removed parent", chdir(".."), 0);
		expect_cwd("after leaving both removed directories", TOP);
		child_exit();
	}
	CHECK_EXIT("removed parent: child", pid, 0);
}

int main(void)
{
	if (chdir("/") < 0)
		return 1;
	remove_tree();
	make_dir(TOP);
	check_removed_cwd();
	check_removed_parent();
	if (chdir("/") < 0)
		FAIL("chdir /");
	remove_tree();
	return test_done("fs_rmdir_cwd");
}
