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
 *
 * The checks that enforce them are here, called from where each resource
 * is used: RLIMIT_CPU on every tick, RLIMIT_FSIZE for writes to regular
 * files, RLIMIT_DATA for the program break, RLIMIT_STACK for stack
 * growth, RLIMIT_AS for brk, stack growth and shmat.  (RLIMIT_NOFILE is
 * kernel/file.c's fd_limit(), RLIMIT_NPROC kernel/proc.c's may_fork().)
 * The address space is counted as Linux's VmSize would count it here: the
 * pages of the program image and heap, the stack pages grown so far, and
 * the full size of every shared memory attach (mapped or not).  The data
 * size is the writable pages of the image plus the heap.
 */
#include "kernel/rlimit.h"
#include "kernel/proc.h"
#include "kernel/syscall.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "mm/mm.h"
#include "kernel/errno.h"
#include "ipc/ipc.h"
#include "ipc/signal.h"
#include <uapi/signal.h>

#define OLD_RLIM_MAX	0x7fffffffUL	/* the old getrlimit's infinity */
#define STACK_DEFAULT	(8UL << 20)	/* 8 MiB, as Linux */
#define MEMLOCK_DEFAULT	(8UL << 20)
#define MSGQUEUE_DEFAULT 819200UL	/* Linux's POSIX mqueue bytes */
#define NPROC_DEFAULT	(NPROC / 2)	/* as Linux's max_threads / 2 */
#define SIGPENDING_DEFAULT 256UL	/* queued real-time signals per user */

static const struct rlimit rlimit_defaults[RLIM_NLIMITS] = {
	[RLIMIT_CPU]		= { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_FSIZE]		= { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_DATA]		= { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_STACK]		= { STACK_DEFAULT, RLIM_INFINITY },
	[RLIMIT_CORE]		= { 0, RLIM_INFINITY },
	[RLIMIT_RSS]		= { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_NPROC]		= { NPROC_DEFAULT, NPROC_DEFAULT },
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

/*
 * RLIMIT_CPU, after p was charged a tick, as Linux: once its CPU time
 * reaches the soft limit (seconds) it gets SIGXCPU, and the soft limit
 * goes up by a second (while below the hard limit), so SIGXCPU comes
 * again every further second; at the hard limit, SIGKILL.  Nothing is
 * checked while the soft limit is infinite.
 */
void rlimit_cpu_tick(struct proc *p)
{
	struct rlimit *lim = &p->rlim[RLIMIT_CPU];
	unsigned long secs = p->ticks / HZ;

	if (lim->rlim_cur == RLIM_INFINITY)
		return;
	if (lim->rlim_max != RLIM_INFINITY && secs >= lim->rlim_max) {
		send_signal(p, SIGKILL, SI_KERNEL);
		return;
	}
	if (secs >= lim->rlim_cur) {
		if (lim->rlim_cur < lim->rlim_max)
			lim->rlim_cur++;
		send_signal(p, SIGXCPU, SI_KERNEL);
	}
}

/*
 * RLIMIT_FSIZE for a write of *n bytes at offset pos of a regular file,
 * as Linux: a write that would cross the limit is cut short at it; one
 * that starts at or past it raises SIGXFSZ (which by default kills) and
 * fails with EFBIG.  Returns 0 or -EFBIG; *n may shrink.
 */
int rlimit_fsize_check(u32 pos, size_t *n)
{
	unsigned long limit = rlimit_cur(current, RLIMIT_FSIZE);

	if (limit == RLIM_INFINITY || *n == 0)
		return 0;
	if (pos >= limit) {
		send_signal(current, SIGXFSZ, SI_USER);
		return -EFBIG;
	}
	*n = MIN(*n, limit - pos);
	return 0;
}

/* Pages mapped in [start, end) of pgdir (page aligned) that have one of
 * the flag bits any_of, or any page if any_of is 0. */
static unsigned long count_pages(pde_t *pgdir, u32 start, u32 end, u32 any_of)
{
	unsigned long n = 0;

	for (u32 va = start; va < end; va = ALIGN_DOWN(va, LARGE_PAGE_SIZE) + LARGE_PAGE_SIZE) {
		u32 stop = MIN(end, ALIGN_DOWN(va, LARGE_PAGE_SIZE) + LARGE_PAGE_SIZE);
		pte_t *table = P2V(PTE_ADDR(pgdir[PDX(va)]));

		if (!(pgdir[PDX(va)] & PTE_P))
			continue;
		for (u32 a = va; a < stop; a += PAGE_SIZE) {
			pte_t e = table[PTX(a)];
			n += (e & PTE_P) && (!any_of || (e & any_of));
		}
	}
	return n;
}

/* p's address space in bytes. */
static unsigned long vm_bytes(struct proc *p)
{
	unsigned long pages = count_pages(p->pgdir, 0, SHM_BASE, 0) +
			      count_pages(p->pgdir, SHM_TOP, USER_TOP, 0);

	return pages * PAGE_SIZE + shm_attached_bytes(p);
}

/* May p's address space grow by `more` bytes under RLIMIT_AS? */
bool rlimit_as_allows(struct proc *p, unsigned long more)
{
	unsigned long limit = rlimit_cur(p, RLIMIT_AS);

	return limit == RLIM_INFINITY || (more <= limit && vm_bytes(p) <= limit - more);
}

/* May p's program break move to new_brk (above the current one) under
 * RLIMIT_DATA and RLIMIT_AS? */
bool rlimit_brk_allows(struct proc *p, u32 new_brk)
{
	unsigned long limit = rlimit_cur(p, RLIMIT_DATA);
	unsigned long heap = ALIGN_UP(new_brk, PAGE_SIZE) - p->brk_start;

	if (limit != RLIM_INFINITY &&
	    count_pages(p->pgdir, 0, p->brk_start, PTE_W | PTE_COW) * PAGE_SIZE + heap > limit)
		return false;
	return rlimit_as_allows(p, ALIGN_UP(new_brk, PAGE_SIZE) - ALIGN_UP(p->brk, PAGE_SIZE));
}

/* May p's stack grow down to the page holding va (RLIMIT_STACK, and
 * RLIMIT_AS for one more page)? */
bool rlimit_stack_allows(struct proc *p, u32 va)
{
	unsigned long limit = rlimit_cur(p, RLIMIT_STACK);

	if (limit != RLIM_INFINITY && USER_STACK_TOP - ALIGN_DOWN(va, PAGE_SIZE) > limit)
		return false;
	return rlimit_as_allows(p, PAGE_SIZE);
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
