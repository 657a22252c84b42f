/*
 * sys_stat.c - a file's status and times: stat, lstat, the 64-bit
 * stat64/lstat64/fstat64/fstatat64 with Linux i386's 96-byte struct
 * stat64, readlink, readlinkat and utimensat.
 *
 * stat follows a final symbolic link, lstat describes the link itself.
 * fstatat64 and utimensat take AT_SYMLINK_NOFOLLOW for lstat's behaviour
 * and AT_EMPTY_PATH to mean dirfd's own file when the path is "".
 * Inode times are kept in whole seconds: nanoseconds read back as 0.
 */
#include "kernel/syscall.h"
#include "kernel/file.h"
#include "kernel/proc.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/vfs.h"
#include "mm/mm.h"
#include "kernel/errno.h"
#include <uapi/fcntl.h>
#include <uapi/time.h>

#define FSTATAT_FLAGS	(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT)
#define UTIMENSAT_FLAGS	(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)
#define UTIME_NOW	((1l << 30) - 1)
#define UTIME_OMIT	((1l << 30) - 2)
#define NSEC_PER_SEC_L	1000000000l

_Static_assert(sizeof(struct stat64) == 96, "struct stat64 is 96 bytes on Linux i386");

static long copy_stat(struct inode *ip, struct stat __user *ust)
{
	struct stat k;

	inode_stat(ip, &k);
	return copy_to_user(ust, &k, sizeof(k));
}

static long copy_stat64(struct inode *ip, struct stat64 __user *ust)
{
	struct stat k;
	struct stat64 k64;

	inode_stat(ip, &k);
	memset(&k64, 0, sizeof(k64));
	k64.st_dev = k.st_dev;
	k64.__st_ino = k.st_ino;
	k64.st_ino = k.st_ino;
	k64.st_mode = k.st_mode;
	k64.st_nlink = k.st_nlink;
	k64.st_uid = k.st_uid;
	k64.st_gid = k.st_gid;
	k64.st_rdev = k.st_rdev;
	k64.st_size = k.st_size;
	k64.st_blksize = k.st_blksize;
	k64.st_blocks = k.st_blocks;
	k64.st_atime = k.st_atime;
	k64.st_mtime = k.st_mtime;
	k64.st_ctime = k.st_ctime;
	return copy_to_user(ust, &k64, sizeof(k64));
}

long sys_stat(const char __user *path, struct stat __user *st)
{
	struct inode *ip;
	long err = user_namei_at(AT_FDCWD, path, LOOKUP_FOLLOW, &ip);

	if (err < 0)
		return err;
	err = copy_stat(ip, st);
	inode_put(ip);
	return err;
}

long sys_lstat(const char __user *path, struct stat __user *st)
{
	struct inode *ip;
	long err = user_namei_at(AT_FDCWD, path, 0, &ip);

	if (err < 0)
		return err;
	err = copy_stat(ip, st);
	inode_put(ip);
	return err;
}

/*
 * The inode an *at() call with flags means: path from dirfd, or - with
 * AT_EMPTY_PATH and an empty path - the file open as dirfd (any kind of
 * file), or the working directory for AT_FDCWD.
 */
static int at_inode(int dirfd, const char __user *upath, int flags, struct inode **ip)
{
	int follow = flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW;
	char first;
	struct file *f;

	if ((flags & AT_EMPTY_PATH) && copy_from_user(&first, upath, 1) == 0 && !first) {
		if (dirfd == AT_FDCWD) {
			*ip = current->cwd;
		} else {
			if (!(f = fd_get(dirfd)))
				return -EBADF;
			if (!f->inode)
				return -EBADF;
			*ip = f->inode;
		}
		inode_get(*ip);
		return 0;
	}
	return user_namei_at(dirfd, upath, follow, ip);
}

long sys_fstatat64(int dirfd, const char __user *path, struct stat64 __user *st, int flags)
{
	struct inode *ip;
	long err;

	if (flags & ~FSTATAT_FLAGS)
		return -EINVAL;
	if ((err = at_inode(dirfd, path, flags, &ip)) < 0)
		return err;
	err = copy_stat64(ip, st);
	inode_put(ip);
	return err;
}

