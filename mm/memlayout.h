/*
 * memlayout.h - the virtual address space, as every process sees it.
 *
 *   0x00000000 - 0x00000fff  never mapped (NULL dereferences fault)
 *   0x08048000 - ...         program text, data, bss (ELF), then the brk heap
 *   SHM_BASE   - SHM_TOP     System V shared memory attaches
 *   VSYSCALL_ADDR            one read-only page: the sysenter entry
 *                            (kernel/vsyscall.c), below the stack's reserve
 *   ...        - USER_TOP    user stack, growing down on demand
 *   KERNBASE   - ...         all physical memory, mapped 1:1 plus KERNBASE
 *                            (kernel only: never user-accessible)
 *   KSTACK_AREA - ...        processes' kernel stacks, each above an
 *                            unmapped guard page (kernel/kstack.c)
 *   KBIG_AREA  - ...         kernel allocations of whole pages (mm/bigalloc.c)
 *
 * The kernel image is loaded at physical 1 MiB and linked at KERNBASE +
 * 1 MiB, so a kernel address and its physical address differ by KERNBASE.
 */
#ifndef MM_MEMLAYOUT_H
#define MM_MEMLAYOUT_H

#define KERNBASE	0xC0000000u
#define USER_TOP	KERNBASE		/* first address user code may not touch */
#define PHYS_MAP_MAX	0x30000000u		/* at most 768 MiB of RAM is used */
#define KSTACK_AREA	(KERNBASE + PHYS_MAP_MAX)	/* after the RAM map */
#define KBIG_AREA	(KSTACK_AREA + 0x01000000u)	/* 16 MiB further up */
#define KBIG_AREA_SIZE	0x08000000u		/* 128 MiB */

#define PAGE_SIZE	4096u
#define PAGE_SHIFT	12
#define LARGE_PAGE_SIZE	0x400000u		/* 4 MiB page of the kernel map */

#define USER_STACK_TOP	USER_TOP
#define USER_STACK_MAX	(8u << 20)		/* stack may grow to 8 MiB */
#define USER_STACK_INIT	(4u * PAGE_SIZE)	/* mapped at exec */
#define VSYSCALL_ADDR	(USER_STACK_TOP - USER_STACK_MAX - PAGE_SIZE)

#define SHM_BASE	0x40000000u
#define SHM_TOP		0xA0000000u

#define V2P(a)		((u32)(a) - KERNBASE)
#define P2V(a)		((void *)((u32)(a) + KERNBASE))

#endif
