/*
 * pipe.c - pipes: a ring buffer between a writing and a reading end.
 *
 * pipe() makes an anonymous inode of type FIFO and two open files on it,
 * one read-only and one write-only, sharing one struct pipe: a ring of
 * 16 pages (65,536 bytes, fcntl F_SETPIPE_SZ changes it: ipc/pipe_pages.c
 * keeps the pages), a count of open readers and writers, and two wait
 * queues.  (A FIFO, ipc/fifo.c, is the same pipe reached through a name
 * in the file system.)
 *
 * The rules, as POSIX and Linux give them:
 *  - read returns what is there (up to the count); with the pipe empty it
 *    sleeps while a writer exists, and returns 0 (end of file) once none
 *    is left.  O_NONBLOCK: -EAGAIN instead of sleeping.
 *  - a write of at most PIPE_BUF bytes is atomic: it waits until that
 *    much room is free and then copies all of it at once, so it is never
 *    interleaved with another writer's.  A larger write moves what fits,
 *    wakes the readers and sleeps for more room, so its bytes may be
 *    split - but they arrive in order.  O_NONBLOCK: what fits, or
 *    -EAGAIN if nothing does (for an atomic write: if it does not all fit).
 *  - a write with no reader left raises SIGPIPE and fails with -EPIPE
 *    (or returns the count already written).
 *  - a bad user buffer gives -EFAULT and moves nothing; with no memory
 *    for a page of the ring a write gives -ENOMEM (or its count so far).
 *  - each end's last close wakes the other side; when both ends are
 *    closed the ring and the pipe are freed.
 *
 * Every change of the contents wakes the other side's queue only, and
 * only this pipe's: sleepers re-check their condition in a loop.  It
 * wakes poll and select too (kernel/poll.c): pipe_poll says what is ready.
 */
#include "ipc/pipe.h"
#include "ipc/signal.h"
#include "kernel/file.h"
#include "kernel/poll.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/vfs.h"
#include "mm/mm.h"
#include "mm/slab.h"
#include "kernel/errno.h"
#include <uapi/fcntl.h>
#include <uapi/signal.h>

static struct kmem_cache pipe_cache;	/* its inuse: the pipes alive (kstat) */

void pipe_init(void)
{
	kmem_cache_init(&pipe_cache, "pipe", sizeof(struct pipe));
}

/* Wake one side's sleepers, and the pollers: the pipe's state changed. */
void pipe_wake(struct wait_queue *wq)
{
	wake_up(wq);
	poll_wake();
}

u32 pipe_live_count(void)
{
	return (u32)pipe_cache.inuse;
}

struct pipe *pipe_alloc(void)
{
	struct pipe *p = kmem_cache_alloc(&pipe_cache);

	if (!p)
		return NULL;
	memset(p, 0, sizeof(*p));
	if (pipe_ring_alloc(p) < 0) {
		kmem_cache_free(&pipe_cache, p);
		return NULL;
	}
	return p;
}

void pipe_free_if_unused(struct pipe *p)
{
	if (p->readers || p->writers)
		return;
	if (p->fifo)
		p->fifo->fifo = NULL;	/* unread data goes with it */
	pipe_ring_free(p);
	kmem_cache_free(&pipe_cache, p);
}

/* LAB pipes: the ring: bytes held, copy out at tail, copy in at head */
static u32 pipe_count(struct pipe *p)
{
	return p->head - p->tail;
}

/* Copy n bytes from the ring at tail to user memory, a piece per page of
 * the ring (pipe_byte says where each byte is). */
static int copy_out(struct pipe *p, char __user *buf, u32 n)
{
	for (u32 pos = p->tail, piece; n > 0; pos += piece, buf += piece, n -= piece) {
		piece = MIN(n, PAGE_SIZE - pos % PAGE_SIZE);
		if (copy_to_user(buf, pipe_byte(p, pos), piece) < 0)
			return -EFAULT;
	}
	return 0;
}

/* The other way, at head; the first write to reach a page allocates it. */
static int copy_in(struct pipe *p, const char __user *buf, u32 n)
{
	for (u32 pos = p->head, piece; n > 0; pos += piece, buf += piece, n -= piece) {
		char *dst = pipe_byte(p, pos);

		piece = MIN(n, PAGE_SIZE - pos % PAGE_SIZE);
		if (!dst)
			return -ENOMEM;
		if (copy_from_user(dst, buf, piece) < 0)
			return -EFAULT;
	}
	return 0;
}
/* LAB END */

static ssize_t pipe_read(struct file *f, char __user *buf, size_t n)
{
	/* LAB pipes: read up to n bytes: sleep while empty, 0 at EOF, EAGAIN */
	struct pipe *p = f->priv;
	int err;

	if (n == 0)
		return 0;
	while (pipe_count(p) == 0) {
		if (p->writers == 0)
			return 0;		/* end of file */
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		if ((err = interruptible_sleep_on(&p->read_wait)) < 0)
			return err;
	}
	n = MIN(n, pipe_count(p));
	if (copy_out(p, buf, (u32)n) < 0)
		return -EFAULT;		/* the data stays in the pipe */
	p->tail += (u32)n;
	if (pipe_count(p) == 0)
		pipe_ring_trim(p);	/* an empty pipe keeps one page */
	pipe_wake(&p->write_wait);
	return (ssize_t)n;
	/* LAB END: (void)f; (void)buf; (void)n; return -ENOSYS; */
}

