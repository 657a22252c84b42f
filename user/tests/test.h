/*
 * test.h - what the programs in user/tests share (each NAME.c is a
 * program of its own, so everything here is static):
 *  - checks: CHECK(cond, fmt, ...) reports a failed expectation - file,
 *    line, message and errno - and counts it in `failures`; FAIL() reports
 *    without a condition, CHECK_TRUE(cond) with the condition's text as
 *    the message, CHECK_EQ(what, got, want) a value, CHECK_ERRNO(what,
 *    ret, err) a result that must be -1 with errno err, CHECK_ERR(expr,
 *    err) the same for an expression run with errno cleared, and
 *    REQUIRE(cond, fmt, ...) ends the test when a step it needs failed;
 *    Messages name errno values (ENOTTY), through errno_name();
 *  - test_done(name) at the end of main: a summary line, the exit status;
 *  - children: test_fork(), child_exit(), run_child(fn, arg) (the wait
 *    status of a child that ran fn), wait_status(), child_ok(),
 *    child_killed_by(), and wait_or_kill() and CHECK_EXIT(), which give a
 *    child WAIT_MS to end;
 *  - time: sleep_ms(), now_ms();
 *  - leak checks: mark_leaks() and CHECK_LEAKS() for the open descriptors
 *    and the kernel's free frames, heap use and process count (kstat;
 *    Linux has none and compares descriptors only), count_open_fds() and
 *    free_frames() for one count alone.
 *
 * Messages go to stderr, which is unbuffered, so a child's messages are
 * never lost or printed twice across fork(); stdout is flushed first, so
 * that they keep their place among the test's own output.  A child
 * reports through its exit status: child_exit() exits 0 if none of its
 * checks failed.
 */
#ifndef TEST_H
#define TEST_H

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/kstat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define EXIT_CHILD_FAILED	1	/* a check in a child failed */
#define WAIT_MS			3000	/* longest wait for a child to end */
#define POLL_MS			10	/* one clock tick of this kernel */
#define NSEC_PER_MSEC		1000000L
#define MSEC_PER_SEC		1000L
#define FAIL_MSG_LEN		512
#define FD_SCAN			256	/* descriptors count_open_fds() tries */

static int failures;

/*
 * errno_name(err) - the symbolic name of an errno value ("ENOTTY"), or
 * NULL for one not in the table; failure messages print it, as the
 * reader looks values up by name.
 */
#define ERRNO_NAME(e)	[e] = #e
static inline const char *errno_name(int err)
{
	static const char *const names[] = {
		ERRNO_NAME(EPERM),
		ERRNO_NAME(ENOENT),
		ERRNO_NAME(ESRCH),
		ERRNO_NAME(EINTR),
		ERRNO_NAME(EIO),
		ERRNO_NAME(ENXIO),
		ERRNO_NAME(E2BIG),
		ERRNO_NAME(ENOEXEC),
		ERRNO_NAME(EBADF),
		ERRNO_NAME(ECHILD),
		ERRNO_NAME(EAGAIN),
		ERRNO_NAME(ENOMEM),
		ERRNO_NAME(EACCES),
		ERRNO_NAME(EFAULT),
		ERRNO_NAME(ENOTBLK),
		ERRNO_NAME(EBUSY),
		ERRNO_NAME(EEXIST),
		ERRNO_NAME(EXDEV),
		ERRNO_NAME(ENODEV),
		ERRNO_NAME(ENOTDIR),
		ERRNO_NAME(EISDIR),
		ERRNO_NAME(EINVAL),
		ERRNO_NAME(ENFILE),
		ERRNO_NAME(EMFILE),
		ERRNO_NAME(ENOTTY),
		ERRNO_NAME(ETXTBSY),
		ERRNO_NAME(EFBIG),
		ERRNO_NAME(ENOSPC),
		ERRNO_NAME(ESPIPE),
		ERRNO_NAME(EROFS),
		ERRNO_NAME(EMLINK),
		ERRNO_NAME(EPIPE),
		ERRNO_NAME(EDOM),
		ERRNO_NAME(ERANGE),
		ERRNO_NAME(EDEADLK),
		ERRNO_NAME(ENAMETOOLONG),
		ERRNO_NAME(ENOLCK),
		ERRNO_NAME(ENOSYS),
		ERRNO_NAME(ENOTEMPTY),
		ERRNO_NAME(ELOOP),
		ERRNO_NAME(ENOMSG),
		ERRNO_NAME(EIDRM),
		ERRNO_NAME(ENOSTR),
		ERRNO_NAME(ENODATA),
		ERRNO_NAME(ETIME),
		ERRNO_NAME(EOVERFLOW),
		ERRNO_NAME(EILSEQ),
		ERRNO_NAME(ENOTSOCK),
		ERRNO_NAME(EOPNOTSUPP),
		ERRNO_NAME(ETIMEDOUT),
	};

	if (err <= 0 || (unsigned)err >= sizeof(names) / sizeof(names[0]))
		return NULL;
	return names[err];
}

