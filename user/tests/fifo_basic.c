/*
 * fifo_basic - named pipes: making them, opening them without waiting,
 * and the life of their data.
 *
 *  - mkfifo and mknod(S_IFIFO) make a node of mode & ~umask; stat and
 *    readdir (what ls shows) say it is a FIFO;
 *  - a path that exists (FIFO, file, directory, "/") fails EEXIST; a
 *    missing directory ENOENT, the empty path ENOENT, a file used as a
 *    directory ENOTDIR; a user without write permission on the
 *    directory gets EACCES (a child that setuid()s to USER_ID);
 *  - open O_RDONLY | O_NONBLOCK succeeds at once, and reads 0 (no
 *    writer); open O_WRONLY | O_NONBLOCK with no reader fails ENXIO,
 *    and succeeds once a reader is there; O_RDWR opens at once;
 *  - fstat says S_IFIFO, lseek fails ESPIPE, the data goes through;
 *  - unread data survives while someone has the FIFO open, and is
 *    dropped when the last one closes (the node itself stays);
 *  - unlink of an open FIFO removes the name at once, the open ends keep
 *    working, and a new FIFO made under the same name is a different one;
 *  - opening and closing a FIFO with data in it CYCLES times gives back
 *    all descriptors, page frames and kernel heap (kstat; on Linux only
 *    the descriptors are checked).
 */
#include <dirent.h>
#include <sys/stat.h>
#include "test.h"

#define DIR_PATH	"/tmp"
#define FIFO_NAME	"fifo_basic.fifo"
#define FIFO		DIR_PATH "/" FIFO_NAME
#define NODE		"/tmp/fifo_basic.node"
#define FILE_PATH	"/tmp/fifo_basic.file"
#define LOCKED_DIR	"/tmp/fifo_basic.dir"
#define USER_ID		1000
#define MSG		"through the fifo"
#define MSG_LEN		16
#define STALE		"stale"
#define STALE_LEN	5
#define BUF_LEN		64
#define CYCLES		200

static int open_or_fail(const char *path, int flags)
{
	int fd = open(path, flags);

	if (fd < 0)
		FAIL("open %s flags %#o", path, flags);
	return fd;
}

static void cleanup(void)
{
	unlink(FIFO);
	unlink(NODE);
	unlink(FILE_PATH);
	rmdir(LOCKED_DIR);
}

static void expect_mode(const char *path, mode_t want)
{
	struct stat st;

	if (stat(path, &st) < 0)
		FAIL("stat %s", path);
	else if (st.st_mode != want)
		FAIL("%s has mode %#o, expected %#o", path, st.st_mode, want);
}

static void check_make(void)
{
	mode_t old = umask(022);

	CHECK_EQ("mkfifo", mkfifo(FIFO, 0666), 0);
	expect_mode(FIFO, S_IFIFO | 0644);
	umask(077);
	CHECK_EQ("mknod S_IFIFO", mknod(NODE, S_IFIFO | 0666, 0), 0);
	expect_mode(NODE, S_IFIFO | 0600);
	umask(old);
}

static void check_listed(void)
{
	DIR *dir = opendir(DIR_PATH);
	struct dirent *d;
	bool found = false;

	if (!dir) {
		FAIL("opendir %s", DIR_PATH);
		return;
	}
	while ((d = readdir(dir)))
		if (!strcmp(d->d_name, FIFO_NAME)) {
			found = true;
			if (d->d_type != DT_FIFO)
				FAIL("readdir: %s has type %d, expected DT_FIFO",
				     FIFO_NAME, d->d_type);
		}
	closedir(dir);
	if (!found)
		FAIL("readdir of %s does not list %s", DIR_PATH, FIFO_NAME);
}

