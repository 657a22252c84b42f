/*
 * fs_dir - directories, names and file status.
 *
 *  - mkdir makes a directory of mode & ~umask; an existing name fails
 *    EEXIST, a missing parent ENOENT, a file as parent ENOTDIR;
 *  - rmdir of a non-empty directory fails ENOTEMPTY, of a file ENOTDIR,
 *    of a missing name ENOENT, of "." EINVAL; an empty one goes;
 *  - unlink removes a file (ENOENT after), fails EISDIR on a directory;
 *    an unlinked file stays readable through an open descriptor;
 *  - link gives a second name to the same inode (nlink counts names);
 *  - rename of a file (keeping its inode), replacing another file;
 *    of a directory with its contents, into another directory (its ".."
 *    follows), replacing an empty directory; refusals: a directory over
 *    a non-empty one (ENOTEMPTY), a file over a directory (EISDIR), a
 *    directory over a file (ENOTDIR), a directory into itself (EINVAL),
 *    a missing source (ENOENT); renaming a name onto itself, or onto
 *    another name of the same file, does nothing;
 *  - chdir and getcwd: relative names resolve from the new directory,
 *    ".." goes up, getcwd follows a rename of the current directory, a
 *    buffer too small fails ERANGE, chdir to a file ENOTDIR;
 *  - readdir lists ".", ".." and each entry once with its type; after
 *    rewinddir the same again; getdents on a file fails ENOTDIR, with a
 *    buffer too small for one entry EINVAL;
 *  - stat: type and permission bits, size, nlink of files and of
 *    directories (2 + subdirectories), owner, block size, inode numbers;
 *  - names: longer than NAME_MAX fails ENAMETOOLONG, "" ENOENT, a file
 *    with a trailing slash ENOTDIR, O_CREAT of "new/" EISDIR (and makes
 *    nothing), of "new/" in a missing directory ENOENT; mkdir and rmdir accept a trailing slash; rmdir / fails
 *    EBUSY; link to a directory fails EPERM, onto an existing name
 *    EEXIST.
 */
#include <dirent.h>
#include <limits.h>
#include <sys/stat.h>
#include "test.h"

#define TOP		"/tmp/fs_dir"
#define SUB		TOP "/sub"
#define FILE_A		TOP "/a"
#define FILE_B		TOP "/b"
#define LINK_A		TOP "/a.link"
#define DIR_C		TOP "/c"
#define DIR_D		TOP "/d"
#define SUB2		TOP "/sub2"
#define TEXT		"some text\n"
#define TEXT_LEN	10
#define OTHER		"other\n"
#define BUF_LEN		256
#define SMALL_BUF	4
#define MAX_ENTRIES	16
#define NENTRIES	4	/* a, b, sub, c in TOP during the readdir check */

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		FAIL("writing %s", path);
	if (fd >= 0)
		close(fd);
}

static void expect_text(const char *path, const char *want)
{
	char buf[BUF_LEN];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	buf[n < 0 ? 0 : n] = '\0';
	if (strcmp(buf, want))
		FAIL("%s holds \"%s\", expected \"%s\"", path, buf, want);
	if (fd >= 0)
		close(fd);
}

static bool exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static unsigned long inode_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_ino : 0;
}

static long nlink_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_nlink : -1;
}

static void remove_tree(void)
{
	static const char *const files[] = { FILE_A, FILE_B, LINK_A, DIR_C "/f",
					     DIR_D "/f", SUB "/d/f", SUB "/rel",
					     TOP "/new" };
	static const char *const dirs[] = { SUB "/d/e", SUB "/d", DIR_C, DIR_D,
					    SUB, SUB2, TOP "/t", TOP };

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		unlink(files[i]);
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		rmdir(dirs[i]);
}

