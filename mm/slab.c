/*
 * slab.c - object caches (kmem_cache) and kmalloc, over page frames.
 *
 * A cache hands out objects of one size.  It keeps them in slabs: a slab
 * is one page frame, reached through the kernel's map of physical memory,
 * holding a struct slab header and then as many objects as fit.  A slab's
 * free objects are a list threaded through their first word; objects
 * never handed out yet are taken from `fresh` upwards, so a new slab is
 * not walked.  The cache lists the slabs that have both objects in use
 * and a free one (`partial`, doubly linked); a full slab is on no list
 * and goes back on when one of its objects is freed.  A slab that empties
 * is given back to the frame allocator, except that each cache keeps one
 * empty slab aside (`spare`) so that an alloc/free pair at a slab's edge
 * does not take and return a frame every time.  Spare slabs count as free
 * frames (frames_free), and frame_alloc takes them back when it runs out
 * (slab_shrink).  So kmem_cache_alloc and kmem_cache_free cost the same
 * whatever is allocated: no walk anywhere.
 *
 * kmalloc uses one cache per power-of-two size class from SLAB_MIN to
 * SLAB_MAX bytes; anything larger is whole pages in the kernel's virtual
 * area for big allocations (mm/bigalloc.c).  kfree tells the two apart by
 * address: slab objects lie in the map of physical memory, big
 * allocations above it.
 *
 * Accounting: heap_used() is the sum of kmalloc_cost() (the object size,
 * or the whole pages) of everything allocated, and may not pass
 * heap_size(), the cap set at boot; the limits of kernel/rlimit.c and
 * ipc/ bound what one user can make the kernel hold against that cap.
 * Freed objects are filled with FREE_POISON so a use after free shows,
 * and a second free of one panics.
 *
 * Invariants: a slab's inuse counts its objects handed out; a slab is its
 * cache's spare iff inuse == 0, else on the partial list iff inuse <
 * per_slab; spare_pages counts the caches that have a spare.
 */
#include "mm/mm.h"
#include "mm/slab.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include <uapi/kstat.h>

#define SLAB_MAGIC	0x51ab51abu
#define SLAB_ALIGN	16
#define SLAB_MIN	16
#define SLAB_MIN_SHIFT	4
#define NSIZE_CLASSES	7		/* 16, 32, ... 1024 */
#define SLAB_MAX	(SLAB_MIN << (NSIZE_CLASSES - 1))
#define FREE_POISON	0x6b

struct slab {
	u32 magic;
	struct kmem_cache *cache;
	struct slab *prev, *next;	/* on the cache's partial list */
	void *free;			/* freed objects */
	u8 *fresh;			/* first object never handed out, or NULL */
	u32 inuse;
};

#define SLAB_HDR	ALIGN_UP(sizeof(struct slab), SLAB_ALIGN)

static struct kmem_cache *all_caches;
static struct kmem_cache size_caches[NSIZE_CLASSES];
static const char *const size_names[NSIZE_CLASSES] = {
	"kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-128",
	"kmalloc-256", "kmalloc-512", "kmalloc-1024",
};
static size_t used, cap;
static unsigned long spare_pages;

void kmem_cache_init(struct kmem_cache *c, const char *name, size_t size)
{
	memset(c, 0, sizeof(*c));
	strlcpy(c->name, name, sizeof(c->name));
	c->size = ALIGN_UP(MAX(size, sizeof(void *)), SLAB_ALIGN);
	c->per_slab = (PAGE_SIZE - SLAB_HDR) / c->size;
	if (c->per_slab == 0)
		panic("kmem_cache %s: objects of %u bytes do not fit a slab", name, c->size);
	c->next = all_caches;
	all_caches = c;
}

static void partial_add(struct kmem_cache *c, struct slab *s)
{
	s->prev = NULL;
	s->next = c->partial;
	if (c->partial)
		c->partial->prev = s;
	c->partial = s;
}

static void partial_remove(struct kmem_cache *c, struct slab *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else
		c->partial = s->next;
	if (s->next)
		s->next->prev = s->prev;
}

static struct slab *slab_new(struct kmem_cache *c)
{
	u32 pa = frame_alloc();
	struct slab *s;

	if (!pa)
		return NULL;
	s = P2V(pa);
	s->magic = SLAB_MAGIC;
	s->cache = c;
	s->free = NULL;
	s->fresh = (u8 *)s + SLAB_HDR;
	s->inuse = 0;
	c->total += c->per_slab;
	c->pages++;
	return s;
}

static void slab_release(struct kmem_cache *c, struct slab *s)
{
	c->total -= c->per_slab;
	c->pages--;
	s->magic = 0;
	frame_put(V2P(s));
}

void *kmem_cache_alloc(struct kmem_cache *c)
{
	struct slab *s = c->partial;
	void *obj;

	if (used + c->size > cap)
		return NULL;
	if (!s) {
		if ((s = c->spare)) {
			c->spare = NULL;
			spare_pages--;
		} else if (!(s = slab_new(c))) {
			return NULL;
		}
		partial_add(c, s);
	}
	if (s->free) {
		obj = s->free;
		s->free = *(void **)obj;
	} else {
		obj = s->fresh;
		s->fresh += c->size;
		if (s->fresh + c->size > (u8 *)s + PAGE_SIZE)
			s->fresh = NULL;
	}
	if (++s->inuse == c->per_slab)
		partial_remove(c, s);
	c->inuse++;
	used += c->size;
	return obj;
}

