/*
 * pipedemo.c - a guided tour of pipes, for reading and for running.
 *
 *   pipedemo
 *
 * Part 1: a parent and a child talk through a pipe.  The child writes a
 * few messages and exits; the parent reads them and then sees end of
 * file (read returns 0), which comes only because every write end is
 * closed - including the parent's own copy.
 *
 * Part 2: the pipeline `ls /bin | grep demo | wc -l` built by hand, the
 * way a shell does it: two pipes, three children, dup2() to put the
 * pipe ends on standard input and output, close() of every end a
 * process does not use, execv() of the real programs, and waitpid().
 *
 * Part 3: a full pipe and a pipe with no reader.  The parent asks the
 * pipe's size (F_GETPIPE_SZ: 65,536 bytes) and sets it to the seed's one
 * page (F_SETPIPE_SZ).  A child fills the pipe (O_NONBLOCK writes until
 * EAGAIN show how much it holds), then makes a blocking write, which
 * sleeps until the parent reads and makes room.
 * Then children write into pipes whose read ends are all closed: one
 * with SIGPIPE's default action is killed by it, one that ignores
 * SIGPIPE gets EPIPE from write() instead.
 *
 * Messages from the parent start with "[parent]", from the children
 * with "[child N]" (N is the process id).  A child whose standard output
 * is a pipe writes its messages to standard error, which is still the
 * terminal.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEMO_NAME	"pipedemo"
#include "demo.h"

#define NMESSAGES	3
#define PAUSE_MS	300	/* between the child's messages */
#define BUF_SIZE	128
#define EXIT_EXEC_FAILED 127
#define NSTAGES		3
#define CHUNK		1024	/* part 3's writes */
#define PAGE_BYTES	4096	/* part 3's pipe: one page, as the seed's */
#define FULL_WAIT_MS	500	/* the parent lets the writer sleep this long */
#define MSEC_PER_SEC	1000L
#define NSEC_PER_MSEC	1000000L

/* One stage of the hand-made pipeline. */
struct stage {
	const char *path;
	char *const *argv;
	const char *text;	/* the command as a shell would show it */
};

static char *const ls_argv[] = { "ls", "/bin", NULL };
static char *const grep_argv[] = { "grep", "demo", NULL };
static char *const wc_argv[] = { "wc", "-l", NULL };

static const struct stage stages[NSTAGES] = {
	{ "/bin/ls", ls_argv, "ls /bin" },
	{ "/bin/grep", grep_argv, "grep demo" },
	{ "/bin/wc", wc_argv, "wc -l" },
};

/* Print one line of what is happening, tagged with who says it.  It goes
 * to standard error when standard output may be a pipe (to_stderr). */
static void trace(bool to_stderr, const char *who, const char *fmt, ...)
{
	FILE *out = to_stderr ? stderr : stdout;
	va_list ap;

	va_start(ap, fmt);
	fprintf(out, "  [%s] ", who);
	vfprintf(out, fmt, ap);
	fprintf(out, "\n");
	fflush(out);
	va_end(ap);
}

static void child_writes(int wfd)
{
	char who[BUF_SIZE], msg[BUF_SIZE];

	snprintf(who, sizeof(who), "child %d", getpid());
	for (int i = 1; i <= NMESSAGES; i++) {
		snprintf(msg, sizeof(msg), "message %d of %d", i, NMESSAGES);
		trace(false, who, "write(%d, \"%s\")", wfd, msg);
		if (write(wfd, msg, strlen(msg)) < 0)
			die("write");
		sleep_ms(PAUSE_MS);
	}
	trace(false, who, "exiting - this closes my write end (fd %d)", wfd);
	exit(0);
}

static void parent_reads(int rfd)
{
	char buf[BUF_SIZE];
	ssize_t n;

	while ((n = read(rfd, buf, sizeof(buf) - 1)) > 0) {
		buf[n] = '\0';
		trace(false, "parent", "read(%d) returned %zd bytes: \"%s\"", rfd, n, buf);
	}
	if (n < 0)
		die("read");
	trace(false, "parent", "read(%d) returned 0: end of file, no writer is left", rfd);
}

