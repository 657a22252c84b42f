/*
 * fifo_open - the open rendezvous of a FIFO, and data between processes
 * that share nothing but its name.
 *
 *  - open O_RDONLY sleeps until a writer opens: a child opens for
 *    writing after DELAY_MS, and the parent's open returns no earlier;
 *  - open O_WRONLY sleeps until a reader opens, the same way round;
 *  - a writer that opens and closes at once (O_NONBLOCK, which succeeds
 *    because a reader is waiting) still releases the sleeping reader,
 *    which then reads end of file;
 *  - one writer's open releases NREADERS readers asleep in open;
 *  - two sibling processes, neither holding a descriptor of the other,
 *    move TRANSFER_LEN bytes (many pipe buffers) through the FIFO by
 *    name, all in order;
 *  - a sleeping open is interruptible: a caught signal (no SA_RESTART)
 *    makes it fail EINTR; afterwards no reader is left behind (a
 *    non-blocking writer's open fails ENXIO);
 *  - a writer killed while asleep in open leaves no writer behind (a
 *    reader then reads end of file, not EAGAIN).
 * A child that does not finish within WAIT_MS is killed and reported.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FIFO		"/tmp/fifo_open.fifo"
#define DELAY_MS	200
#define SLACK_MS	20
#define WAIT_MS		3000
#define POLL_MS		10
#define NREADERS	3
#define TRANSFER_LEN	(64 * 1024 + 17)
#define CHUNK		1000
#define HELLO		"hello"
#define HELLO_LEN	5
#define BUF_LEN		64
#define EXIT_EINTR	3	/* the interrupted child saw EINTR */

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

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static pid_t start_child(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		printf("FAIL: fork: errno %d\n", errno);
		exit(1);
	}
	return pid;
}

/* Wait up to WAIT_MS for pid (then kill it); its status or -1. */
static int wait_child(pid_t pid)
{
	long deadline = now_ms() + WAIT_MS;
	int status;

	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (now_ms() >= deadline) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return -1;
		}
		sleep_ms(POLL_MS);
	}
	return status;
}

static void expect_exit(const char *who, pid_t pid, int code)
{
	int status = wait_child(pid);

	if (status == -1)
		fail("%s: still running after %d ms (killed)", who, WAIT_MS);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != code)
		fail("%s: wait status %#x, expected exit %d", who, status, code);
}

static bool still_running(pid_t pid)
{
	int status;

	return waitpid(pid, &status, WNOHANG) == 0;
}

static void new_fifo(void)
{
	unlink(FIFO);
	if (mkfifo(FIFO, 0600) < 0) {
		printf("FAIL: mkfifo %s: errno %d\n", FIFO, errno);
		exit(1);
	}
}

/* Open FIFO with flags in the parent, timing it; check it waited. */
static int timed_open(const char *what, int flags)
{
	long start = now_ms(), took;
	int fd = open(FIFO, flags);

	took = now_ms() - start;
	if (fd < 0)
		fail("%s: errno %d", what, errno);
	else if (took < DELAY_MS - SLACK_MS)
		fail("%s returned after %ld ms, before the other side opened "
		     "(%d ms)", what, took, DELAY_MS);
	return fd;
}

static void check_reader_waits(void)
{
	char buf[BUF_LEN];
	pid_t pid;
	int fd;

	new_fifo();
	pid = start_child();
	if (pid == 0) {
		sleep_ms(DELAY_MS);
		fd = open(FIFO, O_WRONLY);
		_exit(fd >= 0 && write(fd, HELLO, HELLO_LEN) == HELLO_LEN ? 0 : 1);
	}
	fd = timed_open("open O_RDONLY with no writer yet", O_RDONLY);
	if (fd >= 0) {
		if (read(fd, buf, sizeof(buf)) != HELLO_LEN || memcmp(buf, HELLO, HELLO_LEN))
			fail("reader did not get the writer's data");
		if (read(fd, buf, sizeof(buf)) != 0)
			fail("reader did not see end of file after the writer exited");
		close(fd);
	}
	expect_exit("late writer", pid, 0);
}

static void check_writer_waits(void)
{
	char buf[BUF_LEN];
	pid_t pid;
	int fd;

	new_fifo();
	pid = start_child();
	if (pid == 0) {
		sleep_ms(DELAY_MS);
		fd = open(FIFO, O_RDONLY);
		_exit(fd >= 0 && read(fd, buf, sizeof(buf)) == HELLO_LEN ? 0 : 1);
	}
	fd = timed_open("open O_WRONLY with no reader yet", O_WRONLY);
	if (fd >= 0) {
		if (write(fd, HELLO, HELLO_LEN) != HELLO_LEN)
			fail("writer: write errno %d", errno);
		close(fd);
	}
	expect_exit("late reader", pid, 0);
}

/* A child that opens FIFO read-only and exits 0 if it reads EOF. */
static pid_t start_eof_reader(void)
{
	pid_t pid = start_child();
	char c;

	if (pid == 0) {
		int fd = open(FIFO, O_RDONLY);

		_exit(fd >= 0 && read(fd, &c, 1) == 0 ? 0 : 1);
	}
	return pid;
}

