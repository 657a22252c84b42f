/*
 * bigalloc.c - kernel allocations bigger than a slab object: whole pages,
 * contiguous in the kernel's virtual area for big allocations.
 *
 * The area [KBIG_AREA, KBIG_AREA + KBIG_AREA_SIZE) is cut into one region
 * per order 0..BIG_MAX_ORDER, each ORDER_SPAN bytes; the region of order o
 * is a row of slots of 2^o pages.  An allocation of n pages takes a slot
 * of the smallest order with 2^o >= n and maps n fresh frames at its
 * start; the rest of the slot stays unmapped.  Each order keeps the slots
 * it has handed back on a free list threaded through the (not present)
 * first page table entry of each free slot, and a count of slots never
 * used; so taking or giving back a slot is O(1), and mapping costs one
 * step per page.  Freeing unmaps from the slot's start up to the first
 * page not present, which is how the size is found again.
 *
 * Invariant: the page tables covering the area are made at boot in
 * kernel_pgdir, before any process page directory exists, and shared by
 * all of them (as kernel/kstack.c does for kernel stacks).  A mapped page
 * is supervisor-only, not global, and flushed with invlpg when unmapped.
 */
#include "mm/mm.h"
#include "mm/slab.h"
#include "kernel/printk.h"
#include "kernel/x86.h"

#define NORDERS		(BIG_MAX_ORDER + 1)
#define ORDER_SPAN	(KBIG_AREA_SIZE / NORDERS)
#define FREE_SHIFT	1		/* free-list link, kept clear of PTE_P */

_Static_assert(ORDER_SPAN % (PAGE_SIZE << BIG_MAX_ORDER) == 0,
	       "every order's region holds whole slots");

struct order {
	u32 unused;		/* slots from here on never handed out */
	u32 free;		/* first free slot + 1, or 0 */
};

static struct order orders[NORDERS];
static unsigned long npages;

static pte_t *big_pte(u32 va)
{
	pte_t *table = P2V(PTE_ADDR(kernel_pgdir[PDX(va)]));

	return &table[PTX(va)];
}

void bigalloc_init(void)
{
	for (u32 va = KBIG_AREA; va < KBIG_AREA + KBIG_AREA_SIZE; va += LARGE_PAGE_SIZE) {
		u32 pa = frame_alloc();

		if (!pa)
			panic("no memory for the big allocation page tables");
		kernel_pgdir[PDX(va)] = pa | PTE_P | PTE_W;
	}
}

static u32 slot_va(int o, u32 slot)
{
	return KBIG_AREA + (u32)o * ORDER_SPAN + slot * (PAGE_SIZE << o);
}

static bool slot_get(int o, u32 *slot)
{
	struct order *ord = &orders[o];

	if (ord->free) {
		*slot = ord->free - 1;
		ord->free = *big_pte(slot_va(o, *slot)) >> FREE_SHIFT;
		*big_pte(slot_va(o, *slot)) = 0;
		return true;
	}
	if (ord->unused == ORDER_SPAN / (PAGE_SIZE << o))
		return false;
	*slot = ord->unused++;
	return true;
}

static void slot_put(int o, u32 slot)
{
	*big_pte(slot_va(o, slot)) = orders[o].free << FREE_SHIFT;
	orders[o].free = slot + 1;
}

/* Unmap the pages mapped from va up, at most max; how many there were. */
static u32 unmap_pages(u32 va, u32 max)
{
	u32 n;

	for (n = 0; n < max; n++) {
		pte_t *pte = big_pte(va + n * PAGE_SIZE);

		if (!(*pte & PTE_P))
			break;
		frame_put(PTE_ADDR(*pte));
		*pte = 0;
		invlpg(va + n * PAGE_SIZE);
	}
	npages -= n;
	return n;
}

void *big_alloc(size_t size)
{
	u32 n = ALIGN_UP(size, PAGE_SIZE) / PAGE_SIZE, slot, va;
	int o = 0;

	if (size == 0 || size > BIG_MAX)
		return NULL;
	while ((1u << o) < n)
		o++;
	if (!slot_get(o, &slot))
		return NULL;
	va = slot_va(o, slot);
	for (u32 i = 0; i < n; i++) {
		u32 pa = frame_alloc();

		if (!pa) {
			unmap_pages(va, i);
			slot_put(o, slot);
			return NULL;
		}
		*big_pte(va + i * PAGE_SIZE) = pa | PTE_P | PTE_W;
		npages++;
	}
	return (void *)va;
}

bool big_owns(const void *p)
{
	return (u32)p >= KBIG_AREA && (u32)p < KBIG_AREA + KBIG_AREA_SIZE;
}

size_t big_free(void *p)
{
	u32 off = (u32)p - KBIG_AREA;
	int o = (int)(off / ORDER_SPAN);
	u32 slot_size = PAGE_SIZE << o;
	u32 n;

	if (!big_owns(p) || (off % ORDER_SPAN) % slot_size != 0 ||
	    !(*big_pte((u32)p) & PTE_P))
		panic("kfree: %p is not a big allocation", p);
	n = unmap_pages((u32)p, 1u << o);
	slot_put(o, (off % ORDER_SPAN) / slot_size);
	return (size_t)n * PAGE_SIZE;
}

unsigned long big_pages(void)
{
	return npages;
}
