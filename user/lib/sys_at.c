/*
 * sys_at.c - wrappers for the calls that name a file relative to a
 * directory descriptor (openat, fstatat, mkdirat ...), symbolic links,
 * utimensat, readv/writev, the interval timers and the thread ids.
 * Each returns the call's result, or -1 with errno set.
 */
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <unistd.h>
#include "syscall.h"

int openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return SYS4(openat, dirfd, path, flags, mode);
}

/* struct stat64 from the kernel, in the old struct stat. */
int fstatat(int dirfd, const char *restrict path, struct stat *restrict st, int flags)
{
	struct stat64 s;

	if (SYS4(fstatat64, dirfd, path, &s, flags) < 0)
		return -1;
	memset(st, 0, sizeof(*st));
	st->st_dev = (unsigned long)s.st_dev;
	st->st_ino = (unsigned long)s.st_ino;
	st->st_mode = (unsigned short)s.st_mode;
	st->st_nlink = (unsigned short)s.st_nlink;
	st->st_uid = (unsigned short)s.st_uid;
	st->st_gid = (unsigned short)s.st_gid;
	st->st_rdev = (unsigned long)s.st_rdev;
	st->st_size = (unsigned long)s.st_size;
	st->st_blksize = s.st_blksize;
	st->st_blocks = (unsigned long)s.st_blocks;
	st->st_atime = s.st_atime;
	st->st_mtime = s.st_mtime;
	st->st_ctime = s.st_ctime;
	return 0;
}

int mkdirat(int dirfd, const char *path, mode_t mode)
{
	return SYS3(mkdirat, dirfd, path, mode);
}

int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev)
{
	return SYS4(mknodat, dirfd, path, mode, dev);
}

int mkfifoat(int dirfd, const char *path, mode_t mode)
{
	return mknodat(dirfd, path, (mode & ~S_IFMT) | S_IFIFO, 0);
}

int unlinkat(int dirfd, const char *path, int flags)
{
	return SYS3(unlinkat, dirfd, path, flags);
}

int renameat(int olddirfd, const char *old, int newdirfd, const char *new)
{
	return SYS4(renameat, olddirfd, old, newdirfd, new);
}

int linkat(int olddirfd, const char *old, int newdirfd, const char *new, int flags)
{
	return __sys_ret(__syscall5(__NR_linkat, olddirfd, (long)old, newdirfd,
				    (long)new, flags));
}

/* The kernel's faccessat takes no flags: the real ids are always used. */
int faccessat(int dirfd, const char *path, int mode, int flags)
{
	if (flags) {
		errno = EINVAL;
		return -1;
	}
	return SYS3(faccessat, dirfd, path, mode);
}

int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	if (flags) {
		errno = flags & AT_SYMLINK_NOFOLLOW ? ENOTSUP : EINVAL;
		return -1;
	}
	return SYS3(fchmodat, dirfd, path, mode);
}

int symlink(const char *target, const char *path)
{
	return SYS2(symlink, target, path);
}

int symlinkat(const char *target, int dirfd, const char *path)
{
	return SYS3(symlinkat, target, dirfd, path);
}

ssize_t readlink(const char *restrict path, char *restrict buf, size_t size)
{
	return SYS3(readlink, path, buf, size);
}

ssize_t readlinkat(int dirfd, const char *restrict path, char *restrict buf, size_t size)
{
	return SYS4(readlinkat, dirfd, path, buf, size);
}

int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags)
{
	return SYS4(utimensat, dirfd, path, times, flags);
}

int futimens(int fd, const struct timespec times[2])
{
	return utimensat(fd, NULL, times, 0);
}

ssize_t readv(int fd, const struct iovec *iov, int cnt)
{
	return SYS3(readv, fd, iov, cnt);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	return SYS3(writev, fd, iov, cnt);
}

int getitimer(int which, struct itimerval *value)
{
	return SYS2(getitimer, which, value);
}

int setitimer(int which, const struct itimerval *restrict value,
	      struct itimerval *restrict old)
{
	return SYS3(setitimer, which, value, old);
}

pid_t gettid(void)
{
	return SYS0(gettid);
}

int tgkill(pid_t tgid, pid_t tid, int sig)
{
	return SYS3(tgkill, tgid, tid, sig);
}

int getgroups(int size, gid_t list[])
{
	return SYS2(getgroups32, size, list);
}

int setgroups(size_t size, const gid_t *list)
{
	return SYS2(setgroups32, size, list);
}
