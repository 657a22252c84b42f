/*
 * sys_thread.c - the thread and group identity calls a Linux C library
 * makes at start: gettid, set_tid_address, getgroups32.
 *
 * A process here is a single thread, so its thread id is its pid.  There
 * are no supplementary groups: getgroups reports none.
 */
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/errno.h"

long sys_gettid(void)
{
	return current->pid;
}

/* set_tid_address: where the C library wants the thread id cleared at
 * exit; the answer is the caller's thread id. */
long sys_set_tid_address(int __user *tidptr)
{
	(void)tidptr;
	return current->pid;
}

/* getgroups32(size, list): the number of supplementary groups (none);
 * a negative size is EINVAL. */
long sys_getgroups32(int size, u32 __user *list)
{
	(void)list;
	if (size < 0)
		return -EINVAL;
	return 0;
}
