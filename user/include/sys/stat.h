/*
 * sys/stat.h - file status and modes; struct stat, struct stat64 and the
 * S_* macros are the kernel's (uapi/stat.h).
 */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>
#include <uapi/stat.h>
#include <uapi/time.h>

int stat(const char *restrict path, struct stat *restrict st);
int fstat(int fd, struct stat *st);
int lstat(const char *restrict path, struct stat *restrict st);
int mkdir(const char *path, mode_t mode);
int chmod(const char *path, mode_t mode);
int mknod(const char *path, mode_t mode, dev_t dev);
int mkfifo(const char *path, mode_t mode);
mode_t umask(mode_t mask);

#define UTIME_NOW	((1l << 30) - 1)	/* utimensat: set to now */
#define UTIME_OMIT	((1l << 30) - 2)	/* utimensat: leave as it is */

int fstatat(int dirfd, const char *restrict path, struct stat *restrict st, int flags);
int mkdirat(int dirfd, const char *path, mode_t mode);
int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev);
int mkfifoat(int dirfd, const char *path, mode_t mode);
int fchmodat(int dirfd, const char *path, mode_t mode, int flags);
int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags);
int futimens(int fd, const struct timespec times[2]);

#endif
