/*
 * signal.c - signals: the oldest Unix IPC.
 *
 * A signal sent to a process sets its bit in the pending set (so ten
 * sends before delivery deliver once); a process sleeping interruptibly
 * is woken so it can notice.  On every return to user mode the kernel
 * acts on the pending signals that are not blocked.  Every signal has
 * its Linux default action: terminate, ignore, stop or continue.
 *
 * kill(2) permission: root may signal anyone; otherwise the sender's real
 * or effective uid must equal the target's real or saved uid.
 */
#include "ipc/signal.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/syscall.h"
#include <uapi/errno.h>
#include <uapi/signal.h>

#define INIT_PID	1

/* Signals whose default action is to do nothing. */
#define DEFAULT_IGNORE	(SIGBIT(SIGCHLD) | SIGBIT(SIGCONT) | SIGBIT(SIGURG) | \
			 SIGBIT(SIGWINCH))

int send_signal(struct proc *p, int sig)
{
	if (sig == 0)
		return 0;
	p->sig_pending |= SIGBIT(sig);
	if (p->state == P_SLEEPING && p->interruptible && proc_signal_pending(p))
		wake_up_process(p);
	return 0;
}

/* Act on the pending, unblocked signals of the current process. */
void do_signals(void)
{
	u32 ready = current->sig_pending & ~current->sig_blocked;

	for (int sig = 1; sig < NSIG; sig++) {
		if (!(ready & SIGBIT(sig)))
			continue;
		current->sig_pending &= ~SIGBIT(sig);
		if (!(DEFAULT_IGNORE & SIGBIT(sig)))
			proc_exit(sig);
	}
}

static bool may_signal(struct proc *p)
{
	return current->euid == 0 || current->uid == p->uid || current->uid == p->suid ||
	       current->euid == p->uid || current->euid == p->suid;
}

static int kill_one(struct proc *p, int sig)
{
	if (!may_signal(p))
		return -EPERM;
	return send_signal(p, sig);
}

/* Signal every live process selected by match; -ESRCH if none exists. */
static int kill_many(int sig, bool (*match)(struct proc *p, int arg), int arg)
{
	int found = 0, sent = 0;

	for (int i = 0; i < NPROC; i++) {
		struct proc *p = &proc_table[i];
		if (p->state == P_UNUSED || p->state == P_EMBRYO || p->state == P_ZOMBIE ||
		    !match(p, arg))
			continue;
		found++;
		if (kill_one(p, sig) == 0)
			sent++;
	}
	return sent ? 0 : found ? -EPERM : -ESRCH;
}

static bool in_group(struct proc *p, int pgid)
{
	return p->pgid == pgid;
}

static bool everyone_else(struct proc *p, int unused)
{
	(void)unused;
	return p->pid != INIT_PID && p != current;
}

long sys_kill(int pid, int sig)
{
	struct proc *p;

	if (sig < 0 || sig >= NSIG)
		return -EINVAL;
	if (pid > 0) {
		if (!(p = proc_find(pid)) || p->state == P_EMBRYO)
			return -ESRCH;
		return kill_one(p, sig);
	}
	if (pid == 0)
		return kill_many(sig, in_group, current->pgid);
	if (pid == -1)
		return kill_many(sig, everyone_else, 0);
	return kill_many(sig, in_group, -pid);
}
