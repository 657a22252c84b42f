/*
 * sys/uio.h - readv() and writev(); struct iovec is the kernel's.
 */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <sys/types.h>
#include <uapi/uio.h>

#define IOV_MAX		UIO_MAXIOV

ssize_t readv(int fd, const struct iovec *iov, int cnt);
ssize_t writev(int fd, const struct iovec *iov, int cnt);

#endif