/* The slab holding obj, checked: panics on a pointer no cache gave out. */
static struct slab *slab_of(const void *obj)
{
	struct slab *s = (struct slab *)ALIGN_DOWN((u32)obj, PAGE_SIZE);
	u32 off = (u32)obj - (u32)s;

	if ((u32)obj < KERNBASE || (u32)obj >= KERNBASE + PHYS_MAP_MAX ||
	    s->magic != SLAB_MAGIC || off < SLAB_HDR ||
	    (off - SLAB_HDR) % s->cache->size != 0 ||
	    (s->fresh && (u8 *)obj >= s->fresh) || s->inuse == 0)
		panic("kfree: %p is not an allocated object", obj);
	return s;
}

/* Is obj on its slab's free list already?  Only an object still filled
 * with poison past its link word can be, so the list is walked only
 * then: the common free costs no walk. */
static bool already_free(struct slab *s, void *obj)
{
	const u8 *b = obj;

	for (u32 i = sizeof(void *); i < SLAB_MIN; i++)
		if (b[i] != FREE_POISON)
			return false;
	for (void *f = s->free; f; f = *(void **)f)
		if (f == obj)
			return true;
	return false;
}

static void cache_free(struct kmem_cache *c, struct slab *s, void *obj)
{
	if (already_free(s, obj))
		panic("kfree: double free of %p", obj);
	memset(obj, FREE_POISON, c->size);
	*(void **)obj = s->free;
	s->free = obj;
	if (s->inuse-- == c->per_slab)
		partial_add(c, s);
	c->inuse--;
	used -= c->size;
	if (s->inuse > 0)
		return;
	partial_remove(c, s);
	if (c->spare) {
		slab_release(c, s);
	} else {
		c->spare = s;
		spare_pages++;
	}
}

/* Give every cache's spare slab back to the frame allocator; whether
 * there was any. */
bool slab_shrink(void)
{
	bool any = false;

	for (struct kmem_cache *c = all_caches; c; c = c->next) {
		if (c->spare) {
			slab_release(c, c->spare);
			c->spare = NULL;
			spare_pages--;
			any = true;
		}
	}
	return any;
}

/* Frames held by spare slabs: free for all purposes (frames_free). */
unsigned long slab_spare_pages(void)
{
	return spare_pages;
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	struct slab *s;

	if (!obj)
		return;
	s = slab_of(obj);
	if (s->cache != c)
		panic("kmem_cache_free: %p is not from cache %s", obj, c->name);
	cache_free(c, s, obj);
}

void heap_init(size_t size)
{
	for (int i = 0; i < NSIZE_CLASSES; i++)
		kmem_cache_init(&size_caches[i], size_names[i], (size_t)SLAB_MIN << i);
	bigalloc_init();
	cap = size;
}

static int size_class(size_t size)
{
	if (size <= SLAB_MIN)
		return 0;
	return 32 - __builtin_clz((u32)size - 1) - SLAB_MIN_SHIFT;
}

/* The heap bytes kmalloc(size) takes (0 if it cannot be had at all), so
 * that callers can account exactly for what they hold. */
size_t kmalloc_cost(size_t size)
{
	if (size <= SLAB_MAX)
		return (size_t)SLAB_MIN << size_class(size);
	if (size > BIG_MAX)
		return 0;
	return ALIGN_UP(size, PAGE_SIZE);
}

void *kmalloc(size_t size)
{
	size_t cost = kmalloc_cost(size);
	void *p;

	if (size == 0 || cost == 0 || used + cost > cap)
		return NULL;
	if (size <= SLAB_MAX)
		return kmem_cache_alloc(&size_caches[size_class(size)]);
	if ((p = big_alloc(size)))
		used += cost;
	return p;
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
	struct slab *s;

	if (!p)
		return;
	if (big_owns(p)) {
		used -= big_free(p);
		return;
	}
	s = slab_of(p);
	cache_free(s->cache, s, p);
}

size_t heap_used(void)
{
	return used;
}

size_t heap_size(void)
{
	return cap;
}

/* Record i of the cache statistics (the big allocations last); false
 * past the end. */
bool kmem_cache_stat(int i, struct kstat_cache *out)
{
	struct kmem_cache *c = all_caches;

	memset(out, 0, sizeof(*out));
	while (c && i > 0) {
		c = c->next;
		i--;
	}
	if (c) {
		strlcpy(out->name, c->name, sizeof(out->name));
		out->object_size = c->size;
		out->inuse = c->inuse;
		out->total = c->total;
		out->pages = c->pages;
		return true;
	}
	if (i > 0)
		return false;
	strlcpy(out->name, "kmalloc-big", sizeof(out->name));
	out->object_size = PAGE_SIZE;
	out->inuse = out->total = out->pages = big_pages();
	return true;
}
