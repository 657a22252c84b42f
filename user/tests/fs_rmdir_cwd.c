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
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define TOP		"/tmp/fs_rmdir_cwd"
#define GONE		TOP "/gone"
#define GONE_SUB	GONE "/sub"
#define BUF_LEN		256

static int failures;

static void fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("FAIL: ");
	vprintf(fmt, ap);
	printf("\n");
	fflush(stdout);
	va_end(ap);
	failures++;
}

static void expect_errno(const char *what, long ret, int err)
{
	if (ret != -1 || errno != err)
		fail("%s: got %ld errno %d, expected -1 errno %d (%s)", what,
		     ret, ret == -1 ? errno : 0, err, strerror(err));
}

static void expect_eq(const char *what, long got, long want)
{
	if (got != want)
		fail("%s: got %ld, expected %ld (errno %d)", what, got, want,
		     errno);
}

static void expect_cwd(const char *what, const char *want)
{
	char buf[BUF_LEN];

	if (!getcwd(buf, sizeof(buf)))
		fail("%s: getcwd errno %d, expected \"%s\"", what, errno, want);
	else if (strcmp(buf, want))
		fail("%s: getcwd gave \"%s\", expected \"%s\"", what, buf, want);
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
	if (mkdir(path, 0755) < 0) {
		printf("FAIL: mkdir %s: errno %d\n", path, errno);
		exit(1);
	}
}

static void check_nothing_made_here(void)
{
	char buf[BUF_LEN];
	int fd;

	if (getcwd(buf, sizeof(buf)))
		fail("getcwd in a removed directory gave \"%s\", expected ENOENT",
		     buf);
	else if (errno != ENOENT)
		fail("getcwd in a removed directory: errno %d, expected ENOENT",
		     errno);
	fd = open("new", O_WRONLY | O_CREAT, 0644);
	expect_errno("creating a file in a removed directory", fd, ENOENT);
	if (fd >= 0)
		close(fd);
	expect_errno("mkdir in a removed directory", mkdir("newdir", 0755), ENOENT);
	expect_errno("mkfifo in a removed directory", mkfifo("fifo", 0644), ENOENT);
}

static void check_removed_cwd(void)
{
	char buf[BUF_LEN];
	int fd;

	make_dir(GONE);
	if (chdir(GONE) < 0) {
		fail("chdir %s: errno %d", GONE, errno);
		return;
	}
	fd = open(".", O_RDONLY | O_DIRECTORY);
	expect_eq("rmdir of the current directory", rmdir(GONE), 0);
	check_nothing_made_here();
	expect_errno("getdents on the removed directory",
		     getdents(fd, (struct linux_dirent *)buf, sizeof(buf)), ENOENT);
	close(fd);
	expect_eq("chdir .. from a removed directory", chdir(".."), 0);
	expect_cwd("after chdir .. from the removed directory", TOP);
}

/* In a child: remove the current directory, then its parent. */
static void check_removed_parent(void)
{
	int status;
	pid_t pid;

	make_dir(GONE);
	make_dir(GONE_SUB);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		failures = 0;
		if (chdir(GONE_SUB) < 0)
			_exit(2);
		expect_eq("rmdir of the current directory", rmdir(GONE_SUB), 0);
		expect_eq("rmdir of its parent", rmdir(GONE), 0);
		check_nothing_made_here();
		expect_eq("chdir .. from the removed directory", chdir(".."), 0);
		expect_eq("chdir .. from its removed parent", chdir(".."), 0);
		expect_cwd("after leaving both removed directories", TOP);
		_exit(failures ? 1 : 0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0)
		fail("removed parent: child wait status %#x", status);
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
		fail("chdir /: errno %d", errno);
	remove_tree();
	if (failures)
		return 1;
	printf("fs_rmdir_cwd: all checks passed\n");
	return 0;
}
