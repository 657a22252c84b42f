/*
 * pipe_errors - the failures of pipe calls, and that they change nothing.
 *
 *  - write from a bad buffer (NULL, a kernel address, an unmapped
 *    address) fails EFAULT and puts nothing in the pipe;
 *  - read into a bad buffer (the same, plus this program's read-only
 *    code) fails EFAULT, leaves the code untouched and takes nothing out:
 *    the data is all still there for the next good read;
 *  - pipe and pipe2 with a bad array pointer fail EFAULT, write nothing
 *    into read-only memory and open no descriptor;
 *  - with the descriptor table full pipe fails EMFILE; with one slot
 *    free it fails EMFILE too and leaves that slot free (the first end
 *    is not left behind); with two free it works;
 *  - the ends of a closed pipe are bad descriptors (EBADF).
 *
 * On Linux the open-file limit is lowered to this kernel's table size
 * (NOFILE, 64) first, so that the table fills at the same point; this
 * kernel has no setrlimit and a fixed table.
 */
#include "test.h"

#define KERNEL_ADDR	0xC0100000L
#define UNMAPPED_ADDR	0x50000000L
#define NOFILE		64		/* this kernel's descriptor table */
#define LINUX_NR_SETRLIMIT 75
#define LINUX_RLIMIT_NOFILE 7
#define MSG		"0123456789"
#define MSG_LEN		10
#define CODE_LEN	16		/* bytes of code compared */
#define UNTOUCHED	(-7)
#define WHAT_LEN	96

struct bad_ptr {
	long addr;
	const char *name;
};

/* Read-only memory that a bad call might write into: this code. */
static void read_only_target(void)
{
	fflush(stdout);
}

static const struct bad_ptr bad_ptrs[] = {
	{ 0, "NULL" },
	{ KERNEL_ADDR, "a kernel address" },
	{ UNMAPPED_ADDR, "an unmapped address" },
};
#define NBAD	(sizeof(bad_ptrs) / sizeof(bad_ptrs[0]))

static void check_bad_write_buffer(void)
{
	char what[WHAT_LEN], c;
	int fds[2];

	REQUIRE(pipe2(fds, O_NONBLOCK) == 0, "pipe2");
	for (size_t i = 0; i < NBAD; i++) {
		snprintf(what, sizeof(what), "write from %s", bad_ptrs[i].name);
		CHECK_ERRNO(what, write(fds[1], (void *)bad_ptrs[i].addr, MSG_LEN),
			    EFAULT);
	}
	CHECK_ERRNO("read after the failed writes (nothing may be in the pipe)",
		    read(fds[0], &c, 1), EAGAIN);
	close(fds[0]);
	close(fds[1]);
}

static void check_bad_read_buffer(void)
{
	unsigned char code[CODE_LEN];
	char what[WHAT_LEN], buf[MSG_LEN + 1];
	void *ro = (void *)read_only_target;
	int fds[2];

	memcpy(code, ro, CODE_LEN);
	REQUIRE(pipe2(fds, O_NONBLOCK) == 0, "pipe2");
	CHECK_EQ("write", write(fds[1], MSG, MSG_LEN), MSG_LEN);
	for (size_t i = 0; i < NBAD; i++) {
		snprintf(what, sizeof(what), "read into %s", bad_ptrs[i].name);
		CHECK_ERRNO(what, read(fds[0], (void *)bad_ptrs[i].addr, MSG_LEN),
			    EFAULT);
	}
	CHECK_ERRNO("read into read-only code", read(fds[0], ro, MSG_LEN), EFAULT);
	if (memcmp(code, ro, CODE_LEN))
		FAIL("a read from a pipe wrote into read-only code");
	if (read(fds[0], buf, sizeof(buf)) != MSG_LEN || memcmp(buf, MSG, MSG_LEN))
		FAIL("the data was not all there after the failed reads");
	close(fds[0]);
	close(fds[1]);
}

static void check_bad_array(void)
{
	unsigned char code[CODE_LEN];
	char what[WHAT_LEN];
	void *ro = (void *)read_only_target;
	int before = count_open_fds();

	memcpy(code, ro, CODE_LEN);
	for (size_t i = 0; i < NBAD; i++) {
		snprintf(what, sizeof(what), "pipe with %s", bad_ptrs[i].name);
		CHECK_ERRNO(what, pipe((int *)bad_ptrs[i].addr), EFAULT);
		snprintf(what, sizeof(what), "pipe2 with %s", bad_ptrs[i].name);
		CHECK_ERRNO(what, pipe2((int *)bad_ptrs[i].addr, O_CLOEXEC), EFAULT);
	}
	CHECK_ERRNO("pipe with read-only code as the array", pipe(ro), EFAULT);
	if (memcmp(code, ro, CODE_LEN))
		FAIL("pipe wrote its descriptors into read-only code");
	CHECK_EQ("open descriptors after the failed pipe calls", count_open_fds(),
		 before);
}

/* Fill the descriptor table with copies of fd 0; return how many. */
static int fill_table(int *fds, int max)
{
	int n = 0;

	while (n < max && (fds[n] = dup(0)) >= 0)
		n++;
	if (n == max || errno != EMFILE)
		FAIL("filling the table: %d dups, then errno %d (expected EMFILE)",
		     n, errno);
	return n;
}

static void check_emfile(void)
{
	int dups[FD_SCAN], fds[2] = { UNTOUCHED, UNTOUCHED };
	int before = count_open_fds(), n, extra;

	n = fill_table(dups, FD_SCAN);
	CHECK_ERRNO("pipe with the table full", pipe(fds), EMFILE);
	if (fds[0] != UNTOUCHED || fds[1] != UNTOUCHED)
		FAIL("failed pipe changed the array to %d %d", fds[0], fds[1]);
	close(dups[--n]);
	CHECK_ERRNO("pipe with one free slot", pipe(fds), EMFILE);
	extra = dup(0);
	if (extra < 0)
		FAIL("the free slot was used up by the failed pipe (dup: errno %d)",
		     errno);
	else
		dups[n++] = extra;
	CHECK_ERRNO("dup with the table full again", dup(0), EMFILE);
	close(dups[--n]);
	close(dups[--n]);
	if (pipe(fds) < 0) {
		FAIL("pipe with two free slots");
	} else {
		close(fds[0]);
		close(fds[1]);
	}
	while (n > 0)
		close(dups[--n]);
	CHECK_EQ("open descriptors after the EMFILE checks", count_open_fds(), before);
}

static void check_closed_ends(void)
{
	int fds[2];
	char c;

	REQUIRE(pipe2(fds, 0) == 0, "pipe2");
	close(fds[0]);
	close(fds[1]);
	CHECK_ERRNO("read from a closed read end", read(fds[0], &c, 1), EBADF);
	CHECK_ERRNO("write to a closed write end", write(fds[1], "x", 1), EBADF);
	CHECK_ERRNO("close of a closed end", close(fds[0]), EBADF);
}

/* Linux: make the table as small as this kernel's (no-op here: ENOSYS). */
static void limit_table(void)
{
	unsigned long limit[2] = { NOFILE, NOFILE };

	syscall(LINUX_NR_SETRLIMIT, LINUX_RLIMIT_NOFILE, limit);
}

int main(void)
{
	limit_table();
	check_bad_write_buffer();
	check_bad_read_buffer();
	check_bad_array();
	check_emfile();
	check_closed_ends();
	return test_done("pipe_errors");
}
