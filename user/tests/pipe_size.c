/*
 * pipe_size - a pipe's capacity and fcntl F_GETPIPE_SZ / F_SETPIPE_SZ,
 * as Linux (pipe(7), fcntl(2)).
 *
 *  - a new pipe, and a FIFO, hold 65,536 bytes: F_GETPIPE_SZ says so and
 *    a non-blocking fill takes exactly that;
 *  - F_SETPIPE_SZ rounds up to a power of two of pages (0 and 1 give one
 *    page) and returns the size; past 2^31 it is EINVAL;
 *  - at one page - the seed's design - the pipe holds 4096 bytes, and a
 *    12 KiB blocking write still reaches a reader intact;
 *  - a new size that cannot hold the bytes in the pipe is EBUSY, and
 *    changes nothing; one that can keeps them in order, also when they
 *    wrap around the end of the ring;
 *  - a page of the ring is allocated when written: a full pipe holds 16,
 *    a drained one at most one;
 *  - on anything but a pipe both are EBADF; a FIFO's size goes with its
 *    last close;
 *  - a user other than root may not grow a pipe past 1 MiB
 *    (/proc/sys/fs/pipe-max-size says so), nor past the soft limit on all
 *    its pipes' pages (/proc/sys/fs/pipe-user-pages-soft), where new pipes
 *    get two pages; closing them gives the pages back.  Root may go past 1 MiB (unless, on a Linux
 *    host, it lacks CAP_SYS_RESOURCE).
 *  - none of it leaks a page frame or a byte of kernel heap (run twice,
 *    the leak check around the second round).
 */
#include <limits.h>
#include <sys/stat.h>
#include "test.h"

#define PAGE		4096
#define DEF_SIZE	65536
#define MAX_SIZE	(1 << 20)	/* pipe-max-size */
#define MAX_PAGES	(MAX_SIZE / PAGE)
#define DEF_PAGES	(DEF_SIZE / PAGE)
#define MIN_SIZE	(2 * PAGE)	/* past the soft limit */
#define BIG_WRITE	(3 * PAGE)
#define FIFO_PATH	"/tmp/pipe_size.fifo"
#define FILE_PATH	"/tmp/pipe_size.file"
#define NOBODY		65534
#define MAX_PIPES	200		/* soft-limit hunt: more than it needs */
#define CAP_SYS_RESOURCE 24

static unsigned char pattern(long pos)
{
	return (unsigned char)(pos * 7 + pos / 251);
}

static void fill_pattern(unsigned char *buf, long len, long from)
{
	for (long i = 0; i < len; i++)
		buf[i] = pattern(from + i);
}

static bool check_pattern(const unsigned char *buf, long len, long from)
{
	for (long i = 0; i < len; i++)
		if (buf[i] != pattern(from + i)) {
			FAIL("byte %ld: %#x, expected %#x", from + i, buf[i],
			     pattern(from + i));
			return false;
		}
	return true;
}

/* Bytes a non-blocking write end takes before EAGAIN. */
static long fill(int fd)
{
	static char block[PAGE];
	long total = 0, n;

	while ((n = write(fd, block, sizeof(block))) > 0 && total < 2L * MAX_SIZE)
		total += n;
	while ((n = write(fd, block, 1)) > 0 && total < 2L * MAX_SIZE)
		total += n;
	CHECK(errno == EAGAIN, "fill ended with errno %d, not EAGAIN", errno);
	return total;
}

static void check_defaults(void)
{
	int fds[2], fd;

	REQUIRE(pipe2(fds, O_NONBLOCK) == 0, "pipe2");
	CHECK_EQ("F_GETPIPE_SZ of a new pipe", fcntl(fds[0], F_GETPIPE_SZ), DEF_SIZE);
	CHECK_EQ("... of its write end", fcntl(fds[1], F_GETPIPE_SZ), DEF_SIZE);
	CHECK_EQ("bytes a new pipe holds", fill(fds[1]), DEF_SIZE);
	close(fds[0]);
	close(fds[1]);

	unlink(FIFO_PATH);
	REQUIRE(mkfifo(FIFO_PATH, 0600) == 0, "mkfifo");
	REQUIRE((fd = open(FIFO_PATH, O_RDWR | O_NONBLOCK)) >= 0, "open fifo");
	CHECK_EQ("F_GETPIPE_SZ of a FIFO", fcntl(fd, F_GETPIPE_SZ), DEF_SIZE);
	CHECK_EQ("F_SETPIPE_SZ of a FIFO", fcntl(fd, F_SETPIPE_SZ, PAGE), PAGE);
	CHECK_EQ("bytes the FIFO holds now", fill(fd), PAGE);
	close(fd);
	REQUIRE((fd = open(FIFO_PATH, O_RDWR)) >= 0, "reopen fifo");
	CHECK_EQ("the FIFO reopened: size back to the default",
		 fcntl(fd, F_GETPIPE_SZ), DEF_SIZE);
	close(fd);
	unlink(FIFO_PATH);
}

