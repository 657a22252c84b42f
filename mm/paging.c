/*
 * paging.c - page directories and page tables (two-level i386 paging).
 *
 * kernel_pgdir maps all usable physical memory at KERNBASE with 4 MiB
 * pages, supervisor only.  Every process has its own directory whose
 * entries from KERNBASE up are copies of kernel_pgdir's (those entries
 * never change after boot, so the copies never go stale) and whose lower
 * entries point to that process's own page tables.  User pages are
 * mapped with PTE_U; kernel memory never is.
 *
 * Page tables and user pages are frames from mm/frame.c; unmapping puts
 * the frame, so a page shared by several processes lives until its last
 * mapping goes.  Pages are shared in two ways: shared memory (PTE_SHARED)
 * for good, and after fork copy-on-write (PTE_COW): parent and child map
 * the same frame read-only, and the first write of either gets it a copy
 * of its own (cow_break, from the page fault handler).
 */
#include "mm/mm.h"
#include "boot/multiboot.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/x86.h"

#define CR4_PGE		0x80	/* global pages */

pde_t kernel_pgdir[PAGE_ENTRIES] __attribute__((aligned(PAGE_SIZE)));
unsigned long cr3_loads;		/* for kstat: each one flushes the TLB */

/* The end of the highest available RAM region, at most PHYS_MAP_MAX. */
static u32 find_mem_top(const struct multiboot_info *mbi)
{
	u64 top = 0;
	u32 end = mbi->mmap_addr + mbi->mmap_length;

	if (!(mbi->flags & MB_INFO_MMAP))
		return (u32)MIN((u64)(mbi->mem_upper + 1024) * 1024, (u64)PHYS_MAP_MAX);
	for (u32 e = mbi->mmap_addr; e < end; ) {
		const struct multiboot_mmap *m = P2V(e);
		if (m->type == MB_MMAP_AVAILABLE && m->addr + m->len > top)
			top = m->addr + m->len;
		e += m->size + sizeof(m->size);
	}
	return (u32)ALIGN_DOWN(MIN(top, (u64)PHYS_MAP_MAX), PAGE_SIZE);
}

u32 paging_init(const struct multiboot_info *mbi)
{
	u32 mem_top = find_mem_top(mbi);

	for (u32 pa = 0; pa < mem_top; pa += LARGE_PAGE_SIZE)
		kernel_pgdir[PDX(KERNBASE + pa)] = pa | PTE_P | PTE_W | PTE_PS | PTE_G;
	write_cr4(read_cr4() | CR4_PGE);
	switch_pgdir(kernel_pgdir);
	return mem_top;
}

void switch_pgdir(pde_t *pgdir)
{
	write_cr3(V2P(pgdir));
	cr3_loads++;
}

/* Load pgdir unless it is loaded already (a switch between two threads
 * of one address space, or back to the process that ran last). */
void use_pgdir(pde_t *pgdir)
{
	if (read_cr3() != V2P(pgdir))
		switch_pgdir(pgdir);
}

static bool is_current(pde_t *pgdir)
{
	return read_cr3() == V2P(pgdir);
}

pde_t *pgdir_create(void)
{
	u32 pa = frame_alloc();
	pde_t *pgdir;

	if (!pa)
		return NULL;
	pgdir = P2V(pa);
	memcpy(&pgdir[USER_PDES], &kernel_pgdir[USER_PDES],
	       (PAGE_ENTRIES - USER_PDES) * sizeof(pde_t));
	return pgdir;
}

/* The entry for va in pgdir's page table, creating the table if alloc. */
pte_t *pgdir_walk(pde_t *pgdir, u32 va, bool alloc)
{
	pde_t *pde = &pgdir[PDX(va)];

	if (va >= USER_TOP)
		panic("pgdir_walk: kernel address %08x", va);
	if (!(*pde & PTE_P)) {
		u32 pa;
		if (!alloc || !(pa = frame_alloc()))
			return NULL;
		*pde = pa | PTE_P | PTE_W | PTE_U;
	}
	return &((pte_t *)P2V(PTE_ADDR(*pde)))[PTX(va)];
}

int map_page(pde_t *pgdir, u32 va, u32 pa, u32 flags)
{
	pte_t *pte = pgdir_walk(pgdir, va, true);

	if (!pte)
		return -ENOMEM;
	if (*pte & PTE_P)
		panic("map_page: %08x already mapped", va);
	*pte = pa | flags | PTE_P;
	return 0;
}

/* Map fresh zeroed pages over [start, end) wherever nothing is mapped. */
int alloc_range(pde_t *pgdir, u32 start, u32 end, u32 flags)
{
	for (u32 va = ALIGN_DOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE) {
		pte_t *pte = pgdir_walk(pgdir, va, true);
		u32 pa;

		if (!pte)
			return -ENOMEM;
		if (*pte & PTE_P)
			continue;
		if (!(pa = frame_alloc()))
			return -ENOMEM;
		*pte = pa | flags | PTE_P;
	}
	return 0;
}

