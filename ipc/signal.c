/*
 * signal.c - signals: the oldest Unix IPC.
 *
 * Sets.  A signal set is 64 bits, bit (n - 1) for signal n: the standard
 * signals 1..31 and the real-time signals SIGRTMIN..SIGRTMAX (32..64).
 * The old i386 calls (sigprocmask, sigpending, sigsuspend) see the low
 * 32 bits only, as in Linux.
 *
 * Sending.  A signal sent to a process sets its bit in the pending set.
 * A standard signal does not queue - ten sends before delivery deliver
 * once - and the process records who sent the first of them (sig_from,
 * for siginfo_t), as Linux keeps the first one's siginfo.
 * A real-time signal queues: every send adds an entry with its sender
 * and value (sigqueue) to the process's queue, and each is delivered on
 * its own, oldest first.  The entries come from a fixed pool, never the
 * heap, and each real uid may have at most RLIMIT_SIGPENDING of them
 * queued (the receiver's limit, charged to the receiver's uid, as in
 * Linux): past it sigqueue fails with EAGAIN, and kill() still sets the
 * bit but the sender's details are lost.  A process sleeping
 * interruptibly is woken so that it notices.  Special cases, as in Linux:
 * a signal whose disposition is to ignore it is dropped at once (unless
 * blocked); SIGCONT continues a stopped process (even if blocked or
 * ignored) and discards pending stop signals; a stop signal discards a
 * pending SIGCONT; SIGKILL wakes even a stopped process.
 *
 * Delivery happens on every return to user mode (do_signals, called from
 * kernel/trap.c): for each pending signal that is not blocked - SIGKILL
 * first, then the lowest number, found with a bit scan - the disposition
 * decides.  SIG_IGN drops it.  SIG_DFL takes the default
 * action: terminate, ignore, stop (the process stops and its parent
 * hears of it; a job-control stop in an orphaned process group is
 * discarded instead), or continue.  A handler gets a signal frame written
 * straight onto the user stack (no kernel memory is allocated): the
 * interrupted registers, FPU state and signal mask, a siginfo_t, and a
 * return address that leads to sigreturn.  The handler then runs with its
 * sa_mask (and, unless SA_NODEFER, the signal itself) blocked, on top of
 * the mask in force - inside sigsuspend, sigsuspend's; sigreturn puts
 * back what was saved, except the flags a program may not set itself.
 *
 * sigtimedwait takes a pending signal of a given set without running its
 * handler; while it sleeps the signals of that set wake it even if
 * blocked (sig_waiting).
 *
 * Interrupted system calls.  A call that sleeps interruptibly returns
 * -ERESTARTSYS (or -ERESTARTNOHAND) when a signal ends its sleep.  Here,
 * if a handler is about to run without SA_RESTART, the call fails with
 * EINTR; otherwise it is restarted by re-executing `int 0x80`.
 *
 * SIGKILL and SIGSTOP can never be caught, blocked or ignored; init
 * (pid 1) is sent only the signals it has handlers for.
 */
#include "ipc/signal.h"
#include "boot/gdt.h"
#include "kernel/coredump.h"
#include "kernel/errno.h"
#include "kernel/fpu.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/rlimit.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/time.h"
#include "kernel/tls.h"
#include "kernel/timer.h"
#include "kernel/trap.h"
#include "kernel/x86.h"
#include "mm/mm.h"
#include <uapi/signal.h>
#include <uapi/time.h>
#include <uapi/unistd_32.h>
#include <uapi/wait.h>

#define NSEC_PER_USEC	1000ull
#define USEC_PER_SEC	1000000ull

#define INIT_PID	1
#define UNBLOCKABLE	(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))
#define STOP_SIGNALS	(SIGBIT(SIGSTOP) | SIGBIT(SIGTSTP) | SIGBIT(SIGTTIN) | SIGBIT(SIGTTOU))
#define IGNORE_SIGNALS	(SIGBIT(SIGCHLD) | SIGBIT(SIGURG) | SIGBIT(SIGWINCH) | SIGBIT(SIGCONT))
#define HANDLER_DFL	0u
#define HANDLER_IGN	1u
#define SIGSET_SIZE	8		/* rt_* calls: a 64-bit set */
#define OLD_SET		0xffffffffull	/* the signals the old calls see */
#define ALL_SIGNALS	(~0ull)
#define NSIGQUEUE	1024		/* queued real-time signals, system-wide */
#define INT80_SIZE	2		/* bytes of `int 0x80`, to restart a call */
/* eflags bits a signal handler's sigreturn may change (Linux FIX_EFLAGS):
 * never NT (an iret would task-switch), IOPL, IF or VM */
#define USER_EFLAGS	0x00050dd5u	/* CF PF AF ZF SF TF DF OF RF AC */
#define EFLAGS_DF	0x00000400u

/*
 * The frame pushed on the user stack for a handler (like Linux's i386
 * rt_sigframe).  The handler's return address is pretcode: the
 * SA_RESTORER function libc supplies, or retcode, two instructions that
 * call rt_sigreturn.  The FPU state (kernel/fpu.c) lies above it,
 * 64-byte aligned, where uc_mcontext.fpstate points.
 */
