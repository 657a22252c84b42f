/*
 * fcntl.h - open(), creat(), fcntl() and their flags.
 */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

int open(const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);
int openat(int dirfd, const char *path, int flags, ...);

#endif
