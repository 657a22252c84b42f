/*
 * frame.c - the physical page frame allocator.
 *
 * Free frames are in two places.  Frames never handed out since boot are
 * the untouched part of each available memory range (ranges[]: from
 * `next` up to `end`), taken from the bottom up; so boot writes nothing
 * into free memory and the host need not fault it all in.  Frames given
 * back form a singly linked list threaded through the frames themselves
 * (the first word of a free frame holds the physical address of the
 * next), reached through the kernel's 1:1 map of physical memory;
 * frame_alloc takes from that list first.  Empty slabs the object caches
 * keep aside count as free (mm/slab.c): frame_alloc takes them back when
 * nothing else is left.
 * Every frame below mem_top has a reference count: 0 for a free frame,
 * 1 when allocated, more when shared (shared memory pages, copy-on-write
 * after fork).  A frame returns to the list when its count drops to 0;
 * getting or putting a free frame is a kernel bug and panics.
 *
 * Counts are 32 bits.  References are the frame's owner, the page table
 * entries that map it and a shared memory segment's hold on its page, and
 * even all of memory used as page tables holds fewer than 2^28 entries, so
 * a count cannot reach
 * FRAME_REF_MAX; frame_get still refuses to pass it (-ENOMEM), so that
 * no count can ever wrap to 0 and free a frame still in use.
 *
 * Only frames inside "available" regions of the multiboot memory map and
 * above first_free (the kernel image, then this table) are managed.
 */
#include "mm/mm.h"
#include "mm/slab.h"
#include "boot/multiboot.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/string.h"

#define FRAME_REF_MAX	0xffffffffu	/* the largest reference count */
#define MAX_RANGES	16		/* available memory ranges kept */

struct range {
	u32 next, end;		/* frames [next, end) never handed out */
};

static struct range ranges[MAX_RANGES];
static int nranges, first_range;	/* ranges before first_range are used up */
static u32 free_head;		/* physical address of first free frame, 0 = none */
static u32 *refcount;		/* indexed by frame number */
static u32 nframes_max;		/* frames below mem_top */
static unsigned long nfree, ntotal;

static u32 *ref(u32 pa)
{
	u32 n = pa >> PAGE_SHIFT;

	if ((pa & (PAGE_SIZE - 1)) || n >= nframes_max)
		panic("frame: bad physical address %08x", pa);
	return &refcount[n];
}

static void push_free(u32 pa)
{
	*(u32 *)P2V(pa) = free_head;
	free_head = pa;
	nfree++;
}

static void add_range(u64 lo, u64 hi)
{
	hi = ALIGN_DOWN(hi, PAGE_SIZE);
	if (lo >= hi)
		return;
	if (nranges == MAX_RANGES) {
		printk("frame: memory range %08x-%08x left unused\n", (u32)lo, (u32)hi);
		return;
	}
	ranges[nranges].next = (u32)lo;
	ranges[nranges].end = (u32)hi;
	nranges++;
	nfree += (hi - lo) / PAGE_SIZE;
	ntotal += (hi - lo) / PAGE_SIZE;
}

/* A frame never handed out since boot, or 0. */
static u32 take_untouched(void)
{
	while (first_range < nranges) {
		struct range *r = &ranges[first_range];

		if (r->next < r->end) {
			u32 pa = r->next;
			r->next += PAGE_SIZE;
			return pa;
		}
		first_range++;
	}
	return 0;
}

void frame_init(const struct multiboot_info *mbi, u32 first_free, u32 mem_top)
{
	u32 p = V2P(ALIGN_UP(first_free, PAGE_SIZE));
	u32 end = mbi->mmap_addr + mbi->mmap_length;

	nframes_max = mem_top >> PAGE_SHIFT;
	refcount = P2V(p);
	memset(refcount, 0, nframes_max * sizeof(*refcount));
	p = ALIGN_UP(p + nframes_max * sizeof(*refcount), PAGE_SIZE);

	for (u32 e = mbi->mmap_addr; e < end; ) {
		const struct multiboot_mmap *m = P2V(e);
		u64 lo = ALIGN_UP(m->addr, PAGE_SIZE);
		u64 hi = m->addr + m->len;

		if (m->type == MB_MMAP_AVAILABLE) {
			if (lo < p)
				lo = p;
			if (hi > mem_top)
				hi = mem_top;
			add_range(lo, hi);
		}
		e += m->size + sizeof(m->size);
	}
}

/* A frame off the list of frames given back, or 0. */
static u32 pop_free(void)
{
	u32 pa = free_head;

	if (pa)
		free_head = *(u32 *)P2V(pa);
	return pa;
}

/* A frame still holding whatever it held: only for a user that writes
 * every byte before anything can read it (a pipe's page). */
u32 frame_alloc_raw(void)
{
	u32 pa = pop_free();

	if (!pa && !(pa = take_untouched()) && !(slab_shrink() && (pa = pop_free())))
		return 0;
	nfree--;
	*ref(pa) = 1;
	return pa;
}

u32 frame_alloc(void)
{
	u32 pa = frame_alloc_raw();

	if (pa)
		memset(P2V(pa), 0, PAGE_SIZE);
	return pa;
}

int frame_get(u32 pa)
{
	u32 *r = ref(pa);

	if (!*r)
		panic("frame_get: frame %08x is free", pa);
	if (*r == FRAME_REF_MAX)
		return -ENOMEM;
	(*r)++;
	return 0;
}

void frame_put(u32 pa)
{
	u32 *r = ref(pa);

	if (!*r)
		panic("frame_put: frame %08x is already free", pa);
	if (--*r == 0)
		push_free(pa);
}

/* The highest frame no one has had since boot, or 0 (for the self-test
 * that boot leaves free memory alone). */
u32 frame_last_untouched(void)
{
	for (int i = nranges - 1; i >= first_range; i--)
		if (ranges[i].next < ranges[i].end)
			return ranges[i].end - PAGE_SIZE;
	return 0;
}

unsigned frame_refcount(u32 pa)
{
	return *ref(pa);
}

unsigned long frames_free(void)
{
	return nfree + slab_spare_pages();
}

unsigned long frames_total(void)
{
	return ntotal;
}
