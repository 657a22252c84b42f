/*
 * poll_basic - poll and ppoll on pipes, files and bad descriptors.
 *
 *  - an empty pipe: the read end is not ready (timeout 0 returns 0), the
 *    write end is writable (POLLOUT);
 *  - data makes the read end readable (POLLIN | POLLRDNORM);
 *  - the last writer's close gives POLLHUP (even when not asked for),
 *    the last reader's close POLLERR on the write end;
 *  - a full pipe is not writable; emptied it is again;
 *  - a FIFO read end opened O_NONBLOCK before any writer shows no
 *    POLLHUP until a writer has opened and closed;
 *  - negative fds are skipped (revents 0, not counted); a closed one
 *    gives POLLNVAL and counts;
 *  - a regular file and /dev/null are always ready;
 *  - poll(-1) sleeps until a child writes; a positive timeout ends with 0;
 *  - a caught signal ends the wait with EINTR, SA_RESTART or not;
 *  - ppoll's mask is in force during the wait (a blocked signal becomes
 *    deliverable) and the old mask is back after;
 *  - EFAULT for a bad array, EINVAL for nfds above RLIMIT_NOFILE or a
 *    bad ppoll timeout.
 */
#include <limits.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include "test.h"

#define DELAY_MS	200
#define SHORT_MS	30
#define FILL_MAX	(1 << 20)
#define BAD_ADDR	((void *)1)

static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	(void)sig;
	caught++;
}

static void catch_sigusr1(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = flags;
	REQUIRE(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction");
}

/* poll one fd for events with timeout 0; returns revents, -1 on error. */
static int poll_now(int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };
	int n = poll(&p, 1, 0);

	if (n < 0)
		return -1;
	CHECK(n == (p.revents != 0), "poll of fd %d returned %d with revents %#x",
	      fd, n, p.revents);
	return p.revents;
}

static void pipe_states(void)
{
	int fds[2], r;
	char buf[16];

	REQUIRE(pipe(fds) == 0, "pipe");
	CHECK_EQ("empty pipe, read end", poll_now(fds[0], POLLIN), 0);
	CHECK_EQ("empty pipe, write end", poll_now(fds[1], POLLOUT) & POLLOUT, POLLOUT);
	CHECK_EQ("write end asked for POLLIN only", poll_now(fds[1], POLLIN), 0);
	REQUIRE(write(fds[1], "ab", 2) == 2, "write");
	CHECK_EQ("pipe with data", poll_now(fds[0], POLLIN | POLLRDNORM),
		 POLLIN | POLLRDNORM);
	close(fds[1]);
	r = poll_now(fds[0], POLLIN);
	CHECK_EQ("data and no writer", r, POLLIN | POLLHUP);
	CHECK_EQ("read", read(fds[0], buf, sizeof(buf)), 2);
	CHECK_EQ("no data, no writer (POLLHUP not asked for)", poll_now(fds[0], POLLIN),
		 POLLHUP);
	close(fds[0]);

	REQUIRE(pipe(fds) == 0, "pipe");
	close(fds[0]);
	r = poll_now(fds[1], POLLOUT);
	CHECK(r > 0 && (r & POLLERR), "write end, no reader: revents %#x, want POLLERR", r);
	close(fds[1]);
}

static void full_pipe(void)
{
	static char block[PIPE_BUF];
	int fds[2];
	long total = 0;

	REQUIRE(pipe(fds) == 0, "pipe");
	fcntl(fds[1], F_SETFL, O_NONBLOCK);
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	while (total < FILL_MAX && write(fds[1], block, 1) == 1)
		total++;
	CHECK_EQ("full pipe, write end", poll_now(fds[1], POLLOUT), 0);
	while (read(fds[0], block, sizeof(block)) > 0)
		;
	CHECK_EQ("emptied pipe, write end", poll_now(fds[1], POLLOUT), POLLOUT);
	close(fds[0]);
	close(fds[1]);
}

static void fifo_hup(void)
{
	const char *path = "/tmp/poll_basic.fifo";
	int r, r2, w;

	unlink(path);
	REQUIRE(mkfifo(path, 0600) == 0, "mkfifo");
	r = open(path, O_RDONLY | O_NONBLOCK);
	REQUIRE(r >= 0, "open the FIFO for reading");
	CHECK_EQ("FIFO, no writer yet", poll_now(r, POLLIN), 0);
	w = open(path, O_WRONLY | O_NONBLOCK);
	REQUIRE(w >= 0, "open the FIFO for writing");
	CHECK_EQ("FIFO, a writer", poll_now(r, POLLIN), 0);
	close(w);
	CHECK_EQ("FIFO, the writer gone", poll_now(r, POLLIN), POLLHUP);
	r2 = open(path, O_RDONLY | O_NONBLOCK);
	REQUIRE(r2 >= 0, "open the FIFO for reading again");
	CHECK_EQ("FIFO, a reader opened after the writer left", poll_now(r2, POLLIN), 0);
	close(r2);
	close(r);
	unlink(path);
}

