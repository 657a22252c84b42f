/*
 * proc.c - process creation, exit and wait.
 *
 * A new process gets a free slot and a kernel stack laid out so that the
 * first switch to it "returns" into trapret (boot/isr.asm), which pops
 * its trapframe and enters user mode:
 *
 *	kstack + KSTACK_SIZE ->	struct trapframe	(user registers)
 *				address of trapret
 *	p->context ->		struct context		(eip = entry)
 *
 * fork copies the parent's trapframe (so the child resumes at the same
 * instruction, with eax = 0), shares its address space copy-on-write
 * (mm/paging.c), and shares its open files, signal dispositions and
 * shared memory attaches.  vfork (kernel/sys_clone.c) lends the child the
 * parent's page directory itself, and the parent sleeps until the child
 * execs or exits (proc_vfork_release), as in Linux.
 * exit frees almost everything at once and leaves a zombie holding only
 * its slot, kernel stack and exit status, until the parent's wait
 * collects it.  Children of an exiting process go to init (pid 1), which
 * reaps them.
 *
 * Limits on fork (EAGAIN): a free slot; for anyone but root, fewer
 * processes of its real uid than its RLIMIT_NPROC (zombies count) and
 * more than NPROC_ROOT_RESERVE free slots left.  A new pid is never the
 * id of a process, process group or session that still exists.
 */
#include "kernel/proc.h"
#include "kernel/procfs.h"
#include "kernel/bootopts.h"
#include "kernel/exec.h"
#include "kernel/file.h"
#include "kernel/kstack.h"
#include "kernel/printk.h"
#include "kernel/rlimit.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "kernel/tty.h"
#include "kernel/vfs.h"
#include "ipc/ipc.h"
#include "ipc/signal.h"
#include "kernel/errno.h"
#include <uapi/signal.h>
#include <uapi/wait.h>

#define INIT_PID	1
#define PID_MAX		32768

struct proc proc_table[NPROC];
int proc_slots;
struct proc *current;
static struct proc *init_proc;
static int next_pid = INIT_PID;

extern void trapret(void);

/* Is pid taken: a process's id, or the id of a process group or session
 * that still has a member (Linux never reuses those either)? */
static bool pid_in_use(int pid)
{
	for (int i = 0; i < proc_slots; i++) {
		struct proc *p = &proc_table[i];
		if (p->state != P_UNUSED &&
		    (p->pid == pid || p->pgid == pid || p->sid == pid))
			return true;
	}
	return false;
}

/* The next free pid after the last one given.  NPROC < PID_MAX, so the
 * search always ends. */
static int alloc_pid(void)
{
	for (;;) {
		int pid = next_pid;
		next_pid = next_pid >= PID_MAX ? INIT_PID + 1 : next_pid + 1;
		if (!pid_in_use(pid))
			return pid;
	}
}

struct proc *proc_find(int pid)
{
	for (int i = 0; i < proc_slots; i++)
		if (proc_table[i].state != P_UNUSED && proc_table[i].pid == pid)
			return &proc_table[i];
	return NULL;
}

/* A slot with a kernel stack whose first run starts at entry() and then
 * returns to user mode through trapret.  NULL if none is free. */
static struct proc *proc_alloc(void (*entry)(void))
{
	struct proc *p = NULL;
	u8 *sp;

	for (int i = 0; i < NPROC && !p; i++)
		if (proc_table[i].state == P_UNUSED)
			p = &proc_table[i];
	if (!p || !(p->kstack = kstack_alloc((int)(p - proc_table))))
		return NULL;
	proc_slots = MAX(proc_slots, (int)(p - proc_table) + 1);
	*(u32 *)p->kstack = KSTACK_CANARY;	/* overwritten: the stack overflowed */
	sp = p->kstack + KSTACK_SIZE;
	sp -= sizeof(struct trapframe);
	p->tf = (struct trapframe *)sp;
	sp -= sizeof(u32);
	*(u32 *)sp = (u32)trapret;
	sp -= sizeof(struct context);
	p->context = (struct context *)sp;
	memset(p->context, 0, sizeof(*p->context));
	p->context->eip = (u32)entry;
	p->pid = alloc_pid();
	p->state = P_EMBRYO;
	p->syscall_nr = -1;
	return p;
}

