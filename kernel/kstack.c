/*
 * kstack.c - kernel stacks from page frames, each below a guard page.
 *
 * Process slot i owns the window KSTACK_AREA + i * KSTACK_WINDOW: its
 * lowest page is never mapped (the guard), the KSTACK_SIZE bytes above
 * it are the stack, mapped to fresh frames from mm/frame.c by
 * kstack_alloc and given back by kstack_free.  So the number of
 * processes is bounded by free memory, not by the kernel heap, and a
 * stack that overflows faults on the guard page instead of silently
 * overwriting its neighbour.
 *
 * Invariant: the page tables covering the whole area are made once at
 * boot, in kernel_pgdir, before any process page directory exists; every
 * page directory copies kernel_pgdir's upper entries and so shares these
 * tables, and a stack mapped or unmapped later is seen by all of them.
 * The stack pages are supervisor-only and not global, and are flushed
 * from the TLB when unmapped.
 */
#include "kernel/kstack.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/x86.h"
#include "mm/mm.h"

#define KSTACK_PAGES	(KSTACK_SIZE / PAGE_SIZE)
#define KSTACK_WINDOW	(PAGE_SIZE + KSTACK_SIZE)	/* guard, then stack */
#define KSTACK_AREA_END	(KSTACK_AREA + NPROC * KSTACK_WINDOW)

_Static_assert(KSTACK_SIZE % PAGE_SIZE == 0, "kernel stacks are whole pages");
_Static_assert(KSTACK_AREA_END > KSTACK_AREA && KSTACK_AREA_END <= KBIG_AREA,
	       "the kernel stack area ends below the big allocation area");
_Static_assert(KBIG_AREA + KBIG_AREA_SIZE <= 0xFFC00000u,
	       "the big allocation area fits below the last 4 MiB");

static pte_t *kstack_pte(u32 va)
{
	pte_t *table = P2V(PTE_ADDR(kernel_pgdir[PDX(va)]));

	return &table[PTX(va)];
}

void kstack_init(void)
{
	for (u32 va = KSTACK_AREA; va < KSTACK_AREA_END; va += LARGE_PAGE_SIZE) {
		u32 pa = frame_alloc();

		if (!pa)
			panic("no memory for the kernel stack page tables");
		kernel_pgdir[PDX(va)] = pa | PTE_P | PTE_W;
	}
}

static u32 stack_base(int slot)
{
	return KSTACK_AREA + (u32)slot * KSTACK_WINDOW + PAGE_SIZE;
}

/* Map the stack of process slot `slot`; its lowest address, or NULL. */
u8 *kstack_alloc(int slot)
{
	u32 base = stack_base(slot);

	for (u32 i = 0; i < KSTACK_PAGES; i++) {
		u32 pa = frame_alloc();

		if (!pa) {
			kstack_free((u8 *)base);
			return NULL;
		}
		*kstack_pte(base + i * PAGE_SIZE) = pa | PTE_P | PTE_W;
	}
	return (u8 *)base;
}

/* Unmap a stack from kstack_alloc and free its frames (also a partly
 * mapped one). */
void kstack_free(u8 *stack)
{
	for (u32 i = 0; i < KSTACK_PAGES; i++) {
		u32 va = (u32)stack + i * PAGE_SIZE;
		pte_t *pte = kstack_pte(va);

		if (*pte & PTE_P) {
			frame_put(PTE_ADDR(*pte));
			*pte = 0;
			invlpg(va);
		}
	}
}

/* Recurse until the stack runs into its guard page (boot option
 * kstack_overflow): the double fault task must then panic. */
unsigned kstack_overflow(unsigned depth)
{
	volatile u8 frame[256];

	frame[0] = (u8)depth;
	if (depth == ~0u)		/* never: a stack holds far fewer frames */
		return 0;
	return kstack_overflow(depth + 1) + frame[0];
}

/* Is va a mapped kernel stack address (a backtrace may read it)? */
bool kstack_mapped(u32 va)
{
	return va >= KSTACK_AREA && va < KSTACK_AREA_END && (*kstack_pte(va) & PTE_P);
}

/* Is va in the guard page below some process's kernel stack? */
bool kstack_guard(u32 va)
{
	return va >= KSTACK_AREA && va < KSTACK_AREA_END &&
	       (va - KSTACK_AREA) % KSTACK_WINDOW < PAGE_SIZE;
}
