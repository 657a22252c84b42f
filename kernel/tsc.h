/*
 * tsc.h - the time stamp counter, measured at boot (kernel/tsc.c).
 */
#ifndef KERNEL_TSC_H
#define KERNEL_TSC_H

#include "kernel/types.h"

bool tsc_init(void);		/* false: no usable TSC on this CPU */
u64 tsc_ns(void);		/* nanoseconds since tsc_init() */

#endif
