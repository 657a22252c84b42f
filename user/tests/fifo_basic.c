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
 *    all page frames and kernel heap (kstat; skipped on Linux).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/kstat.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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

static int open_or_fail(const char *path, int flags)
{
	int fd = open(path, flags);

	if (fd < 0)
		fail("open %s flags %#o: errno %d", path, flags, errno);
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
		fail("stat %s: errno %d", path, errno);
	else if (st.st_mode != want)
		fail("%s has mode %#o, expected %#o", path, st.st_mode, want);
}

static void check_make(void)
{
	mode_t old = umask(022);

	expect_eq("mkfifo", mkfifo(FIFO, 0666), 0);
	expect_mode(FIFO, S_IFIFO | 0644);
	umask(077);
	expect_eq("mknod S_IFIFO", mknod(NODE, S_IFIFO | 0666, 0), 0);
	expect_mode(NODE, S_IFIFO | 0600);
	umask(old);
}

static void check_listed(void)
{
	DIR *dir = opendir(DIR_PATH);
	struct dirent *d;
	bool found = false;

	if (!dir) {
		fail("opendir %s: errno %d", DIR_PATH, errno);
		return;
	}
	while ((d = readdir(dir)))
		if (!strcmp(d->d_name, FIFO_NAME)) {
			found = true;
			if (d->d_type != DT_FIFO)
				fail("readdir: %s has type %d, expected DT_FIFO",
				     FIFO_NAME, d->d_type);
		}
	closedir(dir);
	if (!found)
		fail("readdir of %s does not list %s", DIR_PATH, FIFO_NAME);
}

static void check_bad_paths(void)
{
	int fd = open(FILE_PATH, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	close(fd);
	expect_errno("mkfifo on an existing FIFO", mkfifo(FIFO, 0644), EEXIST);
	expect_errno("mknod on an existing FIFO", mknod(FIFO, S_IFIFO | 0644, 0),
		     EEXIST);
	expect_errno("mkfifo on a file", mkfifo(FILE_PATH, 0644), EEXIST);
	expect_errno("mkfifo on a directory", mkfifo(DIR_PATH, 0644), EEXIST);
	expect_errno("mkfifo /", mkfifo("/", 0644), EEXIST);
	expect_errno("mkfifo in a missing directory",
		     mkfifo("/tmp/fifo_basic.none/f", 0644), ENOENT);
	expect_errno("mkfifo of the empty path", mkfifo("", 0644), ENOENT);
	expect_errno("mkfifo below a file", mkfifo(FILE_PATH "/f", 0644), ENOTDIR);
}

static void check_no_write_permission(void)
{
	int status;
	pid_t pid;

	if (mkdir(LOCKED_DIR, 0755) < 0) {
		fail("mkdir %s: errno %d", LOCKED_DIR, errno);
		return;
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (setuid(USER_ID) < 0)
			_exit(2);
		_exit(mkfifo(LOCKED_DIR "/f", 0666) == -1 && errno == EACCES ? 0 : 1);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		fail("mkfifo in a directory the user may not write: child status "
		     "%#x, expected EACCES", status);
	rmdir(LOCKED_DIR);
}

static void check_nonblocking_opens(void)
{
	char buf[BUF_LEN];
	int r, w;

	expect_errno("O_WRONLY | O_NONBLOCK with no reader",
		     open(FIFO, O_WRONLY | O_NONBLOCK), ENXIO);
	r = open_or_fail(FIFO, O_RDONLY | O_NONBLOCK);
	expect_eq("read with no writer (EOF)", read(r, buf, sizeof(buf)), 0);
	w = open_or_fail(FIFO, O_WRONLY | O_NONBLOCK);
	expect_errno("read of the empty FIFO with a writer", read(r, buf, 1), EAGAIN);
	expect_eq("write", write(w, MSG, MSG_LEN), MSG_LEN);
	if (read(r, buf, sizeof(buf)) != MSG_LEN || memcmp(buf, MSG, MSG_LEN))
		fail("the data did not come through the FIFO");
	close(w);
	close(r);
}

static void check_rdwr(void)
{
	char buf[BUF_LEN];
	struct stat st;
	int fd = open_or_fail(NODE, O_RDWR);

	if (fstat(fd, &st) < 0 || !S_ISFIFO(st.st_mode))
		fail("fstat of an open FIFO: mode %#o errno %d", st.st_mode, errno);
	expect_errno("lseek on a FIFO", lseek(fd, 0, SEEK_SET), ESPIPE);
	expect_eq("write through O_RDWR", write(fd, MSG, MSG_LEN), MSG_LEN);
	if (read(fd, buf, sizeof(buf)) != MSG_LEN || memcmp(buf, MSG, MSG_LEN))
		fail("O_RDWR: read did not give back the data");
	close(fd);
}

/* Open the FIFO read-write without waiting; expect n bytes in it. */
static void expect_contents(const char *what, const char *path, ssize_t n)
{
	char buf[BUF_LEN];
	int fd = open_or_fail(path, O_RDWR | O_NONBLOCK);
	ssize_t got = read(fd, buf, sizeof(buf));

	if (n == 0)
		expect_errno(what, got, EAGAIN);
	else
		expect_eq(what, got, n);
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
	expect_eq("unlink of an open FIFO", unlink(FIFO), 0);
	expect_errno("stat after unlink", stat(FIFO, &st), ENOENT);
	expect_eq("write after unlink", write(w, MSG, MSG_LEN), MSG_LEN);
	expect_eq("mkfifo again under the same name", mkfifo(FIFO, 0644), 0);
	expect_contents("the new FIFO under the old name", FIFO, 0);
	if (read(r, buf, sizeof(buf)) != MSG_LEN || memcmp(buf, MSG, MSG_LEN))
		fail("read after unlink did not give the data");
	close(w);
	expect_eq("read after unlink and the writer's close (EOF)",
		  read(r, buf, sizeof(buf)), 0);
	close(r);
}

static bool get_info(struct kstat_info *info)
{
	return kstat(KSTAT_INFO, info, sizeof(*info)) == 0;
}

static void check_leaks(void)
{
	struct kstat_info before, after;

	expect_contents("warm-up", FIFO, 0);
	if (!get_info(&before)) {
		printf("kstat: errno %d - not this kernel? leak check skipped\n",
		       errno);
		return;
	}
	for (int i = 0; i < CYCLES; i++) {
		int fd = open(FIFO, O_RDWR);

		write(fd, STALE, STALE_LEN);
		close(fd);
	}
	get_info(&after);
	if (after.free_frames != before.free_frames ||
	    after.heap_used != before.heap_used)
		fail("FIFO open/write/close cycles: free frames %lu -> %lu, heap "
		     "used %lu -> %lu", before.free_frames, after.free_frames,
		     before.heap_used, after.heap_used);
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
	if (failures)
		return 1;
	printf("fifo_basic: all checks passed\n");
	return 0;
}
