/*
 * signames.h - signal names, for /bin/kill, the kill builtin of sh and ps.
 *
 * A signal is named without its "SIG" prefix, as `kill -l` lists them:
 * "KILL" for 9.  Names are taken in any case, with or without "SIG".
 */
#ifndef SIGNAMES_H
#define SIGNAMES_H

#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIGNAME_MAX	16	/* bytes in a name, "SIG" included */
#define SIGNAMES_PER_ROW 5	/* in the list of kill -l */
#define STATUS_SIGNAL	128	/* an exit status of 128 + n: signal n */

static const char *const signal_names[NSIG] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT",
	[SIGILL] = "ILL", [SIGTRAP] = "TRAP", [SIGABRT] = "ABRT",
	[SIGBUS] = "BUS", [SIGFPE] = "FPE", [SIGKILL] = "KILL",
	[SIGUSR1] = "USR1", [SIGSEGV] = "SEGV", [SIGUSR2] = "USR2",
	[SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM",
	[SIGSTKFLT] = "STKFLT", [SIGCHLD] = "CHLD", [SIGCONT] = "CONT",
	[SIGSTOP] = "STOP", [SIGTSTP] = "TSTP", [SIGTTIN] = "TTIN",
	[SIGTTOU] = "TTOU", [SIGURG] = "URG", [SIGXCPU] = "XCPU",
	[SIGXFSZ] = "XFSZ", [SIGVTALRM] = "VTALRM", [SIGPROF] = "PROF",
	[SIGWINCH] = "WINCH", [SIGIO] = "IO", [SIGPWR] = "PWR",
	[SIGSYS] = "SYS",
};

/* "KILL", "SIGKILL", "kill" or "9" -> 9; -1 if it is none of them. */
static inline int signal_number(const char *s)
{
	char name[SIGNAME_MAX];
	const char *bare;
	char *end;
	long n;
	int i;

	if (isdigit((unsigned char)*s)) {
		n = strtol(s, &end, 10);
		return *end == '\0' && n < NSIG ? n : -1;
	}
	for (i = 0; s[i] && i < SIGNAME_MAX - 1; i++)
		name[i] = toupper((unsigned char)s[i]);
	name[i] = '\0';
	bare = strncmp(name, "SIG", 3) == 0 ? name + 3 : name;
	for (i = 1; i < NSIG; i++)
		if (signal_names[i] && strcmp(bare, signal_names[i]) == 0)
			return i;
	return -1;
}

/*
 * Write the signals of set (bit n - 1 = signal n) into buf as names joined
 * by commas ("INT,TERM", real-time ones as "RTMIN+n"), "-" for none; when
 * they do not fit in size - 1 bytes, the last that fit are followed by "+"
 * and the count of the others.
 */
static inline void signal_set_names(char *buf, size_t size, unsigned long long set)
{
	char name[SIGNAME_MAX], more[SIGNAME_MAX];
	size_t len = 0;
	int sig, left = __builtin_popcountll(set);

	snprintf(buf, size, "-");
	for (sig = 1; sig < NSIG && left > 0; sig++) {
		if (!(set & (1ULL << (sig - 1))))
			continue;
		if (sig < SIGRTMIN && signal_names[sig])
			snprintf(name, sizeof(name), "%s", signal_names[sig]);
		else
			snprintf(name, sizeof(name), "RTMIN+%d", sig - SIGRTMIN);
		left--;
		snprintf(more, sizeof(more), ",+%d", left);
		if (len + (len > 0) + strlen(name) + (left ? strlen(more) : 0) >= size) {
			snprintf(buf + len, size - len, len ? ",+%d" : "+%d",
				 left + 1);
			return;
		}
		len += snprintf(buf + len, size - len, "%s%s", len ? "," : "", name);
	}
}

/* kill -l: " 1) SIGHUP", " 2) SIGINT"... five to a row, as bash does. */
static inline void list_signals(void)
{
	int sig, column = 0;

	for (sig = 1; sig < NSIG; sig++) {
		if (!signal_names[sig])
			continue;
		if (column > 0)
			putchar('\t');
		printf("%2d) SIG%s", sig, signal_names[sig]);
		if (++column == SIGNAMES_PER_ROW) {
			putchar('\n');
			column = 0;
		}
	}
	if (column > 0)
		putchar('\n');
}

/*
 * kill -l ARG: print the name of signal ARG (or of exit status 128 + n,
 * as in `kill -l $?`), or the number of the signal named ARG.  Return
 * -1 if ARG is no signal.
 */
static inline int print_signal_info(const char *arg)
{
	char *end;
	long n;

	if (!isdigit((unsigned char)*arg)) {
		n = signal_number(arg);
		if (n < 0)
			return -1;
		printf("%ld\n", n);
		return 0;
	}
	n = strtol(arg, &end, 10);
	if (n > STATUS_SIGNAL)
		n -= STATUS_SIGNAL;
	if (*end != '\0' || n <= 0 || n >= NSIG || !signal_names[n])
		return -1;
	printf("%s\n", signal_names[n]);
	return 0;
}

#endif
