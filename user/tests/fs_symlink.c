/*
 * fs_symlink - symbolic links (symlink 83, readlink 85, lstat, lookup).
 *
 *  - symlink makes a link whose target is any string; lstat sees a link
 *    (S_IFLNK, size = target length), stat and open see the target;
 *  - readlink returns the target without a NUL, cut to the buffer; on a
 *    file it fails EINVAL, with size 0 EINVAL, on a missing name ENOENT;
 *  - relative targets resolve from the link's directory, absolute ones
 *    from the root; a link to a directory works in the middle of a path
 *    and with a trailing slash (lstat("link/") follows it);
 *  - a dangling link: stat ENOENT, lstat succeeds;
 *  - a loop of two links, and a chain of more than 40, fail ELOOP; a
 *    chain of 40 works;
 *  - open with O_NOFOLLOW of a link fails ELOOP, of a file succeeds;
 *    O_CREAT|O_EXCL on a link fails EEXIST; O_CREAT through dangling
 *    links makes the file at their end (ENOENT if its directory is
 *    missing, ELOOP for a loop);
 *  - symlink onto an existing name fails EEXIST, with an empty target
 *    ENOENT; unlink removes the link, not its target; rename moves the
 *    link itself; readdir reports DT_LNK.
 */
#include <dirent.h>
#include <limits.h>
#include <sys/stat.h>
#include "test.h"

#define TOP	"/tmp/fs_symlink"
#define CHAIN	40

