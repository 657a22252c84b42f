/*
 * kill.c - send a signal to processes.
 *
 *   kill [-SIGNAL] PID...     SIGNAL is a name (TERM, SIGTERM) or a
 *                             number (15); the default is TERM.
 *                             A PID of -N means process group N:
 *                             kill -TERM -5, or kill -- -5
 *   kill -l                   list the signal names
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#define NAMES_PER_ROW	5
#define MAX_NAME	16

static const struct {
	const char *name;
	int number;
} signals[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
	{ "ILL", SIGILL }, { "TRAP", SIGTRAP }, { "ABRT", SIGABRT },
	{ "BUS", SIGBUS }, { "FPE", SIGFPE }, { "KILL", SIGKILL },
	{ "USR1", SIGUSR1 }, { "SEGV", SIGSEGV }, { "USR2", SIGUSR2 },
	{ "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM },
	{ "CHLD", SIGCHLD }, { "CONT", SIGCONT }, { "STOP", SIGSTOP },
	{ "TSTP", SIGTSTP }, { "TTIN", SIGTTIN }, { "TTOU", SIGTTOU },
	{ "URG", SIGURG }, { "XCPU", SIGXCPU }, { "XFSZ", SIGXFSZ },
	{ "VTALRM", SIGVTALRM }, { "PROF", SIGPROF }, { "WINCH", SIGWINCH },
	{ "IO", SIGIO }, { "PWR", SIGPWR }, { "SYS", SIGSYS },
};

#define NSIGNALS	(sizeof(signals) / sizeof(signals[0]))

static int usage(void)
{
	fprintf(stderr, "usage: kill [-SIGNAL] PID...   or   kill -l\n");
	return 2;
}

static void list_signals(void)
{
	unsigned int i;

	for (i = 0; i < NSIGNALS; i++) {
		if ((i + 1) % NAMES_PER_ROW && i + 1 < NSIGNALS)
			printf("%2d) SIG%-8s ", signals[i].number,
			       signals[i].name);
		else
			printf("%2d) SIG%s\n", signals[i].number,
			       signals[i].name);
	}
}

/* "KILL", "SIGKILL", "kill" or "9" -> 9; -1 if it is none of them. */
static int parse_signal(const char *s)
{
	char name[MAX_NAME];
	unsigned int i;
	char *end;
	long n;

	if (isdigit((unsigned char)*s)) {
		n = strtol(s, &end, 10);
		return *end == '\0' ? n : -1;
	}
	for (i = 0; s[i] && i < MAX_NAME - 1; i++)
		name[i] = toupper((unsigned char)s[i]);
	name[i] = '\0';
	s = strncmp(name, "SIG", 3) == 0 ? name + 3 : name;
	for (i = 0; i < NSIGNALS; i++)
		if (strcmp(s, signals[i].name) == 0)
			return signals[i].number;
	return -1;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM;
	int i = 1, status = 0;
	char *end;
	long pid;

	if (argc == 2 && strcmp(argv[1], "-l") == 0) {
		list_signals();
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "--") == 0) {
		i++;
	} else if (argc > 1 && argv[1][0] == '-') {
		sig = parse_signal(argv[1] + 1);
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
