/*
 * sys_time.c - system calls about time: nanosleep, time, gettimeofday,
 * clock_gettime and times.  Time advances in timer ticks (1/HZ s).
 */
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/time.h"
#include "kernel/timer.h"
#include "mm/mm.h"
#include "kernel/errno.h"
#include <uapi/time.h>

#define NSEC_PER_SEC	1000000000L
#define NSEC_PER_TICK	(NSEC_PER_SEC / HZ)
#define USEC_PER_TICK	(1000000L / HZ)

/* Sleep interruptibly; on a signal, report the time left in *rem and
 * fail with EINTR (nanosleep is never restarted, SA_RESTART or not). */
long sys_nanosleep(const struct timespec __user *ureq, struct timespec __user *rem)
{
	struct timespec req, left;
	u32 nticks, start = ticks;
	int err;

	if (copy_from_user(&req, ureq, sizeof(req)) < 0)
		return -EFAULT;
	if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	nticks = (u32)req.tv_sec * HZ + (u32)((req.tv_nsec + NSEC_PER_TICK - 1) / NSEC_PER_TICK);
	if (nticks == 0)
		return 0;
	err = sleep_timeout(NULL, nticks, true);
	if (err != -ERESTARTSYS)
		return 0;
	if (rem) {
		u32 left_ticks = nticks - MIN(nticks, ticks - start);
		left.tv_sec = (long)(left_ticks / HZ);
		left.tv_nsec = (long)(left_ticks % HZ) * NSEC_PER_TICK;
		if (copy_to_user(rem, &left, sizeof(left)) < 0)
			return -EFAULT;
	}
	return -EINTR;
}

long sys_time(u32 __user *t)
{
	u32 now = time_now();

	if (t && copy_to_user(t, &now, sizeof(now)) < 0)
		return -EFAULT;
	return (long)now;
}

long sys_gettimeofday(struct timeval __user *tv, void __user *tz)
{
	struct timeval k = { (long)time_now(), (long)(ticks % HZ) * USEC_PER_TICK };

	(void)tz;
	if (tv && copy_to_user(tv, &k, sizeof(k)) < 0)
		return -EFAULT;
	return 0;
}

long sys_clock_gettime(int clock, struct timespec __user *ts)
{
	struct timespec k;

	if (clock == CLOCK_REALTIME)
		k.tv_sec = (long)time_now();
	else if (clock == CLOCK_MONOTONIC)
		k.tv_sec = (long)(ticks / HZ);
	else
		return -EINVAL;
	k.tv_nsec = (long)(ticks % HZ) * NSEC_PER_TICK;
	return copy_to_user(ts, &k, sizeof(k));
}

long sys_times(void __user *buf)
{
	struct tms k = { (long)current->ticks, 0, 0, 0 };

	if (buf && copy_to_user(buf, &k, sizeof(k)) < 0)
		return -EFAULT;
	return (long)ticks;
}