static void check_rounding(void)
{
	static const struct { long wish, size; } cases[] = {
		{ 0, PAGE }, { 1, PAGE }, { PAGE, PAGE }, { PAGE + 1, 2 * PAGE },
		{ 3 * PAGE, 4 * PAGE }, { DEF_SIZE + 1, 2 * DEF_SIZE },
		{ MAX_SIZE, MAX_SIZE },
	};
	int fds[2];

	REQUIRE(pipe(fds) == 0, "pipe");
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char what[64];

		snprintf(what, sizeof(what), "F_SETPIPE_SZ %ld", cases[i].wish);
		CHECK_EQ(what, fcntl(fds[1], F_SETPIPE_SZ, cases[i].wish), cases[i].size);
		CHECK_EQ("F_GETPIPE_SZ after it", fcntl(fds[0], F_GETPIPE_SZ), cases[i].size);
	}
	CHECK_ERR(fcntl(fds[1], F_SETPIPE_SZ, -1), EINVAL);
	CHECK_ERR(fcntl(fds[1], F_SETPIPE_SZ, (unsigned)INT_MAX + 2), EINVAL);
	CHECK_EQ("size after the failures", fcntl(fds[0], F_GETPIPE_SZ), MAX_SIZE);
	close(fds[0]);
	close(fds[1]);
}

/* At one page: 4096 bytes fill it; a 12 KiB write goes through a page. */
static void check_one_page(void)
{
	static unsigned char out[BIG_WRITE], in[BIG_WRITE];
	int fds[2];
	long got = 0, n;
	pid_t pid;

	REQUIRE(pipe2(fds, O_NONBLOCK) == 0, "pipe2");
	CHECK_EQ("F_SETPIPE_SZ one page", fcntl(fds[1], F_SETPIPE_SZ, PAGE), PAGE);
	CHECK_EQ("bytes a one-page pipe holds", fill(fds[1]), PAGE);
	close(fds[0]);
	close(fds[1]);

	REQUIRE(pipe(fds) == 0, "pipe");
	CHECK_EQ("F_SETPIPE_SZ one page", fcntl(fds[1], F_SETPIPE_SZ, PAGE), PAGE);
	fill_pattern(out, BIG_WRITE, 0);
	pid = test_fork();
	if (pid == 0) {
		close(fds[0]);
		CHECK_EQ("blocking 12 KiB write", write(fds[1], out, BIG_WRITE), BIG_WRITE);
		child_exit();
	}
	close(fds[1]);
	while (got < BIG_WRITE && (n = read(fds[0], in + got, BIG_WRITE - got)) > 0) {
		CHECK(n <= PAGE, "a read of %ld bytes from a one-page pipe", n);
		got += n;
	}
	CHECK_EQ("bytes through a one-page pipe", got, BIG_WRITE);
	check_pattern(in, got, 0);
	CHECK(child_ok(pid), "writer failed");
	close(fds[0]);
}

