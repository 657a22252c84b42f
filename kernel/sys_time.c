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

/*
 * Sleep interruptibly until tick wake_at.  A signal whose handler runs
 * ends it with EINTR and the time left in *rem (nanosleep is never
 * restarted, SA_RESTART or not).  A signal that runs no handler - a stop
 * and continue, say - resumes the sleep for the time that was left, as
 * Linux does through restart_syscall.
 */
static long sleep_until(u32 wake_at, struct timespec __user *rem)
{
	struct timespec left;

	while ((s32)(wake_at - ticks) > 0) {
		u32 left_ticks;

		if (sleep_timeout(NULL, wake_at - ticks, true) != -ERESTARTSYS)
			continue;
		left_ticks = (s32)(wake_at - ticks) > 0 ? wake_at - ticks : 0;
		left.tv_sec = (long)(left_ticks / HZ);
		left.tv_nsec = (long)(left_ticks % HZ) * NSEC_PER_TICK;
		if (rem && copy_to_user(rem, &left, sizeof(left)) < 0)
			return -EFAULT;
		current->restart_wake_at = wake_at;
		current->restart_rem = rem;
		return -ERESTART_RESTARTBLOCK;
	}
	return 0;
}

long sys_nanosleep(const struct timespec __user *ureq, struct timespec __user *rem)
{
	struct timespec req;
	u32 nticks;

	if (copy_from_user(&req, ureq, sizeof(req)) < 0)
		return -EFAULT;
	if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	nticks = (u32)req.tv_sec * HZ + (u32)((req.tv_nsec + NSEC_PER_TICK - 1) / NSEC_PER_TICK);
	return sleep_until(ticks + nticks, rem);
}

/* restart_syscall (0): go on with an interrupted nanosleep. */
long sys_restart_syscall(void)
{
	return sleep_until(current->restart_wake_at, current->restart_rem);
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
