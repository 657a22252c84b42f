/*
 * mmap.c - anonymous memory mappings: mmap2, old_mmap, munmap, mprotect.
 *
 * Each process keeps a short list of the address ranges it mapped
 * (p->mmaps: start, end, protection; sorted by address, never
 * overlapping, adjacent ranges with the same protection merged).  Pages of
 * a private mapping are made on first touch (mm/fault.c calls
 * mmap_fault) as zeroed frames, and fork shares them copy-on-write like
 * the rest of the address space.  A shared anonymous mapping is made
 * whole at once with PTE_SHARED pages, which fork keeps shared.  exec
 * uses the same list for a program's bss beyond its last file page, so a
 * huge bss costs nothing until touched (exec.c).  File mappings are not
 * supported (ENODEV).
 *
 * Without mmap a range is placed top-down below the stack's reserve
 * (MMAP_TOP), else below shared memory and above the program break, in
 * the highest gap that has no mapping, attach or page.  mprotect also
 * works on the program's own pages (glibc makes its RELRO read-only):
 * the page table entries are the protection, PROT_NONE a present page
 * without PTE_U.  Linux's rules for arguments and errors are kept; x86
 * without NX reads where it may execute, and reads where it may write.
 */
#include "mm/mm.h"
#include "ipc/ipc.h"
#include "kernel/errno.h"
#include "kernel/proc.h"
#include "kernel/rlimit.h"
#include "kernel/string.h"
#include <uapi/mman.h>

#define MMAP_MIN	0x10000u	/* Linux's mmap_min_addr */
#define MMAP_TOP	(USER_STACK_TOP - USER_STACK_MAX - PAGE_SIZE)
#define PROT_ALL	(PROT_READ | PROT_WRITE | PROT_EXEC)

/* The page table bits for protection prot (PROT_NONE: a page the user
 * cannot reach, kept present so that its contents stay). */
static u32 prot_pte(u32 prot)
{
	if (prot == PROT_NONE)
		return 0;
	return PTE_U | ((prot & PROT_WRITE) ? PTE_W : 0);
}

static bool overlaps(const struct vm_area *a, u32 start, u32 end)
{
	return a->start < end && start < a->end;
}

bool mmap_overlaps(const struct proc *p, u32 start, u32 end)
{
	for (int i = 0; i < p->nmmaps; i++)
		if (overlaps(&p->mmaps[i], start, end))
			return true;
	return false;
}

static const struct vm_area *find_area(const struct proc *p, u32 va)
{
	for (int i = 0; i < p->nmmaps; i++)
		if (p->mmaps[i].start <= va && va < p->mmaps[i].end)
			return &p->mmaps[i];
	return NULL;
}

/* Is any page of [start, end) present in pgdir? Skips empty tables. */
static bool any_page(pde_t *pgdir, u32 start, u32 end)
{
	for (u32 va = start; va < end && va >= start; ) {
		if (!(pgdir[PDX(va)] & PTE_P)) {
			va = ALIGN_DOWN(va, LARGE_PAGE_SIZE) + LARGE_PAGE_SIZE;
			continue;
		}
		if (*pgdir_walk(pgdir, va, false) & PTE_P)
			return true;
		va += PAGE_SIZE;
	}
	return false;
}

/* Remove [start, end) from the list, splitting areas.  -ENOMEM if a
 * split would need a slot there is not. */
static int cut(struct proc *p, u32 start, u32 end)
{
	for (int i = 0; i < p->nmmaps; i++) {
		struct vm_area *a = &p->mmaps[i];

		if (!overlaps(a, start, end))
			continue;
		if (a->start < start && a->end > end) {		/* a hole in the middle */
			if (p->nmmaps == NMMAP)
				return -ENOMEM;
			memmove(a + 1, a, (size_t)(p->nmmaps - i) * sizeof(*a));
			p->nmmaps++;
			a->end = start;
			a[1].start = end;
			return 0;
		}
		if (a->start < start) {
			a->end = start;
		} else if (a->end > end) {
			a->start = end;
		} else {
			memmove(a, a + 1, (size_t)(p->nmmaps - i - 1) * sizeof(*a));
			p->nmmaps--;
			i--;
		}
	}
	return 0;
}