/* Resizing with bytes in the pipe: EBUSY if they do not fit, else kept. */
static void check_resize_keeps_data(void)
{
	static unsigned char buf[3 * PAGE];
	int fds[2];

	REQUIRE(pipe2(fds, O_NONBLOCK) == 0, "pipe2");
	CHECK_EQ("F_SETPIPE_SZ two pages", fcntl(fds[1], F_SETPIPE_SZ, 2 * PAGE), 2 * PAGE);
	/* 6000 in, 5000 out, 6000 in: the ring's bytes wrap around its end. */
	fill_pattern(buf, 6000, 0);
	CHECK_EQ("write 6000", write(fds[1], buf, 6000), 6000);
	CHECK_EQ("read 5000", read(fds[0], buf, 5000), 5000);
	check_pattern(buf, 5000, 0);
	fill_pattern(buf, 6000, 6000);
	CHECK_EQ("write 6000 more", write(fds[1], buf, 6000), 6000);
	CHECK_ERR(fcntl(fds[1], F_SETPIPE_SZ, PAGE), EBUSY);
	CHECK_EQ("size after EBUSY", fcntl(fds[1], F_GETPIPE_SZ), 2 * PAGE);
	CHECK_EQ("grow to 16 pages", fcntl(fds[1], F_SETPIPE_SZ, DEF_SIZE), DEF_SIZE);
	CHECK_EQ("read 3000", read(fds[0], buf, 3000), 3000);
	check_pattern(buf, 3000, 5000);
	CHECK_EQ("shrink to one page, 4000 bytes held", fcntl(fds[1], F_SETPIPE_SZ, 1), PAGE);
	CHECK_EQ("read the rest", read(fds[0], buf, sizeof(buf)), 4000);
	check_pattern(buf, 4000, 8000);
	CHECK_ERR(read(fds[0], buf, 1), EAGAIN);
	close(fds[0]);
	close(fds[1]);
}

/* Pages come when written and go when read: a full pipe holds 16, a
 * drained one at most one (kstat's free frames; Linux has none). */
static void check_drained_pages(void)
{
	static char buf[DEF_SIZE];
	long before, full;
	int fds[2];

	REQUIRE(pipe2(fds, O_NONBLOCK) == 0, "pipe2");
	before = free_frames();
	CHECK_EQ("fill", write(fds[1], buf, DEF_SIZE), DEF_SIZE);
	full = free_frames();
	CHECK_EQ("drain", read(fds[0], buf, DEF_SIZE), DEF_SIZE);
	if (before >= 0) {
		CHECK(before - full == DEF_PAGES, "a full pipe took %ld frames",
		      before - full);
		CHECK(before - free_frames() <= 1, "a drained pipe keeps %ld frames",
		      before - free_frames());
	}
	close(fds[0]);
	close(fds[1]);
}

static void check_not_a_pipe(void)
{
	int fd = open(FILE_PATH, O_CREAT | O_RDWR | O_TRUNC, 0600);

	REQUIRE(fd >= 0, "open %s", FILE_PATH);
	CHECK_ERR(fcntl(fd, F_GETPIPE_SZ), EBADF);
	CHECK_ERR(fcntl(fd, F_SETPIPE_SZ, PAGE), EBADF);
	CHECK_ERR(fcntl(-1, F_GETPIPE_SZ), EBADF);
	close(fd);
	unlink(FILE_PATH);
}

/* A number from a /proc/sys/fs file (pipe-max-size...), or -1. */
static long sysctl_fs(const char *name)
{
	char path[64];
	long value = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/sys/fs/%s", name);
	if (!(f = fopen(path, "r")))
		return -1;
	if (fscanf(f, "%ld", &value) != 1)
		value = -1;
	fclose(f);
	return value;
}

