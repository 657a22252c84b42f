/*
 * fifo_open_signal - a FIFO open that has met its partner succeeds even
 * when a signal arrives before the opener runs again (Linux counts the
 * completed rendezvous, then handles the signal), and the data the
 * partner wrote before exiting is there to read.  The signal here is
 * the writer's own SIGCHLD, caught without SA_RESTART, as a shell's is.
 */
#include "test.h"
#include <sys/stat.h>

#define FIFO_PATH	"/tmp/fifo_open_signal"
#define MESSAGE		"through the fifo"
#define ROUNDS		20

static volatile sig_atomic_t chld_seen;

static void on_chld(int sig)
{
	(void)sig;
	chld_seen++;
}

static void writer(void)
{
	int fd = open(FIFO_PATH, O_WRONLY);

	if (fd < 0 || write(fd, MESSAGE, sizeof(MESSAGE)) != (ssize_t)sizeof(MESSAGE))
		_exit(1);
	_exit(0);
}

static void one_round(int round)
{
	char buf[sizeof(MESSAGE) + 8] = "";
	pid_t pid = test_fork();
	int fd;
	ssize_t n;

	if (pid == 0)
		writer();
	fd = open(FIFO_PATH, O_RDONLY);
	CHECK(fd >= 0, "round %d: open for reading failed", round);
	if (fd >= 0) {
		n = read(fd, buf, sizeof(buf));
		CHECK(n == (ssize_t)sizeof(MESSAGE) && strcmp(buf, MESSAGE) == 0,
		      "round %d: read %zd bytes \"%s\"", round, n, buf);
		close(fd);
	}
	CHECK(child_ok(pid), "round %d: the writer failed", round);
}

int main(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_chld;
	REQUIRE(sigaction(SIGCHLD, &sa, NULL) == 0, "sigaction");
	unlink(FIFO_PATH);
	REQUIRE(mkfifo(FIFO_PATH, 0600) == 0, "mkfifo");
	for (int i = 0; i < ROUNDS; i++)
		one_round(i);
	CHECK(chld_seen > 0, "no SIGCHLD was caught");
	unlink(FIFO_PATH);
	return test_done("fifo_open_signal");
}