static void check_open_close_releases(void)
{
	pid_t pid;
	int fd;

	new_fifo();
	pid = start_eof_reader();
	sleep_ms(DELAY_MS);
	if (!still_running(pid))
		fail("reader's open returned with no writer");
	fd = open(FIFO, O_WRONLY | O_NONBLOCK);
	if (fd < 0)
		fail("O_WRONLY | O_NONBLOCK with a reader waiting: errno %d", errno);
	close(fd);
	expect_exit("reader released by an open and close", pid, 0);
}

static void check_many_readers(void)
{
	pid_t pids[NREADERS];
	int fd;

	new_fifo();
	for (int i = 0; i < NREADERS; i++)
		pids[i] = start_eof_reader();
	sleep_ms(DELAY_MS);
	fd = open(FIFO, O_WRONLY);
	if (fd < 0)
		fail("open O_WRONLY with readers waiting: errno %d", errno);
	close(fd);
	for (int i = 0; i < NREADERS; i++) {
		char who[BUF_LEN];

		snprintf(who, sizeof(who), "reader %d asleep in open", i);
		expect_exit(who, pids[i], 0);
	}
}

static unsigned char pattern(long pos)
{
	return (unsigned char)(pos * 11 + pos / 257);
}

static void transfer_writer(void)
{
	unsigned char buf[CHUNK];
	int fd = open(FIFO, O_WRONLY);
	long pos = 0;

	if (fd < 0)
		_exit(1);
	while (pos < TRANSFER_LEN) {
		int n = TRANSFER_LEN - pos < CHUNK ? (int)(TRANSFER_LEN - pos) : CHUNK;

		for (int i = 0; i < n; i++)
			buf[i] = pattern(pos + i);
		if (write(fd, buf, (size_t)n) != n)
			_exit(1);
		pos += n;
	}
	_exit(0);
}

static void transfer_reader(void)
{
	unsigned char buf[CHUNK + 1];
	int fd = open(FIFO, O_RDONLY);
	long pos = 0;
	ssize_t n;

	if (fd < 0)
		_exit(1);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (ssize_t i = 0; i < n; i++, pos++)
			if (buf[i] != pattern(pos)) {
				printf("FAIL: FIFO transfer: byte %ld is %#x, "
				       "expected %#x\n", pos, buf[i], pattern(pos));
				_exit(1);
			}
	if (pos != TRANSFER_LEN)
		printf("FAIL: FIFO transfer: %ld bytes arrived, expected %d\n",
		       pos, TRANSFER_LEN);
	_exit(pos == TRANSFER_LEN ? 0 : 1);
}

static void check_unrelated_processes(void)
{
	pid_t reader, writer;

	new_fifo();
	reader = start_child();
	if (reader == 0)
		transfer_reader();
	writer = start_child();
	if (writer == 0)
		transfer_writer();
	expect_exit("FIFO writer", writer, 0);
	expect_exit("FIFO reader", reader, 0);
}

static void on_signal(int sig)
{
	(void)sig;
}

static void check_interrupted_open(void)
{
	struct sigaction sa;
	pid_t pid;
	int fd;

	new_fifo();
	pid = start_child();
	if (pid == 0) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_signal;
		sigaction(SIGUSR1, &sa, NULL);
		_exit(open(FIFO, O_RDONLY) == -1 && errno == EINTR ? EXIT_EINTR : 1);
	}
	sleep_ms(DELAY_MS);
	kill(pid, SIGUSR1);
	expect_exit("reader interrupted in open", pid, EXIT_EINTR);
	fd = open(FIFO, O_WRONLY | O_NONBLOCK);
	if (fd != -1 || errno != ENXIO)
		fail("non-blocking writer after the interrupted reader: errno %d, "
		     "expected ENXIO (a reader was left behind)", errno);
	if (fd >= 0)
		close(fd);
}

static void check_killed_writer(void)
{
	int fd, status;
	pid_t pid;
	char c;

	new_fifo();
	pid = start_child();
	if (pid == 0) {
		open(FIFO, O_WRONLY);
		_exit(1);
	}
	sleep_ms(DELAY_MS);
	kill(pid, SIGKILL);
	status = wait_child(pid);
	if (status == -1 || !WIFSIGNALED(status))
		fail("writer asleep in open: wait status %#x after SIGKILL", status);
	fd = open(FIFO, O_RDONLY | O_NONBLOCK);
	if (fd < 0 || read(fd, &c, 1) != 0)
		fail("reader after the killed writer: open/read errno %d, "
		     "expected end of file (a writer was left behind)", errno);
	if (fd >= 0)
		close(fd);
}

int main(void)
{
	check_reader_waits();
	check_writer_waits();
	check_open_close_releases();
	check_many_readers();
	check_unrelated_processes();
	check_interrupted_open();
	check_killed_writer();
	unlink(FIFO);
	if (failures)
		return 1;
	printf("fifo_open: all checks passed\n");
	return 0;
}
