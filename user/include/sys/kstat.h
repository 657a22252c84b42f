/*
 * sys/kstat.h - this kernel's statistics call (uapi/kstat.h).
 * kstat(KSTAT_INFO, &info, sizeof info) returns 0; kstat(KSTAT_PROCS,
 * procs, n * sizeof *procs) returns the number of records filled.
 */
#ifndef _SYS_KSTAT_H
#define _SYS_KSTAT_H

#include <uapi/kstat.h>

int kstat(int what, void *buf, unsigned long len);

#endif
