/*
 * signal.h - signal numbers, kill() and raise().  Installing handlers
 * (signal, sigaction, sigprocmask) is not provided yet.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <uapi/signal.h>

typedef unsigned long sigset_t;		/* bit (n - 1) is signal n */
typedef int sig_atomic_t;

int kill(pid_t pid, int sig);
int raise(int sig);

#endif