/* Add [start, end) (free in the list) with prot, merging neighbours. */
static int insert(struct proc *p, u32 start, u32 end, u32 prot)
{
	int i = 0;

	while (i < p->nmmaps && p->mmaps[i].start < start)
		i++;
	if (i > 0 && p->mmaps[i - 1].end == start && p->mmaps[i - 1].prot == prot) {
		p->mmaps[i - 1].end = end;
		if (i < p->nmmaps && p->mmaps[i].start == end && p->mmaps[i].prot == prot) {
			p->mmaps[i - 1].end = p->mmaps[i].end;
			memmove(&p->mmaps[i], &p->mmaps[i + 1],
				(size_t)(p->nmmaps - i - 1) * sizeof(p->mmaps[0]));
			p->nmmaps--;
		}
		return 0;
	}
	if (i < p->nmmaps && p->mmaps[i].start == end && p->mmaps[i].prot == prot) {
		p->mmaps[i].start = start;
		return 0;
	}
	if (p->nmmaps == NMMAP)
		return -ENOMEM;
	memmove(&p->mmaps[i + 1], &p->mmaps[i], (size_t)(p->nmmaps - i) * sizeof(p->mmaps[0]));
	p->nmmaps++;
	p->mmaps[i] = (struct vm_area){ start, end, prot };
	return 0;
}

/* May [start, end) be mapped without disturbing anything? */
static bool range_free(struct proc *p, u32 start, u32 end)
{
	return start >= MMAP_MIN && end <= MMAP_TOP && start < end &&
	       !(start < ALIGN_UP(p->brk, PAGE_SIZE) && p->brk_start < end) &&
	       !mmap_overlaps(p, start, end) && !shm_overlaps(p, start, end) &&
	       !any_page(p->pgdir, start, end);
}

/* The highest free range of len bytes: ending at MMAP_TOP, at shared
 * memory's base or at the start of a mapping.  0 if none. */
static u32 find_free(struct proc *p, u32 len)
{
	u32 best = 0, ends[NMMAP + 2];
	int n = 0;

	ends[n++] = MMAP_TOP;
	ends[n++] = SHM_BASE;
	for (int i = 0; i < p->nmmaps; i++)
		ends[n++] = p->mmaps[i].start;
	for (int i = 0; i < n; i++)
		if (ends[i] >= len && ends[i] - len > best && range_free(p, ends[i] - len, ends[i]))
			best = ends[i] - len;
	return best;
}

/* Unmap the pages of [start, end) that are not shared memory attaches. */
static void unmap_pages(struct proc *p, u32 start, u32 end)
{
	if (!shm_overlaps(p, start, end)) {
		unmap_range(p->pgdir, start, end);
		return;
	}
	for (u32 va = start; va < end; va += PAGE_SIZE)
		if (!shm_overlaps(p, va, va + PAGE_SIZE))
			unmap_range(p->pgdir, va, va + PAGE_SIZE);
}

static long do_mmap(u32 addr, u32 len, u32 prot, u32 flags, int fd)
{
	struct proc *mm = mm_owner(current);
	u32 type = flags & MAP_TYPE, end;
	int err;

	/* Linux's order: the file, the length, the address, the type. */
	if (!(flags & MAP_ANONYMOUS) && (fd < 0 || fd >= NOFILE || !current->files[fd]))
		return -EBADF;
	if (len == 0)
		return -EINVAL;
	if (len > USER_TOP)
		return -ENOMEM;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (((flags & MAP_FIXED) && addr % PAGE_SIZE) ||
	    (type != MAP_PRIVATE && type != MAP_SHARED))
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS))
		return -ENODEV;
	if (flags & MAP_FIXED) {
		if (addr < MMAP_MIN)
			return -EPERM;
		if (addr > MMAP_TOP || len > MMAP_TOP - addr || shm_overlaps(mm, addr, addr + len))
			return -ENOMEM;
	} else {
		addr = ALIGN_DOWN(addr, PAGE_SIZE);
		if (!(addr && len <= MMAP_TOP - addr && range_free(mm, addr, addr + len)) &&
		    !(addr = find_free(mm, len)))
			return -ENOMEM;
	}
	if (!rlimit_as_allows(mm, len))
		return -ENOMEM;
	end = addr + len;
	if ((err = cut(mm, addr, end)) < 0)
		return err;
	unmap_pages(mm, addr, end);
	if ((err = insert(mm, addr, end, prot & PROT_ALL)) < 0)
		return err;
	if (type == MAP_SHARED &&
	    (err = alloc_range(mm->pgdir, addr, end, prot_pte(prot) | PTE_SHARED)) < 0) {
		cut(mm, addr, end);
		unmap_pages(mm, addr, end);
		return err;
	}
	return (long)addr;
}