struct sigframe {
	u32 pretcode;
	int sig;
	u32 pinfo;
	u32 puc;
	siginfo_t info;
	ucontext_t uc;
	u8 retcode[8];
};

/* LAB signals: retcode: the bytes of mov $__NR_rt_sigreturn, %eax; int $0x80 */
/* mov $__NR_rt_sigreturn, %eax; int $0x80 */
static const u8 sigreturn_code[8] = { 0xb8, 173, 0, 0, 0, 0xcd, 0x80, 0 };
/* LAB END */

/* One queued real-time signal; sig 0 marks a free entry of the pool. */
struct sigqueue {
	struct sigqueue *next;		/* in its process's queue */
	int sig;
	int uid;			/* the real uid it is charged to */
	struct sig_origin from;
};

static struct sigqueue queue_pool[NSIGQUEUE];

static bool is_realtime(int sig)
{
	return sig >= SIGRTMIN;
}

/* The lowest signal in set, or 0: a bit scan of each 32-bit half. */
static int lowest_signal(u64 set)
{
	u32 low = (u32)set, high = (u32)(set >> 32);

	if (low)
		return __builtin_ctz(low) + 1;
	if (high)
		return __builtin_ctz(high) + 33;
	return 0;
}

/* A free pool entry charged to uid, or NULL when uid has `limit' queued
 * already or the pool is empty. */
static struct sigqueue *queue_alloc(int uid, unsigned long limit)
{
	struct sigqueue *free = NULL;
	unsigned long used = 0;

	for (int i = 0; i < NSIGQUEUE; i++) {
		struct sigqueue *q = &queue_pool[i];
		if (!q->sig && !free)
			free = q;
		else if (q->sig && q->uid == uid)
			used++;
	}
	if (used >= limit)
		return NULL;
	return free;
}

/* Queue sig for p; false if p's user may queue no more. */
static bool enqueue(struct proc *p, int sig, const struct sig_origin *from)
{
	struct sigqueue *q = queue_alloc(p->uid, rlimit_cur(p, RLIMIT_SIGPENDING));
	struct sigqueue **tail = &p->sig_queue;

	if (!q)
		return false;
	q->sig = sig;
	q->uid = p->uid;
	q->from = *from;
	q->next = NULL;
	while (*tail)
		tail = &(*tail)->next;
	*tail = q;
	return true;
}

/* Drop p's queued entries of the signals in set. */
static void flush_queue(struct proc *p, u64 set)
{
	struct sigqueue **qq = &p->sig_queue;

	while (*qq) {
		struct sigqueue *q = *qq;
		if (set & SIGBIT(q->sig)) {
			*qq = q->next;
			q->sig = 0;
		} else {
			qq = &q->next;
		}
	}
}

/* Discard the pending signals of set, queued ones too. */
static void discard_pending(struct proc *p, u64 set)
{
	p->sig_pending &= ~set;
	flush_queue(p, set);
}

/*
 * Take pending signal sig off p and say where it came from.  A real-time
 * signal gives up its oldest queue entry; its bit stays set while more
 * are queued.  One whose entry was lost (the queue was full for kill)
 * reports SI_USER from no one.
 */
static void dequeue(struct proc *p, int sig, struct sig_origin *from)
{
	struct sigqueue **qq = &p->sig_queue, *q;

	p->sig_pending &= ~SIGBIT(sig);
	if (!is_realtime(sig)) {
		*from = p->sig_from[sig];
		return;
	}
	*from = (struct sig_origin){ .code = SI_USER };
	while (*qq && (*qq)->sig != sig)
		qq = &(*qq)->next;
	if (!(q = *qq))
		return;
	*from = q->from;
	*qq = q->next;
	q->sig = 0;
	for (q = *qq; q; q = q->next)
		if (q->sig == sig)
			p->sig_pending |= SIGBIT(sig);
}

static bool default_ignores(int sig)
{
	return IGNORE_SIGNALS & SIGBIT(sig);
}

static bool is_ignored(const struct proc *p, int sig)
{
	u32 h = p->sig_action[sig].handler;

	return h == HANDLER_IGN || (h == HANDLER_DFL && default_ignores(sig));
}

bool signal_blocked_or_ignored(const struct proc *p, int sig)
{
	return (p->sig_blocked & SIGBIT(sig)) || p->sig_action[sig].handler == HANDLER_IGN;
}

/* Is a signal pending that ends an interruptible sleep? */
bool signal_pending(const struct proc *p)
{
	return p->sig_pending & ~(p->sig_blocked & ~p->sig_waiting);
}

/* The origin of a signal sent with code: kill() names the sender. */
static struct sig_origin origin(int code)
{
	bool user = code == SI_USER && current;

	return (struct sig_origin){ .code = code,
				    .pid = user ? current->pid : 0,	/* the kernel is pid 0 */
				    .uid = user ? current->uid : 0 };
}

static int send_from(struct proc *p, int sig, const struct sig_origin *from);

/* The origin of the SIGCHLD that tells of child p. */
static struct sig_origin child_origin(const struct proc *p, int code, int status)
{
	return (struct sig_origin){ .code = code, .pid = p->pid, .uid = p->uid,
				    .status = status };
}