static void odd_fds(void)
{
	struct pollfd p[3];
	int fds[2];

	REQUIRE(pipe(fds) == 0, "pipe");
	close(fds[0]);
	close(fds[1]);
	REQUIRE(pipe(fds) == 0, "pipe");
	p[0] = (struct pollfd){ .fd = -1, .events = POLLIN, .revents = 0x7 };
	p[1] = (struct pollfd){ .fd = 99, .events = POLLIN };
	p[2] = (struct pollfd){ .fd = fds[1], .events = POLLOUT };
	CHECK_EQ("poll of -1, a closed fd and a writable pipe", poll(p, 3, 0), 2);
	CHECK_EQ("negative fd: revents", p[0].revents, 0);
	CHECK_EQ("closed fd: revents", p[1].revents, POLLNVAL);
	CHECK_EQ("writable pipe: revents", p[2].revents, POLLOUT);
	p[0].fd = -5;
	CHECK_EQ("only a negative fd, timeout 0", poll(p, 1, 0), 0);
	CHECK_EQ("no fds, short timeout", poll(NULL, 0, SHORT_MS), 0);
	CHECK_EQ("empty pipe, short timeout", poll(&(struct pollfd){ fds[0], POLLIN, 0 }, 1,
						    SHORT_MS), 0);
	close(fds[0]);
	close(fds[1]);
}

static void always_ready(void)
{
	int fd = open("/tmp/poll_basic.f", O_RDWR | O_CREAT | O_TRUNC, 0600);
	int null = open("/dev/null", O_RDWR);

	REQUIRE(fd >= 0 && null >= 0, "open");
	CHECK_EQ("empty regular file", poll_now(fd, POLLIN | POLLOUT), POLLIN | POLLOUT);
	CHECK_EQ("/dev/null", poll_now(null, POLLIN | POLLOUT), POLLIN | POLLOUT);
	close(fd);
	close(null);
	unlink("/tmp/poll_basic.f");
}

static void wakes_on_write(void)
{
	struct pollfd p;
	int fds[2];
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	pid = test_fork();
	if (pid == 0) {
		sleep_ms(DELAY_MS);
		write(fds[1], "x", 1);
		_exit(0);
	}
	p = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	CHECK_EQ("poll(-1) until a child writes", poll(&p, 1, -1), 1);
	CHECK_EQ("woken: revents", p.revents, POLLIN);
	CHECK_EXIT("writer", pid, 0);
	close(fds[0]);
	close(fds[1]);
}

/* A child polls an empty pipe; the parent sends SIGUSR1. */
static void interrupted(int flags)
{
	int fds[2];
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	pid = test_fork();
	if (pid == 0) {
		struct pollfd p = { .fd = fds[0], .events = POLLIN };
		catch_sigusr1(flags);
		CHECK_ERRNO("poll interrupted by a handler", poll(&p, 1, -1), EINTR);
		CHECK_EQ("handler ran", caught, 1);
		child_exit();
	}
	sleep_ms(DELAY_MS);
	kill(pid, SIGUSR1);
	CHECK_EXIT(flags ? "EINTR with SA_RESTART" : "EINTR", pid, 0);
	close(fds[0]);
	close(fds[1]);
}

static void ppoll_mask(void)
{
	int fds[2];
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	pid = test_fork();
	if (pid == 0) {
		struct pollfd p = { .fd = fds[0], .events = POLLIN };
		sigset_t block, none, now;

		catch_sigusr1(0);
		sigemptyset(&block);
		sigaddset(&block, SIGUSR1);
		sigemptyset(&none);
		sigprocmask(SIG_BLOCK, &block, NULL);
		CHECK_ERRNO("ppoll with SIGUSR1 let through", ppoll(&p, 1, NULL, &none), EINTR);
		CHECK_EQ("handler ran during ppoll", caught, 1);
		sigprocmask(SIG_BLOCK, NULL, &now);
		CHECK_TRUE(sigismember(&now, SIGUSR1));
		child_exit();
	}
	sleep_ms(DELAY_MS);
	kill(pid, SIGUSR1);
	CHECK_EXIT("ppoll mask", pid, 0);
	close(fds[0]);
	close(fds[1]);
}

static void ppoll_timeout(void)
{
	struct timespec ts = { 0, SHORT_MS * NSEC_PER_MSEC }, bad = { 0, -1 };
	struct pollfd p;
	int fds[2];

	REQUIRE(pipe(fds) == 0, "pipe");
	p = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	CHECK_EQ("ppoll, empty pipe, short timeout", ppoll(&p, 1, &ts, NULL), 0);
	CHECK_ERR(ppoll(&p, 1, &bad, NULL), EINVAL);
	p.fd = fds[1];
	p.events = POLLOUT;
	CHECK_EQ("ppoll, writable pipe", ppoll(&p, 1, &ts, NULL), 1);
	close(fds[0]);
	close(fds[1]);
}

static void errors(void)
{
	struct rlimit rl;
	struct pollfd p = { .fd = 0, .events = POLLIN };

	CHECK_ERR(poll(BAD_ADDR, 1, 0), EFAULT);
	REQUIRE(getrlimit(RLIMIT_NOFILE, &rl) == 0, "getrlimit");
	CHECK_ERR(poll(&p, rl.rlim_cur + 1, 0), EINVAL);
}

int main(void)
{
	pipe_states();
	full_pipe();
	fifo_hup();
	odd_fds();
	always_ready();
	wakes_on_write();
	interrupted(0);
	interrupted(SA_RESTART);
	ppoll_mask();
	ppoll_timeout();
	errors();
	return test_done("poll_basic");
}
