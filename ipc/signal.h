/*
 * signal.h - sending and acting on signals (ipc/signal.c).
 */
#ifndef IPC_SIGNAL_H
#define IPC_SIGNAL_H

#include "kernel/types.h"

struct proc;

#define SIGBIT(sig)	(1u << ((sig) - 1))

int send_signal(struct proc *p, int sig);
void do_signals(void);

#endif