static void check_mkdir_rmdir(void)
{
	mode_t old = umask(027);
	struct stat st;

	CHECK_EQ("mkdir", mkdir(TOP, 0777), 0);
	if (stat(TOP, &st) < 0 || st.st_mode != (S_IFDIR | 0750))
		FAIL("new directory: mode %#o, expected %#o", st.st_mode,
		     S_IFDIR | 0750);
	umask(old);
	CHECK_EQ("nlink of an empty directory", nlink_of(TOP), 2);
	CHECK_ERRNO("mkdir of an existing name", mkdir(TOP, 0755), EEXIST);
	CHECK_ERRNO("mkdir with a missing parent", mkdir(TOP "/x/y", 0755), ENOENT);
	write_file(FILE_A, TEXT);
	CHECK_ERRNO("mkdir below a file", mkdir(FILE_A "/y", 0755), ENOTDIR);
	CHECK_EQ("mkdir of a subdirectory", mkdir(SUB, 0755), 0);
	CHECK_EQ("nlink of a directory with a subdirectory", nlink_of(TOP), 3);
	CHECK_ERRNO("rmdir of a non-empty directory", rmdir(TOP), ENOTEMPTY);
	CHECK_ERRNO("rmdir of a file", rmdir(FILE_A), ENOTDIR);
	CHECK_ERRNO("rmdir of a missing name", rmdir(TOP "/none"), ENOENT);
	CHECK_ERRNO("rmdir of \".\"", rmdir(SUB "/."), EINVAL);
	CHECK_EQ("mkdir", mkdir(DIR_C, 0755), 0);
	CHECK_EQ("rmdir of an empty directory", rmdir(DIR_C), 0);
	if (exists(DIR_C))
		FAIL("%s still there after rmdir", DIR_C);
	CHECK_EQ("nlink after the rmdir", nlink_of(TOP), 3);
}

static void check_unlink_link(void)
{
	char buf[BUF_LEN];
	int fd;

	CHECK_EQ("link", link(FILE_A, LINK_A), 0);
	CHECK_EQ("nlink after link", nlink_of(FILE_A), 2);
	if (inode_of(FILE_A) != inode_of(LINK_A))
		FAIL("link: the two names have different inodes");
	CHECK_EQ("unlink of one name", unlink(LINK_A), 0);
	CHECK_EQ("nlink after unlink", nlink_of(FILE_A), 1);
	CHECK_ERRNO("unlink of a directory", unlink(SUB), EISDIR);
	CHECK_ERRNO("unlink of a missing name", unlink(LINK_A), ENOENT);

	write_file(FILE_B, TEXT);
	fd = open(FILE_B, O_RDONLY);
	CHECK_EQ("unlink of an open file", unlink(FILE_B), 0);
	if (exists(FILE_B))
		FAIL("%s still there after unlink", FILE_B);
	if (fd < 0 || read(fd, buf, sizeof(buf)) != TEXT_LEN ||
	    memcmp(buf, TEXT, TEXT_LEN))
		FAIL("an unlinked file is no longer readable through its descriptor");
	if (fd >= 0)
		close(fd);
}

static void check_rename_files(void)
{
	unsigned long ino = inode_of(FILE_A);

	CHECK_EQ("rename a file", rename(FILE_A, FILE_B), 0);
	if (exists(FILE_A) || inode_of(FILE_B) != ino)
		FAIL("rename: the old name remains or the inode changed");
	expect_text(FILE_B, TEXT);
	write_file(FILE_A, OTHER);
	CHECK_EQ("rename a file over another", rename(FILE_A, FILE_B), 0);
	if (exists(FILE_A))
		FAIL("rename over a file: the old name remains");
	expect_text(FILE_B, OTHER);
	CHECK_EQ("rename a name onto itself", rename(FILE_B, FILE_B), 0);
	expect_text(FILE_B, OTHER);
	link(FILE_B, LINK_A);
	CHECK_EQ("rename onto another name of the same file", rename(FILE_B, LINK_A),
		 0);
	if (!exists(FILE_B) || !exists(LINK_A))
		FAIL("rename between two names of one file removed a name");
	unlink(LINK_A);
	CHECK_ERRNO("rename of a missing name", rename(FILE_A, TOP "/z"), ENOENT);
}