static void make_file(const char *path, const char *text)
{
	int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);

	REQUIRE(fd >= 0, "create %s", path);
	CHECK_EQ("write", write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

static void read_back(const char *path, const char *want)
{
	char buf[64] = { 0 };
	int fd = open(path, O_RDONLY);

	CHECK(fd >= 0, "open %s", path);
	if (fd < 0)
		return;
	CHECK(read(fd, buf, sizeof(buf) - 1) == (ssize_t)strlen(want) && !strcmp(buf, want),
	      "%s reads '%s', want '%s'", path, buf, want);
	close(fd);
}

static void basics(void)
{
	struct stat st, lst;
	char buf[PATH_MAX];

	make_file(TOP "/file", "hello");
	CHECK_EQ("symlink", symlink("file", TOP "/link"), 0);
	CHECK_EQ("lstat", lstat(TOP "/link", &lst), 0);
	CHECK(S_ISLNK(lst.st_mode), "lstat mode %o", lst.st_mode);
	CHECK_EQ("link size", lst.st_size, 4);
	CHECK_EQ("stat", stat(TOP "/link", &st), 0);
	CHECK(S_ISREG(st.st_mode) && st.st_size == 5, "stat through link");
	CHECK(st.st_ino != lst.st_ino, "link and target are distinct inodes");
	read_back(TOP "/link", "hello");

	memset(buf, 'x', sizeof(buf));
	CHECK_EQ("readlink", readlink(TOP "/link", buf, sizeof(buf)), 4);
	CHECK(!memcmp(buf, "filex", 5), "readlink writes no NUL");
	CHECK_EQ("readlink short", readlink(TOP "/link", buf, 2), 2);
	CHECK_ERR(readlink(TOP "/file", buf, sizeof(buf)), EINVAL);
	CHECK_ERR(readlink(TOP "/link", buf, 0), EINVAL);
	CHECK_ERR(readlink(TOP "/missing", buf, sizeof(buf)), ENOENT);

	CHECK_ERR(symlink("x", TOP "/file"), EEXIST);
	CHECK_ERR(symlink("x", TOP "/link"), EEXIST);
	CHECK_ERR(symlink("", TOP "/empty"), ENOENT);
	CHECK_ERR(symlink("x", TOP "/nodir/l"), ENOENT);
}

static void through_directories(void)
{
	struct stat st;

	CHECK_EQ("mkdir", mkdir(TOP "/dir", 0755), 0);
	make_file(TOP "/dir/inner", "inside");
	CHECK_EQ("symlink dir", symlink("dir", TOP "/dlink"), 0);
	CHECK_EQ("symlink abs", symlink(TOP "/dir/inner", TOP "/abs"), 0);
	CHECK_EQ("symlink up", symlink("../file", TOP "/dir/up"), 0);
	read_back(TOP "/dlink/inner", "inside");
	read_back(TOP "/abs", "inside");
	read_back(TOP "/dir/up", "hello");
	read_back(TOP "/dlink/up", "hello");
	CHECK_EQ("lstat link/", lstat(TOP "/dlink/", &st), 0);
	CHECK(S_ISDIR(st.st_mode), "lstat(\"dlink/\") follows the link");
	CHECK_ERR(stat(TOP "/link/", &st), ENOTDIR);
	CHECK_EQ("chdir through link", chdir(TOP "/dlink"), 0);
	read_back("inner", "inside");
	CHECK_EQ("chdir back", chdir("/"), 0);
}

static void dangling_and_loops(void)
{
	char a[PATH_MAX], b[PATH_MAX];
	struct stat st;

	CHECK_EQ("dangling", symlink("nowhere", TOP "/dangle"), 0);
	CHECK_ERR(stat(TOP "/dangle", &st), ENOENT);
	CHECK_EQ("lstat dangling", lstat(TOP "/dangle", &st), 0);
	CHECK_EQ("loop a", symlink("loopb", TOP "/loopa"), 0);
	CHECK_EQ("loop b", symlink("loopa", TOP "/loopb"), 0);
	CHECK_ERR(stat(TOP "/loopa", &st), ELOOP);
	CHECK_ERR(open(TOP "/loopa/x", O_RDONLY), ELOOP);

	/* c0 -> file, c1 -> c0, ..., c40 -> c39: c39 takes 40 links, c40 41 */
	CHECK_EQ("chain 0", symlink("file", TOP "/c0"), 0);
	for (int i = 1; i <= CHAIN; i++) {
		snprintf(a, sizeof(a), "c%d", i - 1);
		snprintf(b, sizeof(b), TOP "/c%d", i);
		CHECK_EQ("chain", symlink(a, b), 0);
	}
	snprintf(a, sizeof(a), TOP "/c%d", CHAIN - 1);
	CHECK_EQ("40 links", stat(a, &st), 0);
	snprintf(a, sizeof(a), TOP "/c%d", CHAIN);
	CHECK_ERR(stat(a, &st), ELOOP);
	CHECK_EQ("lstat of a long chain", lstat(a, &st), 0);
}

static void open_flags(void)
{
	int fd;

	CHECK_ERR(open(TOP "/link", O_RDONLY | O_NOFOLLOW), ELOOP);
	fd = open(TOP "/file", O_RDONLY | O_NOFOLLOW);
	CHECK(fd >= 0, "O_NOFOLLOW on a file");
	close(fd);
	fd = open(TOP "/dlink/inner", O_RDONLY | O_NOFOLLOW);
	CHECK(fd >= 0, "O_NOFOLLOW follows links before the last name");
	close(fd);
	CHECK_ERR(open(TOP "/link", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);
	CHECK_ERR(open(TOP "/dangle", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);

	/* O_CREAT through dangling links makes the file at their end */
	CHECK_EQ("link to link", symlink("dir/made", TOP "/via"), 0);
	CHECK_EQ("link in dir", symlink("../made2", TOP "/dir/made"), 0);
	fd = open(TOP "/via", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0, "O_CREAT through two dangling links");
	close(fd);
	CHECK_EQ("made at the end", access(TOP "/made2", F_OK), 0);
	CHECK_EQ("symlink to a missing dir", symlink("nodir/x", TOP "/via2"), 0);
	CHECK_ERR(open(TOP "/via2", O_CREAT | O_WRONLY, 0644), ENOENT);
	CHECK_ERR(open(TOP "/loopa", O_CREAT | O_WRONLY, 0644), ELOOP);
}

static void removal_and_listing(void)
{
	struct stat st;
	struct dirent *d;
	bool seen = false;
	DIR *dir;

	CHECK_EQ("rename link", rename(TOP "/link", TOP "/link2"), 0);
	CHECK_EQ("lstat renamed", lstat(TOP "/link2", &st), 0);
	CHECK(S_ISLNK(st.st_mode), "rename moved the link itself");
	dir = opendir(TOP);
	REQUIRE(dir, "opendir");
	while ((d = readdir(dir)))
		if (!strcmp(d->d_name, "link2"))
			seen = d->d_type == DT_LNK;
	closedir(dir);
	CHECK(seen, "readdir gives DT_LNK");
	CHECK_EQ("unlink link", unlink(TOP "/link2"), 0);
	CHECK_ERR(lstat(TOP "/link2", &st), ENOENT);
	CHECK_EQ("target stays", stat(TOP "/file", &st), 0);
}

static void cleanup(void)
{
	char path[PATH_MAX];
	static const char *const names[] = { "file", "dlink", "abs", "dangle", "loopa",
					     "loopb", "dir/inner", "dir/up", "via", "via2",
					     "dir/made", "made2" };

	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), TOP "/%s", names[i]);
		unlink(path);
	}
	for (int i = 0; i <= CHAIN; i++) {
		snprintf(path, sizeof(path), TOP "/c%d", i);
		unlink(path);
	}
	rmdir(TOP "/dir");
	CHECK_EQ("rmdir top", rmdir(TOP), 0);
}

int main(void)
{
	REQUIRE(mkdir(TOP, 0755) == 0, "mkdir " TOP);
	basics();
	through_directories();
	dangling_and_loops();
	open_flags();
	removal_and_listing();
	cleanup();
	return test_done("fs_symlink");
}
