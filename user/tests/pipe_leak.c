/*
 * pipe_leak - pipes give back every descriptor, page frame and byte of
 * kernel heap they take, however they end.
 *
 * After a warm-up round the parent records the open descriptors and the
 * kernel's free frames, heap use and process slots (kstat KSTAT_INFO),
 * then runs:
 *  - CYCLES rounds of pipe/close and pipe2(O_NONBLOCK | O_CLOEXEC)/close;
 *  - DATA_CYCLES pipes closed with data still in them (half of them
 *    closing the write end first, half the read end first);
 *  - DATA_CYCLES pipes whose ends are closed by the exit of a child that
 *    wrote into them;
 *  - DATA_CYCLES failed calls each: pipe2 with a bad flag, pipe with a
 *    bad array, and pipe with only one descriptor slot free (EMFILE).
 * and checks after each part that the four counts are back where they
 * were.  On Linux, which has no kstat, only the descriptors are checked.
 */
#include <limits.h>
#include "test.h"

#define CYCLES		1000
#define DATA_CYCLES	100
#define DATA_LEN	(PIPE_BUF / 2)
#define NOFILE		64		/* this kernel's descriptor table */
#define LINUX_NR_SETRLIMIT 75
#define LINUX_RLIMIT_NOFILE 7
#define UNMAPPED_ADDR	0x50000000L
#define BAD_FLAG	O_APPEND

static bool make_pipe(int fds[2], int flags)
{
	if (pipe2(fds, flags) == 0)
		return true;
	FAIL("pipe2 flags %#x", flags);
	return false;
}

static void create_close(int flags)
{
	int fds[2];

	if (make_pipe(fds, flags)) {
		close(fds[0]);
		close(fds[1]);
	}
}

static void close_with_data(bool writer_first)
{
	static char data[DATA_LEN];
	int fds[2];

	if (!make_pipe(fds, 0))
		return;
	if (write(fds[1], data, sizeof(data)) != DATA_LEN)
		FAIL("write of %d bytes", DATA_LEN);
	close(fds[writer_first ? 1 : 0]);
	close(fds[writer_first ? 0 : 1]);
}

/* A child writes into a fresh pipe and exits without closing it. */
static void close_by_exit(void)
{
	static char data[DATA_LEN];
	int fds[2], status;
	pid_t pid;

	if (!make_pipe(fds, 0))
		return;
	pid = test_fork();
	if (pid == 0)
		_exit(write(fds[1], data, sizeof(data)) == DATA_LEN ? 0 : 1);
	close(fds[0]);
	close(fds[1]);
	status = wait_status(pid);
	CHECK(status == 0, "writing child: wait status %#x", status);
}

/* Failing calls; returns false after reporting one that did not fail. */
static bool failed_calls(int *spare)
{
	int fds[2];

	if (pipe2(fds, BAD_FLAG) == 0 || pipe((int *)UNMAPPED_ADDR) == 0) {
		FAIL("a pipe call with a bad flag or array succeeded");
		return false;
	}
	close(*spare);			/* one free slot */
	if (pipe(fds) == 0 || errno != EMFILE) {
		FAIL("pipe with one free slot: errno %d, expected EMFILE", errno);
		return false;
	}
	if ((*spare = dup(0)) < 0) {
		FAIL("the free slot was gone after the failed pipe (dup: errno %d)",
		     errno);
		return false;
	}
	return true;
}

static void check_failed_calls(const struct leak_mark *before)
{
	int dups[FD_SCAN], n = 0;
	unsigned long limit[2] = { NOFILE, NOFILE };

	/* Linux: make the table as small as this kernel's (ENOSYS here). */
	syscall(LINUX_NR_SETRLIMIT, LINUX_RLIMIT_NOFILE, limit);
	while (n < FD_SCAN && (dups[n] = dup(0)) >= 0)
		n++;
	for (int i = 0; i < DATA_CYCLES && n > 0; i++)
		if (!failed_calls(&dups[n - 1]))
			break;
	while (n > 0)
		close(dups[--n]);
	CHECK_LEAKS("failed pipe calls", before);
}

int main(void)
{
	struct leak_mark before;

	create_close(0);
	close_with_data(true);
	close_by_exit();
	mark_leaks(&before);

	for (int i = 0; i < CYCLES; i++) {
		create_close(0);
		create_close(O_NONBLOCK | O_CLOEXEC);
	}
	CHECK_LEAKS("pipe/close cycles", &before);
	for (int i = 0; i < DATA_CYCLES; i++)
		close_with_data(i % 2 == 0);
	CHECK_LEAKS("pipes closed with data in them", &before);
	for (int i = 0; i < DATA_CYCLES; i++)
		close_by_exit();
	CHECK_LEAKS("pipes closed by a child's exit", &before);
	check_failed_calls(&before);

	return test_done("pipe_leak");
}
