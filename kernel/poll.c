/*
 * poll.c - poll, ppoll, select and pselect6: wait until one of several
 * open files is ready to be read or written.
 *
 * Readiness: each kind of file answers through file_ops.poll with the
 * POLL* bits it is ready for now (a pipe: data or no writer left, room
 * for PIPE_BUF bytes or no reader left; the terminal: a line, or in raw
 * mode a byte).  A kind without the method - regular files, directories,
 * /dev/null, /dev/zero, /proc - is always ready (DEFAULT_POLLMASK).
 *
 * Waiting: ONE global wait queue.  A caller scans its files; if none is
 * ready it sleeps on poll_queue, and every kind of file whose readiness
 * can change calls poll_wake() when it does (pipes on each read, write
 * and last close of an end; the terminal when input becomes readable).
 * Every poller then wakes and scans again.  That is wasteful with many
 * pollers but simple and always correct: a poller never has to be
 * registered with, or removed from, the files it watches.  Nothing can
 * change between a scan and the sleep after it, since the kernel runs on
 * one CPU with interrupts off.
 *
 * The Linux rules kept:
 *  - poll: negative fds are skipped (revents 0); a closed one gives
 *    POLLNVAL; POLLERR and POLLHUP are reported even when not asked for;
 *    nfds above RLIMIT_NOFILE is EINVAL; a bad array EFAULT.
 *  - select: a set fd that is not open is EBADF; nfds is cut to the
 *    descriptor table's size; "readable" is POLLIN/POLLHUP/POLLERR,
 *    "writable" POLLOUT/POLLERR, "exceptional" POLLPRI; the timeout is
 *    rewritten with the time left (pselect6 and ppoll too).
 *  - a zero timeout scans once; a missing one (or poll's -1) never ends.
 *  - a signal whose handler runs ends the wait with EINTR (never
 *    restarted, SA_RESTART or not); one that runs no handler (a stop and
 *    continue) restarts the call.  A restarted poll starts its timeout
 *    afresh (Linux goes on with the time left: a simplification).
 *  - ppoll and pselect6 wait with the caller's signal mask in force and
 *    put the old one back after - after the handler, when one runs.
 */
#include "kernel/poll.h"
#include "ipc/signal.h"
#include "kernel/file.h"
#include "kernel/proc.h"
#include "kernel/rlimit.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/time.h"
#include "mm/mm.h"
#include "kernel/errno.h"
#include <uapi/resource.h>
#include <uapi/time.h>

#define NSEC_PER_MSEC	1000000ull
#define NSEC_PER_USEC	1000ull
#define USEC_PER_SEC	1000000ull
#define WORD_BITS	32
#define SET_WORDS	(NOFILE / WORD_BITS)	/* select: words covering the table */

/* select's bits in terms of poll's (as Linux's POLLIN_SET and friends) */
#define SELECT_IN	(POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR)
#define SELECT_OUT	(POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR)
#define SELECT_EX	POLLPRI

static struct wait_queue poll_queue;

u32 file_poll(struct file *f)
{
	return f->ops->poll ? f->ops->poll(f) : DEFAULT_POLLMASK;
}

void poll_wake(void)
{
	wake_up(&poll_queue);
}

/*
 * Scan with scan(arg) until it finds something ready (a count > 0) or
 * fails, or until deadline (TIME_FOREVER: none) has come.  A signal ends
 * the wait with -ERESTARTNOHAND: EINTR if a handler runs.
 */
static int wait_ready(int (*scan)(void *arg), void *arg, u64 deadline)
{
	int n, err;

	for (;;) {
		if ((n = scan(arg)) != 0 || clock_ns() >= deadline)
			return n;
		err = sleep_until(&poll_queue, deadline == TIME_FOREVER ? 0 : deadline, true);
		if (err == -ERESTARTSYS)
			return -ERESTARTNOHAND;
	}
}

/* ------------------------------------------------------------- poll */

struct poll_set {
	struct pollfd *fds;
	u32 nfds;
};

static short poll_one(int fd, short events)
{
	struct file *f;

	if (fd < 0)
		return 0;
	if (!(f = fd_get(fd)))
		return POLLNVAL;
	return (short)(file_poll(f) & ((u16)events | POLLERR | POLLHUP));
}

static int poll_scan(void *arg)
{
	struct poll_set *set = arg;
	int ready = 0;

	for (u32 i = 0; i < set->nfds; i++) {
		set->fds[i].revents = poll_one(set->fds[i].fd, set->fds[i].events);
		if (set->fds[i].revents)
			ready++;
	}
	return ready;
}

/* poll's work: copy the array in, wait, copy the revents back. */
static long do_poll(struct pollfd __user *ufds, u32 nfds, u64 deadline)
{
	struct poll_set set = { NULL, nfds };
	size_t size = (size_t)nfds * sizeof(struct pollfd);
	long ret;

	if (nfds > rlimit_cur(current, RLIMIT_NOFILE))
		return -EINVAL;
	if (nfds && !(set.fds = kmalloc(size)))
		return -ENOMEM;
	if (copy_from_user(set.fds, ufds, size) < 0) {
		ret = -EFAULT;
		goto out;
	}
	ret = wait_ready(poll_scan, &set, deadline);
	if (ret >= 0 && copy_to_user(ufds, set.fds, size) < 0)
		ret = -EFAULT;
out:
	kfree(set.fds);
	return ret;
}

long sys_poll(struct pollfd __user *ufds, u32 nfds, int timeout_ms)
{
	u64 deadline = timeout_ms < 0 ? TIME_FOREVER
				      : deadline_after((u64)timeout_ms * NSEC_PER_MSEC);

	return do_poll(ufds, nfds, deadline);
}

