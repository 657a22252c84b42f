/*
 * sys/select.h - select() and pselect(): wait until descriptors in three
 * sets are ready.  fd_set is the kernel's bit array (uapi/select.h).
 */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <signal.h>
#include <sys/time.h>
#include <time.h>
#include <uapi/select.h>

#define __FD_WORD(fd)	((fd) / NFDBITS)
#define __FD_MASK(fd)	(1UL << ((fd) % NFDBITS))

#define FD_ZERO(set)	__builtin_memset((set), 0, sizeof(fd_set))
#define FD_SET(fd, set)	((set)->fds_bits[__FD_WORD(fd)] |= __FD_MASK(fd))
#define FD_CLR(fd, set)	((set)->fds_bits[__FD_WORD(fd)] &= ~__FD_MASK(fd))
#define FD_ISSET(fd, set) (((set)->fds_bits[__FD_WORD(fd)] & __FD_MASK(fd)) != 0)

int select(int nfds, fd_set *restrict rfds, fd_set *restrict wfds,
	   fd_set *restrict efds, struct timeval *restrict timeout);
int pselect(int nfds, fd_set *restrict rfds, fd_set *restrict wfds,
	    fd_set *restrict efds, const struct timespec *restrict timeout,
	    const sigset_t *restrict sigmask);

#endif
