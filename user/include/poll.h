/*
 * poll.h - poll() and ppoll(): wait for events on several descriptors.
 * struct pollfd and the POLL* bits are the kernel's (uapi/poll.h).
 */
#ifndef _POLL_H
#define _POLL_H

#include <signal.h>
#include <time.h>
#include <uapi/poll.h>

typedef unsigned long nfds_t;

int poll(struct pollfd *fds, nfds_t nfds, int timeout);
int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
	  const sigset_t *sigmask);

#endif