/* Tell p's parent that p stopped or continued (SIGCHLD, unless the
 * parent asked for no such notice with SA_NOCLDSTOP). */
static void notify_parent_stop(struct proc *p, int code)
{
	struct proc *parent = p->parent;
	struct sig_origin from = child_origin(p, code,
					      code == CLD_STOPPED ? p->stop_sig : SIGCONT);

	wake_up(&parent->child_wait);
	if (parent->sig_action[SIGCHLD].flags & SA_NOCLDSTOP)
		return;
	send_from(parent, SIGCHLD, &from);
}

static void continue_process(struct proc *p)
{
	discard_pending(p, STOP_SIGNALS);
	if (p->state != P_STOPPED)
		return;
	p->state = P_RUNNABLE;
	p->stop_unreported = false;
	p->cont_unreported = true;
	notify_parent_stop(p, CLD_CONTINUED);
}

/* Make sig pending in p; -EAGAIN when a sigqueue'd real-time signal
 * finds the queue full for p's user. */
static int send_full(struct proc *p, int sig, const struct sig_origin *from)
{
	if (sig == 0 || !proc_alive(p))
		return 0;
	if (sig == SIGCONT)
		continue_process(p);
	if (sig == SIGKILL && p->state == P_STOPPED)
		p->state = P_RUNNABLE;		/* to die, not to be reported continued */
	if (STOP_SIGNALS & SIGBIT(sig))
		p->sig_pending &= ~SIGBIT(SIGCONT);
	if (is_ignored(p, sig) && !(p->sig_blocked & SIGBIT(sig)))
		return 0;
	if (is_realtime(sig) && !enqueue(p, sig, from) && from->code != SI_USER)
		return -EAGAIN;
	/* LAB signals: a standard signal does not queue: the first sender is the one told */
	if (!is_realtime(sig) && !(p->sig_pending & SIGBIT(sig)))
		p->sig_from[sig] = *from;	/* the first send is the one told */
	/* LAB END */
	p->sig_pending |= SIGBIT(sig);
	if (p->state == P_SLEEPING && p->interruptible && signal_pending(p))
		wake_up_process(p);
	return 0;
}

/* Send sig to p.  Init (pid 1) is protected: it only receives signals it
 * has a handler for (or ignores) - a fault of its own is still fatal. */
static int send_from(struct proc *p, int sig, const struct sig_origin *from)
{
	if (p->pid == INIT_PID && sig && p->sig_action[sig].handler == HANDLER_DFL)
		return 0;
	return send_full(p, sig, from);
}

int send_signal(struct proc *p, int sig, int code)
{
	struct sig_origin from = origin(code);

	return send_from(p, sig, &from);
}

int send_signal_group(int pgid, int sig, int code)
{
	int found = 0;

	for (int i = 0; i < NPROC; i++) {
		struct proc *p = &proc_table[i];
		if (proc_alive(p) && p->pgid == pgid) {
			send_signal(p, sig, code);
			found++;
		}
	}
	return found ? 0 : -ESRCH;
}

/*
 * A fault in user mode (kernel/trap.c, mm/fault.c).  If the process
 * blocks or ignores the signal it could not go on anyway: as Linux does,
 * the signal is reset to its default action and unblocked, so it kills.
 */
void force_sig_fault(int sig, int code, u32 addr)
{
	struct sig_origin from = origin(code);

	if (signal_blocked_or_ignored(current, sig)) {
		current->sig_action[sig].handler = HANDLER_DFL;
		current->sig_blocked &= ~SIGBIT(sig);
	}
	from.addr = addr;
	send_full(current, sig, &from);
}

/* The default action of a signal that terminates (with a core dump for
 * some signals: kernel/coredump.c). */
static __noreturn void die(int sig)
{
	proc_exit(coredump(sig) ? (sig & 0x7f) | WCOREFLAG : sig & 0x7f);
}

/* Default action of a stop signal: stop until SIGCONT or SIGKILL.  A
 * process of an orphaned group ignores the job-control stops, which no
 * one could undo; SIGSTOP always stops. */
static void do_stop(int sig)
{
	if (sig != SIGSTOP && pgrp_orphaned(current->pgid))	/* would stop for ever */
		return;
	current->state = P_STOPPED;
	current->stop_sig = sig;
	current->stop_unreported = true;
	current->cont_unreported = false;
	notify_parent_stop(current, CLD_STOPPED);
	sched();
}

static void fill_siginfo(siginfo_t *info, int sig, const struct sig_origin *o)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = o->code;
	switch (sig) {
	case SIGSEGV: case SIGILL: case SIGFPE: case SIGBUS: case SIGTRAP:
		if (o->code != SI_USER) {
			info->si_addr = (void *)o->addr;
			return;
		}
		break;
	case SIGCHLD:
		info->si_status = o->status;
		break;
	default:
		info->si_int = (int)o->value;	/* sigqueue's value */
		break;
	}
	info->si_pid = o->pid;
	info->si_uid = (unsigned)o->uid;
}

