/*
 * fifo.c - FIFOs (named pipes): a pipe reached through a name in the file
 * system, made by mkfifo(3) / mknod(S_IFIFO).
 *
 * The inode lives in the file system like any file; the pipe behind it
 * exists only while the FIFO is open (inode.fifo).  The first open
 * creates it, the last close frees it and any unread data with it.
 *
 * Opening is a rendezvous (POSIX, Linux fifo(7)):
 *  - O_RDONLY waits until a writer has opened; with O_NONBLOCK it
 *    succeeds at once.
 *  - O_WRONLY waits until a reader has opened; with O_NONBLOCK and no
 *    reader it fails with ENXIO.
 *  - O_RDWR never waits (it is a reader and a writer itself).
 * A waiting open is interruptible.  It waits for the count of opens of
 * the other kind to change rather than for the other side to be open
 * now, so a partner that opens and closes at once still releases it.
 * After opening, reads and writes are those of pipes (ipc/pipe.c).
 * A reader that opened with O_NONBLOCK before any writer does not see
 * POLLHUP until a writer has opened (and closed), as on Linux: f->version
 * keeps the count of writer opens it saw.
 */
#include "ipc/pipe.h"
#include "kernel/file.h"
#include "kernel/sched.h"
#include "kernel/vfs.h"
#include "kernel/errno.h"
#include <uapi/fcntl.h>

/* LAB pipes: wait_for_partner: sleep until the other side's open count changes */
/* Sleep on wq until *opens differs from seen.  A signal ends the wait
 * only if the partner has not come: an open that was completed counts
 * even with a signal pending (as Linux), the signal is handled after. */
static int wait_for_partner(struct wait_queue *wq, u32 *opens, u32 seen)
{
	int err;

	while (*opens == seen)
		if ((err = interruptible_sleep_on(wq)) < 0)
			return *opens == seen ? err : 0;
	return 0;
}
/* LAB END */

int fifo_open(struct inode *ip, u32 flags, struct file **out)
{
	u32 acc = flags & O_ACCMODE;
	bool nonblock = flags & O_NONBLOCK;
	struct pipe *p = ip->fifo;
	struct file *f;
	int err = 0;

	if (!p) {
		if (!(p = pipe_alloc()))
			return -ENOMEM;
		p->fifo = ip;
		ip->fifo = p;
	}
	if (acc == O_WRONLY && nonblock && p->readers == 0) {
		pipe_free_if_unused(p);
		return -ENXIO;
	}
	if (!(f = file_alloc(ip, flags, &pipe_ops))) {
		pipe_free_if_unused(p);
		return -ENOMEM;
	}
	f->priv = p;
	if (acc != O_WRONLY) {
		p->readers++;
		p->r_opens++;
		pipe_wake(&p->write_wait);
	}
	if (acc != O_RDONLY) {
		p->writers++;
		p->w_opens++;
		pipe_wake(&p->read_wait);
	}
	/* LAB pipes: the open rendezvous: a reader waits for a writer, a writer for a reader */
	if (acc == O_RDONLY && !nonblock && p->writers == 0)
		err = wait_for_partner(&p->read_wait, &p->w_opens, p->w_opens);
	else if (acc == O_RDONLY && p->writers == 0)
		f->version = p->w_opens;	/* no POLLHUP before a writer came */
	else if (acc == O_WRONLY && p->readers == 0)
		err = wait_for_partner(&p->write_wait, &p->r_opens, p->r_opens);
	/* LAB END */
	if (err < 0) {
		file_put(f);		/* releases our end, frees an unused pipe */
		return err;
	}
	*out = f;
	return 0;
}
