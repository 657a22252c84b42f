/*
 * sys_file.c - system calls on file descriptors: read, write, open,
 * close, lseek, dup, dup2, dup3, fcntl, fcntl64, ioctl, getdents,
 * getdents64, openat.  (fstat is in kernel/sys_stat.c; fcntl's pipe
 * sizes in ipc/pipe_pages.c.)
 */
#include "ipc/pipe.h"
#include "kernel/syscall.h"
#include "kernel/file.h"
#include "kernel/proc.h"
#include "kernel/procfs.h"
#include "kernel/string.h"
#include "kernel/vfs.h"
#include "mm/mm.h"
#include "kernel/errno.h"
#include <uapi/fcntl.h>

#define SETFL_MASK	(O_APPEND | O_NONBLOCK)
#define DIRENT_HEADER	(offsetof(struct linux_dirent, d_name))
#define DIRENT64_HEADER	(offsetof(struct linux_dirent64, d_name))

extern const struct file_ops dir_ops;

long sys_read(int fd, char __user *buf, u32 n)
{
	struct file *f = fd_get(fd);

	if (!f || !file_readable(f))
		return -EBADF;
	if (!f->ops->read)
		return -EINVAL;
	if (!access_ok(buf, n))
		return -EFAULT;
	return f->ops->read(f, buf, n);
}

long sys_write(int fd, const char __user *buf, u32 n)
{
	struct file *f = fd_get(fd);

	if (!f || !file_writable(f))
		return -EBADF;
	if (!f->ops->write)
		return -EINVAL;
	if (!access_ok(buf, n))
		return -EFAULT;
	return f->ops->write(f, buf, n);
}

long sys_openat(int dirfd, const char __user *upath, int flags, int mode)
{
	struct inode *start;
	struct file *f;
	char *path;
	long err;

	if ((err = getname(upath, &path)) < 0)
		return err;
	if ((err = at_start(dirfd, path, &start)) == 0)
		err = file_open_at(start, path, (u32)flags, (u16)mode, &f);
	putname(path);
	if (err < 0)
		return err;
	if ((err = fd_install(f, 0)) < 0)
		file_put(f);
	else if (flags & O_CLOEXEC)
		current->cloexec |= 1ull << err;
	return err;
}

long sys_open(const char __user *path, int flags, int mode)
{
	return sys_openat(AT_FDCWD, path, flags, mode);
}

long sys_creat(const char __user *path, int mode)
{
	return sys_open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_close(int fd)
{
	return fd_close(fd);
}

long sys_lseek(int fd, long off, int whence)
{
	struct file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	if (!f->ops->lseek)
		return -ESPIPE;		/* pipes, FIFOs, the terminal */
	return f->ops->lseek(f, off, whence);
}

/* Devices with no position (/dev/null, /dev/zero): lseek succeeds, as 0. */
long null_lseek(struct file *f, long off, int whence)
{
	(void)off, (void)whence;
	f->pos = 0;
	return 0;
}

/* Regular files and directories: a new offset from the start, the
 * current offset or the end. */
long generic_lseek(struct file *f, long off, int whence)
{
	long base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = (long)f->pos;
		break;
	case SEEK_END:
		base = (long)f->inode->size;
		break;
	default:
		return -EINVAL;
	}
	if (base + off < 0)
		return -EINVAL;
	f->pos = (u32)(base + off);
	return (long)f->pos;
}

static long dup_from(int fd, int min_fd, bool cloexec)
{
	struct file *f = fd_get(fd);
	int nfd;

	if (!f)
		return -EBADF;
	if (min_fd < 0 || min_fd >= fd_limit())
		return -EINVAL;
	file_get(f);
	if ((nfd = fd_install(f, min_fd)) < 0)
		file_put(f);
	else if (cloexec)
		current->cloexec |= 1ull << nfd;
	return nfd;
}

long sys_dup(int fd)
{
	return dup_from(fd, 0, false);
}

/* Make fd2 (closed first if open) refer to fd's file. */
static long dup_to(int fd, int fd2, bool cloexec)
{
	struct file *f = fd_get(fd);

	if (!f || fd2 < 0 || fd2 >= fd_limit())
		return -EBADF;
	if (current->files[fd2])
		fd_close(fd2);
	file_get(f);
	current->files[fd2] = f;
	if (cloexec)
		current->cloexec |= 1ull << fd2;
	else
		current->cloexec &= ~(1ull << fd2);
	return fd2;
}

long sys_dup2(int fd, int fd2)
{
	if (fd == fd2)
		return fd_get(fd) ? fd2 : -EBADF;
	return dup_to(fd, fd2, false);
}

long sys_dup3(int fd, int fd2, int flags)
{
	if ((flags & ~O_CLOEXEC) || fd == fd2)
		return -EINVAL;
	return dup_to(fd, fd2, flags & O_CLOEXEC);
}