/* Report a failure at file:line and count it; errno is kept. */
static inline __attribute__((format(printf, 3, 4)))
void test_fail(const char *file, int line, const char *fmt, ...)
{
	char msg[FAIL_MSG_LEN];
	int saved = errno;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fflush(stdout);
	if (errno_name(saved))
		fprintf(stderr, "FAIL %s:%d: %s [errno %s]\n", file, line, msg,
			errno_name(saved));
	else
		fprintf(stderr, "FAIL %s:%d: %s [errno %d]\n", file, line, msg,
			saved);
	failures++;
	errno = saved;
}

#define FAIL(...)	test_fail(__FILE__, __LINE__, __VA_ARGS__)

#define CHECK(cond, ...)						\
	do {								\
		if (!(cond))						\
			FAIL(__VA_ARGS__);				\
	} while (0)

#define CHECK_TRUE(cond)	CHECK(cond, "%s", #cond)

/* A step the rest of the test needs: if cond is false, report and end. */
#define REQUIRE(cond, ...)						\
	do {								\
		if (!(cond)) {						\
			FAIL(__VA_ARGS__);				\
			exit(1);					\
		}							\
	} while (0)

#define CHECK_EQ(what, got, want)					\
	do {								\
		long got_ = (long)(got), want_ = (long)(want);		\
		CHECK(got_ == want_, "%s: got %ld, expected %ld",	\
		      what, got_, want_);				\
	} while (0)

static inline void check_errno_at(const char *file, int line, const char *what,
				  long ret, int err, const char *err_name)
{
	const char *got = errno_name(errno);

	if (ret != -1 || errno != err)
		test_fail(file, line, "%s: returned %ld (errno %s), expected -1 "
			  "with errno %s (%s)", what, ret, got ? got : "?",
			  err_name, strerror(err));
}