static void check_bad_paths(void)
{
	int fd = open(FILE_PATH, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	close(fd);
	CHECK_ERRNO("mkfifo on an existing FIFO", mkfifo(FIFO, 0644), EEXIST);
	CHECK_ERRNO("mknod on an existing FIFO", mknod(FIFO, S_IFIFO | 0644, 0),
		    EEXIST);
	CHECK_ERRNO("mkfifo on a file", mkfifo(FILE_PATH, 0644), EEXIST);
	CHECK_ERRNO("mkfifo on a directory", mkfifo(DIR_PATH, 0644), EEXIST);
	CHECK_ERRNO("mkfifo /", mkfifo("/", 0644), EEXIST);
	CHECK_ERRNO("mkfifo in a missing directory",
		    mkfifo("/tmp/fifo_basic.none/f", 0644), ENOENT);
	CHECK_ERRNO("mkfifo of the empty path", mkfifo("", 0644), ENOENT);
	CHECK_ERRNO("mkfifo below a file", mkfifo(FILE_PATH "/f", 0644), ENOTDIR);
}

static void check_no_write_permission(void)
{
	int status;
	pid_t pid;

	if (mkdir(LOCKED_DIR, 0755) < 0) {
		FAIL("mkdir %s", LOCKED_DIR);
		return;
	}
	pid = test_fork();
	if (pid == 0) {
		if (setuid(USER_ID) < 0)
			_exit(2);
		_exit(mkfifo(LOCKED_DIR "/f", 0666) == -1 && errno == EACCES ? 0 : 1);
	}
	status = wait_status(pid);
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		FAIL("mkfifo in a directory the user may not write: child status "
		     "%#x, expected EACCES", status);
	rmdir(LOCKED_DIR);
}

static void check_nonblocking_opens(void)
{
	char buf[BUF_LEN];
	int r, w;

	CHECK_ERRNO("O_WRONLY | O_NONBLOCK with no reader",
		    open(FIFO, O_WRONLY | O_NONBLOCK), ENXIO);
	r = open_or_fail(FIFO, O_RDONLY | O_NONBLOCK);
	CHECK_EQ("read with no writer (EOF)", read(r, buf, sizeof(buf)), 0);
	w = open_or_fail(FIFO, O_WRONLY | O_NONBLOCK);
	CHECK_ERRNO("read of the empty FIFO with a writer", read(r, buf, 1), EAGAIN);
	CHECK_EQ("write", write(w, MSG, MSG_LEN), MSG_LEN);
	if (read(r, buf, sizeof(buf)) != MSG_LEN || memcmp(buf, MSG, MSG_LEN))
		FAIL("the data did not come through the FIFO");
	close(w);
	close(r);
}

static void check_rdwr(void)
{
	char buf[BUF_LEN];
	struct stat st;
	int fd = open_or_fail(NODE, O_RDWR);

	if (fstat(fd, &st) < 0 || !S_ISFIFO(st.st_mode))
		FAIL("fstat of an open FIFO: mode %#o", st.st_mode);
	CHECK_ERRNO("lseek on a FIFO", lseek(fd, 0, SEEK_SET), ESPIPE);
	CHECK_EQ("write through O_RDWR", write(fd, MSG, MSG_LEN), MSG_LEN);
	if (read(fd, buf, sizeof(buf)) != MSG_LEN || memcmp(buf, MSG, MSG_LEN))
		FAIL("O_RDWR: read did not give back the data");
	close(fd);
}

/* Open the FIFO read-write without waiting; expect n bytes in it. */
static void expect_contents(const char *what, const char *path, ssize_t n)
{
	char buf[BUF_LEN];
	int fd = open_or_fail(path, O_RDWR | O_NONBLOCK);
	ssize_t got = read(fd, buf, sizeof(buf));

	if (n == 0)
		CHECK_ERRNO(what, got, EAGAIN);
	else
		CHECK_EQ(what, got, n);
	close(fd);
}

static void check_data_life(void)
{
	int r, w, fd;

	fd = open_or_fail(FIFO, O_RDWR);
	write(fd, STALE, STALE_LEN);
	close(fd);
	expect_contents("read after the only user closed (data dropped)", FIFO, 0);

	r = open_or_fail(FIFO, O_RDONLY | O_NONBLOCK);
	w = open_or_fail(FIFO, O_WRONLY | O_NONBLOCK);
	write(w, STALE, STALE_LEN);
	close(w);
	expect_contents("read while a reader kept it open (data kept)", FIFO,
			STALE_LEN);
	close(r);
	expect_contents("read after reader and writer closed", FIFO, 0);
	expect_mode(FIFO, S_IFIFO | 0644);
}

static void check_unlink_open(void)
{
	char buf[BUF_LEN];
	struct stat st;
	int r, w;

	r = open_or_fail(FIFO, O_RDONLY | O_NONBLOCK);
	w = open_or_fail(FIFO, O_WRONLY | O_NONBLOCK);
	CHECK_EQ("unlink of an open FIFO", unlink(FIFO), 0);
	CHECK_ERRNO("stat after unlink", stat(FIFO, &st), ENOENT);
	CHECK_EQ("write after unlink", write(w, MSG, MSG_LEN), MSG_LEN);
	CHECK_EQ("mkfifo again under the same name", mkfifo(FIFO, 0644), 0);
	expect_contents("the new FIFO under the old name", FIFO, 0);
	if (read(r, buf, sizeof(buf)) != MSG_LEN || memcmp(buf, MSG, MSG_LEN))
		FAIL("read after unlink did not give the data");
	close(w);
	CHECK_EQ("read after unlink and the writer's close (EOF)",
		 read(r, buf, sizeof(buf)), 0);
	close(r);
}

static void check_leaks(void)
{
	struct leak_mark before;

	expect_contents("warm-up", FIFO, 0);
	mark_leaks(&before);
	for (int i = 0; i < CYCLES; i++) {
		int fd = open(FIFO, O_RDWR);

		write(fd, STALE, STALE_LEN);
		close(fd);
	}
	CHECK_LEAKS("FIFO open/write/close cycles", &before);
}

int main(void)
{
	cleanup();
	check_make();
	check_listed();
	check_bad_paths();
	check_no_write_permission();
	check_nonblocking_opens();
	check_rdwr();
	check_data_life();
	check_unlink_open();
	check_leaks();
	cleanup();
	return test_done("fifo_basic");
}
