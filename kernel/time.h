/*
 * time.h - wall-clock time (kernel/time.c).
 */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include "kernel/types.h"

void time_init(void);
u32 time_now(void);		/* seconds since 1970-01-01 UTC */
u32 uptime_seconds(void);

#endif