static ssize_t pipe_write(struct file *f, const char __user *buf, size_t n)
{
	/* LAB pipes: write n bytes: atomic up to PIPE_BUF, sleep for room, EPIPE */
	struct pipe *p = f->priv;
	bool atomic = n <= PIPE_BUF;
	size_t done = 0;
	int err = 0;

	while (done < n) {
		u32 room = p->size - pipe_count(p), chunk;

		if (p->readers == 0) {
			send_signal(current, SIGPIPE, SI_USER);	/* as Linux */
			err = -EPIPE;
			break;
		}
		if (room < (atomic ? n : 1)) {
			if (f->flags & O_NONBLOCK) {
				err = -EAGAIN;
				break;
			}
			pipe_wake(&p->read_wait);
			if ((err = interruptible_sleep_on(&p->write_wait)) < 0)
				break;
			continue;
		}
		chunk = MIN(room, (u32)(n - done));
		if ((err = copy_in(p, buf + done, chunk)) < 0)
			break;
		p->head += chunk;
		done += chunk;
		pipe_wake(&p->read_wait);
	}
	return done ? (ssize_t)done : err;
	/* LAB END: (void)f; (void)buf; (void)n; return -ENOSYS; */
}

/*
 * writev of at most PIPE_BUF bytes in all is atomic too: before its
 * pieces are written one by one, wait (as a write of n bytes would) until
 * n bytes of room are free, so that no piece sleeps and no other writer
 * comes between them.  With no reader left, the write itself fails.
 */
int pipe_reserve(struct file *f, size_t n)
{
	/* LAB pipes: writev's atomicity: wait as pipe_write would for n bytes of room */
	struct pipe *p = f->priv;
	int err;

	while (p->readers && p->size - pipe_count(p) < n) {
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		pipe_wake(&p->read_wait);
		if ((err = interruptible_sleep_on(&p->write_wait)) < 0)
			return err;
	}
	return 0;
	/* LAB END: (void)f; (void)n; return 0; */
}

/* Last close of one open file: count down its ends, wake the other side. */
static void pipe_release(struct file *f)
{
	struct pipe *p = f->priv;

	/* LAB pipes: count this end down, wake the other side (EOF, EPIPE) */
	if (file_readable(f)) {
		p->readers--;
		pipe_wake(&p->write_wait);
	}
	if (file_writable(f)) {
		p->writers--;
		pipe_wake(&p->read_wait);
	}
	/* LAB END */
	pipe_free_if_unused(p);
}

/*
 * Ready as Linux says: a read end when there is data (POLLIN) or no
 * writer left (POLLHUP: for a FIFO read end opened with O_NONBLOCK and
 * no writer, only once one has come, fifo_open); a write end when an atomic write fits (POLLOUT)
 * or no reader is left (POLLERR, the write would fail).
 */
static u32 pipe_poll(struct file *f)
{
	struct pipe *p = f->priv;
	u32 held = p->head - p->tail, mask = 0;	/* (the lab's pipe_count) */

	if (file_readable(f)) {
		if (held)
			mask |= POLLIN | POLLRDNORM;
		if (p->writers == 0 && !(p->fifo && f->version == p->w_opens))
			mask |= POLLHUP;
	}
	if (file_writable(f)) {
		if (p->size - held >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (p->readers == 0)
			mask |= POLLERR;
	}
	return mask;
}

const struct file_ops pipe_ops = {
	.read = pipe_read,
	.write = pipe_write,
	.release = pipe_release,
	.poll = pipe_poll,
};

/* One end of p as an open file on the anonymous inode ip. */
static struct file *pipe_end(struct pipe *p, struct inode *ip, u32 flags)
{
	struct file *f = file_alloc(ip, flags, &pipe_ops);

	if (!f)
		return NULL;
	f->priv = p;
	if (file_readable(f))
		p->readers++;
	else
		p->writers++;
	return f;
}

long sys_pipe2(int __user *ufds, int flags)
{
	int fds[2] = { -1, -1 };
	struct file *rf = NULL, *wf = NULL;
	struct inode *ip;
	struct pipe *p;
	long err = -ENOMEM;

	if (flags & ~(O_NONBLOCK | O_CLOEXEC))
		return -EINVAL;
	if (check_user_writable(ufds, sizeof(fds)) < 0)
		return -EFAULT;
	if (!(p = pipe_alloc()))
		return -ENOMEM;
	if (!(ip = inode_new(S_IFIFO | 0600))) {
		pipe_free_if_unused(p);
		return -ENOMEM;
	}
	rf = pipe_end(p, ip, O_RDONLY | (flags & O_NONBLOCK));
	wf = rf ? pipe_end(p, ip, O_WRONLY | (flags & O_NONBLOCK)) : NULL;
	inode_put(ip);			/* the files hold it now */
	if (!rf || !wf)
		goto fail;
	if ((err = fds[0] = fd_install(rf, 0)) < 0)
		goto fail;
	if ((err = fds[1] = fd_install(wf, 0)) < 0) {
		current->files[fds[0]] = NULL;
		goto fail;
	}
	if (flags & O_CLOEXEC)
		current->cloexec |= (1ull << fds[0]) | (1ull << fds[1]);
	return copy_to_user(ufds, fds, sizeof(fds));
fail:
	if (rf)
		file_put(rf);
	if (wf)
		file_put(wf);
	if (!rf)
		pipe_free_if_unused(p);
	return err;
}

long sys_pipe(int __user *fds)
{
	return sys_pipe2(fds, 0);
}
