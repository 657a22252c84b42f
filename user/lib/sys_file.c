/*
 * sys_file.c - wrappers for the file system calls: descriptors, paths,
 * status, directories, ioctl.  Each one returns the call's result, or -1
 * with errno set.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "syscall.h"

ssize_t read(int fd, void *buf, size_t count)
{
	return SYS3(read, fd, buf, count);
}

ssize_t write(int fd, const void *buf, size_t count)
{
	return SYS3(write, fd, buf, count);
}

/* The mode argument is only there (and only read) when O_CREAT is set. */
int open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return SYS3(open, path, flags, mode);
}

int creat(const char *path, mode_t mode)
{
	return SYS2(creat, path, mode);
}

int close(int fd)
{
	return SYS1(close, fd);
}

off_t lseek(int fd, off_t offset, int whence)
{
	return SYS3(lseek, fd, offset, whence);
}

int dup(int fd)
{
	return SYS1(dup, fd);
}

int dup2(int oldfd, int newfd)
{
	return SYS2(dup2, oldfd, newfd);
}

int dup3(int oldfd, int newfd, int flags)
{
	return SYS3(dup3, oldfd, newfd, flags);
}

int pipe(int fds[2])
{
	return SYS1(pipe, fds);
}

int pipe2(int fds[2], int flags)
{
	return SYS2(pipe2, fds, flags);
}

/* F_GETFD and F_GETFL take no argument; every other command takes one. */
int fcntl(int fd, int cmd, ...)
{
	long arg = 0;
	va_list ap;

	if (cmd != F_GETFD && cmd != F_GETFL) {
		va_start(ap, cmd);
		arg = va_arg(ap, long);
		va_end(ap);
	}
	return SYS3(fcntl, fd, cmd, arg);
}

int ioctl(int fd, unsigned long request, ...)
{
	void *arg;
	va_list ap;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	return SYS3(ioctl, fd, request, arg);
}

int link(const char *oldpath, const char *newpath)
{
	return SYS2(link, oldpath, newpath);
}

int unlink(const char *path)
{
	return SYS1(unlink, path);
}

int rename(const char *oldpath, const char *newpath)
{
	return SYS2(rename, oldpath, newpath);
}

/* remove() unlinks a file or removes an empty directory. */
int remove(const char *path)
{
	int err;

	if (unlink(path) == 0)
		return 0;
	err = errno;
	if (err != EISDIR && err != EPERM)
		return -1;
	if (rmdir(path) == 0)
		return 0;
	if (errno == ENOTDIR)
		errno = err;
	return -1;
}

int mkdir(const char *path, mode_t mode)
{
	return SYS2(mkdir, path, mode);
}

int rmdir(const char *path)
{
	return SYS1(rmdir, path);
}

int chdir(const char *path)
{
	return SYS1(chdir, path);
}

int chmod(const char *path, mode_t mode)
{
	return SYS2(chmod, path, mode);
}

int chown(const char *path, uid_t owner, gid_t group)
{
	return SYS3(chown32, path, owner, group);
}

int mknod(const char *path, mode_t mode, dev_t dev)
{
	return SYS3(mknod, path, mode, dev);
}

int mkfifo(const char *path, mode_t mode)
{
	return mknod(path, (mode & ~S_IFMT) | S_IFIFO, 0);
}

int access(const char *path, int mode)
{
	return SYS2(access, path, mode);
}

/* umask cannot fail; it returns the previous mask. */
mode_t umask(mode_t mask)
{
	return (mode_t)__syscall1(__NR_umask, (long)mask);
}

int stat(const char *restrict path, struct stat *restrict st)
{
	return SYS2(stat, path, st);
}

int fstat(int fd, struct stat *st)
{
	return SYS2(fstat, fd, st);
}

int lstat(const char *restrict path, struct stat *restrict st)
{
	return SYS2(lstat, path, st);
}

int getdents(unsigned int fd, struct linux_dirent *dirp, unsigned int count)
{
	return SYS3(getdents, fd, dirp, count);
}

/*
 * The raw call returns the length of the path, NUL included; getcwd()
 * returns buf.  A NULL buf means "allocate one" (size bytes, or PATH_MAX
 * when size is 0), which the caller frees.
 */
char *getcwd(char *buf, size_t size)
{
	char *mem = NULL;

	if (!buf) {
		if (size == 0)
			size = PATH_MAX;
		mem = buf = malloc(size);
		if (!buf)
			return NULL;
	}
	if (SYS2(getcwd, buf, size) < 0) {
		free(mem);
		return NULL;
	}
	return buf;
}
