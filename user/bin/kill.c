/*
 * kill.c - send a signal to processes.
 *
 *   kill [-SIGNAL] PID...     SIGNAL is a name (TERM, SIGTERM) or a
 *                             number (15); the default is TERM.
 *                             A PID of -N means process group N:
 *                             kill -TERM -5, or kill -- -5
 *   kill -l [SIGNAL]...       list the signal names; with arguments,
 *                             the name of each number (or of an exit
 *                             status 128 + n) and the number of each name
 *
 * The shell has a kill builtin as well, which also knows its jobs (%1).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "signames.h"

static int usage(void)
{
	fprintf(stderr, "usage: kill [-SIGNAL] PID...   or   kill -l [SIGNAL]...\n");
	return 2;
}

/* kill -l [SIGNAL]... */
static int list(int argc, char **argv)
{
	int i, status = 0;

	if (argc == 0)
		list_signals();
	for (i = 0; i < argc; i++) {
		if (print_signal_info(argv[i]) < 0) {
			fprintf(stderr, "kill: %s: unknown signal\n", argv[i]);
			status = 1;
		}
	}
	return status;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM;
	int i = 1, status = 0;
	char *end;
	long pid;

	if (argc > 1 && strcmp(argv[1], "-l") == 0)
		return list(argc - 2, argv + 2);
	if (argc > 1 && strcmp(argv[1], "--") == 0) {
		i++;
	} else if (argc > 1 && argv[1][0] == '-') {
		sig = signal_number(argv[1] + 1);
		if (sig < 0) {
			fprintf(stderr, "kill: %s: unknown signal\n", argv[1] + 1);
			return usage();
		}
		i++;
		if (i < argc && strcmp(argv[i], "--") == 0)
			i++;
	}
	if (i == argc)
		return usage();
	for (; i < argc; i++) {
		pid = strtol(argv[i], &end, 10);
		if (*argv[i] == '\0' || *end != '\0') {
			fprintf(stderr, "kill: %s: not a process id\n", argv[i]);
			status = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			fprintf(stderr, "kill: (%ld): %s\n", pid, strerror(errno));
			status = 1;
		}
	}
	return status;
}