/* LAB signals: save_context: the interrupted registers and old mask into a sigcontext */
static void save_context(struct sigcontext *sc, const struct trapframe *tf, u64 mask)
{
	memset(sc, 0, sizeof(*sc));
	sc->gs = (u16)tf->gs;
	sc->fs = (u16)tf->fs;
	sc->es = (u16)tf->es;
	sc->ds = (u16)tf->ds;
	sc->edi = tf->edi;
	sc->esi = tf->esi;
	sc->ebp = tf->ebp;
	sc->esp = tf->esp;
	sc->ebx = tf->ebx;
	sc->edx = tf->edx;
	sc->ecx = tf->ecx;
	sc->eax = tf->eax;
	sc->trapno = tf->trapno;
	sc->err = tf->err;
	sc->eip = tf->eip;
	sc->cs = (u16)tf->cs;
	sc->eflags = tf->eflags;
	sc->esp_at_signal = tf->esp;
	sc->ss = (u16)tf->ss;
	sc->oldmask = (u32)mask;
	sc->cr2 = current->sig_from[SIGSEGV].addr;
}
/* LAB END */

/*
 * Build the frame for handler `act` of sig, from `from', straight on the
 * user stack: once check_user_writable has made every page of it present
 * and writable, nothing can unmap them (interrupts are off), so the kernel
 * writes the frame in place.  False if the stack is bad.
 */
static bool setup_frame(struct trapframe *tf, int sig, const struct sig_action *act,
			u64 old_mask, const struct sig_origin *from)
{
	/* LAB signals: write struct sigframe below tf->esp, then point tf at the handler */
	u32 fp = ALIGN_DOWN(tf->esp - FPU_FRAME_SIZE, FPU_FRAME_ALIGN);
	u32 sp = ALIGN_DOWN(fp - sizeof(struct sigframe), 16) - 4;	/* esp+4 aligned at entry */
	struct sigframe *u = (struct sigframe *)sp;

	if (tf->esp <= sizeof(*u) + FPU_FRAME_SIZE + FPU_FRAME_ALIGN + 16 ||
	    check_user_writable((void __user *)u, tf->esp - sp) < 0)
		return false;
	fill_siginfo(&u->info, sig, from);
	memset(&u->uc, 0, sizeof(u->uc));
	save_context(&u->uc.uc_mcontext, tf, old_mask);
	memcpy(u->uc.uc_sigmask, &old_mask, sizeof(u->uc.uc_sigmask));
	fpu_save(current->fpu);
	fpu_to_frame((const struct fxsave_state *)current->fpu, (u8 *)fp);
	fpu_reset();				/* the handler starts with a clean FPU */
	u->uc.uc_mcontext.fpstate = (void *)fp;
	memcpy(u->retcode, sigreturn_code, sizeof(u->retcode));
	u->pretcode = (act->flags & SA_RESTORER) ? act->restorer : (u32)&u->retcode;
	u->sig = sig;
	u->pinfo = (u32)&u->info;
	u->puc = (u32)&u->uc;
	tf->esp = sp;
	tf->eip = act->handler;
	tf->eax = (u32)sig;			/* also in registers, for regparm handlers */
	tf->edx = (u32)&u->info;
	tf->ecx = (u32)&u->uc;
	tf->cs = USER_CS;
	tf->ds = tf->es = tf->ss = USER_DS;	/* %fs, %gs kept (TLS) */
	tf->eflags &= ~(EFLAGS_TF | EFLAGS_DF);
	return true;
	/* LAB END: (void)tf; (void)sig; (void)act; (void)old_mask; (void)from; return false; */
}

/* Decide what an interrupted system call returns, given whether a
 * handler (with flags) is about to run. */
static void fix_restart(struct trapframe *tf, const struct sig_action *act)
{
	long ret = (long)tf->eax;

	if (tf->trapno != T_SYSCALL || current->syscall_nr < 0 || !is_restart_code(ret))
		return;
	if (act && (ret != -ERESTARTSYS || !(act->flags & SA_RESTART))) {
		tf->eax = (u32)-EINTR;
	} else {
		tf->eax = ret == -ERESTART_RESTARTBLOCK ? __NR_restart_syscall
							: (u32)current->syscall_nr;
		tf->eip -= INT80_SIZE;
	}
	current->syscall_nr = -1;
}

static int next_signal(const struct proc *p)
{
	u64 ready = p->sig_pending & ~p->sig_blocked;

	if (ready & SIGBIT(SIGKILL))
		return SIGKILL;			/* before anything else it ends */
	return lowest_signal(ready);
}

/* Run a handler for sig (sent from `from'); a frame that cannot be
 * written kills. */
static void handle(struct trapframe *tf, int sig, const struct sig_origin *from)
{
	struct sig_action act = current->sig_action[sig];
	u64 old_mask = current->restore_mask ? current->saved_mask : current->sig_blocked;

	fix_restart(tf, &act);
	if (!setup_frame(tf, sig, &act, old_mask, from)) {
		printk("pid %d (%s): bad stack for signal %d, killed\n",
		       current->pid, current->name, sig);
		die(SIGSEGV);
	}
	current->restore_mask = false;
	/* LAB signals: block sa_mask and the signal itself (unless SA_NODEFER); SA_RESETHAND */
	current->sig_blocked |= act.mask;	/* during sigsuspend: its mask */
	if (!(act.flags & SA_NODEFER))
		current->sig_blocked |= SIGBIT(sig);
	current->sig_blocked &= ~UNBLOCKABLE;
	if (act.flags & SA_RESETHAND)
		current->sig_action[sig] = (struct sig_action){ 0 };
	/* LAB END */
}

