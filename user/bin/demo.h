/*
 * demo.h - output helpers shared by the demo programs (msgdemo, semdemo,
 * shmdemo, fifodemo, pipedemo).
 *
 * Define DEMO_NAME, the program's name for error messages, before
 * including this; and DEMO_ERR_FD to send them elsewhere than standard
 * error.  Every line a demo prints fits in DEMO_COLUMNS (80) columns.
 *
 * Ending cleanly: main() calls demo_catch_signals() first.  Then SIGINT
 * (Ctrl-C), SIGTERM, SIGHUP and SIGPIPE (the reader of the output, say
 * `head`, is gone) end the whole demo without leaving anything behind:
 * in a child the signal is passed on to the demo's first process, which
 * removes the System V objects and the file it registered with
 * demo_owns() and demo_owns_path(), kills the children fork_or_die()
 * made, and dies of the signal itself, as it would have without a
 * handler.  A signal the demo was started with ignored stays ignored.
 */
#ifndef DEMO_H
#define DEMO_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

#ifndef DEMO_ERR_FD
#define DEMO_ERR_FD	STDERR_FILENO
#endif

#define DEMO_LINE_LEN	1024
#define DEMO_COLUMNS	80
#define DEMO_MAX_KIDS	32

/* What the first process removes when a signal ends the demo. */
enum demo_kind { DEMO_MSG, DEMO_SEM, DEMO_SHM, DEMO_KINDS };
static int demo_ids[DEMO_KINDS] = { -1, -1, -1 };
static const char *demo_path;
static pid_t demo_first;
static pid_t demo_kids[DEMO_MAX_KIDS];
static int demo_nkids;

/* Record (id >= 0) or forget (-1) the object of a kind to remove. */
static inline void demo_owns(enum demo_kind kind, int id)
{
	demo_ids[kind] = id;
}

/* Record (or forget: NULL) a file to unlink. */
static inline void demo_owns_path(const char *path)
{
	demo_path = path;
}

static inline void demo_cleanup(void)
{
	for (int i = 0; i < demo_nkids; i++)
		kill(demo_kids[i], SIGKILL);
	if (demo_ids[DEMO_MSG] >= 0)
		msgctl(demo_ids[DEMO_MSG], IPC_RMID, NULL);
	if (demo_ids[DEMO_SEM] >= 0)
		semctl(demo_ids[DEMO_SEM], 0, IPC_RMID);
	if (demo_ids[DEMO_SHM] >= 0)
		shmctl(demo_ids[DEMO_SHM], IPC_RMID, NULL);
	if (demo_path)
		unlink(demo_path);
}

/* The handler: clean up in the first process, then die of sig. */
static void demo_stop(int sig)
{
	sigset_t set;

	if (getpid() == demo_first)
		demo_cleanup();
	else
		kill(demo_first, sig);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(1);
}

static inline void demo_catch_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	struct sigaction sa, old;

	demo_first = getpid();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = demo_stop;
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
}

/* Print a line with one write(), so lines of processes never mix. */
static inline void say(const char *fmt, ...)
{
	char line[DEMO_LINE_LEN];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 1)
		n = sizeof(line) - 1;
	write(STDOUT_FILENO, line, n);
}

/* Print a paragraph of explanation, with a blank line after it. */
static inline void explain(const char *text)
{
	printf("%s\n", text);
	fflush(stdout);
}

static inline _Noreturn void die(const char *what)
{
	dprintf(DEMO_ERR_FD, "%s: %s: %s\n", DEMO_NAME, what, strerror(errno));
	exit(1);
}

/* fork(), with nothing buffered left to be printed twice. */
static inline pid_t fork_or_die(void)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid > 0 && getpid() == demo_first && demo_nkids < DEMO_MAX_KIDS)
		demo_kids[demo_nkids++] = pid;
	return pid;
}

static inline void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

#endif
