/*
 * signal.h - signals (ipc/signal.c): sending, delivering, and the hooks
 * the rest of the kernel calls (fork, exec, exit, wait, the timer).
 */
#ifndef IPC_SIGNAL_H
#define IPC_SIGNAL_H

#include "kernel/types.h"

struct proc;
struct trapframe;

#define SIGBIT(sig)	(1ull << ((sig) - 1))	/* its bit in a 64-bit set */

int send_signal(struct proc *p, int sig, int code);
int send_signal_group(int pgid, int sig, int code);
void force_sig_fault(int sig, int code, u32 addr);
bool signal_pending(const struct proc *p);
bool signal_blocked_or_ignored(const struct proc *p, int sig);
void do_signals(struct trapframe *tf);
int signal_mask_swap(const void __user *umask, u32 setsize);
void signal_mask_restore(bool interrupted);

void signals_fork(struct proc *child, const struct proc *parent);
void signals_exec(struct proc *p);
void signal_parent_exit(struct proc *p, int status);
void signal_alarm(struct proc *p);

#endif