long sys_fcntl(int fd, int cmd, u32 arg)
{
	struct file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		return dup_from(fd, (int)arg, cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
		return (current->cloexec >> fd) & 1 ? FD_CLOEXEC : 0;
	case F_SETFD:
		if (arg & FD_CLOEXEC)
			current->cloexec |= 1ull << fd;
		else
			current->cloexec &= ~(1ull << fd);
		return 0;
	case F_GETFL:
		return (long)f->flags;
	case F_SETFL:
		f->flags = (f->flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		return 0;
	case F_SETPIPE_SZ:
	case F_GETPIPE_SZ:
		return pipe_fcntl(f, cmd, arg);
	}
	return -EINVAL;
}

/* fcntl64 is fcntl with 64-bit record locks, which are not kept here. */
long sys_fcntl64(int fd, int cmd, u32 arg)
{
	return sys_fcntl(fd, cmd, arg);
}

long sys_ioctl(int fd, u32 cmd, u32 arg)
{
	struct file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	if (!f->ops->ioctl)
		return -ENOTTY;
	return f->ops->ioctl(f, cmd, arg);
}

static u8 dirent_type(u16 mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR:	return DT_DIR;
	case S_IFREG:	return DT_REG;
	case S_IFCHR:	return DT_CHR;
	case S_IFIFO:	return DT_FIFO;
	case S_IFLNK:	return DT_LNK;
	}
	return DT_UNKNOWN;
}

/* The first entry of dir at position >= *pos: 0 is ".", 1 is "..", then
 * the entries by their positions.  Sets *pos to that entry's. */
static bool dir_entry(struct inode *dir, u32 *pos, const char **name, struct inode **ip)
{
	struct dentry *d = dir->entries;

	if (*pos < DIR_FIRST_POS) {
		*name = *pos ? ".." : ".";
		*ip = *pos ? dir->parent : dir;
		return true;
	}
	if (dir->proc_kind)
		return procfs_entry(dir, pos, name, ip);
	while (d && d->pos < *pos)
		d = d->next;
	if (!d)
		return false;
	*pos = d->pos;
	*name = d->name;
	*ip = d->inode;
	return true;
}

/* One record of getdents (wide: getdents64) into rec; its length. */
static u32 dirent_record(u8 *rec, bool wide, const char *name, struct inode *ip, u32 next)
{
	u32 len = strlen(name);

	if (wide) {
		struct linux_dirent64 *d = (struct linux_dirent64 *)rec;
		u32 reclen = ALIGN_UP(DIRENT64_HEADER + len + 1, 8);

		memset(rec, 0, reclen);
		d->d_ino = ip->ino;
		d->d_off = next;
		d->d_reclen = (u16)reclen;
		d->d_type = dirent_type(ip->mode);
		memcpy(d->d_name, name, len);
		return reclen;
	} else {
		struct linux_dirent *d = (struct linux_dirent *)rec;
		u32 reclen = ALIGN_UP(DIRENT_HEADER + len + 2, 4);

		memset(rec, 0, reclen);
		d->d_ino = ip->ino;
		d->d_off = next;
		d->d_reclen = (u16)reclen;
		memcpy(d->d_name, name, len);
		rec[reclen - 1] = dirent_type(ip->mode);
		return reclen;
	}
}

/* getdents(2) and getdents64: as many whole records as fit; f->pos is
 * the position of the next entry to return. */
static long get_dents(int fd, u8 __user *ubuf, u32 n, bool wide)
{
	struct file *f = fd_get(fd);
	u8 rec[DIRENT64_HEADER + NAME_MAX + 1 + 8];
	u32 done = 0;
	const char *name;
	struct inode *ip;

	if (!f)
		return -EBADF;
	if (f->ops != &dir_ops)
		return -ENOTDIR;
	if (dir_dead(f->inode))
		return -ENOENT;
	while (dir_entry(f->inode, &f->pos, &name, &ip)) {
		u32 reclen = dirent_record(rec, wide, name, ip, f->pos + 1);

		if (done + reclen > n)
			break;
		if (copy_to_user(ubuf + done, rec, reclen) < 0)
			return -EFAULT;
		done += reclen;
		f->pos++;
	}
	if (done == 0 && dir_entry(f->inode, &f->pos, &name, &ip))
		return -EINVAL;			/* buffer too small for one record */
	return (long)done;
}

long sys_getdents(int fd, struct linux_dirent __user *d, u32 n)
{
	return get_dents(fd, (u8 __user *)d, n, false);
}

long sys_getdents64(int fd, struct linux_dirent64 __user *d, u32 n)
{
	return get_dents(fd, (u8 __user *)d, n, true);
}
