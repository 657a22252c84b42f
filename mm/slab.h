/*
 * slab.h - object caches (mm/slab.c) and big allocations (mm/bigalloc.c).
 *
 * A struct kmem_cache lives wherever its user keeps it (usually a static
 * in the file that owns the object type); kmem_cache_init registers it
 * for the statistics (kstat KSTAT_CACHES).
 */
#ifndef MM_SLAB_H
#define MM_SLAB_H

#include "kernel/types.h"

#define KMEM_NAME_LEN	16

struct slab;
struct kstat_cache;

struct kmem_cache {
	char name[KMEM_NAME_LEN];
	u32 size;			/* object size, aligned */
	u32 per_slab;			/* objects in one slab */
	struct slab *partial;		/* slabs with a free object */
	struct slab *spare;		/* an empty slab kept, or NULL */
	unsigned long inuse, total, pages;
	struct kmem_cache *next;	/* every cache, for the statistics */
};

void kmem_cache_init(struct kmem_cache *c, const char *name, size_t size);
void *kmem_cache_alloc(struct kmem_cache *c);
void kmem_cache_free(struct kmem_cache *c, void *obj);
bool kmem_cache_stat(int i, struct kstat_cache *out);
bool slab_shrink(void);
unsigned long slab_spare_pages(void);

/* bigalloc.c: whole pages, contiguous in the kernel's virtual area */
#define BIG_MAX_ORDER	7
#define BIG_MAX		(PAGE_SIZE << BIG_MAX_ORDER)	/* largest big allocation */
void bigalloc_init(void);
void *big_alloc(size_t size);
size_t big_free(void *p);		/* returns the bytes given back */
bool big_owns(const void *p);
unsigned long big_pages(void);

#endif
