/*
 * sys_thread.c - the thread and group identity calls a Linux C library
 * makes at start: gettid, set_tid_address, getgroups32.
 *
 * A process here is a single thread, so its thread id is its pid.
 * Supplementary groups: up to NGROUPS, set by root with setgroups32,
 * inherited by fork and kept by exec; file permission checks count a
 * file's group as the caller's if it is the effective group or one of
 * these (more than NGROUPS is EINVAL; Linux allows 65536).
 */
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/string.h"
#include "mm/mm.h"
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

bool proc_in_group(const struct proc *p, int gid)
{
	if (p->egid == gid)
		return true;
	for (int i = 0; i < p->ngroups; i++)
		if (p->groups[i] == gid)
			return true;
	return false;
}

/* getgroups32(size, list): the number of supplementary groups, and with
 * size > 0 the groups; a size too small for them is EINVAL. */
long sys_getgroups32(int size, u32 __user *list)
{
	if (size < 0)
		return -EINVAL;
	if (size == 0)
		return current->ngroups;
	if (size < current->ngroups)
		return -EINVAL;
	if (copy_to_user(list, current->groups, sizeof(int) * (u32)current->ngroups) < 0)
		return -EFAULT;
	return current->ngroups;
}

/* setgroups32(size, list): root only (EPERM). */
long sys_setgroups32(int size, const u32 __user *list)
{
	int groups[NGROUPS];

	if (current->euid != 0)
		return -EPERM;
	if (size < 0 || size > NGROUPS)
		return -EINVAL;
	if (copy_from_user(groups, list, sizeof(int) * (u32)size) < 0)
		return -EFAULT;
	memcpy(current->groups, groups, sizeof(int) * (u32)size);
	current->ngroups = size;
	return 0;
}
