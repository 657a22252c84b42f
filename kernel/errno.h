/*
 * errno.h - error numbers inside the kernel: Linux's (uapi/errno.h) plus
 * the restart codes, which never reach user space.  A system call
 * interrupted by a signal returns one of them; on the way back to user
 * mode ipc/signal.c turns it into -EINTR or restarts the call, depending
 * on the signal's handler (SA_RESTART).
 */
#ifndef KERNEL_ERRNO_H
#define KERNEL_ERRNO_H

#include "kernel/types.h"
#include <uapi/errno.h>

#define ERESTARTSYS	512	/* restart if no handler runs or SA_RESTART */
#define ERESTARTNOHAND	514	/* restart only if no handler runs */
#define ERESTART_RESTARTBLOCK 516	/* no handler: go on through restart_syscall */

static inline bool is_restart_code(long v)
{
	return v == -ERESTARTSYS || v == -ERESTARTNOHAND || v == -ERESTART_RESTARTBLOCK;
}

#endif
