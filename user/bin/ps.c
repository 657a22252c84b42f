/*
 * ps.c - list the processes.
 *
 * Linux's ps reads /proc; this kernel has a system call instead:
 * kstat(KSTAT_PROCS, ...) fills one struct kstat_proc per process.
 *
 *   PID PPID PGID UID STAT PENDING TIME CMD
 *
 * STAT is one letter as on Linux: R running or runnable, S sleeping
 * (interruptible), D blocked (uninterruptible), T stopped, Z zombie.
 * PENDING is the set of signals sent to the process but not delivered
 * yet (blocked, or the process is stopped), in hex: bit n - 1 stands for
 * signal n, so 00004000 is SIGTERM (15).  On Linux, `ps s` shows it too.
 * TIME is the CPU time used, in minutes:seconds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/kstat.h>

#define SECS_PER_MIN	60

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
	printf("%5s %5s %5s %5s %-4s %8s %6s %s\n",
	       "PID", "PPID", "PGID", "UID", "STAT", "PENDING", "TIME", "CMD");
	for (i = 0; i < n; i++) {
		const struct kstat_proc *p = &procs[i];

		secs = info.hz ? p->ticks / info.hz : 0;
		printf("%5d %5d %5d %5d %-4c %08lx %3lu:%02lu %.*s\n",
		       p->pid, p->ppid, p->pgid, p->uid, state_letter(p->state),
		       p->pending, secs / SECS_PER_MIN, secs % SECS_PER_MIN,
		       KPROC_NAME_LEN, p->name);
	}
	free(procs);
	return 0;
}
