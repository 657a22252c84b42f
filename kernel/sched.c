/*
 * sched.c - the round-robin scheduler and wait queues.
 *
 * scheduler() runs on the boot stack forever: it picks the next runnable
 * process after the last one it ran (round robin over the table), gives
 * it a fresh time slice, switches to its page directory and kernel stack,
 * and gets control back when that process calls sched() - because it
 * blocked, exited, or used up its slice (the timer makes a process in
 * user mode yield; the kernel itself is never preempted).  With nothing
 * to run it halts until the next interrupt.
 *
 * The scheduler keeps running on the page directory of the process that
 * ran last (all of them map the kernel alike) until the next one is
 * loaded, so a switch between two processes loads CR3 once, and not at
 * all when the same process runs again.  A page directory is never freed
 * while loaded: pgdir_free (mm/paging.c) first loads kernel_pgdir if
 * it is freeing the loaded one.
 *
 * A wait queue is the one blocking primitive: a process that must wait
 * for a condition puts itself on the condition's queue and sleeps; code
 * that may have made the condition true calls wake_up(), which makes
 * every sleeper runnable.  Sleepers re-check their condition in a loop,
 * so waking too many is harmless.  An interruptible sleep also ends when
 * a signal arrives (the call then fails with -EINTR); a timed sleep ends
 * at the first timer interrupt at or after its deadline (a clock_ns()
 * value, kernel/time.h), so it never ends early.
 */
#include "kernel/sched.h"
#include "boot/gdt.h"
#include "ipc/signal.h"
#include "kernel/errno.h"
#include "kernel/fpu.h"
#include "kernel/printk.h"
#include "kernel/rlimit.h"
#include "kernel/time.h"
#include "kernel/timer.h"
#include "kernel/x86.h"
#include "kernel/errno.h"

static struct context *scheduler_context;

static struct proc *pick_next(int *last)
{
	for (int i = 1; i <= proc_slots; i++) {
		struct proc *p = &proc_table[(*last + i) % proc_slots];
		if (p->state == P_RUNNABLE) {
			*last = (int)(p - proc_table);
			return p;
		}
	}
	return NULL;
}

static void run(struct proc *p)
{
	current = p;
	p->state = P_RUNNING;
	p->slice = TIME_SLICE;
	tss_set_kernel_stack((u32)p->kstack + KSTACK_SIZE);
	gdt_set_tls(p->tls);
	use_pgdir(p->pgdir);
	swtch(&scheduler_context, p->context);
	current = NULL;
	proc_reap_if_autoreap(p);
}

__noreturn void scheduler(void)
{
	int last = 0;

	for (;;) {
		struct proc *p = pick_next(&last);
		if (p) {
			run(p);
		} else {
			sti_hlt();	/* idle until an interrupt */
			cli();
		}
	}
}

/* Give the CPU back to the scheduler.  The caller has set current->state. */
void sched(void)
{
	if (current->state == P_RUNNING)
		panic("sched: pid %d still running", current->pid);
	if (*(u32 *)current->kstack != KSTACK_CANARY)
		panic("kernel stack overflow in pid %d", current->pid);
	fpu_save(current->fpu);
	swtch(&current->context, scheduler_context);
	fpu_restore(current->fpu);
}

void yield(void)
{
	current->state = P_RUNNABLE;
	sched();
}

/* Queue p on wq behind the processes already there (arrival order). */
void wq_add(struct wait_queue *wq, struct proc *p)
{
	struct proc **pp = &wq->head;

	while (*pp)
		pp = &(*pp)->wq_next;
	*pp = p;
	p->wq = wq;
	p->wq_next = NULL;
}

static void wq_remove(struct proc *p)
{
	struct proc **pp;

	if (!p->wq)
		return;
	for (pp = &p->wq->head; *pp; pp = &(*pp)->wq_next) {
		if (*pp == p) {
			*pp = p->wq_next;
			break;
		}
	}
	p->wq = NULL;
	p->wq_next = NULL;
}

void wake_up_process(struct proc *p)
{
	if (p->state != P_SLEEPING)
		return;
	wq_remove(p);
	p->wake_at = 0;
	p->state = P_RUNNABLE;
}

void wake_up(struct wait_queue *wq)
{
	while (wq->head)
		wake_up_process(wq->head);
}

/*
 * Sleep on wq (may be NULL: a pure timed sleep) until woken, or until
 * clock_ns() reaches deadline if deadline > 0.  Returns 0 when woken,
 * -ETIMEDOUT when the deadline has come, -ERESTARTSYS when an
 * interruptible sleep was ended (or never begun) because a signal is
 * pending: the system call then fails with EINTR or is restarted
 * (ipc/signal.c decides).
 */
int sleep_until(struct wait_queue *wq, u64 deadline, bool interruptible)
{
	struct proc *p = current;

	if (interruptible && signal_pending(p))
		return -ERESTARTSYS;
	if (deadline && clock_ns() >= deadline)
		return -ETIMEDOUT;
	p->state = P_SLEEPING;
	p->interruptible = interruptible;
	p->timed_out = false;
	p->wake_at = deadline;
	if (wq)
		wq_add(wq, p);
	sched();
	if (interruptible && signal_pending(p))
		return -ERESTARTSYS;
	return p->timed_out ? -ETIMEDOUT : 0;
}

/* sleep_until() for at most nticks whole ticks (0: no limit). */
int sleep_timeout(struct wait_queue *wq, u32 nticks, bool interruptible)
{
	return sleep_until(wq, nticks ? deadline_after((u64)nticks * NSEC_PER_TICK) : 0,
			   interruptible);
}

void sleep_on(struct wait_queue *wq)
{
	sleep_until(wq, 0, false);
}

int interruptible_sleep_on(struct wait_queue *wq)
{
	return sleep_until(wq, 0, true);
}

/* Timer interrupt, elapsed ticks of the clock after the last one (more
 * than 1 when interrupts were off for long; now and then 0, as the PIT
 * and the clock's measured rate differ slightly): charge the running
 * process the CPU time that passed and at least one tick of its slice,
 * end timed sleeps, ring alarms - one pass over the table. */
void sched_tick(u32 elapsed)
{
	u64 now = clock_ns();

	if (current) {
		current->ticks += elapsed;
		current->slice -= (int)MIN(MAX(elapsed, 1u), (u32)TIME_SLICE);
		rlimit_cpu_tick(current);
	}
	for (int i = 0; i < proc_slots; i++) {
		struct proc *p = &proc_table[i];
		if (p->state == P_SLEEPING && p->wake_at && now >= p->wake_at) {
			p->timed_out = true;
			wake_up_process(p);
		}
		if (p->alarm_at && now >= p->alarm_at)
			signal_alarm(p);
	}
}

bool sched_should_preempt(void)
{
	return current && current->slice <= 0;
}