/* Give back what a zombie (or a half-made process) still holds. */
static void proc_free(struct proc *p)
{
	if (p->pgdir)
		pgdir_free(p->pgdir);
	kstack_free(p->kstack);
	memset(p, 0, sizeof(*p));
	while (proc_slots > 0 && proc_table[proc_slots - 1].state == P_UNUSED)
		proc_slots--;
}

/* A forked child's first run: take the FPU state copied from the
 * parent, then return to user mode. */
static void fork_return(void)
{
	fpu_restore(current->fpu);
	if (current->set_child_tid)	/* clone's CLONE_CHILD_SETTID; errors ignored, as Linux */
		copy_to_user(current->set_child_tid, &current->pid, sizeof(current->pid));
	current->set_child_tid = NULL;
}

static bool privileged(const struct proc *p)
{
	return p->uid == 0 || p->euid == 0;
}

/* Slots held by processes of real uid uid, zombies included (Linux
 * counts a process against its user until it is reaped). */
static unsigned long user_procs(int uid)
{
	unsigned long n = 0;

	for (int i = 0; i < proc_slots; i++)
		n += proc_table[i].state != P_UNUSED && proc_table[i].uid == uid;
	return n;
}

/*
 * May the current process make another?  Root always may (while a slot
 * is free).  Anyone else needs to be under RLIMIT_NPROC, counted by real
 * uid as Linux does, and must leave the last NPROC_ROOT_RESERVE slots
 * free, so that no user's fork bomb keeps root from forking.
 */
static bool may_fork(void)
{
	if (privileged(current))
		return true;
	if (user_procs(current->uid) >= rlimit_cur(current, RLIMIT_NPROC))
		return false;
	return NPROC - proc_count() > NPROC_ROOT_RESERVE;
}

/* fork; with share_mm the child borrows the parent's page directory
 * (vfork: the parent sleeps in proc_vfork_wait until it is given back). */
int proc_fork_mm(bool share_mm)
{
	struct proc *np = may_fork() ? proc_alloc(fork_return) : NULL;

	if (!np)
		return -EAGAIN;
	if (share_mm) {
		np->pgdir = current->pgdir;
		np->mm_borrowed = true;
	} else if (!(np->pgdir = pgdir_create()) || pgdir_copy(np->pgdir, current->pgdir) < 0) {
		proc_free(np);
		return -ENOMEM;
	}
	*np->tf = *current->tf;
	np->tf->eax = 0;
	np->parent = current;
	np->pgid = current->pgid;
	np->sid = current->sid;
	np->uid = current->uid;
	np->euid = current->euid;
	np->suid = current->suid;
	np->gid = current->gid;
	np->egid = current->egid;
	np->sgid = current->sgid;
	np->ngroups = current->ngroups;
	memcpy(np->groups, current->groups, sizeof(np->groups));
	np->ctty = current->ctty;
	memcpy(np->name, current->name, sizeof(np->name));
	procfs_fork(np, current);
	np->arg_start = current->arg_start;
	np->arg_end = current->arg_end;
	np->brk_start = mm_owner(current)->brk_start;
	np->brk = mm_owner(current)->brk;
	memcpy(np->tls, current->tls, sizeof(np->tls));
	memcpy(np->mmaps, mm_owner(current)->mmaps, sizeof(np->mmaps));
	np->nmmaps = mm_owner(current)->nmmaps;
	memcpy(np->rlim, current->rlim, sizeof(np->rlim));
	files_fork(np, current);
	if (!share_mm)			/* attaches stay the lender's alone */
		shm_fork(np, current);
	signals_fork(np, current);
	fpu_save(np->fpu);
	np->state = P_RUNNABLE;
	return np->pid;
}

int proc_fork(void)
{
	return proc_fork_mm(false);
}

/* vfork's parent: sleep (not even SIGKILL ends it, so that a lent page
 * directory always outlives its borrower) until child execs or exits. */