static void part1(void)
{
	int fds[2], status;
	pid_t pid;

	explain("Part 1: a parent and a child talk through a pipe\n"
		"\n"
		"pipe(fds) makes a pipe: a buffer in the kernel with two ends.\n"
		"fds[0] is the read end, fds[1] the write end.  fork() copies the\n"
		"descriptors, so parent and child both hold both ends.  Each\n"
		"closes the end it does not use: the child only writes, the\n"
		"parent only reads.\n");
	if (pipe(fds) < 0)
		die("pipe");
	trace(false, "parent", "pipe() gave fds[0] = %d (read end), fds[1] = %d (write end)",
	      fds[0], fds[1]);
	pid = fork_or_die();
	if (pid == 0) {
		close(fds[0]);
		child_writes(fds[1]);
	}
	trace(false, "parent", "forked child %d; closing my write end (fd %d)", pid, fds[1]);
	close(fds[1]);
	explain("\n"
		"The parent now reads.  While the pipe is empty and a writer\n"
		"exists, read() sleeps; each message wakes it.  When the child\n"
		"exits, the last write end closes and read() returns 0: end of\n"
		"file.  Had the parent kept its own write end open, that 0 would\n"
		"never come and the parent would wait for ever.\n");
	parent_reads(fds[0]);
	close(fds[0]);
	waitpid(pid, &status, 0);
	trace(false, "parent", "child %d exited with status %d", pid, WEXITSTATUS(status));
}

/* Child i of the pipeline: stdin from pipe i-1, stdout to pipe i. */
static void run_stage(int i, int pipes[NSTAGES - 1][2])
{
	char who[BUF_SIZE];

	snprintf(who, sizeof(who), "child %d", getpid());
	if (i > 0) {
		dup2(pipes[i - 1][0], STDIN_FILENO);
		trace(true, who, "dup2(%d, 0): my standard input is pipe %d's read end",
		      pipes[i - 1][0], i);
	}
	if (i < NSTAGES - 1) {
		dup2(pipes[i][1], STDOUT_FILENO);
		trace(true, who, "dup2(%d, 1): my standard output is pipe %d's write end",
		      pipes[i][1], i + 1);
	}
	for (int p = 0; p < NSTAGES - 1; p++) {
		close(pipes[p][0]);
		close(pipes[p][1]);
	}
	trace(true, who, "closed the pipe descriptors I no longer need; exec %s",
	      stages[i].text);
	execv(stages[i].path, stages[i].argv);
	fprintf(stderr, "pipedemo: exec %s: %s\n", stages[i].path, strerror(errno));
	_exit(EXIT_EXEC_FAILED);
}

static void part2(void)
{
	int pipes[NSTAGES - 1][2], status[NSTAGES];
	pid_t pids[NSTAGES];

	explain("\n"
		"Part 2: the pipeline  ls /bin | grep demo | wc -l  built by hand\n"
		"\n"
		"A shell runs a pipeline of three commands with two pipes and\n"
		"three child processes.  Each child moves its pipe ends onto\n"
		"descriptor 0 (standard input) or 1 (standard output) with dup2(),\n"
		"closes every other pipe descriptor, and execs the program, which\n"
		"just reads fd 0 and writes fd 1 - it never knows about pipes.\n");
	for (int p = 0; p < NSTAGES - 1; p++) {
		if (pipe(pipes[p]) < 0)
			die("pipe");
		trace(false, "parent", "pipe %d: read end %d, write end %d", p + 1,
		      pipes[p][0], pipes[p][1]);
	}
	for (int i = 0; i < NSTAGES; i++) {
		pids[i] = fork_or_die();
		if (pids[i] == 0)
			run_stage(i, pipes);
		trace(false, "parent", "forked child %d for \"%s\"", pids[i], stages[i].text);
	}
	explain("\n"
		"The parent closes its copies of all four pipe descriptors.  This\n"
		"matters: wc sees end of file only when every write end of pipe 2\n"
		"is closed, and the parent holds one until it closes it.  Then it\n"
		"waits for the three children.  The number wc prints among the\n"
		"children's messages is the pipeline's output.\n");
	for (int p = 0; p < NSTAGES - 1; p++) {
		close(pipes[p][0]);
		close(pipes[p][1]);
	}
	for (int i = 0; i < NSTAGES; i++)
		waitpid(pids[i], &status[i], 0);
	explain("");
	for (int i = 0; i < NSTAGES; i++)
		trace(false, "parent", "\"%s\" (child %d) exited with status %d",
		      stages[i].text, pids[i], WEXITSTATUS(status[i]));
	explain("\n"
		"grep exits with status 0 when it found a line, 1 when it found\n"
		"none; a shell reports the last command's status as the\n"
		"pipeline's.  The same plumbing is in the shell: see\n"
		"user/bin/sh.c.");
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * MSEC_PER_SEC + ts.tv_nsec / NSEC_PER_MSEC;
}