long sys_mmap2(u32 addr, u32 len, u32 prot, u32 flags, int fd, u32 pgoff)
{
	(void)pgoff;
	return do_mmap(addr, len, prot, flags, fd);
}

/* The old call takes its six arguments in a block in memory. */
long sys_old_mmap(const u32 __user *args)
{
	u32 a[6];

	if (copy_from_user(a, args, sizeof(a)) < 0)
		return -EFAULT;
	if (a[5] % PAGE_SIZE)
		return -EINVAL;
	return do_mmap(a[0], a[1], a[2], a[3], (int)a[4]);
}

long sys_munmap(u32 addr, u32 len)
{
	struct proc *mm = mm_owner(current);
	u32 end = addr + ALIGN_UP(len, PAGE_SIZE);
	int err;

	if (addr % PAGE_SIZE || len == 0 || len > USER_TOP || end > USER_TOP || end < addr)
		return -EINVAL;
	if ((err = cut(mm, addr, end)) < 0)
		return err;
	unmap_pages(mm, addr, end);
	return 0;
}

/* Is every page of [start, end) mapped: listed, or present? */
static bool all_mapped(struct proc *p, u32 start, u32 end)
{
	for (u32 va = start; va < end; va += PAGE_SIZE) {
		pte_t *pte;
		if (find_area(p, va))
			continue;
		pte = pgdir_walk(p->pgdir, va, false);
		if (!pte || !(*pte & PTE_P))
			return false;
	}
	return true;
}

/* Give the present page at *pte protection prot.  A page that becomes
 * writable while another process maps its frame becomes copy-on-write. */
static void protect_page(pte_t *pte, u32 prot)
{
	u32 e = (*pte & ~(PTE_U | PTE_W | PTE_COW)) | prot_pte(prot);

	if ((e & PTE_W) && !(e & PTE_SHARED) && frame_refcount(PTE_ADDR(e)) > 1)
		e = (e & ~PTE_W) | PTE_COW;
	*pte = e;
}

long sys_mprotect(u32 addr, u32 len, u32 prot)
{
	struct proc *mm = mm_owner(current);
	u32 end = addr + ALIGN_UP(len, PAGE_SIZE);
	int err;

	if (addr % PAGE_SIZE || (prot & ~PROT_ALL))
		return -EINVAL;
	if (len == 0)
		return 0;
	if (len > USER_TOP || end > USER_TOP || end <= addr || !all_mapped(mm, addr, end))
		return -ENOMEM;
	for (u32 va = addr; va < end; va += PAGE_SIZE) {
		const struct vm_area *a = find_area(mm, va);
		u32 next = a ? MIN(a->end, end) : va + PAGE_SIZE;

		if (a && a->prot != prot) {
			if ((err = cut(mm, va, next)) < 0 ||
			    (err = insert(mm, va, next, prot)) < 0)
				return err;
		}
		for (; va < next; va += PAGE_SIZE) {
			pte_t *pte = pgdir_walk(mm->pgdir, va, false);
			if (pte && (*pte & PTE_P) && !shm_overlaps(mm, va, va + PAGE_SIZE))
				protect_page(pte, prot);
		}
		va -= PAGE_SIZE;
	}
	switch_pgdir(mm->pgdir);		/* flush the TLB */
	return 0;
}

/* The first touch of a page of a private mapping: a zeroed frame, if
 * the mapping allows the access. */
bool mmap_fault(u32 va, bool write)
{
	struct proc *mm = mm_owner(current);
	const struct vm_area *a = find_area(mm, va);

	if (!a || a->prot == PROT_NONE || (write && !(a->prot & PROT_WRITE)))
		return false;
	return alloc_range(mm->pgdir, va, va + 1, prot_pte(a->prot)) == 0;
}

/* exec: the new program's lazy bss areas replace every mapping. */
void mmap_exec(struct proc *p, const struct vm_area *bss, int n)
{
	p->nmmaps = 0;
	for (int i = 0; i < n; i++)
		insert(p, bss[i].start, bss[i].end, bss[i].prot);
}
