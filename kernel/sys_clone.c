/*
 * sys_clone.c - clone (120) and vfork (190) as a C library calls them to
 * make a process.
 *
 * A process here has one thread and an address space of its own, so
 * clone does what fork does, with the extras glibc and musl ask for:
 *  - CLONE_PARENT_SETTID: the child's id stored in the parent's memory;
 *  - CLONE_CHILD_SETTID: stored in the child's, when it first runs;
 *  - CLONE_CHILD_CLEARTID: accepted; with no threads sharing the memory,
 *    no one could see the word cleared at exit;
 *  - CLONE_SETTLS: the child's TLS segment (kernel/tls.c);
 *  - a new stack pointer for the child;
 *  - CLONE_VFORK: the parent sleeps until the child execs or exits;
 *  - CLONE_VM, only with CLONE_VFORK (vfork's and posix_spawn's way): the
 *    child runs in the parent's own address space meanwhile, so what it
 *    writes (posix_spawn's error report) the parent sees.
 * The exit signal must be SIGCHLD; thread flags (CLONE_THREAD, CLONE_SIGHAND,
 * CLONE_FILES, CLONE_FS...) and namespaces are EINVAL.
 *
 * vfork is clone(CLONE_VM | CLONE_VFORK | SIGCHLD), as in Linux.
 */
#include "kernel/syscall.h"
#include "kernel/errno.h"
#include "kernel/proc.h"
#include "kernel/tls.h"
#include "kernel/trap.h"
#include "mm/mm.h"
#include <uapi/signal.h>

#define CSIGNAL			0x000000ffu	/* the exit signal */
#define CLONE_VM		0x00000100u
#define CLONE_VFORK		0x00004000u
#define CLONE_SETTLS		0x00080000u
#define CLONE_PARENT_SETTID	0x00100000u
#define CLONE_CHILD_CLEARTID	0x00200000u
#define CLONE_DETACHED		0x00400000u	/* ignored, as Linux */
#define CLONE_CHILD_SETTID	0x01000000u
#define CLONE_SUPPORTED		(CSIGNAL | CLONE_VM | CLONE_VFORK | CLONE_SETTLS | \
				 CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | \
				 CLONE_DETACHED | CLONE_CHILD_SETTID)

/* i386 order: flags, stack, parent_tid, tls, child_tid. */
long sys_clone(u32 flags, u32 newsp, int __user *parent_tid, struct user_desc __user *tls,
	       int __user *child_tid)
{
	struct proc *child;
	long pid, err;

	if ((flags & ~CLONE_SUPPORTED) || (flags & CSIGNAL) != SIGCHLD ||
	    ((flags & CLONE_VM) && !(flags & CLONE_VFORK)))
		return -EINVAL;
	if ((flags & CLONE_SETTLS) && (err = tls_clone_check(tls)) < 0)
		return err;
	if ((pid = proc_fork_mm(flags & CLONE_VM)) < 0)
		return pid;
	child = proc_find((int)pid);
	if (newsp)
		child->tf->esp = newsp;
	if (flags & CLONE_SETTLS)
		tls_set_child(child, tls);
	if (flags & CLONE_CHILD_SETTID)
		child->set_child_tid = child_tid;
	if (flags & CLONE_PARENT_SETTID)
		copy_to_user(parent_tid, &child->pid, sizeof(child->pid));
	if (flags & CLONE_VFORK)
		proc_vfork_wait(child);
	return pid;
}

long sys_vfork(void)
{
	return sys_clone(CLONE_VM | CLONE_VFORK | SIGCHLD, 0, NULL, NULL, NULL);
}
