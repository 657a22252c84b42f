/*
 * trap.h - the register frame every interrupt, exception and system call
 * saves on the kernel stack (built by boot/isr.asm), and trap numbers.
 */
#ifndef KERNEL_TRAP_H
#define KERNEL_TRAP_H

#include "kernel/types.h"

struct trapframe {
	/* pushed by the common stub with pusha */
	u32 edi, esi, ebp, kernel_esp, ebx, edx, ecx, eax;
	/* segment registers, pushed by the common stub */
	u32 gs, fs, es, ds;
	/* pushed by the vector's stub (err is 0 where the CPU pushes none) */
	u32 trapno, err;
	/* pushed by the CPU */
	u32 eip, cs, eflags;
	/* pushed by the CPU only on a change of privilege (from user mode) */
	u32 esp, ss;
};

/* CPU exceptions (Intel SDM vol. 3, table 6-1) */
#define T_DIVIDE	0	/* divide error */
#define T_DEBUG		1
#define T_NMI		2
#define T_BRKPT		3	/* int3 */
#define T_OFLOW		4
#define T_BOUND		5
#define T_ILLOP		6	/* invalid opcode */
#define T_DEVICE	7	/* no FPU */
#define T_DBLFLT	8
#define T_TSS		10
#define T_SEGNP		11
#define T_STACK		12
#define T_GPFLT		13	/* general protection */
#define T_PGFLT		14	/* page fault */
#define T_FPERR		16
#define T_ALIGN		17
#define T_MCHK		18
#define T_SIMDERR	19
#define T_NEXCEPTIONS	32

#define T_IRQ0		32	/* the PIC's IRQ 0..15 arrive at 32..47 */
#define T_SYSCALL	0x80
#define NR_IRQS		16

#define IRQ_TIMER	0
#define IRQ_KEYBOARD	1
#define IRQ_COM1	4

static inline bool trap_from_user(const struct trapframe *tf)
{
	return (tf->cs & 3) == 3;
}

void trap_init(void);
void trap(struct trapframe *tf);
void return_to_user(struct trapframe *tf);
const char *trap_name(u32 trapno);

#endif