/* On the way back to user mode: act on pending, unblocked signals. */
void do_signals(struct trapframe *tf)
{
	int sig;

	while ((sig = next_signal(current)) != 0) {
		u32 h = current->sig_action[sig].handler;
		struct sig_origin from;

		dequeue(current, sig, &from);
		if (h == HANDLER_IGN)
			continue;
		if (h != HANDLER_DFL) {
			handle(tf, sig, &from);
			return;			/* one frame at a time */
		}
		if (default_ignores(sig))
			continue;
		if (STOP_SIGNALS & SIGBIT(sig))
			do_stop(sig);
		else
			die(sig);
	}
	fix_restart(tf, NULL);
	if (current->restore_mask) {
		current->restore_mask = false;
		current->sig_blocked = current->saved_mask;
	}
}

/* --------------------------------------------------------- sigreturn */

/* Put back what the frame at `frame' saved: registers, mask, FPU. */
static long do_sigreturn(struct trapframe *tf, u32 frame)
{
	/* LAB signals: restore registers, mask and FPU from the frame (user flags and selectors only) */
	const struct sigframe __user *u = (const struct sigframe __user *)frame;
	struct sigcontext context, *sc = &context;
	u8 fpstate[FPU_FRAME_SIZE];
	u64 mask;

	if (copy_from_user(sc, &u->uc.uc_mcontext, sizeof(*sc)) < 0 ||
	    copy_from_user(&mask, u->uc.uc_sigmask, sizeof(mask)) < 0 ||
	    (sc->fpstate && copy_from_user(fpstate, (const void __user *)sc->fpstate,
					   sizeof(fpstate)) < 0)) {
		printk("pid %d (%s): bad signal frame, killed\n", current->pid, current->name);
		die(SIGSEGV);
	}
	tf->edi = sc->edi;
	tf->esi = sc->esi;
	tf->ebp = sc->ebp;
	tf->esp = sc->esp;
	tf->ebx = sc->ebx;
	tf->edx = sc->edx;
	tf->ecx = sc->ecx;
	tf->eax = sc->eax;
	tf->eip = sc->eip;
	/* Only user selectors and the user-changeable flags: a frame can
	 * never lift the process out of ring 3 or raise its IOPL. */
	tf->eflags = (tf->eflags & ~USER_EFLAGS) | (sc->eflags & USER_EFLAGS);
	tf->cs = USER_CS;
	tf->ds = tf->es = tf->ss = USER_DS;
	tf->fs = tls_check_selector(current, sc->fs);
	tf->gs = tls_check_selector(current, sc->gs);
	current->sig_blocked = mask & ~UNBLOCKABLE;
	if (sc->fpstate) {		/* none: a clean FPU, as Linux */
		fpu_from_frame((struct fxsave_state *)current->fpu, fpstate);
		fpu_restore(current->fpu);
	} else {
		fpu_reset();
	}
	current->syscall_nr = -1;		/* never "restart" the restored eax */
	return (long)tf->eax;
	/* LAB END: (void)tf; (void)frame; die(SIGSEGV); */
}

/* After the handler's ret popped pretcode, esp is frame + 4. */
long sys_rt_sigreturn(void)
{
	return do_sigreturn(current->tf, current->tf->esp - 4);
}

/* The older call: the restorer popped the signal number too. */
long sys_sigreturn(void)
{
	return do_sigreturn(current->tf, current->tf->esp - 8);
}

/* --------------------------------------------------------- sigaction */

static long set_action(int sig, const struct sig_action *act, struct sig_action *old)
{
	if (sig < 1 || sig >= NSIG)
		return -EINVAL;
	if (old)
		*old = current->sig_action[sig];
	if (!act)
		return 0;
	if (SIGBIT(sig) & UNBLOCKABLE)
		return -EINVAL;
	current->sig_action[sig] = *act;
	current->sig_action[sig].mask &= ~UNBLOCKABLE;
	if (is_ignored(current, sig))
		discard_pending(current, SIGBIT(sig));	/* a pending one is discarded */
	return 0;
}

long sys_rt_sigaction(int sig, const struct kernel_sigaction __user *uact,
		      struct kernel_sigaction __user *uold, u32 setsize)
{
	struct kernel_sigaction ka;
	struct sig_action act, old;
	long err;

	if (setsize != SIGSET_SIZE)
		return -EINVAL;
	if (uact) {
		if (copy_from_user(&ka, uact, sizeof(ka)) < 0)
			return -EFAULT;
		act = (struct sig_action){ (u32)ka.handler, (u32)ka.flags, (u32)ka.restorer,
					   ka.mask[0] | (u64)ka.mask[1] << 32 };
	}
	if ((err = set_action(sig, uact ? &act : NULL, &old)) < 0)
		return err;
	if (uold) {
		ka = (struct kernel_sigaction){ (void *)old.handler, old.flags,
						(void *)old.restorer,
						{ (u32)old.mask, (u32)(old.mask >> 32) } };
		if (copy_to_user(uold, &ka, sizeof(ka)) < 0)
			return -EFAULT;
	}
	return 0;
}

