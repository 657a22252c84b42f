/*
 * poll.c - wrappers for poll, ppoll, select (_newselect) and pselect
 * (pselect6).  ppoll and pselect give the kernel a copy of the timeout,
 * which it rewrites with the time left; POSIX leaves the caller's alone.
 */
#include <poll.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "syscall.h"

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	return SYS3(poll, fds, nfds, timeout);
}

int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
	  const sigset_t *sigmask)
{
	struct timespec ts, *tp = NULL;

	if (timeout) {
		ts = *timeout;
		tp = &ts;
	}
	return (int)__sys_ret(__syscall5(__NR_ppoll, (long)fds, (long)nfds, (long)tp,
					 (long)sigmask, sizeof(sigset_t)));
}

int select(int nfds, fd_set *restrict rfds, fd_set *restrict wfds,
	   fd_set *restrict efds, struct timeval *restrict timeout)
{
	return (int)__sys_ret(__syscall5(__NR__newselect, nfds, (long)rfds, (long)wfds,
					 (long)efds, (long)timeout));
}

int pselect(int nfds, fd_set *restrict rfds, fd_set *restrict wfds,
	    fd_set *restrict efds, const struct timespec *restrict timeout,
	    const sigset_t *restrict sigmask)
{
	struct { const sigset_t *mask; unsigned long size; } m = { sigmask, sizeof(sigset_t) };
	struct timespec ts, *tp = NULL;

	if (timeout) {
		ts = *timeout;
		tp = &ts;
	}
	return (int)syscall(__NR_pselect6, nfds, rfds, wfds, efds, tp, sigmask ? &m : NULL);
}