/* As nobody: pipe-max-size, then the soft limit on all its pipes. */
static void as_nobody(void *arg)
{
	static int ends[MAX_PIPES][2];
	long soft = sysctl_fs("pipe-user-pages-soft"), pages = 0;
	int n = 0, fds[2];

	(void)arg;
	CHECK_EQ("/proc/sys/fs/pipe-max-size", sysctl_fs("pipe-max-size"), MAX_SIZE);
	REQUIRE(setgid(NOBODY) == 0 && setuid(NOBODY) == 0, "setuid nobody");
	REQUIRE(pipe(fds) == 0, "pipe");
	CHECK_EQ("nobody: F_SETPIPE_SZ 1 MiB", fcntl(fds[1], F_SETPIPE_SZ, MAX_SIZE), MAX_SIZE);
	CHECK_ERR(fcntl(fds[1], F_SETPIPE_SZ, MAX_SIZE + 1), EPERM);
	CHECK_ERR(fcntl(fds[1], F_SETPIPE_SZ, 2 * MAX_SIZE), EPERM);
	CHECK_EQ("size after EPERM", fcntl(fds[1], F_GETPIPE_SZ), MAX_SIZE);
	close(fds[0]);
	close(fds[1]);

	/* Grow pipe after pipe to 1 MiB until the limit says no. */
	REQUIRE(soft > 2 * MAX_PAGES && soft < MAX_PIPES * MAX_PAGES,
		"soft limit %ld pages: out of this test's range", soft);
	for (;;) {
		long want = pages + DEF_PAGES <= soft ? DEF_SIZE : MIN_SIZE, size;

		REQUIRE(n < MAX_PIPES && pipe(ends[n]) == 0, "pipe %d", n);
		size = fcntl(ends[n][1], F_GETPIPE_SZ);
		CHECK_EQ("a new pipe's size", size, want);
		pages += size / PAGE;
		if (fcntl(ends[n++][1], F_SETPIPE_SZ, MAX_SIZE) < 0) {
			CHECK(errno == EPERM, "growth refused, but not with EPERM");
			CHECK(pages + MAX_PAGES - size / PAGE > soft,
			      "growth to %ld pages refused below the limit %ld",
			      pages + MAX_PAGES - size / PAGE, soft);
			break;
		}
		pages += MAX_PAGES - size / PAGE;
		CHECK(pages <= soft, "nobody's pipes grew to %ld pages, past the limit %ld",
		      pages, soft);
	}
	/* New pipes get the default while it fits, then two pages. */
	while (pages + DEF_PAGES <= soft && n < MAX_PIPES) {
		REQUIRE(pipe(ends[n]) == 0, "pipe %d", n);
		CHECK_EQ("a new pipe still under the limit",
			 fcntl(ends[n++][1], F_GETPIPE_SZ), DEF_SIZE);
		pages += DEF_PAGES;
	}
	REQUIRE(n < MAX_PIPES && pipe(ends[n]) == 0, "pipe %d", n);
	CHECK_EQ("a new pipe past the soft limit", fcntl(ends[n][1], F_GETPIPE_SZ), MIN_SIZE);
	CHECK_ERR(fcntl(ends[n++][1], F_SETPIPE_SZ, DEF_SIZE), EPERM);
	while (n > 0) {
		close(ends[--n][0]);
		close(ends[n][1]);
	}
	REQUIRE(pipe(fds) == 0, "pipe");
	CHECK_EQ("after closing them: the default", fcntl(fds[1], F_GETPIPE_SZ), DEF_SIZE);
	CHECK_EQ("... and 1 MiB again", fcntl(fds[1], F_SETPIPE_SZ, MAX_SIZE), MAX_SIZE);
	close(fds[0]);
	close(fds[1]);
}

/* Root has CAP_SYS_RESOURCE: always on Relay (no CapEff line in its
 * /proc/self/status); on a Linux host, only if the bit is set. */
static bool root_may_exceed(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[128];
	unsigned long long caps = ~0ull;

	if (geteuid() != 0)
		return false;
	if (!f)
		return true;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "CapEff: %llx", &caps) == 1)
			break;
	fclose(f);
	return caps & (1ull << CAP_SYS_RESOURCE);
}

static void check_users(void)
{
	int fds[2], status;

	REQUIRE(geteuid() == 0, "pipe_size runs as root");
	status = run_child(as_nobody, NULL);
	CHECK(status == 0, "nobody's checks: wait status %#x", status);
	if (!root_may_exceed())
		return;
	REQUIRE(pipe(fds) == 0, "pipe");
	CHECK_EQ("root: F_SETPIPE_SZ 2 MiB", fcntl(fds[1], F_SETPIPE_SZ, 2 * MAX_SIZE),
		 2 * MAX_SIZE);
	close(fds[0]);
	close(fds[1]);
}

static void check_all(void)
{
	check_defaults();
	check_rounding();
	check_one_page();
	check_resize_keeps_data();
	check_drained_pages();
	check_not_a_pipe();
	check_users();
}

/* Twice: the first round also grows the kernel's caches (slabs, /proc
 * nodes) to what the second needs, which must then give back all it took. */
int main(void)
{
	struct leak_mark mark;

	check_all();
	mark_leaks(&mark);
	check_all();
	CHECK_LEAKS("pipe sizes", &mark);
	return test_done("pipe_size");
}