/* -------------------------------------------------------- masks, wait */

/* Change the signals of `affected' in the mask as `how' says. */
static long change_mask(int how, u64 set, u64 affected)
{
	u64 m = set & affected & ~UNBLOCKABLE;

	switch (how) {
	case SIG_BLOCK:
		current->sig_blocked |= m;
		return 0;
	case SIG_UNBLOCK:
		current->sig_blocked &= ~m;
		return 0;
	case SIG_SETMASK:
		current->sig_blocked = (current->sig_blocked & ~affected) | m;
		return 0;
	}
	return -EINVAL;
}

long sys_rt_sigprocmask(int how, const void __user *uset, void __user *uold, u32 setsize)
{
	u64 set, old = current->sig_blocked;
	long err;

	if (setsize != SIGSET_SIZE)
		return -EINVAL;
	if (uset && copy_from_user(&set, uset, sizeof(set)) < 0)
		return -EFAULT;
	if (uset && (err = change_mask(how, set, ALL_SIGNALS)) < 0)
		return err;
	return uold ? copy_to_user(uold, &old, sizeof(old)) : 0;
}

/* The old call: a 32-bit set, signals 1..32 only. */
long sys_sigprocmask(int how, const void __user *uset, void __user *uold)
{
	u32 set, old = (u32)current->sig_blocked;
	long err;

	if (uset && copy_from_user(&set, uset, sizeof(set)) < 0)
		return -EFAULT;
	if (uset && (err = change_mask(how, set, OLD_SET)) < 0)
		return err;
	return uold ? copy_to_user(uold, &old, sizeof(old)) : 0;
}

long sys_rt_sigpending(void __user *uset, u32 setsize)
{
	u64 set = current->sig_pending & current->sig_blocked;

	if (setsize != SIGSET_SIZE)
		return -EINVAL;
	return copy_to_user(uset, &set, sizeof(set));
}

long sys_sigpending(void __user *uset)
{
	u32 set = (u32)(current->sig_pending & current->sig_blocked);

	return copy_to_user(uset, &set, sizeof(set));
}

/* Sleep until a signal is delivered; only a handler ends it (EINTR). */
static long wait_for_signal(void)
{
	while (!signal_pending(current))
		sleep_timeout(NULL, 0, true);
	return -ERESTARTNOHAND;
}

static long suspend_with(u64 mask)
{
	current->saved_mask = current->sig_blocked;
	current->restore_mask = true;
	current->sig_blocked = mask & ~UNBLOCKABLE;
	return wait_for_signal();
}

long sys_rt_sigsuspend(const void __user *umask, u32 setsize)
{
	u64 mask;

	if (setsize != SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)) < 0)
		return -EFAULT;
	return suspend_with(mask);
}

/*
 * ppoll, pselect6: wait with the user's mask (NULL: keep the mask in
 * force) and put the old one back after.  When the wait is interrupted,
 * the old mask comes back only after the handler's frame is set up, so
 * the handler runs with the temporary one, as in sigsuspend.
 */
int signal_mask_swap(const void __user *umask, u32 setsize)
{
	u64 mask;

	if (!umask)
		return 0;
	if (setsize != SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)) < 0)
		return -EFAULT;
	current->saved_mask = current->sig_blocked;
	current->restore_mask = true;
	current->sig_blocked = mask & ~UNBLOCKABLE;
	return 0;
}

void signal_mask_restore(bool interrupted)
{
	if (!current->restore_mask || interrupted)
		return;
	current->restore_mask = false;
	current->sig_blocked = current->saved_mask;
}

/* The old i386 call: sigsuspend(int, int, old_sigset_t mask). */
long sys_sigsuspend(int unused0, int unused1, u32 mask)
{
	(void)unused0, (void)unused1;
	return suspend_with(mask);
}

long sys_pause(void)
{
	return wait_for_signal();
}

/*
 * Wait until deadline (a clock_ns() time; 0: for ever) for a signal of
 * `these' (pending ones count at once); the signal, or -EAGAIN when the
 * time ran out, -EINTR when another signal, not blocked, came first.
 */
static int wait_for_set(u64 these, u64 deadline)
{
	int sig = lowest_signal(current->sig_pending & these), err;

	if (sig)
		return sig;
	current->sig_waiting = these;
	err = sleep_until(NULL, deadline, true);
	current->sig_waiting = 0;
	if ((sig = lowest_signal(current->sig_pending & these)) != 0)
		return sig;
	return err == -ETIMEDOUT ? -EAGAIN : -EINTR;
}

long sys_rt_sigtimedwait(const void __user *uthese, void __user *uinfo,
			 const struct timespec __user *uts, u32 setsize)
{
	struct sig_origin from;
	u64 these, ns = 0;
	siginfo_t info;
	int sig, err;

	if (setsize != SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)) < 0)
		return -EFAULT;
	if (uts && (err = timespec_from_user(uts, &ns)) < 0)
		return err;
	these &= ~UNBLOCKABLE;
	if (uts && ns == 0)
		sig = lowest_signal(current->sig_pending & these) ?: -EAGAIN;
	else
		sig = wait_for_set(these, uts ? deadline_after(ns) : 0);
	if (sig < 0)
		return sig;
	dequeue(current, sig, &from);
	fill_siginfo(&info, sig, &from);
	if (uinfo && copy_to_user(uinfo, &info, sizeof(info)) < 0)
		return -EFAULT;
	return sig;
}