/* ret must be -1 (or (void *)-1, as shmat's) with errno err (EXXX). */
#define CHECK_ERRNO(what, ret, err)					\
	check_errno_at(__FILE__, __LINE__, what, (long)(ret), err, #err)

#define CHECK_ERR(expr, err)						\
	do {								\
		errno = 0;						\
		check_errno_at(__FILE__, __LINE__, #expr, (long)(expr),	\
			       err, #err);				\
	} while (0)

/* The end of a test's main: a summary line and the exit status. */
static inline int test_done(const char *name)
{
	if (failures)
		printf("%s: %d checks failed\n", name, failures);
	else
		printf("%s: all checks passed\n", name);
	return failures ? 1 : 0;
}

/* The end of a child that ran checks. */
static inline _Noreturn void child_exit(void)
{
	_exit(failures ? EXIT_CHILD_FAILED : 0);
}

/*
 * fork, with stdout flushed first so that nothing is printed twice; the
 * child starts with no failures of its own.  A failed fork ends the test.
 */
static inline pid_t test_fork(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	REQUIRE(pid >= 0, "fork");
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

/* Run fn(arg) in a child that ends with child_exit(); its wait status. */
static inline int run_child(void (*fn)(void *arg), void *arg)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		fn(arg);
		child_exit();
	}
	return wait_status(pid);
}

/* Did child pid exit with status 0? */
static inline bool child_ok(pid_t pid)
{
	int status = wait_status(pid);

	return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Was child pid killed by signal sig? */
static inline bool child_killed_by(pid_t pid, int sig)
{
	int status = wait_status(pid);

	return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

/* Sleep ms milliseconds, resuming after interruptions. */
static inline void sleep_ms(long ms)
{
	struct timespec req = { ms / MSEC_PER_SEC,
				(ms % MSEC_PER_SEC) * NSEC_PER_MSEC };

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

/*
 * The wait status of child pid, which gets WAIT_MS to end; one still
 * running then is killed and reaped.  -1 for that, or if waitpid fails.
 */
static inline int wait_or_kill(pid_t pid)
{
	long deadline = now_ms() + WAIT_MS;
	int status;
	pid_t got;

	while ((got = waitpid(pid, &status, WNOHANG)) == 0) {
		if (now_ms() >= deadline) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return -1;
		}
		sleep_ms(POLL_MS);
	}
	return got == pid ? status : -1;
}

static inline void check_exit_at(const char *file, int line, const char *what,
				 pid_t pid, int code)
{
	int status = wait_or_kill(pid);

	if (status == -1)
		test_fail(file, line, "%s: still running after %d ms (killed), "
			  "or waitpid failed", what, WAIT_MS);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != code)
		test_fail(file, line, "%s: wait status %#x, expected exit %d",
			  what, status, code);
}

/* Child pid must exit with code within WAIT_MS. */
#define CHECK_EXIT(what, pid, code) \
	check_exit_at(__FILE__, __LINE__, what, pid, code)

/* The number of open descriptors below FD_SCAN. */
static inline int count_open_fds(void)
{
	int n = 0;

	for (int fd = 0; fd < FD_SCAN; fd++)
		if (fcntl(fd, F_GETFD) >= 0)
			n++;
	return n;
}

/*
 * The kernel's free page frames, or -1 when kstat does not exist (Linux
 * has none: ENOSYS).
 */
static inline long free_frames(void)
{
	struct kstat_info info;

	if (kstat(KSTAT_INFO, &info, sizeof(info)) < 0)
		return -1;
	return (long)info.free_frames;
}

/*
 * Leak checks: mark_leaks() records what some work must give back - the
 * open descriptors and the kernel's free page frames, heap bytes in use
 * and process slots in use (kstat KSTAT_INFO) - and CHECK_LEAKS() after
 * the work reports each one that is not back where it was.
 * Linux has no kstat (ENOSYS): mark_leaks() then says so and returns
 * false, and from then on only descriptors are compared.
 */
struct leak_mark {
	int fds;
	struct kstat_info kernel;
};

static bool no_kstat;

static inline bool mark_leaks(struct leak_mark *mark)
{
	mark->fds = count_open_fds();
	if (kstat(KSTAT_INFO, &mark->kernel, sizeof(mark->kernel)) == 0)
		return true;
	printf("kstat: errno %s - not this kernel? kernel counts not checked\n",
	       errno_name(errno) ? errno_name(errno) : "?");
	no_kstat = true;
	return false;
}

static inline void check_leaks_at(const char *file, int line, const char *what,
				  const struct leak_mark *mark)
{
	const struct kstat_info *then = &mark->kernel;
	struct kstat_info now;
	int fds = count_open_fds();

	if (fds != mark->fds)
		test_fail(file, line, "%s: %d descriptors open, %d before",
			  what, fds, mark->fds);
	if (no_kstat)
		return;
	if (kstat(KSTAT_INFO, &now, sizeof(now)) < 0) {
		test_fail(file, line, "%s: kstat KSTAT_INFO", what);
		return;
	}
	if (now.free_frames != then->free_frames)
		test_fail(file, line, "%s: %lu free frames, %lu before", what,
			  now.free_frames, then->free_frames);
	if (now.heap_used != then->heap_used)
		test_fail(file, line, "%s: %lu heap bytes used, %lu before",
			  what, now.heap_used, then->heap_used);
	if (now.nprocs != then->nprocs)
		test_fail(file, line, "%s: %lu processes, %lu before", what,
			  now.nprocs, then->nprocs);
}

#define CHECK_LEAKS(what, mark)	check_leaks_at(__FILE__, __LINE__, what, mark)

#endif
