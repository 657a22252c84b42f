/*
 * heap.c - the kernel heap: kmalloc and kfree.
 *
 * The heap is one fixed region of physical memory (reached through the
 * kernel map) set aside at boot.  It is a sequence of blocks, each a
 * header followed by its payload, laid end to end from the start of the
 * region to its end.  kmalloc walks the blocks first-fit, merging runs
 * of adjacent free blocks as it passes them and splitting the block it
 * takes when the rest is big enough to be useful.  Freed payloads are
 * filled with a poison byte so use-after-free shows up quickly.
 *
 * Invariants: blocks tile the region exactly; every header has
 * BLOCK_MAGIC; sizes are multiples of HEAP_ALIGN and include the header.
 */
#include "mm/mm.h"
#include "kernel/printk.h"
#include "kernel/string.h"

#define HEAP_ALIGN	16
#define BLOCK_MAGIC	0x4b48		/* "KH" */
#define FREE_POISON	0x6b
#define MIN_SPLIT	(2 * HEAP_ALIGN)

struct block {
	u32 size;		/* bytes, header included */
	u16 free;
	u16 magic;
	u32 pad[2];		/* keeps the payload HEAP_ALIGN-aligned */
};

static u8 *heap_start, *heap_end;
static size_t used;

static struct block *next_block(struct block *b)
{
	return (struct block *)((u8 *)b + b->size);
}

static void check(struct block *b)
{
	if (b->magic != BLOCK_MAGIC || b->size < sizeof(*b) ||
	    (u8 *)b + b->size > heap_end)
		panic("heap: corrupt block at %p", (void *)b);
}

void heap_init(u32 start, u32 size)
{
	struct block *b = (struct block *)start;

	heap_start = (u8 *)start;
	heap_end = heap_start + size;
	b->size = size;
	b->free = 1;
	b->magic = BLOCK_MAGIC;
}

/* Absorb every free block that directly follows the free block b. */
static void merge_following(struct block *b)
{
	struct block *n;

	while ((u8 *)(n = next_block(b)) < heap_end && n->free) {
		check(n);
		b->size += n->size;
	}
}

/* The heap bytes kmalloc(size) takes: its block, header included.  Lets
 * callers account exactly for what they hold. */
size_t kmalloc_cost(size_t size)
{
	return ALIGN_UP(size + sizeof(struct block), HEAP_ALIGN);
}

void *kmalloc(size_t size)
{
	u32 need = kmalloc_cost(size);

	if (size == 0 || size > (size_t)(heap_end - heap_start))
		return NULL;
	for (struct block *b = (struct block *)heap_start; (u8 *)b < heap_end;
	     b = next_block(b)) {
		check(b);
		if (!b->free)
			continue;
		merge_following(b);
		if (b->size < need)
			continue;
		if (b->size - need >= MIN_SPLIT) {
			struct block *rest = (struct block *)((u8 *)b + need);
			rest->size = b->size - need;
			rest->free = 1;
			rest->magic = BLOCK_MAGIC;
			b->size = need;
		}
		b->free = 0;
		used += b->size;
		return b + 1;
	}
	return NULL;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(void *p)
{
	struct block *b = (struct block *)p - 1;

	if (!p)
		return;
	if ((u8 *)b < heap_start || (u8 *)b >= heap_end)
		panic("kfree: %p is not a heap pointer", p);
	check(b);
	if (b->free)
		panic("kfree: double free of %p", p);
	b->free = 1;
	used -= b->size;
	memset(b + 1, FREE_POISON, b->size - sizeof(*b));
}

size_t heap_used(void)
{
	return used;
}

size_t heap_size(void)
{
	return heap_end - heap_start;
}
