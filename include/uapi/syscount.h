/*
 * uapi/syscount.h - this kernel's per-process system call counts,
 * syscount (number 1001, the course's syscalls lab).
 *
 *   syscount(struct syscount *list, n)
 *
 * For each of the n records the caller sets pid (0: the caller itself);
 * the kernel sets calls to the number of system calls that process has
 * made since it was forked (exec keeps the count; every call counts, the
 * failed ones and this syscount too).  Returns 0, or -1 with errno:
 *   EINVAL  n > SYSCOUNT_MAX, or a pid below 0
 *   ESRCH   no process has one of the pids (zombies still count)
 *   EFAULT  list is not readable and writable user memory
 * On an error no record is changed.  n = 0 does nothing and returns 0.
 */
#ifndef _UAPI_SYSCOUNT_H
#define _UAPI_SYSCOUNT_H

#define SYSCOUNT_MAX	64	/* records per call */

struct syscount {
	int pid;		/* in: the process, 0 = the caller */
	unsigned int calls;	/* out: system calls it has made */
};

#endif