static void check_rename_dirs(void)
{
	CHECK_EQ("mkdir", mkdir(DIR_C, 0755), 0);
	write_file(DIR_C "/f", TEXT);
	CHECK_EQ("rename a directory", rename(DIR_C, DIR_D), 0);
	expect_text(DIR_D "/f", TEXT);
	CHECK_EQ("rename a directory into another", rename(DIR_D, SUB "/d"), 0);
	if (inode_of(SUB "/d/..") != inode_of(SUB))
		FAIL("after a move, \"..\" is not the new parent");
	CHECK_EQ("nlink of the new parent", nlink_of(SUB), 3);
	CHECK_EQ("nlink of the old parent", nlink_of(TOP), 3);
	CHECK_EQ("mkdir", mkdir(DIR_C, 0755), 0);
	CHECK_EQ("rename a directory over an empty one", rename(DIR_C, SUB "/d/e"),
		 0);
	CHECK_EQ("mkdir", mkdir(DIR_C, 0755), 0);
	write_file(DIR_C "/f", TEXT);
	CHECK_ERRNO("rename a directory over a non-empty one",
		    rename(SUB "/d/e", DIR_C), ENOTEMPTY);
	CHECK_ERRNO("rename a file over a directory", rename(FILE_B, DIR_C), EISDIR);
	CHECK_ERRNO("rename a directory over a file", rename(DIR_C, FILE_B), ENOTDIR);
	CHECK_ERRNO("rename a directory into itself", rename(SUB, SUB "/d/x"), EINVAL);
	rmdir(SUB "/d/e");
	unlink(SUB "/d/f");
	rmdir(SUB "/d");
	unlink(DIR_C "/f");
}

static void check_cwd(void)
{
	char buf[BUF_LEN], start[BUF_LEN];

	if (!getcwd(start, sizeof(start))) {
		FAIL("getcwd");
		return;
	}
	CHECK_EQ("chdir", chdir(SUB), 0);
	if (!getcwd(buf, sizeof(buf)) || strcmp(buf, SUB))
		FAIL("getcwd after chdir gave \"%s\", expected \"%s\"", buf, SUB);
	write_file("rel", TEXT);
	expect_text(SUB "/rel", TEXT);
	unlink("rel");
	CHECK_EQ("rename of the current directory", rename(SUB, SUB2), 0);
	if (!getcwd(buf, sizeof(buf)) || strcmp(buf, SUB2))
		FAIL("getcwd after renaming the directory gave \"%s\"", buf);
	CHECK_EQ("rename back", rename(SUB2, SUB), 0);
	CHECK_EQ("chdir ..", chdir(".."), 0);
	if (!getcwd(buf, sizeof(buf)) || strcmp(buf, TOP))
		FAIL("getcwd after chdir .. gave \"%s\", expected \"%s\"", buf, TOP);
	if (getcwd(buf, SMALL_BUF) != NULL || errno != ERANGE)
		FAIL("getcwd with a %d-byte buffer: errno %d, expected ERANGE",
		     SMALL_BUF, errno);
	CHECK_ERRNO("chdir to a file", chdir(FILE_B), ENOTDIR);
	CHECK_ERRNO("chdir to a missing name", chdir(TOP "/none"), ENOENT);
	if (chdir(start) < 0)
		FAIL("chdir back to %s", start);
}

struct expected_entry {
	const char *name;
	unsigned char type;
	int seen;
};

static void list_once(DIR *dir, struct expected_entry *want, int n)
{
	struct dirent *d;

	for (int i = 0; i < n; i++)
		want[i].seen = 0;
	while ((d = readdir(dir))) {
		int i;

		for (i = 0; i < n && strcmp(d->d_name, want[i].name); i++)
			;
		if (i == n) {
			FAIL("readdir lists an unexpected \"%s\"", d->d_name);
			continue;
		}
		want[i].seen++;
		if (d->d_type != want[i].type)
			FAIL("readdir: \"%s\" has type %d, expected %d", d->d_name,
			     d->d_type, want[i].type);
	}
	for (int i = 0; i < n; i++)
		if (want[i].seen != 1)
			FAIL("readdir lists \"%s\" %d times", want[i].name,
			     want[i].seen);
}

