/*
 * malloc.c - malloc, calloc, realloc, reallocarray and free: a first-fit
 * free-list allocator on the program break (sbrk).
 *
 * The heap is memory obtained from sbrk(), cut into blocks.  Each block
 * begins with a struct block header (ALIGN bytes) and its payload, the
 * pointer malloc returns, follows the header.
 *
 * Invariants:
 *  - every block address and every block size (header included) is a
 *    multiple of ALIGN, and every size is at least MIN_BLOCK;
 *  - a block is either in use (tag BLOCK_USED, owned by the caller, not
 *    on the free list) or free (tag BLOCK_FREE, on the free list);
 *  - the free list is sorted by address and no two free blocks touch:
 *    a freed block is merged at once with a free block just before or
 *    just after it (coalescing);
 *  - memory is never given back to the kernel; the break only grows.
 *
 * malloc takes the first free block that is big enough and splits off the
 * rest when the rest can hold a block of its own; when none fits, the heap
 * grows by at least GROW_MIN bytes.  free() checks the tag, so freeing a
 * pointer twice or one malloc never returned aborts the program.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ALIGN		16		/* _Alignof(max_align_t) on i386 */
#define MIN_BLOCK	(2 * ALIGN)	/* header + the smallest payload */
#define GROW_MIN	(64 * 1024)	/* least bytes asked of sbrk at once */
#define BLOCK_USED	0x55534544u	/* "USED" */
#define BLOCK_FREE	0x46524545u	/* "FREE" */

struct block {
	size_t size;		/* bytes in the block, header included */
	unsigned int tag;	/* BLOCK_USED or BLOCK_FREE */
	struct block *next;	/* next free block by address (free only) */
} __attribute__((aligned(ALIGN)));

_Static_assert(sizeof(struct block) == ALIGN, "header must be ALIGN bytes");

static struct block *free_list;	/* lowest-addressed free block */

static size_t round_up(size_t n)
{
	return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

static struct block *after(struct block *b)
{
	return (struct block *)((char *)b + b->size);
}

static _Noreturn void heap_error(const char *what)
{
	static const char prefix[] = "malloc: ";

	write(STDERR_FILENO, prefix, sizeof(prefix) - 1);
	write(STDERR_FILENO, what, strlen(what));
	write(STDERR_FILENO, "\n", 1);
	abort();
}

/* The header of a payload pointer, checked to be a block in use. */
static struct block *used_block(void *ptr)
{
	struct block *b = (struct block *)ptr - 1;

	if ((uintptr_t)ptr % ALIGN || b->tag != BLOCK_USED)
		heap_error("free/realloc of a pointer not in use (double free?)");
	return b;
}

/* Put b on the free list at its address and merge it with neighbours. */
static void insert_free(struct block *b)
{
	struct block *prev = NULL, *next = free_list;

	while (next && next < b) {
		prev = next;
		next = next->next;
	}
	b->tag = BLOCK_FREE;
	b->next = next;
	if (prev)
		prev->next = b;
	else
		free_list = b;

	if (next && after(b) == next) {
		b->size += next->size;
		b->next = next->next;
	}
	if (prev && after(prev) == b) {
		prev->size += b->size;
		prev->next = b->next;
	}
}

/*
 * Cut b (in use, or just unlinked) down to size bytes when the tail can
 * be a block of its own; the tail goes on the free list.
 */
static void split(struct block *b, size_t size)
{
	struct block *tail;

	if (b->size - size < MIN_BLOCK)
		return;
	tail = (struct block *)((char *)b + size);
	tail->size = b->size - size;
	b->size = size;
	insert_free(tail);
}

/* Add at least size bytes from sbrk() to the free list. */
static int grow(size_t size)
{
	uintptr_t cur = (uintptr_t)sbrk(0);
	size_t pad = (ALIGN - cur % ALIGN) % ALIGN;
	struct block *b;

	if (size < GROW_MIN)
		size = GROW_MIN;
	if (cur == (uintptr_t)-1 || size > PTRDIFF_MAX - pad ||
	    sbrk(pad + size) == (void *)-1)
		return -1;
	b = (struct block *)(cur + pad);
	b->size = size;
	insert_free(b);
	return 0;
}

/* Block size for a request of n payload bytes; 0 if n is too large. */
static size_t block_size(size_t n)
{
	if (n > PTRDIFF_MAX - MIN_BLOCK)
		return 0;
	n = round_up(n + sizeof(struct block));
	return n < MIN_BLOCK ? MIN_BLOCK : n;
}

void *malloc(size_t n)
{
	size_t need = block_size(n);
	struct block *b, *prev;

	if (!need) {
		errno = ENOMEM;
		return NULL;
	}
	for (;;) {
		prev = NULL;
		for (b = free_list; b; prev = b, b = b->next) {
			if (b->size < need)
				continue;
			if (prev)
				prev->next = b->next;
			else
				free_list = b->next;
			b->tag = BLOCK_USED;
			split(b, need);
			return b + 1;
		}
		if (grow(need) < 0) {
			errno = ENOMEM;
			return NULL;
		}
	}
}

void free(void *ptr)
{
	if (ptr)
		insert_free(used_block(ptr));
}

void *calloc(size_t nmemb, size_t size)
{
	size_t total;
	void *p;

	if (__builtin_mul_overflow(nmemb, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(total);
	if (p)
		memset(p, 0, total);
	return p;
}

/*
 * Take the free block right after b into b, if there is one and the two
 * together hold need bytes.  Returns 0 if b now has at least need bytes.
 */
static int extend_in_place(struct block *b, size_t need)
{
	struct block *prev = NULL, *n = free_list;
	struct block *target = after(b);

	while (n && n < target) {
		prev = n;
		n = n->next;
	}
	if (n != target || b->size + n->size < need)
		return -1;
	if (prev)
		prev->next = n->next;
	else
		free_list = n->next;
	b->size += n->size;
	return 0;
}

/* realloc(p, 0) frees p and returns NULL. */
void *realloc(void *ptr, size_t n)
{
	struct block *b;
	size_t need;
	void *q;

	if (!ptr)
		return malloc(n);
	if (n == 0) {
		free(ptr);
		return NULL;
	}
	b = used_block(ptr);
	need = block_size(n);
	if (!need) {
		errno = ENOMEM;
		return NULL;
	}
	if (b->size >= need || extend_in_place(b, need) == 0) {
		split(b, need);
		return ptr;
	}
	q = malloc(n);
	if (!q)
		return NULL;
	memcpy(q, ptr, b->size - sizeof(struct block));
	free(ptr);
	return q;
}

void *reallocarray(void *ptr, size_t nmemb, size_t size)
{
	size_t total;

	if (__builtin_mul_overflow(nmemb, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	return realloc(ptr, total);
}