/* Part 3's writer: fill the pipe without blocking, then block once. */
static _Noreturn void filler(int wfd)
{
	static char chunk[CHUNK];
	char who[BUF_SIZE];
	long held = 0, start;
	int flags = fcntl(wfd, F_GETFL);

	snprintf(who, sizeof(who), "child %d", getpid());
	fcntl(wfd, F_SETFL, flags | O_NONBLOCK);
	while (write(wfd, chunk, CHUNK) == CHUNK)
		held += CHUNK;
	trace(false, who, "O_NONBLOCK writes of %d bytes: %ld fit, then EAGAIN",
	      CHUNK, held);
	fcntl(wfd, F_SETFL, flags);
	trace(false, who, "the pipe is full; a blocking write(%d bytes) sleeps",
	      CHUNK);
	start = now_ms();
	if (write(wfd, chunk, CHUNK) < 0)
		die("write");
	trace(false, who, "write returned after %ld ms: the reader made room",
	      now_ms() - start);
	exit(0);
}

static void full_pipe(void)
{
	static char buf[CHUNK];
	int fds[2];
	pid_t pid;

	if (pipe(fds) < 0)
		die("pipe");
	trace(false, "parent", "fcntl(F_GETPIPE_SZ): a new pipe holds %d bytes",
	      fcntl(fds[1], F_GETPIPE_SZ));
	trace(false, "parent", "fcntl(F_SETPIPE_SZ, %d): the seed's one page, now %d",
	      PAGE_BYTES, fcntl(fds[1], F_SETPIPE_SZ, PAGE_BYTES));
	pid = fork_or_die();
	if (pid == 0) {
		close(fds[0]);
		filler(fds[1]);
	}
	close(fds[1]);
	sleep_ms(FULL_WAIT_MS);
	trace(false, "parent", "slept %d ms without reading; now read(%d bytes)",
	      FULL_WAIT_MS, CHUNK);
	if (read(fds[0], buf, sizeof(buf)) < 0)
		die("read");
	while (read(fds[0], buf, sizeof(buf)) > 0)
		;
	close(fds[0]);
	waitpid(pid, NULL, 0);
}

/* A child writes into a pipe nobody can read; SIGPIPE as given. */
static void write_to_no_reader(void (*action)(int), const char *name)
{
	int fds[2], status;
	char who[BUF_SIZE];
	pid_t pid;

	if (pipe(fds) < 0)
		die("pipe");
	pid = fork_or_die();
	if (pid == 0) {
		close(fds[0]);
		signal(SIGPIPE, action);
		sleep_ms(PAUSE_MS);	/* until the parent closed its read end */
		snprintf(who, sizeof(who), "child %d", getpid());
		trace(false, who, "SIGPIPE is %s; write(%d, \"x\")", name, fds[1]);
		if (write(fds[1], "x", 1) < 0)
			trace(false, who, "write returned -1, errno %s",
			      errno == EPIPE ? "EPIPE" : strerror(errno));
		exit(0);
	}
	close(fds[0]);
	close(fds[1]);
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		trace(false, "parent", "child %d was killed by signal %d (%s)", pid,
		      WTERMSIG(status), WTERMSIG(status) == SIGPIPE ? "SIGPIPE" : "?");
	else
		trace(false, "parent", "child %d exited with status %d", pid,
		      WEXITSTATUS(status));
}

static void part3(void)
{
	explain("\n"
		"Part 3: a full pipe, and a pipe with no reader\n"
		"\n"
		"A pipe holds a fixed amount: 16 pages on Linux and here, one page\n"
		"in the seed's design and early Unix; fcntl() can change it.  A\n"
		"writer that finds it full sleeps in write() until a reader takes\n"
		"some out (a write of at most PIPE_BUF bytes waits until all of it\n"
		"fits: it is never split).\n");
	full_pipe();
	explain("\n"
		"A write into a pipe whose read ends are all closed can never be\n"
		"read: the kernel sends the writer SIGPIPE, whose default action\n"
		"ends the process.  That is how `yes | head -1` ends: yes dies on\n"
		"its next write.  A process that ignores SIGPIPE gets EPIPE.\n");
	write_to_no_reader(SIG_DFL, "SIG_DFL (default: die)");
	write_to_no_reader(SIG_IGN, "SIG_IGN (ignored)");
}

int main(void)
{
	demo_catch_signals();
	part1();
	part2();
	part3();
	return 0;
}