/* Free the page table behind directory entry i if it maps nothing. */
static void free_table_if_empty(pde_t *pgdir, u32 i)
{
	pte_t *table = P2V(PTE_ADDR(pgdir[i]));

	for (u32 j = 0; j < PAGE_ENTRIES; j++)
		if (table[j] & PTE_P)
			return;
	frame_put(PTE_ADDR(pgdir[i]));
	pgdir[i] = 0;
	if (is_current(pgdir))
		switch_pgdir(pgdir);		/* flush the TLB */
}

/* Unmap [start, end), putting each page's frame, and give back the page
 * tables left empty. */
void unmap_range(pde_t *pgdir, u32 start, u32 end)
{
	bool flush = is_current(pgdir);

	for (u32 va = ALIGN_DOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE) {
		pte_t *pte = pgdir_walk(pgdir, va, false);

		if (pte && (*pte & PTE_P)) {
			frame_put(PTE_ADDR(*pte));
			*pte = 0;
			if (flush)
				invlpg(va);
		}
		if (PTX(va) == PAGE_ENTRIES - 1 || va + PAGE_SIZE >= end) {
			if (pgdir[PDX(va)] & PTE_P)
				free_table_if_empty(pgdir, PDX(va));
		}
		if (!pte)
			va = ALIGN_DOWN(va, LARGE_PAGE_SIZE) + LARGE_PAGE_SIZE - PAGE_SIZE;
	}
}

/*
 * Give dst every user page of src (fork).  No page is copied: shared
 * memory stays shared, read-only pages are simply mapped twice, and
 * writable pages become copy-on-write in both directories.  On -ENOMEM
 * (a page table, or a frame's reference count at its limit) the caller
 * frees dst.
 */
int pgdir_copy(pde_t *dst, pde_t *src)
{
	for (u32 i = 0; i < USER_PDES; i++) {
		if (!(src[i] & PTE_P))
			continue;
		pte_t *table = P2V(PTE_ADDR(src[i]));
		for (u32 j = 0; j < PAGE_ENTRIES; j++) {
			pte_t *e = &table[j];
			u32 va = (i << 22) | (j << 12);

			if (!(*e & PTE_P))
				continue;
			if (frame_get(PTE_ADDR(*e)) < 0)
				return -ENOMEM;
			if ((*e & PTE_W) && !(*e & PTE_SHARED))
				*e = (*e & ~PTE_W) | PTE_COW;
			if (map_page(dst, va, PTE_ADDR(*e), *e & PTE_FLAGS) < 0) {
				frame_put(PTE_ADDR(*e));
				return -ENOMEM;
			}
		}
	}
	if (is_current(src))
		switch_pgdir(src);		/* its pages became read-only: flush */
	return 0;
}

/* A write to the copy-on-write page at va: a private copy, unless no one
 * else maps the frame any more.  False if va is no such page, or no
 * frame can be had. */
bool cow_break(pde_t *pgdir, u32 va)
{
	pte_t *pte = pgdir_walk(pgdir, va, false);
	u32 old, copy;

	if (!pte || !(*pte & PTE_P) || !(*pte & PTE_COW))
		return false;
	old = PTE_ADDR(*pte);
	if (frame_refcount(old) > 1) {
		if (!(copy = frame_alloc()))
			return false;
		memcpy(P2V(copy), P2V(old), PAGE_SIZE);
		frame_put(old);
		*pte = copy | (*pte & PTE_FLAGS);
	}
	*pte = (*pte & ~PTE_COW) | PTE_W;
	if (is_current(pgdir))
		invlpg(ALIGN_DOWN(va, PAGE_SIZE));
	return true;
}

void pgdir_free(pde_t *pgdir)
{
	if (is_current(pgdir))
		switch_pgdir(kernel_pgdir);
	for (u32 i = 0; i < USER_PDES; i++) {
		if (!(pgdir[i] & PTE_P))
			continue;
		pte_t *table = P2V(PTE_ADDR(pgdir[i]));
		for (u32 j = 0; j < PAGE_ENTRIES; j++)
			if (table[j] & PTE_P)
				frame_put(PTE_ADDR(table[j]));
		frame_put(PTE_ADDR(pgdir[i]));
	}
	frame_put(V2P(pgdir));
}

unsigned long pgdir_user_pages(pde_t *pgdir)
{
	unsigned long n = 0;

	for (u32 i = 0; i < USER_PDES; i++) {
		if (!(pgdir[i] & PTE_P))
			continue;
		pte_t *table = P2V(PTE_ADDR(pgdir[i]));
		for (u32 j = 0; j < PAGE_ENTRIES; j++)
			n += table[j] & PTE_P;
	}
	return n;
}
