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
#include <sys/stat.h>
#include "test.h"

#define FIFO		"/tmp/fifo_open.fifo"
#define DELAY_MS	200
#define SLACK_MS	20
#define NREADERS	3
#define TRANSFER_LEN	(64 * 1024 + 17)
#define CHUNK		1000
#define HELLO		"hello"
#define HELLO_LEN	5
#define BUF_LEN		64
#define EXIT_EINTR	3	/* the interrupted child saw EINTR */

static bool still_running(pid_t pid)
{
	int status;

	return waitpid(pid, &status, WNOHANG) == 0;
}

static void new_fifo(void)
{
	unlink(FIFO);
	REQUIRE(mkfifo(FIFO, 0600) == 0, "mkfifo %s", FIFO);
}

/* Open FIFO with flags in the parent, timing it; check it waited. */
static int timed_open(const char *what, int flags)
{
	long start = now_ms(), took;
	int fd = open(FIFO, flags);

	took = now_ms() - start;
	if (fd < 0)
		FAIL("%s", what);
	else if (took < DELAY_MS - SLACK_MS)
		FAIL("%s returned after %ld ms, before the other side opened "
		     "(%d ms)", what, took, DELAY_MS);
	return fd;
}

static void check_reader_waits(void)
{
	char buf[BUF_LEN];
	pid_t pid;
	int fd;

	new_fifo();
	pid = test_fork();
	if (pid == 0) {
		sleep_ms(DELAY_MS);
		fd = open(FIFO, O_WRONLY);
		_exit(fd >= 0 && write(fd, HELLO, HELLO_LEN) == HELLO_LEN ? 0 : 1);
	}
	fd = timed_open("open O_RDONLY with no writer yet", O_RDONLY);
	if (fd >= 0) {
		if (read(fd, buf, sizeof(buf)) != HELLO_LEN || memcmp(buf, HELLO, HELLO_LEN))
			FAIL("reader did not get the writer's data");
		if (read(fd, buf, sizeof(buf)) != 0)
			FAIL("reader did not see end of file after the writer exited");
		close(fd);
	}
	CHECK_EXIT("late writer", pid, 0);
}

static void check_writer_waits(void)
{
	char buf[BUF_LEN];
	pid_t pid;
	int fd;

	new_fifo();
	pid = test_fork();
	if (pid == 0) {
		sleep_ms(DELAY_MS);
		fd = open(FIFO, O_RDONLY);
		_exit(fd >= 0 && read(fd, buf, sizeof(buf)) == HELLO_LEN ? 0 : 1);
	}
	fd = timed_open("open O_WRONLY with no reader yet", O_WRONLY);
	if (fd >= 0) {
		if (write(fd, HELLO, HELLO_LEN) != HELLO_LEN)
			FAIL("writer: write");
		close(fd);
	}
	CHECK_EXIT("late reader", pid, 0);
}

/* A child that opens FIFO read-only and exits 0 if it reads EOF. */
static pid_t start_eof_reader(void)
{
	pid_t pid = test_fork();
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
		FAIL("reader's open returned with no writer");
	fd = open(FIFO, O_WRONLY | O_NONBLOCK);
	if (fd < 0)
		FAIL("O_WRONLY | O_NONBLOCK with a reader waiting");
	close(fd);
	CHECK_EXIT("reader released by an open and close", pid, 0);
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
		FAIL("open O_WRONLY with readers waiting");
	close(fd);
	for (int i = 0; i < NREADERS; i++) {
		char who[BUF_LEN];

		snprintf(who, sizeof(who), "reader %d asleep in open", i);
		CHECK_EXIT(who, pids[i], 0);
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
				FAIL("FIFO transfer: byte %ld is %#x, expected %#x",
				     pos, buf[i], pattern(pos));
				child_exit();
			}
	CHECK_EQ("FIFO transfer: bytes arrived", pos, TRANSFER_LEN);
	child_exit();
}

static void check_unrelated_processes(void)
{
	pid_t reader, writer;

	new_fifo();
	reader = test_fork();
	if (reader == 0)
		transfer_reader();
	writer = test_fork();
	if (writer == 0)
		transfer_writer();
	CHECK_EXIT("FIFO writer", writer, 0);
	CHECK_EXIT("FIFO reader", reader, 0);
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
	pid = test_fork();
	if (pid == 0) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_signal;
		sigaction(SIGUSR1, &sa, NULL);
		_exit(open(FIFO, O_RDONLY) == -1 && errno == EINTR ? EXIT_EINTR : 1);
	}
	sleep_ms(DELAY_MS);
	kill(pid, SIGUSR1);
	CHECK_EXIT("reader interrupted in open", pid, EXIT_EINTR);
	fd = open(FIFO, O_WRONLY | O_NONBLOCK);
	if (fd != -1 || errno != ENXIO)
		FAIL("non-blocking writer after the interrupted reader: errno %d, "
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
	pid = test_fork();
	if (pid == 0) {
		open(FIFO, O_WRONLY);
		_exit(1);
	}
	sleep_ms(DELAY_MS);
	kill(pid, SIGKILL);
	status = wait_or_kill(pid);
	if (status == -1 || !WIFSIGNALED(status))
		FAIL("writer asleep in open: wait status %#x after SIGKILL", status);
	fd = open(FIFO, O_RDONLY | O_NONBLOCK);
	if (fd < 0 || read(fd, &c, 1) != 0)
		FAIL("reader after the killed writer: open/read errno %d, "
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
	return test_done("fifo_open");
}