/*
 * alarm: a deadline on the 64-bit clock (kernel/time.h).  As on 32-bit
 * Linux, more than ALARM_MAX_SECS is ALARM_MAX_SECS, and the old alarm's
 * time left is rounded to the nearest second, but to 1, not 0, while it
 * is pending.  One already due is delivered first.
 */
long sys_alarm(u32 seconds)
{
	u64 now = clock_ns(), left = 0;
	u32 secs;

	if (current->alarm_at && current->alarm_at <= now)
		signal_alarm(current);
	if (current->alarm_at)
		left = current->alarm_at - now;
	secs = (u32)(left / NSEC_PER_SEC);
	if (left % NSEC_PER_SEC >= NSEC_PER_SEC / 2 || (secs == 0 && left))
		secs++;
	current->alarm_at = seconds ? now + MIN(seconds, ALARM_MAX_SECS) * NSEC_PER_SEC : 0;
	current->alarm_interval = 0;
	return (long)secs;
}

/* Timer tick: p's alarm has come due.  A periodic timer (setitimer) is
 * set again one interval on - from now, if it fell a whole one behind. */
void signal_alarm(struct proc *p)
{
	u64 now = clock_ns();

	if (!p->alarm_interval)
		p->alarm_at = 0;
	else if ((p->alarm_at += p->alarm_interval) <= now)
		p->alarm_at = now + p->alarm_interval;
	send_signal(p, SIGALRM, SI_KERNEL);
}

static u64 timeval_ns(const struct timeval *tv)
{
	return (u64)tv->tv_sec * NSEC_PER_SEC + (u64)tv->tv_usec * NSEC_PER_USEC;
}

/* Nanoseconds as a timeval, rounded up to a whole microsecond. */
static struct timeval ns_timeval(u64 ns)
{
	u64 us = (ns + NSEC_PER_USEC - 1) / NSEC_PER_USEC;

	return (struct timeval){ .tv_sec = (long)(us / USEC_PER_SEC),
				 .tv_usec = (long)(us % USEC_PER_SEC) };
}

/* The calling process's real-time timer: time left and period. */
static struct itimerval itimer_real(void)
{
	u64 now = clock_ns(), at = current->alarm_at;

	return (struct itimerval){ .it_interval = ns_timeval(current->alarm_interval),
				   .it_value = ns_timeval(at > now ? at - now : 0) };
}

/*
 * getitimer/setitimer: ITIMER_REAL is the timer alarm() sets too (as on
 * Linux, they are one timer).  ITIMER_VIRTUAL and ITIMER_PROF are not
 * kept: they read as disarmed and may only be disarmed (else EINVAL).
 */
long sys_getitimer(int which, struct itimerval __user *uval)
{
	struct itimerval v = { 0 };

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	if (which == ITIMER_REAL)
		v = itimer_real();
	return copy_to_user(uval, &v, sizeof(v));
}

static bool bad_timeval(const struct timeval *tv)
{
	return tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= (long)USEC_PER_SEC;
}

long sys_setitimer(int which, const struct itimerval __user *unew,
		   struct itimerval __user *uold)
{
	struct itimerval v = { 0 }, old = { 0 };

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	if (unew && copy_from_user(&v, unew, sizeof(v)) < 0)
		return -EFAULT;
	if (bad_timeval(&v.it_value) || bad_timeval(&v.it_interval))
		return -EINVAL;
	if (which != ITIMER_REAL) {
		if (v.it_value.tv_sec || v.it_value.tv_usec)
			return -EINVAL;
	} else {
		old = itimer_real();
		current->alarm_interval = timeval_ns(&v.it_interval);
		current->alarm_at = timeval_ns(&v.it_value) ?
				    deadline_after(timeval_ns(&v.it_value)) : 0;
	}
	if (uold && copy_to_user(uold, &old, sizeof(old)) < 0)
		return -EFAULT;
	return 0;
}

/* ------------------------------------------------ fork, exec, exit */

/* fork: the child keeps dispositions and mask, but nothing pending and
 * no alarm. */
void signals_fork(struct proc *child, const struct proc *parent)
{
	memcpy(child->sig_action, parent->sig_action, sizeof(child->sig_action));
	child->sig_blocked = parent->sig_blocked;
	child->sig_pending = 0;
	child->sig_waiting = 0;
	child->sig_queue = NULL;
	child->alarm_at = 0;
	child->alarm_interval = 0;
	child->syscall_nr = -1;
}

/* execve: handlers are gone with the old program, so caught signals go
 * back to SIG_DFL; ignored ones stay ignored; mask and pending stay. */
void signals_exec(struct proc *p)
{
	for (int sig = 1; sig < NSIG; sig++) {
		struct sig_action *a = &p->sig_action[sig];
		if (a->handler != HANDLER_IGN)
			*a = (struct sig_action){ 0 };
		else
			a->flags = a->mask = a->restorer = 0;
	}
}

