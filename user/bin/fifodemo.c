/*
 * fifodemo.c - a guided tour of FIFOs (named pipes), for reading and for
 * running.
 *
 *   fifodemo
 *
 * A FIFO is a pipe with a name in the file system, so that processes
 * that share no descriptor can still talk: one opens the name for
 * reading, the other for writing.  The demo:
 *
 *  1. makes /tmp/fifodemo.fifo with mkfifo() and shows its type;
 *  2. starts a reader process, which opens the name for reading - and
 *     sleeps in open() because nobody has it open for writing yet;
 *  3. a second later starts a writer process, whose open() for writing
 *     wakes the reader: the open rendezvous.  The writer sends a few
 *     lines, the reader prints them and sees end of file when the writer
 *     closes;
 *  4. removes the name with unlink().
 *
 * The parent never opens the FIFO: reader and writer are two separate
 * children that know only its name.  Every message carries the time in
 * milliseconds since the demo started, so the waiting shows.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEMO_NAME	"fifodemo"
#include "demo.h"

#define FIFO_PATH	"/tmp/fifodemo.fifo"
#define WRITER_DELAY_MS	1000	/* the reader waits this long in open() */
#define LINE_PAUSE_MS	300
#define BUF_SIZE	128
#define LS_PATH		"/bin/ls"

static const char *const lines[] = {
	"hello through the FIFO\n",
	"a second line\n",
	"and a last one\n",
};
#define NLINES	(sizeof(lines) / sizeof(lines[0]))

static long start_ms;

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* One line of what is happening: time, who, what. */
static void trace(const char *who, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("  %5ld ms  [%s] ", now_ms() - start_ms, who);
	vprintf(fmt, ap);
	printf("\n");
	fflush(stdout);
	va_end(ap);
}

/* Run ls -l on the FIFO, to show its type as ls prints it. */
static void show_with_ls(void)
{
	char *const argv[] = { "ls", "-l", FIFO_PATH, NULL };
	pid_t pid = fork_or_die();

	if (pid == 0) {
		execv(LS_PATH, argv);
		die("exec " LS_PATH);
	}
	waitpid(pid, NULL, 0);
}

static void make_fifo(void)
{
	struct stat st;

	unlink(FIFO_PATH);		/* left over from an interrupted run */
	if (mkfifo(FIFO_PATH, 0600) < 0)
		die("mkfifo");
	demo_owns_path(FIFO_PATH);
	if (stat(FIFO_PATH, &st) < 0)
		die("stat");
	trace("parent", "mkfifo(\"%s\", 0600): stat: %s, mode %o",
	      FIFO_PATH, S_ISFIFO(st.st_mode) ? "S_IFIFO" : "not a FIFO?",
	      st.st_mode & 07777);
	explain("\n"
		"ls -l shows a FIFO with type 'p' (pipe), and its size is 0: the\n"
		"data never goes to the file system, only through the kernel.\n");
	show_with_ls();
}

static void reader(void)
{
	char buf[BUF_SIZE];
	long before;
	ssize_t n;
	int fd;

	trace("reader", "open(\"%s\", O_RDONLY): no writer, sleeps",
	      FIFO_PATH);
	before = now_ms();
	fd = open(FIFO_PATH, O_RDONLY);
	if (fd < 0)
		die("reader: open");
	trace("reader", "open returned fd %d after %ld ms: a writer has opened",
	      fd, now_ms() - before);
	while ((n = read(fd, buf, sizeof(buf) - 1)) > 0) {
		buf[n] = '\0';
		buf[strcspn(buf, "\n")] = '\0';
		trace("reader", "read %zd bytes: \"%s\"", n, buf);
	}
	trace("reader", "read returned 0: the writer closed, end of file");
	close(fd);
	exit(0);
}

static void writer(void)
{
	int fd;

	trace("writer", "open(\"%s\", O_WRONLY): a reader waits",
	      FIFO_PATH);
	fd = open(FIFO_PATH, O_WRONLY);
	if (fd < 0)
		die("writer: open");
	for (size_t i = 0; i < NLINES; i++) {
		trace("writer", "write %zu bytes", strlen(lines[i]));
		if (write(fd, lines[i], strlen(lines[i])) < 0)
			die("writer: write");
		sleep_ms(LINE_PAUSE_MS);
	}
	trace("writer", "close - the reader will see end of file");
	close(fd);
	exit(0);
}

int main(void)
{
	pid_t rpid, wpid;
	struct stat st;

	start_ms = now_ms();
	demo_catch_signals();
	explain("A FIFO is a pipe with a name.  Processes that share no\n"
		"descriptor meet through the name: one opens it for reading,\n"
		"another for writing, and the kernel joins them to one pipe.\n");
	make_fifo();
	explain("\n"
		"Opening is a rendezvous: open() for reading sleeps until some\n"
		"process opens for writing, and the other way round.  The reader\n"
		"starts now; the writer only a second later.\n");
	rpid = fork_or_die();
	if (rpid == 0)
		reader();
	sleep_ms(WRITER_DELAY_MS);
	wpid = fork_or_die();
	if (wpid == 0)
		writer();
	waitpid(wpid, NULL, 0);
	waitpid(rpid, NULL, 0);
	explain("\n"
		"Both are done.  The FIFO's node stays until it is unlinked, like\n"
		"any file; data left unread would have been dropped when the last\n"
		"process closed it.\n");
	if (unlink(FIFO_PATH) < 0)
		die("unlink");
	demo_owns_path(NULL);
	trace("parent", "unlink(\"%s\"): now %s", FIFO_PATH,
	      stat(FIFO_PATH, &st) < 0 && errno == ENOENT ? "ENOENT, it is gone" :
	      "still there?");
	return 0;
}
