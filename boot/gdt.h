/*
 * gdt.h - segment selectors and the task state segment (boot/gdt.c).
 *
 * The kernel uses flat segments (base 0, limit 4 GiB) for ring 0 and
 * ring 3; protection comes from paging.  The TSS only holds the kernel
 * stack (ss0:esp0) the CPU switches to on a trap from user mode.  A
 * second TSS is the double fault task, which has a stack of its own.
 */
#ifndef BOOT_GDT_H
#define BOOT_GDT_H

#include "kernel/types.h"

#define SEG_KCODE	1
#define SEG_KDATA	2
#define SEG_UCODE	3
#define SEG_UDATA	4
#define SEG_TSS		5
#define SEG_DF_TSS	6		/* the double fault task */
#define NSEGS		7

#define DPL_USER	3
#define KERNEL_CS	(SEG_KCODE << 3)
#define KERNEL_DS	(SEG_KDATA << 3)
#define USER_CS		((SEG_UCODE << 3) | DPL_USER)
#define USER_DS		((SEG_UDATA << 3) | DPL_USER)
#define TSS_SEL		(SEG_TSS << 3)
#define DF_TSS_SEL	(SEG_DF_TSS << 3)

void gdt_init(void);
void tss_set_kernel_stack(u32 esp0);

#endif
