/*
 * sig_test.h - what the sig_* tests share: CHECK, which reports a failed
 * expectation and counts it, and helpers to run code in a child process,
 * collect its wait status, sleep and read the clock.
 *
 * Messages go to stderr, which is unbuffered, so a child's messages are
 * never lost or printed twice across fork().  A child reports through its
 * exit status: child_exit() exits 0 if none of its checks failed.
 */
#ifndef SIG_TEST_H
#define SIG_TEST_H

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define EXIT_CHILD_FAILED	1	/* a check in a child failed */
#define EXIT_SURVIVED		100	/* a child that should have died */
#define NSEC_PER_MSEC		1000000L
#define MSEC_PER_SEC		1000L

static int failures;

#define CHECK(cond, ...)						\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
			fprintf(stderr, __VA_ARGS__);			\
			fprintf(stderr, " [errno %d]\n", errno);	\
			failures++;					\
		}							\
	} while (0)

/* The end of a test's main: a summary line and the exit status. */
static inline int test_result(const char *name)
{
	printf("%s: %s\n", name, failures ? "FAILED" : "passed");
	return failures ? 1 : 0;
}

/* The end of a child that ran checks. */
static inline _Noreturn void child_exit(void)
{
	_exit(failures ? EXIT_CHILD_FAILED : 0);
}

/* fork, with stdout flushed first so that nothing is printed twice; the
 * child starts with no failures of its own. */
static inline pid_t test_fork(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "FAIL: fork: %s\n", strerror(errno));
		exit(1);
	}
	if (pid == 0)
		failures = 0;
	return pid;
}

/* The wait status of child pid (waiting through interruptions); -1 if
 * waitpid fails otherwise. */
static inline int wait_status(pid_t pid)
{
	int status;
	pid_t got;

	do
		got = waitpid(pid, &status, 0);
	while (got < 0 && errno == EINTR);
	return got == pid ? status : -1;
}

/* Did child pid exit with status 0? */
static inline int child_ok(pid_t pid)
{
	int status = wait_status(pid);

	return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Was child pid killed by signal sig? */
static inline int child_killed_by(pid_t pid, int sig)
{
	int status = wait_status(pid);

	return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

/* Sleep ms milliseconds, resuming after interruptions. */
static inline void sleep_ms(long ms)
{
	struct timespec req = { ms / MSEC_PER_SEC, (ms % MSEC_PER_SEC) * NSEC_PER_MSEC };

	while (nanosleep(&req, &req) < 0 && errno == EINTR)
		;
}

/* Milliseconds on the monotonic clock. */
static inline long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * MSEC_PER_SEC + ts.tv_nsec / NSEC_PER_MSEC;
}

#endif