/* ------------------------------------------------------ time left */

/* A user's timespec as a deadline (TIME_FOREVER for a NULL pointer). */
static int deadline_from_timespec(const struct timespec __user *uts, u64 *deadline)
{
	u64 ns;
	int err;

	*deadline = TIME_FOREVER;
	if (!uts)
		return 0;
	if ((err = timespec_from_user(uts, &ns)) < 0)
		return err;
	*deadline = deadline_after(ns);
	return 0;
}

static u64 ns_left(u64 deadline)
{
	u64 now = clock_ns();

	return deadline > now ? deadline - now : 0;
}

/* Rewrite *uts with the time left (a failure to is ignored, as Linux). */
static void timespec_left(struct timespec __user *uts, u64 deadline)
{
	u64 left = ns_left(deadline);
	struct timespec ts = { (long)(left / NSEC_PER_SEC), (long)(left % NSEC_PER_SEC) };

	if (uts && deadline != TIME_FOREVER)
		copy_to_user(uts, &ts, sizeof(ts));
}

long sys_ppoll(struct pollfd __user *ufds, u32 nfds, struct timespec __user *uts,
	       const void __user *umask, u32 setsize)
{
	u64 deadline;
	long ret;

	if ((ret = deadline_from_timespec(uts, &deadline)) < 0)
		return ret;
	if ((ret = signal_mask_swap(umask, setsize)) < 0)
		return ret;
	ret = do_poll(ufds, nfds, deadline);
	signal_mask_restore(ret == -ERESTARTNOHAND);
	timespec_left(uts, deadline);
	return ret;
}

/* ----------------------------------------------------------- select */

struct select_set {
	int n;					/* fds 0..n-1 */
	u32 in[3][SET_WORDS];			/* read, write, except: asked */
	u32 out[3][SET_WORDS];			/* and found ready */
};

static const u32 select_bits[3] = { SELECT_IN, SELECT_OUT, SELECT_EX };

static int select_scan(void *arg)
{
	struct select_set *set = arg;
	int ready = 0;

	memset(set->out, 0, sizeof(set->out));
	for (int fd = 0; fd < set->n; fd++) {
		u32 bit = 1u << (fd % WORD_BITS), w = (u32)fd / WORD_BITS, mask;
		struct file *f;

		if (!((set->in[0][w] | set->in[1][w] | set->in[2][w]) & bit))
			continue;
		if (!(f = fd_get(fd)))
			return -EBADF;
		mask = file_poll(f);
		for (int k = 0; k < 3; k++) {
			if ((set->in[k][w] & bit) && (mask & select_bits[k])) {
				set->out[k][w] |= bit;
				ready++;
			}
		}
	}
	return ready;
}

/* select's work on the three user sets (any may be NULL). */
static long do_select(int nfds, u32 __user *usets[3], u64 deadline)
{
	struct select_set set = { 0 };
	size_t bytes;
	long ret;

	if (nfds < 0)
		return -EINVAL;
	set.n = MIN(nfds, NOFILE);
	bytes = (size_t)(set.n + WORD_BITS - 1) / WORD_BITS * sizeof(u32);
	for (int k = 0; k < 3; k++)
		if (usets[k] && copy_from_user(set.in[k], usets[k], bytes) < 0)
			return -EFAULT;
	ret = wait_ready(select_scan, &set, deadline);
	if (ret < 0)
		return ret;
	for (int k = 0; k < 3; k++)
		if (usets[k] && copy_to_user(usets[k], set.out[k], bytes) < 0)
			return -EFAULT;
	return ret;
}

long sys__newselect(int nfds, u32 __user *rfds, u32 __user *wfds, u32 __user *efds,
		    struct timeval __user *utv)
{
	u32 __user *usets[3] = { rfds, wfds, efds };
	u64 deadline = TIME_FOREVER, left;
	struct timeval tv;
	long ret;

	if (utv) {
		if (copy_from_user(&tv, utv, sizeof(tv)) < 0)
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		deadline = deadline_after((u64)tv.tv_sec * NSEC_PER_SEC +
					  (u64)tv.tv_usec * NSEC_PER_USEC);
	}
	ret = do_select(nfds, usets, deadline);
	if (utv) {
		left = ns_left(deadline) / NSEC_PER_USEC;
		tv.tv_sec = (long)(left / USEC_PER_SEC);
		tv.tv_usec = (long)(left % USEC_PER_SEC);
		copy_to_user(utv, &tv, sizeof(tv));
	}
	return ret;
}

/* pselect6's sixth argument: the mask and its size, by address. */
struct pselect_mask {
	const void __user *mask;
	u32 size;
};

long sys_pselect6(int nfds, u32 __user *rfds, u32 __user *wfds, u32 __user *efds,
		  struct timespec __user *uts, const struct pselect_mask __user *um)
{
	u32 __user *usets[3] = { rfds, wfds, efds };
	struct pselect_mask m = { NULL, 0 };
	u64 deadline;
	long ret;

	if ((ret = deadline_from_timespec(uts, &deadline)) < 0)
		return ret;
	if (um && copy_from_user(&m, um, sizeof(m)) < 0)
		return -EFAULT;
	if ((ret = signal_mask_swap(m.mask, m.size)) < 0)
		return ret;
	ret = do_select(nfds, usets, deadline);
	signal_mask_restore(ret == -ERESTARTNOHAND);
	timespec_left(uts, deadline);
	return ret;
}
