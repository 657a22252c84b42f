/*
 * sys_iov.c - readv and writev (many buffers in one call) and _llseek
 * (a 64-bit offset on a 32-bit machine).
 *
 * readv/writev: at most UIO_MAXIOV elements, none longer than a ssize_t
 * holds, else EINVAL before anything moves; a bad vector is EFAULT.  As
 * on Linux, a total beyond MAX_RW_COUNT is cut down to it, not refused.
 * The buffers are filled or drained in order and the call stops at the
 * first short transfer, returning what was moved (an error only if
 * nothing was).  A writev of at most PIPE_BUF bytes to a pipe or FIFO is
 * atomic, as a write of that size is.
 */
#include "kernel/syscall.h"
#include "ipc/pipe.h"
#include "kernel/file.h"
#include "kernel/proc.h"
#include "mm/mm.h"
#include "kernel/errno.h"
#include <uapi/uio.h>

#define SSIZE_MAX_U	0x7fffffffu
#define MAX_RW_COUNT	(SSIZE_MAX_U & ~(PAGE_SIZE - 1))	/* most one call moves */

/* Copy in and check the vector; *total gets the sum of the lengths
 * (cut down to MAX_RW_COUNT). */
static int get_iovec(const struct iovec __user *uiov, int cnt, struct iovec **out,
		     u32 *total)
{
	struct iovec *iov;

	*total = 0;
	if (cnt < 0 || cnt > UIO_MAXIOV)
		return -EINVAL;
	if (!(iov = kmalloc(sizeof(*iov) * (u32)MAX(cnt, 1))))
		return -ENOMEM;
	if (copy_from_user(iov, uiov, sizeof(*iov) * (u32)cnt) < 0) {
		kfree(iov);
		return -EFAULT;
	}
	for (int i = 0; i < cnt; i++) {
		if (iov[i].iov_len > SSIZE_MAX_U) {
			kfree(iov);
			return -EINVAL;
		}
		iov[i].iov_len = MIN(iov[i].iov_len, MAX_RW_COUNT - *total);
		*total += iov[i].iov_len;
	}
	*out = iov;
	return 0;
}

static long do_iov(int fd, const struct iovec __user *uiov, int cnt, bool write)
{
	struct file *f = fd_get(fd);
	struct iovec *iov;
	u32 total, done = 0;
	long r = 0;

	if (!f || !(write ? file_writable(f) : file_readable(f)))
		return -EBADF;
	if (write ? !f->ops->write : !f->ops->read)
		return -EINVAL;
	if ((r = get_iovec(uiov, cnt, &iov, &total)) < 0)
		return r;
	if (write && f->ops == &pipe_ops && total <= PIPE_BUF)
		r = pipe_reserve(f, total);
	for (int i = 0; r >= 0 && i < cnt; i++) {
		if (!iov[i].iov_len)
			continue;
		if (!access_ok(iov[i].iov_base, iov[i].iov_len)) {
			r = -EFAULT;
			break;
		}
		r = write ? f->ops->write(f, iov[i].iov_base, iov[i].iov_len)
			  : f->ops->read(f, iov[i].iov_base, iov[i].iov_len);
		if (r > 0)
			done += (u32)r;
		if (r < (long)iov[i].iov_len)
			break;
	}
	kfree(iov);
	return done ? (long)done : r;
}

long sys_readv(int fd, const struct iovec __user *iov, int cnt)
{
	return do_iov(fd, iov, cnt, false);
}

long sys_writev(int fd, const struct iovec __user *iov, int cnt)
{
	return do_iov(fd, iov, cnt, true);
}

/* _llseek: the offset is high:low, the new position goes to *result. */
long sys__llseek(int fd, u32 high, u32 low, u64 __user *result, int whence)
{
	struct file *f = fd_get(fd);
	s64 off = (s64)(((u64)high << 32) | low);
	u64 pos;
	long r;

	if (!f)
		return -EBADF;
	if (!f->ops->lseek)
		return -ESPIPE;
	if (off != (long)off)
		return -EINVAL;
	if ((r = f->ops->lseek(f, (long)off, whence)) < 0)
		return r;
	pos = (u64)r;
	if (copy_to_user(result, &pos, sizeof(pos)) < 0)
		return -EFAULT;
	return 0;
}
