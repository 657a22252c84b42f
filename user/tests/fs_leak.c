/*
 * fs_leak - the file system gives back every page frame and byte of
 * kernel heap that files, directories and descriptors took.
 *
 * After a warm-up round the parent records the open descriptors and the
 * kernel's free frames, heap use and process slots (kstat KSTAT_INFO);
 * each part below runs CYCLES times and must leave the four counts as
 * they were:
 *  - a file of FILE_PAGES pages and a bit is written, closed, unlinked;
 *  - a file is unlinked while open, written after that, then closed;
 *  - a file with data is cut by O_TRUNC, then unlinked;
 *  - a file with a hole (one byte at HOLE_OFFSET) is unlinked;
 *  - a file with data is replaced by rename(), the new name unlinked;
 *  - a second name is made with link() and both are unlinked;
 *  - a directory with a file in it is made and removed;
 *  - calls that fail: open of a missing file, O_CREAT | O_EXCL of an
 *    existing one, mkdir of an existing name, rmdir of a full directory.
 * On Linux, which has no kstat, only the descriptors are checked.
 */
#include <sys/stat.h>
#include "test.h"

#define CYCLES		100
#define PAGE		4096
#define FILE_PAGES	3
#define DATA_LEN	(FILE_PAGES * PAGE + 100)
#define HOLE_OFFSET	(256 * PAGE)
#define FILE_A		"/tmp/fs_leak.a"
#define FILE_B		"/tmp/fs_leak.b"
#define DIR_PATH	"/tmp/fs_leak.d"
#define DIR_FILE	DIR_PATH "/f"
#define MISSING		"/tmp/fs_leak.none"

static char data[DATA_LEN];

/* Open path with flags, failing the test if that does not work. */
static int open_ok(const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	if (fd < 0)
		FAIL("open %s flags %#o", path, flags);
	return fd;
}

static void write_file(const char *path)
{
	int fd = open_ok(path, O_WRONLY | O_CREAT | O_TRUNC);

	if (fd < 0)
		return;
	if (write(fd, data, sizeof(data)) != DATA_LEN)
		FAIL("write %s", path);
	close(fd);
}

static void file_written_unlinked(void)
{
	write_file(FILE_A);
	unlink(FILE_A);
}

static void file_unlinked_while_open(void)
{
	int fd = open_ok(FILE_A, O_RDWR | O_CREAT | O_TRUNC);

	if (fd < 0)
		return;
	write(fd, data, PAGE);
	unlink(FILE_A);
	write(fd, data, sizeof(data));
	close(fd);
}

static void file_truncated(void)
{
	int fd;

	write_file(FILE_A);
	fd = open_ok(FILE_A, O_WRONLY | O_TRUNC);
	if (fd >= 0)
		close(fd);
	unlink(FILE_A);
}

static void file_with_hole(void)
{
	int fd = open_ok(FILE_A, O_WRONLY | O_CREAT | O_TRUNC);

	if (fd < 0)
		return;
	lseek(fd, HOLE_OFFSET, SEEK_SET);
	write(fd, "x", 1);
	close(fd);
	unlink(FILE_A);
}

static void file_replaced_by_rename(void)
{
	write_file(FILE_A);
	write_file(FILE_B);
	if (rename(FILE_A, FILE_B) < 0)
		FAIL("rename");
	unlink(FILE_B);
}

static void file_linked(void)
{
	write_file(FILE_A);
	if (link(FILE_A, FILE_B) < 0)
		FAIL("link");
	unlink(FILE_A);
	unlink(FILE_B);
}

static void directory_made_removed(void)
{
	if (mkdir(DIR_PATH, 0755) < 0)
		FAIL("mkdir");
	write_file(DIR_FILE);
	unlink(DIR_FILE);
	if (rmdir(DIR_PATH) < 0)
		FAIL("rmdir");
}

static void failed_calls(void)
{
	write_file(FILE_A);
	mkdir(DIR_PATH, 0755);
	write_file(DIR_FILE);
	if (open(MISSING, O_RDONLY) >= 0 ||
	    open(FILE_A, O_WRONLY | O_CREAT | O_EXCL, 0644) >= 0 ||
	    mkdir(DIR_PATH, 0755) == 0 || rmdir(DIR_PATH) == 0)
		FAIL("a call that should fail succeeded");
	unlink(DIR_FILE);
	rmdir(DIR_PATH);
	unlink(FILE_A);
}

static const struct part {
	void (*run)(void);
	const char *name;
} parts[] = {
	{ file_written_unlinked, "files written and unlinked" },
	{ file_unlinked_while_open, "files unlinked while open" },
	{ file_truncated, "files cut by O_TRUNC" },
	{ file_with_hole, "files with a hole" },
	{ file_replaced_by_rename, "files replaced by rename" },
	{ file_linked, "files with two names" },
	{ directory_made_removed, "directories made and removed" },
	{ failed_calls, "failed calls" },
};

int main(void)
{
	struct leak_mark before;

	memset(data, 'd', sizeof(data));
	for (size_t p = 0; p < sizeof(parts) / sizeof(parts[0]); p++)
		parts[p].run();
	mark_leaks(&before);
	for (size_t p = 0; p < sizeof(parts) / sizeof(parts[0]); p++) {
		for (int i = 0; i < CYCLES; i++)
			parts[p].run();
		CHECK_LEAKS(parts[p].name, &before);
	}
	return test_done("fs_leak");
}