static void check_readdir(void)
{
	struct expected_entry want[] = {
		{ ".", DT_DIR, 0 }, { "..", DT_DIR, 0 }, { "b", DT_REG, 0 },
		{ "sub", DT_DIR, 0 }, { "c", DT_DIR, 0 },
	};
	DIR *dir = opendir(TOP);
	char buf[BUF_LEN];
	int fd;

	if (!dir) {
		FAIL("opendir %s", TOP);
		return;
	}
	list_once(dir, want, sizeof(want) / sizeof(want[0]));
	rewinddir(dir);
	list_once(dir, want, sizeof(want) / sizeof(want[0]));
	closedir(dir);
	fd = open(FILE_B, O_RDONLY);
	CHECK_ERRNO("getdents on a file",
		    getdents(fd, (struct linux_dirent *)buf, sizeof(buf)), ENOTDIR);
	close(fd);
	fd = open(TOP, O_RDONLY | O_DIRECTORY);
	CHECK_ERRNO("getdents with a buffer too small for one entry",
		    getdents(fd, (struct linux_dirent *)buf, SMALL_BUF), EINVAL);
	close(fd);
}

static void check_stat(void)
{
	struct stat st, dst;

	write_file(FILE_A, TEXT);
	if (stat(FILE_A, &st) < 0) {
		FAIL("stat %s", FILE_A);
		return;
	}
	CHECK_EQ("st_mode of a new file", st.st_mode, S_IFREG | 0644);
	CHECK_EQ("st_size", st.st_size, TEXT_LEN);
	CHECK_EQ("st_nlink", st.st_nlink, 1);
	CHECK_EQ("st_uid", st.st_uid, geteuid());
	CHECK_EQ("st_gid", st.st_gid, getegid());
	if (st.st_blksize == 0)
		FAIL("st_blksize is 0");
	if (stat(TOP, &dst) < 0 || !S_ISDIR(dst.st_mode))
		FAIL("stat of a directory: mode %#o", dst.st_mode);
	if (st.st_ino == dst.st_ino || st.st_ino == inode_of(FILE_B))
		FAIL("two files share inode number %lu", (unsigned long)st.st_ino);
	CHECK_EQ("st_nlink of a directory with 2 subdirectories", dst.st_nlink, 4);
}

static void check_names(void)
{
	char name[NAME_MAX + 2 + sizeof(TOP)];
	size_t len = strlen(TOP "/");
	int fd;

	memcpy(name, TOP "/", len);
	memset(name + len, 'n', NAME_MAX + 1);
	name[len + NAME_MAX + 1] = '\0';
	CHECK_ERRNO("open of a name longer than NAME_MAX",
		    open(name, O_WRONLY | O_CREAT, 0644), ENAMETOOLONG);
	name[len + NAME_MAX] = '\0';
	CHECK_ERRNO("open of a missing NAME_MAX-long name", open(name, O_RDONLY),
		    ENOENT);
	CHECK_ERRNO("open of the empty path", open("", O_RDONLY), ENOENT);
	CHECK_ERRNO("open of a file with a trailing slash",
		    open(FILE_B "/", O_RDONLY), ENOTDIR);
	CHECK_ERRNO("link to a directory", link(SUB, TOP "/sub.link"), EPERM);
	CHECK_ERRNO("link onto an existing name", link(FILE_B, FILE_A), EEXIST);
	fd = open(TOP "/new/", O_WRONLY | O_CREAT, 0644);
	CHECK_ERRNO("open O_CREAT of a new name with a trailing slash", fd, EISDIR);
	if (fd >= 0)
		close(fd);
	if (exists(TOP "/new"))
		FAIL("open O_CREAT of \"new/\" made a file \"new\"");
	CHECK_ERRNO("open O_CREAT of \"x/\" in a missing directory",
		    open(TOP "/none/x/", O_WRONLY | O_CREAT, 0644), ENOENT);
	CHECK_EQ("mkdir with a trailing slash", mkdir(TOP "/t/", 0755), 0);
	CHECK_EQ("rmdir with a trailing slash", rmdir(TOP "/t/"), 0);
	CHECK_ERRNO("rmdir /", rmdir("/"), EBUSY);
	CHECK_ERRNO("rename into a file used as a directory",
		    rename(FILE_B, FILE_A "/x"), ENOTDIR);
}

int main(void)
{
	umask(022);
	remove_tree();
	check_mkdir_rmdir();
	check_unlink_link();
	check_rename_files();
	check_rename_dirs();
	check_cwd();
	check_readdir();
	check_stat();
	check_names();
	remove_tree();
	return test_done("fs_dir");
}
