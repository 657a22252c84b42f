/*
 * idt.c - the interrupt descriptor table.
 *
 * Vectors 0..31 are the CPU exceptions, 32..47 the two PICs' IRQs
 * (remapped there by kernel/pic.c) and 0x80 the system call.  All are
 * interrupt gates (IF cleared on entry), except the double fault's, a
 * task gate to the double fault task (boot/gdt.c).  Only int 0x80, int3 and into
 * may be raised from ring 3 with an int instruction (DPL 3); any other
 * `int n` from user mode is a general protection fault.
 */
#include "boot/idt.h"
#include "boot/gdt.h"
#include "kernel/trap.h"

#define IDT_ENTRIES	256
#define GATE_INT32	0x0e
#define GATE_TASK	0x05
#define GATE_PRESENT	0x80
#define GATE_DPL(d)	((d) << 5)

struct idt_entry {
	u16 off_lo;
	u16 selector;
	u8 zero;
	u8 type;
	u16 off_hi;
} __packed;

struct idt_ptr {
	u16 limit;
	u32 base;
} __packed;

extern const u32 trap_vectors[T_IRQ0 + NR_IRQS];
extern const u32 syscall_vector;

static struct idt_entry idt[IDT_ENTRIES];

static void set_gate(int n, u32 handler, int dpl)
{
	idt[n].off_lo = handler & 0xffff;
	idt[n].selector = KERNEL_CS;
	idt[n].zero = 0;
	idt[n].type = (u8)(GATE_PRESENT | GATE_DPL(dpl) | GATE_INT32);
	idt[n].off_hi = handler >> 16;
}

static void set_task_gate(int n, u16 tss_selector)
{
	idt[n].off_lo = 0;
	idt[n].selector = tss_selector;
	idt[n].zero = 0;
	idt[n].type = (u8)(GATE_PRESENT | GATE_TASK);
	idt[n].off_hi = 0;
}

void idt_init(void)
{
	struct idt_ptr p = { sizeof(idt) - 1, (u32)idt };

	for (int i = 0; i < T_IRQ0 + NR_IRQS; i++)
		set_gate(i, trap_vectors[i], 0);
	set_gate(T_BRKPT, trap_vectors[T_BRKPT], DPL_USER);
	set_gate(T_OFLOW, trap_vectors[T_OFLOW], DPL_USER);
	set_gate(T_SYSCALL, syscall_vector, DPL_USER);
	set_task_gate(T_DBLFLT, DF_TSS_SEL);
	asm volatile("lidt %0" : : "m"(p));
}
