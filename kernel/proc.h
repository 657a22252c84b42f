/*
 * proc.h - the process table.
 *
 * Every process has one slot in proc_table, and slot i its kernel stack
 * at a fixed place (kernel/kstack.c): identity (pid, parent,
 * process group, session, user and group ids), its address space (page
 * directory, program break), its kernel stack with the saved user
 * registers (tf) and kernel registers (context), what it sleeps on, its
 * open files and working directory, and its signal state.
 *
 * Slots are taken lowest first, and proc_slots is one more than the
 * highest slot in use, so that scans of the table stop there.
 *
 * Locking: there is one CPU and the kernel runs with interrupts disabled
 * (interrupts only arrive in user mode or in the idle loop), so kernel
 * code is never interrupted by other kernel code and needs no locks.
 */
#ifndef KERNEL_PROC_H
#define KERNEL_PROC_H

#include "kernel/types.h"
#include "boot/gdt.h"
#include "kernel/fpu.h"
#include <uapi/signal.h>
#include "mm/mm.h"
#include <uapi/resource.h>

#define NPROC		1024		/* process table slots */
#define NPROC_ROOT_RESERVE 16		/* slots only root may take */
#define KSTACK_SIZE	8192		/* kernel stack per process */
#define NOFILE		64		/* open files per process */
#define NGROUPS		32		/* supplementary groups per process */
#define PROC_NAME_LEN	16
#define KSTACK_CANARY	0x57ac4ca7u	/* at the bottom of every kernel stack */

enum proc_state {
	P_UNUSED,
	P_EMBRYO,	/* being created */
	P_RUNNABLE,
	P_RUNNING,
	P_SLEEPING,	/* on a wait queue and/or a timer */
	P_STOPPED,
	P_ZOMBIE,	/* exited, waiting for its parent to collect the status */
};

/* Kernel registers saved by swtch (kernel/swtch.asm); the callee-saved
 * ones in the i386 C calling convention, then the return address. */
struct context {
	u32 edi, esi, ebx, ebp, eip;
};

/* A wait queue: the processes sleeping until some condition may hold. */
struct wait_queue {
	struct proc *head;
};

struct file;
struct inode;
struct tty;
struct sem_undo;
struct shm_attach;

/* A signal's disposition (sigaction): handler, flags, mask. */
struct sig_action {
	u32 handler;			/* SIG_DFL (0), SIG_IGN (1) or an address */
	u32 flags;			/* SA_* */
	u32 restorer;			/* SA_RESTORER: returns from the handler */
	u64 mask;			/* blocked while the handler runs */
};

/* Where a pending signal came from, for its siginfo_t. */
struct sig_origin {
	int code;			/* si_code */
	int pid;
	int uid;
	int status;			/* SIGCHLD */
	u32 addr;			/* faults */
	u32 value;			/* sigqueue's si_value */
};

struct sigqueue;

struct proc {
	int pid;
	enum proc_state state;
	struct proc *parent;
	int pgid, sid;
	int uid, euid, suid;
	int gid, egid, sgid;
	int ngroups;			/* supplementary groups (setgroups) */
	int groups[NGROUPS];
	char name[PROC_NAME_LEN];

	/* address space */
	pde_t *pgdir;
	u32 brk_start;			/* end of the program image */
	u32 brk;			/* current program break */
	u32 arg_start, arg_end;		/* argv's strings on the stack (core dumps) */
	struct vm_area mmaps[NMMAP];	/* mapped ranges, by address (mm/mmap.c) */
	int nmmaps;
	int __user *set_child_tid;	/* clone: store the pid here at first run */
	struct proc *vfork_parent;	/* vfork: sleeps until this one execs or exits */
	bool mm_borrowed;		/* vfork: pgdir is vfork_parent's, lent
					   (and its records: mm_owner) */
	int vfork_child;		/* vfork: the child this one sleeps for */
	struct wait_queue vfork_wait;

	/* kernel stack and saved registers */
	u8 *kstack;
	struct context *context;
	struct trapframe *tf;

	/* sleeping (kernel/sched.c) */
	struct wait_queue *wq;		/* the queue slept on, or NULL */
	struct proc *wq_next;
	bool interruptible;		/* a signal ends the sleep */
	u64 wake_at;			/* clock_ns() that ends a timed sleep, 0 = none */
	bool timed_out;
	int slice;			/* ticks left in the time slice */
	u32 ticks;			/* CPU time used */

	/* exit and wait */
	int exit_status;		/* wait status for the parent */
	struct wait_queue child_wait;	/* parent sleeps here in waitpid */

	/* files */
	struct file *files[NOFILE];
	u64 cloexec;			/* bit n: close files[n] on execve */
	struct inode *cwd;
	u32 umask;
	struct tty *ctty;		/* controlling terminal (kernel/tty.c) */

	struct rlimit rlim[RLIM_NLIMITS];	/* kernel/rlimit.c */

	/* signals (ipc/signal.c) */
	u64 sig_pending;		/* bit (n - 1) = signal n */
	u64 sig_blocked;
	u64 sig_waiting;		/* sigtimedwait: the signals awaited */
	struct sig_action sig_action[NSIG];
	struct sig_origin sig_from[SIGRTMIN];	/* who raised each pending standard signal */
	struct sigqueue *sig_queue;	/* queued real-time signals, oldest first */
	u64 saved_mask;			/* sigsuspend: the mask to restore */
	bool restore_mask;
	u64 alarm_at;			/* clock_ns() of the SIGALRM, 0 = none */
	u64 alarm_interval;		/* setitimer's period (ns), 0 = one shot */
	int stop_sig;			/* the signal that stopped it */
	bool stop_unreported;		/* for waitpid(WUNTRACED) */
	bool cont_unreported;		/* for waitpid(WCONTINUED) */
	bool autoreap;			/* parent ignores SIGCHLD: no zombie */
	int syscall_nr;			/* the call in progress (restart), or -1 */
	u32 syscalls;			/* system calls made (syscount); 0 at fork */
	u64 restart_wake_at;		/* restart_syscall: the nanosleep's end */
	void __user *restart_rem;	/* ...and where to report time left */

	/* System V IPC (ipc/sem.c, ipc/shm.c) */
	struct sem_undo *sem_undos;	/* SEM_UNDO adjustments, one per set */
	struct shm_attach *shm_attaches;	/* attached shared memory */

	u8 fpu[FPU_STATE_SIZE] __attribute__((aligned(FPU_ALIGN)));	/* FPU/SSE while switched out */
	struct seg_desc tls[TLS_ENTRIES];	/* set_thread_area (kernel/tls.c) */
};

/* The process whose address space p runs in, and whose records of it
 * (brk, mmaps) every change must update: a vfork child
 * borrows its parent's until it execs or exits. */
static inline struct proc *mm_owner(struct proc *p)
{
	return p->mm_borrowed ? p->vfork_parent : p;
}

extern struct proc proc_table[NPROC];
extern int proc_slots;		/* slots from here up are all unused */
extern struct proc *current;

struct proc *proc_find(int pid);
void proc_start_init(void);
int proc_fork(void);
int proc_fork_mm(bool share_mm);
void proc_vfork_wait(struct proc *child);
void proc_vfork_release(struct proc *p);
__noreturn void proc_exit(int status);
int proc_wait(int pid, int *status, int options);
unsigned proc_count(void);
void proc_reap_if_autoreap(struct proc *p);
bool proc_alive(const struct proc *p);
bool pgrp_orphaned(int pgid);
bool proc_in_group(const struct proc *p, int gid);	/* kernel/sys_thread.c */

#endif
