/*
 * trap.c - where every interrupt, exception and system call arrives
 * (from boot/isr.asm), and what happens on the way back to user mode.
 *
 * System calls go to kernel/syscall.c; IRQs to their drivers; a page
 * fault to mm/fault.c.  Any other exception in user mode is turned into
 * the signal Linux sends for it (divide error: SIGFPE, invalid opcode:
 * SIGILL, general protection: SIGSEGV, ...); in kernel mode it is a bug
 * and panics.  Before returning to user mode a process that must die
 * does so, and one whose time slice ran out yields the CPU.
 */
#include "kernel/trap.h"
#include "ipc/signal.h"
#include "kernel/keyboard.h"
#include "kernel/pic.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/serial.h"
#include "kernel/syscall.h"
#include "kernel/timer.h"
#include "kernel/vsyscall.h"
#include "mm/mm.h"
#include <uapi/signal.h>

#define SPURIOUS_IRQ_MASTER	7
#define SPURIOUS_IRQ_SLAVE	15

static const char *const exception_names[T_NEXCEPTIONS] = {
	[T_DIVIDE] = "divide error",	[T_DEBUG] = "debug",
	[T_NMI] = "NMI",		[T_BRKPT] = "breakpoint",
	[T_OFLOW] = "overflow",		[T_BOUND] = "bound range",
	[T_ILLOP] = "invalid opcode",	[T_DEVICE] = "device not available",
	[T_DBLFLT] = "double fault",	[T_TSS] = "invalid TSS",
	[T_SEGNP] = "segment not present", [T_STACK] = "stack fault",
	[T_GPFLT] = "general protection", [T_PGFLT] = "page fault",
	[T_FPERR] = "x87 FPU error",	[T_ALIGN] = "alignment check",
	[T_MCHK] = "machine check",	[T_SIMDERR] = "SIMD exception",
};

/* The signal a user-mode exception raises, as on Linux. */
static const u8 exception_signal[T_NEXCEPTIONS] = {
	[T_DIVIDE] = SIGFPE,	[T_DEBUG] = SIGTRAP,	[T_NMI] = SIGSEGV,
	[T_BRKPT] = SIGTRAP,	[T_OFLOW] = SIGSEGV,	[T_BOUND] = SIGSEGV,
	[T_ILLOP] = SIGILL,	[T_DEVICE] = SIGSEGV,	[T_DBLFLT] = SIGSEGV,
	[T_TSS] = SIGSEGV,	[T_SEGNP] = SIGBUS,	[T_STACK] = SIGBUS,
	[T_GPFLT] = SIGSEGV,	[T_FPERR] = SIGFPE,	[T_ALIGN] = SIGBUS,
	[T_MCHK] = SIGSEGV,	[T_SIMDERR] = SIGFPE,
};

/* The si_code that goes with it. */
static const u8 exception_code[T_NEXCEPTIONS] = {
	[T_DIVIDE] = FPE_INTDIV,	[T_BRKPT] = SI_KERNEL,
	[T_ILLOP] = ILL_ILLOPN,		[T_GPFLT] = SI_KERNEL,
	[T_SEGNP] = BUS_ADRERR,		[T_STACK] = BUS_ADRERR,
};

const char *trap_name(u32 trapno)
{
	if (trapno < T_NEXCEPTIONS && exception_names[trapno])
		return exception_names[trapno];
	if (trapno >= T_IRQ0 && trapno < T_IRQ0 + NR_IRQS)
		return "IRQ";
	if (trapno == T_SYSCALL)
		return "system call";
	return "unknown";
}

static void irq(int n)
{
	switch (n) {
	case IRQ_TIMER:
		timer_irq();
		break;
	case IRQ_KEYBOARD:
		keyboard_irq();
		break;
	case IRQ_COM1:
		serial_irq();
		break;
	case SPURIOUS_IRQ_MASTER:
	case SPURIOUS_IRQ_SLAVE:
		return;			/* no EOI for a spurious IRQ */
	}
	pic_eoi(n);
}

static void exception(struct trapframe *tf)
{
	int sig;

	if (tf->trapno == T_DEBUG && sysenter_debug_trap(tf))
		return;
	if (!trap_from_user(tf))
		panic_trap(tf, "%s in the kernel", trap_name(tf->trapno));
	sig = tf->trapno < T_NEXCEPTIONS ? exception_signal[tf->trapno] : 0;
	printk("pid %d (%s): %s at ip %08x\n", current->pid, current->name,
	       trap_name(tf->trapno), tf->eip);
	/* Linux gives the faulting instruction as si_addr, but 0 for #GP. */
	force_sig_fault(sig ? sig : SIGSEGV, exception_code[tf->trapno],
			tf->trapno == T_GPFLT ? 0 : tf->eip);
}

/* Last stop before user mode: yield if our time is up, then act on
 * pending signals (which may run a handler, stop, or end the process). */
void return_to_user(struct trapframe *tf)
{
	if (tf->trapno == T_IRQ0 + IRQ_TIMER && sched_should_preempt())
		yield();
	do_signals(tf);
}

void trap(struct trapframe *tf)
{
	if (tf->trapno == T_SYSCALL)
		syscall_dispatch(tf);
	else if (tf->trapno >= T_IRQ0 && tf->trapno < T_IRQ0 + NR_IRQS)
		irq((int)tf->trapno - T_IRQ0);
	else if (tf->trapno == T_PGFLT)
		page_fault(tf);
	else
		exception(tf);
	if (trap_from_user(tf))
		return_to_user(tf);
}

void trap_init(void)
{
	pic_init();
}
