/*
 * x86.h - inline wrappers for the x86 instructions C cannot express:
 * port I/O, control registers, interrupt flag, descriptor table loads.
 */
#ifndef KERNEL_X86_H
#define KERNEL_X86_H

#include "kernel/types.h"

#define EFLAGS_TF	0x00000100	/* trap flag: single-step */
#define EFLAGS_IF	0x00000200	/* interrupts enabled */

static inline void outb(u16 port, u8 val)
{
	asm volatile("outb %0, %1" : : "a"(val), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 val;
	asm volatile("inb %1, %0" : "=a"(val) : "Nd"(port));
	return val;
}

static inline void outl(u16 port, u32 val)
{
	asm volatile("outl %0, %1" : : "a"(val), "Nd"(port));
}

static inline void cli(void)
{
	asm volatile("cli" ::: "memory");
}

/* Enable interrupts and halt until one arrives, atomically: sti takes
 * effect after the next instruction, so no interrupt slips in between. */
static inline void sti_hlt(void)
{
	asm volatile("sti; hlt" ::: "memory");
}

static inline void hlt(void)
{
	asm volatile("hlt");
}

static inline u32 read_cr2(void)
{
	u32 v;
	asm volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline u32 read_cr3(void)
{
	u32 v;
	asm volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(u32 v)
{
	asm volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline u32 read_cr4(void)
{
	u32 v;
	asm volatile("mov %%cr4, %0" : "=r"(v));
	return v;
}

static inline void write_cr4(u32 v)
{
	asm volatile("mov %0, %%cr4" : : "r"(v) : "memory");
}

static inline void invlpg(u32 va)
{
	asm volatile("invlpg (%0)" : : "r"(va) : "memory");
}

static inline void wrmsr(u32 msr, u64 v)
{
	asm volatile("wrmsr" : : "c"(msr), "a"((u32)v), "d"((u32)(v >> 32)));
}

static inline u32 read_ebp(void)
{
	u32 v;
	asm volatile("mov %%ebp, %0" : "=r"(v));
	return v;
}

#endif