long sys_stat64(const char __user *path, struct stat64 __user *st)
{
	return sys_fstatat64(AT_FDCWD, path, st, 0);
}

long sys_lstat64(const char __user *path, struct stat64 __user *st)
{
	return sys_fstatat64(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

long sys_fstat(int fd, struct stat __user *st)
{
	struct file *f = fd_get(fd);

	if (!f || !f->inode)
		return -EBADF;
	return copy_stat(f->inode, st);
}

long sys_fstat64(int fd, struct stat64 __user *st)
{
	struct file *f = fd_get(fd);

	if (!f || !f->inode)
		return -EBADF;
	return copy_stat64(f->inode, st);
}

/* readlink: the target, not NUL-terminated, cut to size bytes. */
long sys_readlinkat(int dirfd, const char __user *path, char __user *ubuf, int size)
{
	struct inode *ip;
	char *buf;
	long len;

	if (size <= 0)
		return -EINVAL;
	if ((len = user_namei_at(dirfd, path, 0, &ip)) < 0)
		return len;
	if (!S_ISLNK(ip->mode)) {
		inode_put(ip);
		return -EINVAL;
	}
	if (!(buf = path_buf())) {
		inode_put(ip);
		return -ENOMEM;
	}
	if ((len = link_target(ip, buf)) >= 0) {
		len = MIN(len, size);
		if (copy_to_user(ubuf, buf, (u32)len) < 0)
			len = -EFAULT;
	}
	putname(buf);
	inode_put(ip);
	return len;
}

long sys_readlink(const char __user *path, char __user *buf, int size)
{
	return sys_readlinkat(AT_FDCWD, path, buf, size);
}

static bool bad_nsec(long nsec)
{
	return (nsec < 0 || nsec >= NSEC_PER_SEC_L) && nsec != UTIME_NOW && nsec != UTIME_OMIT;
}

/*
 * May the caller set ip's times as asked?  To "now" (both UTIME_NOW):
 * its owner, root, or anyone who may write it (EACCES).  To any other
 * time: only its owner or root (EPERM).
 */
static int utimes_permission(struct inode *ip, const struct timespec *ts)
{
	bool owner = current->euid == 0 || current->euid == ip->uid;

	if (ts[0].tv_nsec == UTIME_NOW && ts[1].tv_nsec == UTIME_NOW)
		return owner ? 0 : inode_permission(ip, MAY_WRITE);
	return owner ? 0 : -EPERM;
}

static void set_time(u32 *t, const struct timespec *ts, u32 now)
{
	if (ts->tv_nsec == UTIME_NOW)
		*t = now;
	else if (ts->tv_nsec != UTIME_OMIT)
		*t = (u32)ts->tv_sec;
}

/* utimensat: times[0] is the access time, times[1] the modification
 * time; NULL means both now.  A NULL path means dirfd's own file. */
long sys_utimensat(int dirfd, const char __user *path, const struct timespec __user *utimes,
		   int flags)
{
	struct timespec ts[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	struct inode *ip;
	struct file *f;
	long err;

	if (flags & ~UTIMENSAT_FLAGS)
		return -EINVAL;
	if (utimes && copy_from_user(ts, utimes, sizeof(ts)) < 0)
		return -EFAULT;
	if (bad_nsec(ts[0].tv_nsec) || bad_nsec(ts[1].tv_nsec))
		return -EINVAL;
	if (path) {
		if ((err = at_inode(dirfd, path, flags, &ip)) < 0)
			return err;
	} else {
		if (dirfd == AT_FDCWD)
			return -EFAULT;
		if (!(f = fd_get(dirfd)) || !f->inode)
			return -EBADF;
		ip = f->inode;
		inode_get(ip);
	}
	if (ts[0].tv_nsec == UTIME_OMIT && ts[1].tv_nsec == UTIME_OMIT)
		err = 0;
	else if ((err = utimes_permission(ip, ts)) == 0) {
		u32 now = time_now();

		set_time(&ip->atime, &ts[0], now);
		set_time(&ip->mtime, &ts[1], now);
		ip->ctime = now;
	}
	inode_put(ip);
	return err;
}