/*
 * p is exiting with a wait status: its queued signals go back to the
 * pool, and SIGCHLD goes to its parent.  A parent that ignores SIGCHLD
 * (or set SA_NOCLDWAIT) wants no zombies: p is marked to be reaped
 * without a wait.
 */
void signal_parent_exit(struct proc *p, int status)
{
	struct proc *parent = p->parent;
	struct sig_action *a = &parent->sig_action[SIGCHLD];
	struct sig_origin from = WIFEXITED(status)
		? child_origin(p, CLD_EXITED, WEXITSTATUS(status))
		: child_origin(p, WCOREDUMP(status) ? CLD_DUMPED : CLD_KILLED,
			       WTERMSIG(status));

	discard_pending(p, ALL_SIGNALS);
	p->autoreap = a->handler == HANDLER_IGN || (a->flags & SA_NOCLDWAIT);
	send_full(parent, SIGCHLD, &from);
}

/* ------------------------------------------------------------- kill */

/* Root may signal anyone; others need their real or effective uid to be
 * the target's real or saved uid - except that SIGCONT may be sent to any
 * process of the same session (see kill_one). */
static bool may_signal(const struct proc *p)
{
	return current->euid == 0 || current->uid == p->uid || current->uid == p->suid ||
	       current->euid == p->uid || current->euid == p->suid;
}

static int kill_one(struct proc *p, int sig, const struct sig_origin *from)
{
	if (!may_signal(p) && !(sig == SIGCONT && p->sid == current->sid))
		return -EPERM;
	return send_from(p, sig, from);
}

/* Signal every process selected by match; -ESRCH if none exists (a
 * zombie exists until it is reaped, as in Linux), -EPERM if none could be
 * signalled - except for kill(-1), which Linux lets succeed as long as
 * there was someone to try. */
static int kill_many(int sig, bool (*match)(const struct proc *p, int arg), int arg,
		     bool everyone)
{
	struct sig_origin from = origin(SI_USER);
	int found = 0, sent = 0;

	for (int i = 0; i < NPROC; i++) {
		struct proc *p = &proc_table[i];
		if (p->state == P_UNUSED || p->state == P_EMBRYO || !match(p, arg))
			continue;
		found++;
		if (kill_one(p, sig, &from) == 0)
			sent++;
	}
	if (!found)
		return -ESRCH;
	return sent || everyone ? 0 : -EPERM;
}

static bool in_group(const struct proc *p, int pgid)
{
	return p->pgid == pgid;
}

static bool everyone_else(const struct proc *p, int unused)
{
	(void)unused;
	return p->pid != INIT_PID && p != current;
}

long sys_kill(int pid, int sig)
{
	struct proc *p;

	if (sig < 0 || sig >= NSIG)
		return -EINVAL;
	if (pid > 0) {
		struct sig_origin from = origin(SI_USER);

		if (!(p = proc_find(pid)) || p->state == P_EMBRYO)
			return -ESRCH;
		return kill_one(p, sig, &from);
	}
	if (pid == 0)
		return kill_many(sig, in_group, current->pgid, false);
	if (pid == -1)
		return kill_many(sig, everyone_else, 0, true);
	return kill_many(sig, in_group, -pid, false);
}

/* tkill and tgkill: one thread, here one process (a thread id is a pid),
 * with si_code SI_TKILL; tgkill also names the thread group (the pid). */
static long kill_thread(int tgid, int tid, int sig)
{
	struct sig_origin from = { .code = SI_TKILL, .pid = current->pid,
				   .uid = current->uid };
	struct proc *p;

	if (tid <= 0 || sig < 0 || sig >= NSIG)
		return -EINVAL;
	if (!(p = proc_find(tid)) || p->state == P_EMBRYO || (tgid && p->pid != tgid))
		return -ESRCH;
	return kill_one(p, sig, &from);
}

long sys_tkill(int tid, int sig)
{
	return kill_thread(0, tid, sig);
}

long sys_tgkill(int tgid, int tid, int sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return kill_thread(tgid, tid, sig);
}

/*
 * sigqueue: send sig with the caller's siginfo_t (its code, pid, uid and
 * value).  As in Linux, a process may not claim to be the kernel or kill
 * (si_code >= 0) or tkill (SI_TKILL) when it signals another process.
 */
long sys_rt_sigqueueinfo(int pid, int sig, const void __user *uinfo)
{
	struct sig_origin from;
	siginfo_t info;
	struct proc *p;

	if (copy_from_user(&info, uinfo, sizeof(info)) < 0)
		return -EFAULT;
	if ((info.si_code >= 0 || info.si_code == SI_TKILL) && pid != current->pid)
		return -EPERM;
	if (sig < 0 || sig >= NSIG)
		return -EINVAL;
	if (pid <= 0 || !(p = proc_find(pid)) || p->state == P_EMBRYO)
		return -ESRCH;
	from = (struct sig_origin){ .code = info.si_code, .pid = info.si_pid,
				    .uid = (int)info.si_uid, .value = (u32)info.si_int };
	return kill_one(p, sig, &from);
}
