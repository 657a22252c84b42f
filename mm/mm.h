/*
 * mm.h - physical frames, page tables and the kernel heap.
 *
 *   mm/frame.c    physical page frames, with reference counts
 *   mm/paging.c   page directories: the kernel map and one per process
 *   mm/slab.c     kmalloc/kfree over object caches (mm/slab.h)
 *   mm/bigalloc.c allocations of whole pages (mm/slab.h)
 *   mm/uaccess.c  checked copies between kernel and user memory
 *   mm/fault.c    the page fault handler
 *   mm/mmap.c     anonymous mappings (mmap, munmap, mprotect)
 */
#ifndef MM_MM_H
#define MM_MM_H

#include "kernel/types.h"
#include "mm/memlayout.h"

typedef u32 pde_t;
typedef u32 pte_t;

/* Page table / directory entry bits (Intel SDM vol. 3, 4.3) */
#define PTE_P		0x001	/* present */
#define PTE_W		0x002	/* writable */
#define PTE_U		0x004	/* user accessible */
#define PTE_PS		0x080	/* 4 MiB page (in a directory entry) */
#define PTE_G		0x100	/* global: kept in the TLB across cr3 loads */
#define PTE_SHARED	0x200	/* (software bit) frame shared, not copied, by fork */
#define PTE_COW		0x400	/* (software bit) writable, but copy on first write */
#define PTE_FLAGS	0xfff
#define PTE_ADDR(e)	((e) & ~PTE_FLAGS)

#define PDX(va)		((u32)(va) >> 22)
#define PTX(va)		(((u32)(va) >> 12) & 0x3ff)
#define USER_PDES	PDX(KERNBASE)	/* directory entries below the kernel */
#define PAGE_ENTRIES	1024

/* Page fault error code bits */
#define PF_PRESENT	0x1	/* fault on a present page (protection) */
#define PF_WRITE	0x2
#define PF_USER		0x4

struct multiboot_info;
struct trapframe;

/* frame.c */
void frame_init(const struct multiboot_info *mbi, u32 first_free, u32 mem_top);
u32 frame_alloc(void);			/* zeroed frame or 0 */
u32 frame_alloc_raw(void);		/* frame not zeroed, or 0 */
int frame_get(u32 pa);			/* one more reference, or -ENOMEM */
void frame_put(u32 pa);			/* drop a reference; free at 0 */
unsigned frame_refcount(u32 pa);
u32 frame_last_untouched(void);
unsigned long frames_free(void);
unsigned long frames_total(void);

/* paging.c */
u32 paging_init(const struct multiboot_info *mbi);
pde_t *pgdir_create(void);
void pgdir_free(pde_t *pgdir);
int pgdir_copy(pde_t *dst, pde_t *src);
bool cow_break(pde_t *pgdir, u32 va);
pte_t *pgdir_walk(pde_t *pgdir, u32 va, bool alloc);
int map_page(pde_t *pgdir, u32 va, u32 pa, u32 flags);
void unmap_range(pde_t *pgdir, u32 start, u32 end);
int alloc_range(pde_t *pgdir, u32 start, u32 end, u32 flags);
unsigned long pgdir_user_pages(pde_t *pgdir);
void switch_pgdir(pde_t *pgdir);
void use_pgdir(pde_t *pgdir);
extern pde_t kernel_pgdir[PAGE_ENTRIES];
extern unsigned long cr3_loads;

/* slab.c */
void heap_init(size_t size);			/* size: the cap on heap_used() */
void *kmalloc(size_t size);
void *kzalloc(size_t size);
size_t kmalloc_cost(size_t size);		/* heap bytes kmalloc(size) takes */
void kfree(void *p);
size_t heap_used(void);
size_t heap_size(void);

/* uaccess.c */
bool access_ok(const void __user *p, size_t n);
int copy_from_user(void *dst, const void __user *src, size_t n);
int get_user_u32(u32 *out, const u32 __user *p);
int copy_to_user(void __user *dst, const void *src, size_t n);
int clear_user(void __user *dst, size_t n);
int check_user_writable(void __user *p, size_t n);
int check_user_readable(const void __user *p, size_t n);
long strncpy_from_user(char *dst, const char __user *src, size_t max);
long strnlen_user(const char __user *src, size_t max);

/* mmap.c: a mapped range of a process (kernel/proc.h holds the list) */
#define NMMAP		64		/* mappings per process */
struct vm_area {
	u32 start, end;			/* page aligned, start < end */
	u32 prot;			/* PROT_* */
};
struct proc;
bool mmap_overlaps(const struct proc *p, u32 start, u32 end);
bool mmap_fault(u32 va, bool write);
void mmap_exec(struct proc *p, const struct vm_area *areas, int n);

/* fault.c */
void page_fault(struct trapframe *tf);
bool user_fault_in(u32 va, bool write);

#endif