void proc_vfork_wait(struct proc *child)
{
	child->vfork_parent = current;
	current->vfork_child = child->pid;
	while (current->vfork_child)
		sleep_on(&current->vfork_wait);
}

/* p execs or exits: wake its vfork parent, if it has one. */
void proc_vfork_release(struct proc *p)
{
	struct proc *parent = p->vfork_parent;

	p->mm_borrowed = false;
	if (!parent)
		return;
	p->vfork_parent = NULL;
	parent->vfork_child = 0;
	wake_up(&parent->vfork_wait);
}

/* Hand p's children to init; wake init if one of them is a zombie. */
static void reparent_children(struct proc *p)
{
	for (int i = 0; i < proc_slots; i++) {
		struct proc *c = &proc_table[i];
		if (c->state != P_UNUSED && c->parent == p) {
			c->parent = init_proc;
			if (c->state == P_ZOMBIE)
				wake_up(&init_proc->child_wait);
		}
	}
}

/*
 * A process group is orphaned when no member has a parent in another
 * group of the same session - no job-control shell is left to continue
 * it.  POSIX: if a group becomes orphaned by an exit while a member is
 * stopped, every member gets SIGHUP and then SIGCONT, so that nothing
 * stays stopped for ever.
 */
static bool group_orphaned(int pgid, const struct proc *leaving)
{
	for (int i = 0; i < proc_slots; i++) {
		struct proc *q = &proc_table[i], *parent = q->parent;
		if (proc_alive(q) && q != leaving && q->pgid == pgid && parent &&
		    parent != leaving && proc_alive(parent) &&
		    parent->pgid != pgid && parent->sid == q->sid)
			return false;
	}
	return true;
}

/* Is group pgid orphaned (kernel/tty.c: a background read fails EIO)? */
bool pgrp_orphaned(int pgid)
{
	return group_orphaned(pgid, NULL);
}

static bool group_has_stopped(int pgid)
{
	for (int i = 0; i < proc_slots; i++)
		if (proc_table[i].state == P_STOPPED && proc_table[i].pgid == pgid)
			return true;
	return false;
}

static void hangup_if_orphaned(int pgid, const struct proc *leaving)
{
	if (group_has_stopped(pgid) && group_orphaned(pgid, leaving)) {
		send_signal_group(pgid, SIGHUP, SI_KERNEL);
		send_signal_group(pgid, SIGCONT, SI_KERNEL);
	}
}

/*
 * p is exiting (its children not yet handed to init).  A group becomes
 * orphaned by this exit only if p was its link to the session's job
 * control: p's own group if p's parent is in another group of the same
 * session, and each child's group (other than p's) in p's session.
 */
static void release_orphaned_groups(struct proc *p)
{
	struct proc *parent = p->parent;

	if (parent->pgid != p->pgid && parent->sid == p->sid)
		hangup_if_orphaned(p->pgid, p);
	for (int i = 0; i < proc_slots; i++) {
		struct proc *c = &proc_table[i];
		if (proc_alive(c) && c->parent == p && c->pgid != p->pgid &&
		    c->sid == p->sid)
			hangup_if_orphaned(c->pgid, p);
	}
}

