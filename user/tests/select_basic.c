/*
 * select_basic - select and pselect on pipes and bad descriptors.
 *
 *  - an empty pipe: the read end is not readable (timeout 0 returns 0
 *    and clears its bit), the write end is writable;
 *  - data, or the last writer's close (end of file), makes it readable;
 *  - a pipe is never "exceptional";
 *  - the count is of bits set in all three sets; unready bits are cleared;
 *  - an fd in a set that is not open gives EBADF; nfds < 0 and a negative
 *    timeout EINVAL; a bad set pointer EFAULT;
 *  - an expired timeout is rewritten with the time left: zero;
 *  - select with no timeout sleeps until a child writes;
 *  - a caught signal ends the wait with EINTR; pselect's mask is in
 *    force during the wait and the old one is back after.
 */
#include <sys/select.h>
#include "test.h"

#define DELAY_MS	200
#define SHORT_US	30000
#define BAD_ADDR	((void *)1)

static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	(void)sig;
	caught++;
}

static void states(void)
{
	struct timeval tv = { 0, 0 };
	fd_set r, w, e;
	int fds[2], n;

	REQUIRE(pipe(fds) == 0, "pipe");
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_ZERO(&e);
	FD_SET(fds[0], &r);
	FD_SET(fds[1], &w);
	FD_SET(fds[0], &e);
	n = select(fds[1] + 1, &r, &w, &e, &tv);
	CHECK_EQ("empty pipe: ready count", n, 1);
	CHECK_TRUE(!FD_ISSET(fds[0], &r));
	CHECK_TRUE(FD_ISSET(fds[1], &w));
	CHECK_TRUE(!FD_ISSET(fds[0], &e));

	/* (whether a part-full pipe is still writable depends on its size) */
	REQUIRE(write(fds[1], "x", 1) == 1, "write");
	FD_ZERO(&r);
	FD_ZERO(&e);
	FD_SET(fds[0], &r);
	FD_SET(fds[0], &e);
	tv = (struct timeval){ 0, 0 };
	CHECK_EQ("data: ready count", select(fds[1] + 1, &r, NULL, &e, &tv), 1);
	CHECK_TRUE(FD_ISSET(fds[0], &r));
	CHECK_TRUE(!FD_ISSET(fds[0], &e));

	close(fds[1]);
	FD_ZERO(&r);
	FD_SET(fds[0], &r);
	CHECK_EQ("read the byte", read(fds[0], &n, 1), 1);
	tv = (struct timeval){ 0, 0 };
	CHECK_EQ("end of file is readable", select(fds[0] + 1, &r, NULL, NULL, &tv), 1);
	CHECK_TRUE(FD_ISSET(fds[0], &r));
	close(fds[0]);
}

static void errors(void)
{
	struct timeval tv = { 0, 0 }, neg = { -1, 0 };
	fd_set r;
	int fds[2];

	REQUIRE(pipe(fds) == 0, "pipe");
	close(fds[1]);
	FD_ZERO(&r);
	FD_SET(fds[1], &r);
	CHECK_ERR(select(fds[1] + 1, &r, NULL, NULL, &tv), EBADF);
	FD_ZERO(&r);
	FD_SET(fds[0], &r);
	CHECK_ERR(select(-1, &r, NULL, NULL, &tv), EINVAL);
	CHECK_ERR(select(fds[0] + 1, &r, NULL, NULL, &neg), EINVAL);
	CHECK_ERR(select(fds[0] + 1, BAD_ADDR, NULL, NULL, &tv), EFAULT);
	close(fds[0]);
}

static void timeout_rewritten(void)
{
	struct timeval tv = { 0, SHORT_US };
	fd_set r;
	int fds[2];

	REQUIRE(pipe(fds) == 0, "pipe");
	FD_ZERO(&r);
	FD_SET(fds[0], &r);
	CHECK_EQ("empty pipe, short timeout", select(fds[0] + 1, &r, NULL, NULL, &tv), 0);
	CHECK_TRUE(!FD_ISSET(fds[0], &r));
	CHECK_TRUE(tv.tv_sec == 0 && tv.tv_usec == 0);
	close(fds[0]);
	close(fds[1]);
}

static void wakes_on_write(void)
{
	fd_set r;
	int fds[2];
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	pid = test_fork();
	if (pid == 0) {
		sleep_ms(DELAY_MS);
		write(fds[1], "x", 1);
		_exit(0);
	}
	FD_ZERO(&r);
	FD_SET(fds[0], &r);
	CHECK_EQ("select until a child writes", select(fds[0] + 1, &r, NULL, NULL, NULL), 1);
	CHECK_TRUE(FD_ISSET(fds[0], &r));
	CHECK_EXIT("writer", pid, 0);
	close(fds[0]);
	close(fds[1]);
}

/* A child waits on an empty pipe in select (or pselect with SIGUSR1
 * blocked outside the call); the parent sends SIGUSR1. */
static void interrupted(bool use_pselect)
{
	int fds[2];
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	pid = test_fork();
	if (pid == 0) {
		struct sigaction sa;
		sigset_t block, none, now;
		fd_set r;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_signal;
		sa.sa_flags = SA_RESTART;
		sigaction(SIGUSR1, &sa, NULL);
		FD_ZERO(&r);
		FD_SET(fds[0], &r);
		sigemptyset(&block);
		sigaddset(&block, SIGUSR1);
		sigemptyset(&none);
		if (use_pselect) {
			sigprocmask(SIG_BLOCK, &block, NULL);
			CHECK_ERRNO("pselect interrupted",
				    pselect(fds[0] + 1, &r, NULL, NULL, NULL, &none), EINTR);
			sigprocmask(SIG_BLOCK, NULL, &now);
			CHECK_TRUE(sigismember(&now, SIGUSR1));
		} else {
			CHECK_ERRNO("select interrupted",
				    select(fds[0] + 1, &r, NULL, NULL, NULL), EINTR);
		}
		CHECK_EQ("handler ran", caught, 1);
		child_exit();
	}
	sleep_ms(DELAY_MS);
	kill(pid, SIGUSR1);
	CHECK_EXIT(use_pselect ? "pselect EINTR" : "select EINTR", pid, 0);
	close(fds[0]);
	close(fds[1]);
}

static void pselect_timeout(void)
{
	struct timespec ts = { 0, 0 }, bad = { 0, 1000000000 };
	fd_set w;
	int fds[2];

	REQUIRE(pipe(fds) == 0, "pipe");
	FD_ZERO(&w);
	FD_SET(fds[1], &w);
	CHECK_EQ("pselect, writable pipe", pselect(fds[1] + 1, NULL, &w, NULL, &ts, NULL), 1);
	CHECK_ERR(pselect(fds[1] + 1, NULL, &w, NULL, &bad, NULL), EINVAL);
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	states();
	errors();
	timeout_rewritten();
	wakes_on_write();
	interrupted(false);
	interrupted(true);
	pselect_timeout();
	return test_done("select_basic");
}
