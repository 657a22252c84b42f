/*
 * demo.h - output helpers shared by the demo programs (msgdemo, semdemo,
 * shmdemo, fifodemo, pipedemo).
 *
 * Define DEMO_NAME, the program's name for error messages, before
 * including this; and DEMO_ERR_FD to send them elsewhere than standard
 * error.
 */
#ifndef DEMO_H
#define DEMO_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef DEMO_ERR_FD
#define DEMO_ERR_FD	STDERR_FILENO
#endif

#define DEMO_LINE_LEN	1024

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
	return pid;
}

static inline void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

#endif
