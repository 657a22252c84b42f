/*
 * gdt.h - segment selectors and the task state segment (boot/gdt.c).
 *
 * The kernel uses flat segments (base 0, limit 4 GiB) for ring 0 and
 * ring 3; protection comes from paging.  The TSS only holds the kernel
 * stack (ss0:esp0) the CPU switches to on a trap from user mode.  A
 * second TSS is the double fault task, which has a stack of its own.
 * Three slots hold the running process's thread-local storage segments
 * (set_thread_area), reloaded on every switch.
 */
#ifndef BOOT_GDT_H
#define BOOT_GDT_H

#include "kernel/types.h"

/* Slots numbered as Linux i386 numbers them, so that user selectors
 * (0x73, 0x7b, the TLS 0x33/0x3b/0x43) are Linux's; the rest are free. */
#define SEG_TLS_MIN	6		/* thread-local storage (kernel/tls.c) */
#define TLS_ENTRIES	3
#define SEG_TLS_MAX	(SEG_TLS_MIN + TLS_ENTRIES - 1)
#define SEG_KCODE	12
#define SEG_KDATA	13
#define SEG_UCODE	14
#define SEG_UDATA	15
#define SEG_TSS		16
#define SEG_DF_TSS	31		/* the double fault task */
#define NSEGS		32

#define DPL_USER	3
#define KERNEL_CS	(SEG_KCODE << 3)
#define KERNEL_DS	(SEG_KDATA << 3)
#define USER_CS		((SEG_UCODE << 3) | DPL_USER)
#define USER_DS		((SEG_UDATA << 3) | DPL_USER)
#define TSS_SEL		(SEG_TSS << 3)
#define DF_TSS_SEL	(SEG_DF_TSS << 3)
#define SEL_INDEX(sel)	((sel) >> 3)
#define SEL_TI_LDT	0x4		/* selector bit: the LDT, not the GDT */

/* A descriptor as the two words the CPU reads (Intel SDM vol. 3, 3.4.5). */
struct seg_desc {
	u32 lo, hi;
};

void gdt_init(void);
void tss_set_kernel_stack(u32 esp0);
void gdt_set_tls(const struct seg_desc tls[TLS_ENTRIES]);

#endif
