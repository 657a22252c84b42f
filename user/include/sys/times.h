/*
 * sys/times.h - times() and struct tms (uapi/time.h); values are in
 * clock ticks, sysconf(_SC_CLK_TCK) per second.
 */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <sys/types.h>
#include <uapi/time.h>

clock_t times(struct tms *buf);

#endif
