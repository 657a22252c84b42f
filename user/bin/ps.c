/*
 * ps.c - list the processes.
 *
 * Linux's ps reads /proc; this kernel has a system call instead:
 * kstat(KSTAT_PROCS, ...) fills one struct kstat_proc per process.
 *
 *   PID PPID PGID UID STAT TIME CMD PENDING BLOCKED
 *
 * STAT is one letter as on Linux: R running or runnable, S sleeping
 * (interruptible), D blocked (uninterruptible), T stopped, Z zombie.
 * TIME is the CPU time used, in minutes:seconds.  PENDING is the set of
 * signals sent to the process but not delivered yet (blocked, or the
 * process is stopped or has not run since), BLOCKED the signals it blocks
 * (its signal mask), each by name: "USR1,TERM", "-" for none, "+N" for N
 * more than fit.  On Linux, `ps s` shows both too, as 64-bit hex masks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/kstat.h>
#include "signames.h"

#define SECS_PER_MIN	60
#define SET_WIDTH	18	/* characters of PENDING and of BLOCKED */
#define CMD_WIDTH	10	/* CMD column before the signal sets */

static char state_letter(int state)
{
	switch (state) {
	case KPROC_RUNNABLE:
	case KPROC_RUNNING:
		return 'R';
	case KPROC_SLEEPING:
		return 'S';
	case KPROC_BLOCKED:
		return 'D';
	case KPROC_STOPPED:
		return 'T';
	case KPROC_ZOMBIE:
		return 'Z';
	default:
		return '?';
	}
}

int main(int argc, char **argv)
{
	struct kstat_info info;
	struct kstat_proc *procs;
	unsigned long secs;
	int i, n;

	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "usage: ps\n");
		return 2;
	}
	if (kstat(KSTAT_INFO, &info, sizeof(info)) < 0) {
		perror("ps: kstat");
		return 1;
	}
	procs = malloc(info.max_procs * sizeof(*procs));
	if (!procs) {
		fprintf(stderr, "ps: out of memory\n");
		return 1;
	}
	n = kstat(KSTAT_PROCS, procs, info.max_procs * sizeof(*procs));
	if (n < 0) {
		perror("ps: kstat");
		return 1;
	}
	printf("%5s %5s %5s %5s %-4s %6s %-*s %-*s %s\n",
	       "PID", "PPID", "PGID", "UID", "STAT", "TIME", CMD_WIDTH, "CMD",
	       SET_WIDTH, "PENDING", "BLOCKED");
	for (i = 0; i < n; i++) {
		const struct kstat_proc *p = &procs[i];
		char pending[SET_WIDTH + 1], blocked[SET_WIDTH + 1];

		secs = info.hz ? p->ticks / info.hz : 0;
		signal_set_names(pending, sizeof(pending), p->pending);
		signal_set_names(blocked, sizeof(blocked), p->blocked);
		printf("%5d %5d %5d %5d %-4c %3lu:%02lu %-*.*s %-*s %s\n",
		       p->pid, p->ppid, p->pgid, p->uid, state_letter(p->state),
		       secs / SECS_PER_MIN, secs % SECS_PER_MIN, CMD_WIDTH,
		       KPROC_NAME_LEN, p->name, SET_WIDTH, pending, blocked);
	}
	free(procs);
	return 0;
}
