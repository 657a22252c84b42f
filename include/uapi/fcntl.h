/*
 * uapi/fcntl.h - open() flags and fcntl() commands, Linux i386 values.
 */
#ifndef _UAPI_FCNTL_H
#define _UAPI_FCNTL_H

#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_NOCTTY	00000400
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_NDELAY	O_NONBLOCK
#define O_DIRECTORY	00200000
#define O_NOFOLLOW	00400000
#define O_CLOEXEC	02000000

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_DUPFD_CLOEXEC	1030
#define F_SETPIPE_SZ	1031		/* a pipe's size: set, get (pipe(7)) */
#define F_GETPIPE_SZ	1032

#define FD_CLOEXEC	1

#define F_GETLK64	12		/* fcntl64 */
#define F_SETLK64	13
#define F_SETLKW64	14

#define AT_FDCWD		-100	/* *at(): relative to the working directory */
#define AT_SYMLINK_NOFOLLOW	0x100	/* fstatat, fchmodat, utimensat... */
#define AT_REMOVEDIR		0x200	/* unlinkat: as rmdir */
#define AT_EACCESS		0x200	/* faccessat: with the effective ids */
#define AT_SYMLINK_FOLLOW	0x400	/* linkat */
#define AT_NO_AUTOMOUNT		0x800	/* fstatat: accepted, no effect here */
#define AT_EMPTY_PATH		0x1000	/* "" names dirfd itself */

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

#endif
