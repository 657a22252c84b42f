/*
 * coredump.h - writing a process's memory and registers to a `core` file
 * when a signal kills it (kernel/coredump.c).
 */
#ifndef KERNEL_COREDUMP_H
#define KERNEL_COREDUMP_H

#include "kernel/types.h"

/* current is being killed by sig's default action: if that action is
 * "core" and the rules allow, write ./core.  True iff a whole core file
 * was written (the wait status then gets WCOREFLAG). */
bool coredump(int sig);

#endif
