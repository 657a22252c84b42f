/*
 * sys/stat.h - file status and modes; struct stat and the S_* macros are
 * the kernel's (uapi/stat.h).
 */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>
#include <uapi/stat.h>

int stat(const char *restrict path, struct stat *restrict st);
int fstat(int fd, struct stat *st);
int lstat(const char *restrict path, struct stat *restrict st);
int mkdir(const char *path, mode_t mode);
int chmod(const char *path, mode_t mode);
int mknod(const char *path, mode_t mode, dev_t dev);
int mkfifo(const char *path, mode_t mode);
mode_t umask(mode_t mask);

#endif
