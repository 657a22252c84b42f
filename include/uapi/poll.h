/*
 * uapi/poll.h - poll and ppoll (168, 309): the descriptor array entry and
 * the event bits (the Linux i386 values), shared by the kernel and libc.
 */
#ifndef _UAPI_POLL_H
#define _UAPI_POLL_H

struct pollfd {
	int fd;			/* negative: ignored, revents 0 */
	short events;		/* what the caller waits for */
	short revents;		/* what happened (POLLERR, POLLHUP, POLLNVAL always) */
};

#define POLLIN		0x001	/* data to read */
#define POLLPRI		0x002	/* urgent data */
#define POLLOUT		0x004	/* room to write */
#define POLLERR		0x008	/* error: a pipe's write end with no reader */
#define POLLHUP		0x010	/* hang up: a pipe's read end with no writer */
#define POLLNVAL	0x020	/* fd is not open */
#define POLLRDNORM	0x040
#define POLLRDBAND	0x080
#define POLLWRNORM	0x100
#define POLLWRBAND	0x200

#endif
