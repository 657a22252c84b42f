/*
 * time.h - the kernel's clocks (kernel/time.c).
 *
 * All kernel time is 64-bit nanoseconds: clock_ns() counts from boot and
 * never goes back; a deadline is a clock_ns() value, 0 meaning none and
 * TIME_FOREVER one that never comes.
 */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include "kernel/types.h"

#define NSEC_PER_SEC	1000000000ull
#define TIME_FOREVER	(~0ull)
#define ALARM_MAX_SECS	0x7fffffffu	/* INT_MAX, as 32-bit Linux */

void time_init(void);
u64 clock_ns(void);		/* monotonic: nanoseconds since boot */
u64 clock_ticks(void);		/* clock_ns() in whole timer ticks */
u64 clock_realtime_ns(void);	/* nanoseconds since 1970-01-01 UTC */
u64 clock_boot_epoch_ns(void);	/* clock_realtime_ns() - clock_ns() */
u32 clock_resolution_ns(void);	/* of clock_ns() */
u64 deadline_after(u64 ns);	/* clock_ns() + ns, TIME_FOREVER if beyond */
u32 time_now(void);		/* seconds since 1970-01-01 UTC */
u32 uptime_seconds(void);

struct timespec;
/* A user's timespec as nanoseconds (kernel/sys_time.c): -EFAULT, or
 * -EINVAL for a negative tv_sec or a tv_nsec outside 0..999999999. */
int timespec_from_user(const struct timespec __user *uts, u64 *ns);

#endif
