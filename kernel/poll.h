/*
 * poll.h - waiting for files to become ready (kernel/poll.c).
 */
#ifndef KERNEL_POLL_H
#define KERNEL_POLL_H

#include "kernel/types.h"
#include <uapi/poll.h>

/* What a kind of file without a poll method is: always ready. */
#define DEFAULT_POLLMASK	(POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM)

struct file;

u32 file_poll(struct file *f);	/* the POLL* bits f is ready for now */
void poll_wake(void);		/* a file's readiness may have changed */

#endif
