/*
 * fs_readdir - reading a directory larger than one getdents buffer.
 *
 * TOP gets NFILES files with long names, more than one buffer of
 * directory records holds.  Then:
 *  - getdents with a small buffer, called until it returns 0, lists
 *    ".", ".." and every file exactly once, each record well formed
 *    (d_reclen, the name, DT_REG as the type);
 *  - readdir with an unlink of each file as it is listed - what `rm -r`
 *    does - still sees every file exactly once, so the directory ends
 *    empty.  POSIX leaves open only whether a file removed before it was
 *    read shows up; no file that is still there may be skipped (Linux
 *    skips none);
 *  - after rewinddir the emptied directory lists only "." and "..".
 */
#include <dirent.h>
#include <stddef.h>
#include <sys/stat.h>
#include "test.h"

#define TOP		"/tmp/fs_readdir"
#define NFILES		60
#define NAME_LEN	100	/* 60 records of ~112 bytes: over 4096 */
#define SMALL_BUF	256
#define NAME_BUF	(NAME_LEN + 1)
#define PATH_BUF	(sizeof(TOP) + NAME_BUF)
#define DOT_ENTRIES	2	/* "." and ".." */

static int seen[NFILES];

/* File i's name: its number, then letters up to NAME_LEN. */
static void file_name(int i, char *name)
{
	int n = snprintf(name, NAME_BUF, "%03d-", i);

	memset(name + n, 'a' + i % 26, NAME_LEN - n);
	name[NAME_LEN] = '\0';
}

static void file_path(int i, char *path)
{
	char name[NAME_BUF];

	file_name(i, name);
	snprintf(path, PATH_BUF, "%s/%s", TOP, name);
}

/* The number of the file called name, or -1 for any other name. */
static int file_number(const char *name)
{
	char want[NAME_BUF];
	int i = atoi(name);

	if (i < 0 || i >= NFILES)
		return -1;
	file_name(i, want);
	return strcmp(name, want) ? -1 : i;
}

static void make_files(void)
{
	char path[PATH_BUF];

	REQUIRE(mkdir(TOP, 0755) == 0, "mkdir %s", TOP);
	for (int i = 0; i < NFILES; i++) {
		int fd;

		file_path(i, path);
		fd = open(path, O_WRONLY | O_CREAT, 0644);
		REQUIRE(fd >= 0, "creating %s", path);
		close(fd);
	}
}

static void remove_files(void)
{
	char path[PATH_BUF];

	for (int i = 0; i < NFILES; i++) {
		file_path(i, path);
		unlink(path);
	}
	rmdir(TOP);
}

/* Count one listed name; returns 1 for "." or "..", else 0. */
static int count_name(const char *what, const char *name)
{
	int i;

	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return 1;
	i = file_number(name);
	if (i < 0)
		FAIL("%s: unexpected name \"%.20s...\"", what, name);
	else
		seen[i]++;
	return 0;
}

static void expect_each_once(const char *what, int dots, int dots_want)
{
	int missing = 0, twice = 0;

	for (int i = 0; i < NFILES; i++) {
		missing += seen[i] == 0;
		twice += seen[i] > 1;
	}
	if (missing || twice)
		FAIL("%s: %d of %d files never listed, %d listed more than once",
		     what, missing, NFILES, twice);
	if (dots != dots_want)
		FAIL("%s: \".\" and \"..\" listed %d times, expected %d", what, dots,
		     dots_want);
}

/* A record's checks; returns its name, or NULL if it is malformed. */
static const char *check_record(const struct linux_dirent *d, long left)
{
	size_t max = d->d_reclen - offsetof(struct linux_dirent, d_name);
	unsigned char type = ((const unsigned char *)d)[d->d_reclen - 1];

	if (d->d_reclen <= offsetof(struct linux_dirent, d_name) ||
	    d->d_reclen > left || strnlen(d->d_name, max) >= max) {
		FAIL("getdents: malformed record (d_reclen %u)", d->d_reclen);
		return NULL;
	}
	if (d->d_name[0] != '.' && type != DT_REG)
		FAIL("getdents: file type %u, expected DT_REG", type);
	return d->d_name;
}

static void check_getdents(void)
{
	union {
		struct linux_dirent first;
		char bytes[SMALL_BUF];
	} buf;
	int fd = open(TOP, O_RDONLY | O_DIRECTORY), dots = 0, calls = 0;
	long n;

	memset(seen, 0, sizeof(seen));
	while ((n = getdents(fd, &buf.first, sizeof(buf))) > 0) {
		calls++;
		for (long off = 0; off < n;) {
			const struct linux_dirent *d =
				(const struct linux_dirent *)(buf.bytes + off);
			const char *name = check_record(d, n - off);

			if (!name)
				goto out;
			dots += count_name("getdents", name);
			off += d->d_reclen;
		}
	}
	if (n < 0)
		FAIL("getdents");
	if (calls < 2)
		FAIL("getdents returned everything in %d call(s): test too weak", calls);
	expect_each_once("getdents with a small buffer", dots, DOT_ENTRIES);
out:
	close(fd);
}

static void check_unlink_while_reading(void)
{
	DIR *dir = opendir(TOP);
	struct dirent *d;
	char path[PATH_BUF];
	int dots = 0, left;

	if (!dir) {
		FAIL("opendir %s", TOP);
		return;
	}
	memset(seen, 0, sizeof(seen));
	while ((d = readdir(dir))) {
		int i = file_number(d->d_name);

		dots += count_name("readdir while unlinking", d->d_name);
		if (i >= 0) {
			file_path(i, path);
			if (unlink(path) < 0)
				FAIL("unlink %s", path);
		}
	}
	expect_each_once("readdir while unlinking each file", dots, DOT_ENTRIES);
	rewinddir(dir);
	memset(seen, 0, sizeof(seen));
	dots = 0;
	while ((d = readdir(dir)))
		dots += count_name("readdir after rewinddir", d->d_name);
	left = 0;
	for (int i = 0; i < NFILES; i++)
		left += seen[i] > 0;
	if (left)
		FAIL("after rewinddir: %d files are still there (skipped, so never "
		     "unlinked)", left);
	if (dots != DOT_ENTRIES)
		FAIL("after rewinddir: \".\" and \"..\" listed %d times", dots);
	closedir(dir);
}

int main(void)
{
	remove_files();
	make_files();
	check_getdents();
	check_unlink_while_reading();
	remove_files();
	return test_done("fs_readdir");
}
