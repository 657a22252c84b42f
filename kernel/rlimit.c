/*
 * rlimit.c - resource limits: the defaults init starts with, and the
 * calls that read and set them (getrlimit, ugetrlimit, setrlimit,
 * prlimit64).
 *
 * Rules (Linux's): a soft limit never exceeds its hard limit (EINVAL);
 * only root raises a hard limit (EPERM); RLIMIT_NOFILE cannot go past
 * the size of the descriptor table (EPERM, Linux's nr_open).  prlimit64
 * on another process needs root, or a caller whose real uid equals the
 * target's real, effective and saved uids (and likewise the gids).
 * The old getrlimit (76) reports values past LONG_MAX as LONG_MAX, as
 * Linux's compatibility call does; ugetrlimit (191) reports them whole.
 */
#include "kernel/rlimit.h"
#include "kernel/proc.h"
#include "kernel/syscall.h"
#include "kernel/string.h"
#include "mm/mm.h"
#include "kernel/errno.h"

#define OLD_RLIM_MAX	0x7fffffffUL	/* the old getrlimit's infinity */
#define STACK_DEFAULT	(8UL << 20)	/* 8 MiB, as Linux */
#define MEMLOCK_DEFAULT	(8UL << 20)
#define MSGQUEUE_DEFAULT 819200UL	/* Linux's POSIX mqueue bytes */
#define SIGPENDING_DEFAULT 256UL	/* queued real-time signals per user */

static const struct rlimit rlimit_defaults[RLIM_NLIMITS] = {
	[RLIMIT_CPU]		= { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_FSIZE]		= { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_DATA]		= { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_STACK]		= { STACK_DEFAULT, RLIM_INFINITY },
	[RLIMIT_CORE]		= { 0, RLIM_INFINITY },
	[RLIMIT_RSS]		= { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_NPROC]		= { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_NOFILE]		= { NOFILE, NOFILE },
	[RLIMIT_MEMLOCK]	= { MEMLOCK_DEFAULT, MEMLOCK_DEFAULT },
	[RLIMIT_AS]		= { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_LOCKS]		= { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_SIGPENDING]	= { SIGPENDING_DEFAULT, SIGPENDING_DEFAULT },
	[RLIMIT_MSGQUEUE]	= { MSGQUEUE_DEFAULT, MSGQUEUE_DEFAULT },
	[RLIMIT_NICE]		= { 0, 0 },
	[RLIMIT_RTPRIO]		= { 0, 0 },
	[RLIMIT_RTTIME]		= { RLIM_INFINITY, RLIM_INFINITY },
};

void rlimit_init(struct proc *p)
{
	memcpy(p->rlim, rlimit_defaults, sizeof(p->rlim));
}

unsigned long rlimit_cur(const struct proc *p, int resource)
{
	return p->rlim[resource].rlim_cur;
}

/* Replace p's limit with *new after Linux's checks. */
static int rlimit_set(struct proc *p, int resource, const struct rlimit *new)
{
	struct rlimit *old = &p->rlim[resource];

	if (new->rlim_cur > new->rlim_max)
		return -EINVAL;
	if (new->rlim_max > old->rlim_max && current->euid != 0)
		return -EPERM;
	if (resource == RLIMIT_NOFILE && new->rlim_max > NOFILE)
		return -EPERM;
	*old = *new;
	return 0;
}

static bool valid_resource(u32 resource)
{
	return resource < RLIM_NLIMITS;
}

long sys_ugetrlimit(u32 resource, struct rlimit __user *ulim)
{
	if (!valid_resource(resource))
		return -EINVAL;
	return copy_to_user(ulim, &current->rlim[resource], sizeof(*ulim));
}

long sys_getrlimit(u32 resource, struct rlimit __user *ulim)
{
	struct rlimit lim;

	if (!valid_resource(resource))
		return -EINVAL;
	lim = current->rlim[resource];
	if (lim.rlim_cur > OLD_RLIM_MAX)
		lim.rlim_cur = OLD_RLIM_MAX;
	if (lim.rlim_max > OLD_RLIM_MAX)
		lim.rlim_max = OLD_RLIM_MAX;
	return copy_to_user(ulim, &lim, sizeof(lim));
}

long sys_setrlimit(u32 resource, const struct rlimit __user *ulim)
{
	struct rlimit lim;

	if (!valid_resource(resource))
		return -EINVAL;
	if (copy_from_user(&lim, ulim, sizeof(lim)) < 0)
		return -EFAULT;
	return rlimit_set(current, (int)resource, &lim);
}

/* May the caller read and set p's limits through prlimit64? */
static bool may_prlimit(const struct proc *p)
{
	if (p == current || current->euid == 0)
		return true;
	return current->uid == p->uid && current->uid == p->euid &&
	       current->uid == p->suid && current->gid == p->gid &&
	       current->gid == p->egid && current->gid == p->sgid;
}

static unsigned long from_rlim64(unsigned long long v)
{
	return v >= RLIM_INFINITY ? RLIM_INFINITY : (unsigned long)v;
}

static unsigned long long to_rlim64(unsigned long v)
{
	return v == RLIM_INFINITY ? RLIM64_INFINITY : v;
}

long sys_prlimit64(int pid, u32 resource, const struct rlimit64 __user *unew,
		   struct rlimit64 __user *uold)
{
	struct proc *p = pid ? proc_find(pid) : current;
	struct rlimit64 new64, old64;
	struct rlimit new, old;
	int err;

	if (!valid_resource(resource))
		return -EINVAL;
	if (unew && copy_from_user(&new64, unew, sizeof(new64)) < 0)
		return -EFAULT;
	if (!p || p->state == P_ZOMBIE)
		return -ESRCH;
	if (!may_prlimit(p))
		return -EPERM;
	old = p->rlim[resource];
	if (unew) {
		new.rlim_cur = from_rlim64(new64.rlim_cur);
		new.rlim_max = from_rlim64(new64.rlim_max);
		if ((err = rlimit_set(p, (int)resource, &new)) < 0)
			return err;
	}
	if (uold) {
		old64.rlim_cur = to_rlim64(old.rlim_cur);
		old64.rlim_max = to_rlim64(old.rlim_max);
		if (copy_to_user(uold, &old64, sizeof(old64)) < 0)
			return -EFAULT;
	}
	return 0;
}
