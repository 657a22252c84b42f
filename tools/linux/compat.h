/*
 * compat.h - included first in every test built for Linux by
 * tools/linux-check.sh.  It supplies what Relay's libc declares and
 * glibc does not: getdents and struct linux_dirent, and the System V IPC
 * limits with Linux's default values (glibc keeps them in the kernel's
 * headers, which clash with its own).
 */
#ifndef _LINUX_SHIM_COMPAT_H
#define _LINUX_SHIM_COMPAT_H

#include <unistd.h>
#include <sys/syscall.h>

struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[];
};

static inline int getdents(unsigned int fd, struct linux_dirent *dirp, unsigned int count)
{
	return (int)syscall(SYS_getdents, fd, dirp, count);
}

#define MSGMAX		8192
#define MSGMNB		16384
#define MSGMNI		32000
#define SEMMSL		32000
#define SEMMNI		32000
#define SEMOPM		500
#define SEMVMX		32767
#define SEMAEM		SEMVMX
#define SHMMIN		1
#define SHMMNI		4096

#endif
