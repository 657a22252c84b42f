/*
 * sys_time.c - system calls about time: nanosleep, clock_nanosleep,
 * time, gettimeofday, clock_gettime, clock_getres and times.
 *
 * Every clock is read from the kernel's 64-bit nanosecond clock
 * (kernel/time.h), so readings are as fine as that clock (1 ns with a
 * TSC) and a sleep ends at the first timer tick at or after its
 * deadline.  A timespec from the user is checked (tv_sec >= 0, tv_nsec
 * in 0..999999999) before it becomes nanoseconds, which with 32-bit
 * tv_sec cannot overflow; a deadline beyond the clock's range is
 * TIME_FOREVER.  The clocks, numbered as Linux does:
 *
 *   REALTIME         the date, from the RTC at boot plus the clock since
 *   MONOTONIC        nanoseconds since boot; never goes back
 *   MONOTONIC_RAW    the same (no frequency correction here)
 *   BOOTTIME         the same (no suspend here)
 *   *_COARSE         REALTIME, MONOTONIC cut to whole timer ticks
 */
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/time.h"
#include "kernel/timer.h"
#include "mm/mm.h"
#include "kernel/errno.h"
#include <uapi/time.h>

#define NSEC_PER_USEC	1000u

struct kernel_timezone {		/* struct timezone: always UTC */
	int minuteswest;
	int dsttime;
};

static struct timespec ns_to_timespec(u64 ns)
{
	struct timespec ts = { (long)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC) };

	return ts;
}

/* A user timespec as nanoseconds: -EFAULT, or -EINVAL if out of range. */
int timespec_from_user(const struct timespec __user *uts, u64 *ns)
{
	struct timespec ts;

	if (copy_from_user(&ts, uts, sizeof(ts)) < 0)
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || (u64)ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	*ns = (u64)ts.tv_sec * NSEC_PER_SEC + (u64)ts.tv_nsec;
	return 0;
}

/* Clock clock now, or -EINVAL if there is no such clock. */
static int clock_read(int clock, u64 *ns)
{
	switch (clock) {
	case CLOCK_REALTIME:
		*ns = clock_realtime_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		*ns = clock_ns();
		return 0;
	case CLOCK_REALTIME_COARSE:
		*ns = clock_realtime_ns() / NSEC_PER_TICK * NSEC_PER_TICK;
		return 0;
	case CLOCK_MONOTONIC_COARSE:
		*ns = clock_ns() / NSEC_PER_TICK * NSEC_PER_TICK;
		return 0;
	}
	return -EINVAL;
}

/*
 * Sleep interruptibly until clock_ns() reaches deadline.  A signal whose
 * handler runs ends it with EINTR and the time left in *rem (if rem:
 * nanosleep is never restarted, SA_RESTART or not).  A signal that runs
 * no handler - a stop and continue, say - resumes the sleep for the time
 * that was left, as Linux does through restart_syscall.
 */
static long sleep_to(u64 deadline, struct timespec __user *rem)
{
	struct timespec left;
	int err;
	u64 now;

	while ((err = sleep_until(NULL, deadline, true)) != -ETIMEDOUT) {
		if (err != -ERESTARTSYS)
			continue;
		now = clock_ns();
		left = ns_to_timespec(deadline > now ? deadline - now : 0);
		if (rem && copy_to_user(rem, &left, sizeof(left)) < 0)
			return -EFAULT;
		current->restart_wake_at = deadline;
		current->restart_rem = rem;
		return -ERESTART_RESTARTBLOCK;
	}
	return 0;
}

long sys_nanosleep(const struct timespec __user *ureq, struct timespec __user *rem)
{
	u64 ns;
	int err;

	if ((err = timespec_from_user(ureq, &ns)) < 0)
		return err;
	return sleep_to(deadline_after(ns), rem);
}

/*
 * clock_nanosleep: for a time, or (TIMER_ABSTIME) until clock clock reads
 * a time, leaving *rem alone then.  Clocks that exist but cannot be
 * slept on (raw, coarse) give EOPNOTSUPP, as in Linux.
 */
long sys_clock_nanosleep(int clock, int flags, const struct timespec __user *ureq,
			 struct timespec __user *rem)
{
	u64 ns, now;
	int err;

	if ((err = clock_read(clock, &now)) < 0)
		return err;
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC && clock != CLOCK_BOOTTIME)
		return -EOPNOTSUPP;
	if ((err = timespec_from_user(ureq, &ns)) < 0)
		return err;
	if (!(flags & TIMER_ABSTIME))
		return sleep_to(deadline_after(ns), rem);
	if (clock == CLOCK_REALTIME)
		ns = ns > clock_boot_epoch_ns() ? ns - clock_boot_epoch_ns() : 0;
	return sleep_to(MAX(ns, 1), NULL);
}

/* restart_syscall (0): go on with an interrupted nanosleep. */
long sys_restart_syscall(void)
{
	return sleep_to(current->restart_wake_at, current->restart_rem);
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
	u64 ns = clock_realtime_ns();
	struct timeval k = { (long)(ns / NSEC_PER_SEC),
			     (long)(ns % NSEC_PER_SEC / NSEC_PER_USEC) };
	struct kernel_timezone utc = { 0, 0 };

	if (tv && copy_to_user(tv, &k, sizeof(k)) < 0)
		return -EFAULT;
	if (tz && copy_to_user(tz, &utc, sizeof(utc)) < 0)
		return -EFAULT;
	return 0;
}

long sys_clock_gettime(int clock, struct timespec __user *ts)
{
	struct timespec k;
	u64 ns;
	int err;

	if ((err = clock_read(clock, &ns)) < 0)
		return err;
	k = ns_to_timespec(ns);
	return copy_to_user(ts, &k, sizeof(k));
}

long sys_clock_getres(int clock, struct timespec __user *res)
{
	struct timespec k;
	u64 ns;
	int err;

	if ((err = clock_read(clock, &ns)) < 0)
		return err;
	if (clock == CLOCK_REALTIME_COARSE || clock == CLOCK_MONOTONIC_COARSE)
		k = ns_to_timespec(NSEC_PER_TICK);
	else
		k = ns_to_timespec(clock_resolution_ns());
	if (res && copy_to_user(res, &k, sizeof(k)) < 0)
		return -EFAULT;
	return 0;
}

long sys_times(void __user *buf)
{
	struct tms k = { (long)current->ticks, 0, 0, 0 };

	if (buf && copy_to_user(buf, &k, sizeof(k)) < 0)
		return -EFAULT;
	return (long)clock_ticks();
}
