/*
 * sig_pipe - writing to a pipe that nobody can read.
 *
 * Checks: with the default action SIGPIPE kills the writer; ignored, the
 * write fails with EPIPE; caught, the handler runs once before write
 * returns -1/EPIPE; blocked, the write fails with EPIPE and SIGPIPE is
 * left pending (and setting SIG_IGN discards it); a writer blocked on a
 * full pipe gets SIGPIPE and EPIPE when the last reader goes away.
 */
#include <fcntl.h>
#include "sig_test.h"

#define CLOSE_AFTER_MS	100
#define CHUNK		512

static volatile sig_atomic_t pipe_hits;

static void on_pipe(int sig)
{
	(void)sig;
	pipe_hits++;
}

/* A pipe whose read end is already closed; returns the write end. */
static int broken_pipe(void)
{
	int fds[2];

	if (pipe(fds) < 0)
		return -1;
	close(fds[0]);
	return fds[1];
}

static void check_default_kills(void)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		int fd = broken_pipe();

		signal(SIGPIPE, SIG_DFL);
		write(fd, "x", 1);
		_exit(EXIT_SURVIVED);
	}
	CHECK(child_killed_by(pid, SIGPIPE), "SIGPIPE did not kill the writer");
}

static void check_ignored(void)
{
	int fd = broken_pipe();
	ssize_t n;

	signal(SIGPIPE, SIG_IGN);
	errno = 0;
	n = write(fd, "x", 1);
	CHECK(n == -1 && errno == EPIPE, "ignored SIGPIPE: write returned %zd", n);
	close(fd);
}

static void check_caught(void)
{
	int fd = broken_pipe();
	ssize_t n;

	signal(SIGPIPE, on_pipe);
	pipe_hits = 0;
	errno = 0;
	n = write(fd, "x", 1);
	CHECK(n == -1 && errno == EPIPE, "caught SIGPIPE: write returned %zd", n);
	CHECK(pipe_hits == 1, "SIGPIPE handler ran %d times", pipe_hits);
	close(fd);
}

static void check_blocked(void)
{
	int fd = broken_pipe();
	sigset_t set, pend;
	ssize_t n;

	signal(SIGPIPE, on_pipe);
	pipe_hits = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &set, NULL);
	errno = 0;
	n = write(fd, "x", 1);
	CHECK(n == -1 && errno == EPIPE, "blocked SIGPIPE: write returned %zd", n);
	CHECK(sigpending(&pend) == 0 && sigismember(&pend, SIGPIPE) == 1,
	      "SIGPIPE not pending while blocked");
	signal(SIGPIPE, SIG_IGN);
	CHECK(sigpending(&pend) == 0 && sigismember(&pend, SIGPIPE) == 0,
	      "SIG_IGN did not discard the pending SIGPIPE");
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	CHECK(pipe_hits == 0, "the SIGPIPE handler ran");
	close(fd);
}

static void check_reader_leaves(void)
{
	char buf[CHUNK];
	int fds[2];
	pid_t pid;
	ssize_t n;

	memset(buf, 'x', sizeof(buf));
	if (pipe2(fds, O_NONBLOCK) < 0) {
		CHECK(0, "pipe2");
		return;
	}
	while (write(fds[1], buf, sizeof(buf)) > 0)
		;
	while (write(fds[1], buf, 1) > 0)
		;
	fcntl(fds[1], F_SETFL, 0);
	pid = test_fork();
	if (pid == 0) {
		close(fds[1]);
		sleep_ms(CLOSE_AFTER_MS);
		_exit(0);
	}
	close(fds[0]);
	signal(SIGPIPE, on_pipe);
	pipe_hits = 0;
	errno = 0;
	n = write(fds[1], buf, 1);
	CHECK(n == -1 && errno == EPIPE, "blocked writer: write returned %zd after the reader left",
	      n);
	CHECK(pipe_hits == 1, "blocked writer: SIGPIPE handler ran %d times", pipe_hits);
	CHECK(child_ok(pid), "reader child");
	close(fds[1]);
	signal(SIGPIPE, SIG_DFL);
}

int main(void)
{
	check_default_kills();
	check_ignored();
	check_caught();
	check_blocked();
	check_reader_leaves();
	return test_done("sig_pipe");
}