/* When init ends: under qemu-run its status is the command's status. */
static __noreturn void init_exited(int status)
{
	char line[32];

	if (!boot_automated)
		panic("init exited with status 0x%x", status);
	snprintf(line, sizeof(line), "exit %d\n",
		 WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	qemu_exit(line, 0);
}

/* End the current process with a wait status (see uapi/wait.h). */
__noreturn void proc_exit(int status)
{
	struct proc *p = current;

	if (p == init_proc)
		init_exited(status);
	tty_exit(p);
	files_exit(p);
	sem_exit(p);
	shm_exit(p);
	if (!p->mm_borrowed)
		pgdir_free(p->pgdir);
	else
		switch_pgdir(kernel_pgdir);
	p->pgdir = NULL;
	proc_vfork_release(p);
	release_orphaned_groups(p);
	reparent_children(p);
	p->exit_status = status;
	p->state = P_ZOMBIE;
	signal_parent_exit(p, status);
	wake_up(&p->parent->child_wait);
	sched();
	panic("zombie %d ran", p->pid);
}

static bool wait_matches(struct proc *c, int pid)
{
	if (pid > 0)
		return c->pid == pid;
	if (pid == 0)
		return c->pgid == current->pgid;
	if (pid < -1)
		return c->pgid == -pid;
	return true;
}

/* Has child c something to report to wait?  Sets *status if so. */
static bool wait_report(struct proc *c, int options, int *status)
{
	if (c->state == P_ZOMBIE) {
		*status = c->exit_status;
		return true;
	}
	if ((options & WUNTRACED) && c->state == P_STOPPED && c->stop_unreported) {
		c->stop_unreported = false;
		*status = (c->stop_sig << 8) | 0x7f;
		return true;
	}
	if ((options & WCONTINUED) && c->cont_unreported) {
		c->cont_unreported = false;
		*status = 0xffff;
		return true;
	}
	return false;
}

/*
 * Wait for a child selected by pid (as waitpid: > 0 that child, 0 own
 * group, -1 any, < -1 that group).  Returns the child's pid and stores its
 * status (an exit, or with WUNTRACED/WCONTINUED a stop or continue), 0
 * with WNOHANG if there is nothing to report, -ECHILD if there is no such
 * child, -ERESTARTSYS if a signal interrupted the wait.  Children that
 * are reaped automatically (SIGCHLD ignored) do not count.
 */
int proc_wait(int pid, int *status, int options)
{
	for (;;) {
		bool have_child = false;
		int err;

		for (int i = 0; i < proc_slots; i++) {
			struct proc *c = &proc_table[i];
			if (c->state == P_UNUSED || c->parent != current || c->autoreap ||
			    !wait_matches(c, pid))
				continue;
			have_child = true;
			if (wait_report(c, options, status)) {
				int cpid = c->pid;
				if (c->state == P_ZOMBIE)
					proc_free(c);
				return cpid;
			}
		}
		if (!have_child)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		if ((err = interruptible_sleep_on(&current->child_wait)) < 0)
			return err;
	}
}

/* Free a zombie nobody will wait for (called by the scheduler once the
 * zombie is off its own kernel stack). */
void proc_reap_if_autoreap(struct proc *p)
{
	if (p->state == P_ZOMBIE && p->autoreap)
		proc_free(p);
}

bool proc_alive(const struct proc *p)
{
	return p->state != P_UNUSED && p->state != P_EMBRYO && p->state != P_ZOMBIE;
}

unsigned proc_count(void)
{
	unsigned n = 0;

	for (int i = 0; i < proc_slots; i++)
		n += proc_table[i].state != P_UNUSED;
	return n;
}

/* First run of pid 1, in kernel mode on its own stack: give it the
 * console as fds 0, 1, 2 and exec /bin/init with the boot command. */
static void init_entry(void)
{
	char *argv[4] = { "init", NULL, NULL, NULL };
	char *envp[] = { "PATH=/bin", "HOME=/", "TERM=vt100", NULL };
	int err;

	if (boot_kstack_overflow)
		kstack_overflow(0);
	if (files_open_console(current) < 0)
		panic("init: cannot open /dev/console");
	if (boot_command[0]) {
		argv[1] = "-c";
		argv[2] = boot_command;
	}
	err = do_execve("/bin/init", argv, envp);
	if (err < 0)
		panic("cannot run /bin/init (error %d)", err);
}

void proc_start_init(void)
{
	struct proc *p = proc_alloc(init_entry);

	if (!p || !(p->pgdir = pgdir_create()))
		panic("no memory for init");
	init_proc = p;
	p->parent = p;
	p->pgid = p->sid = p->pid;
	p->umask = 022;
	rlimit_init(p);
	p->cwd = vfs_root();
	inode_get(p->cwd);
	strlcpy(p->name, "init", sizeof(p->name));
	p->state = P_RUNNABLE;
}
