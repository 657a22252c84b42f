/*
 * uapi/kstat.h - this kernel's statistics call, kstat (number 1000).
 *
 *   kstat(KSTAT_INFO, struct kstat_info *buf, sizeof *buf)
 *       fills memory and process counters, returns 0;
 *   kstat(KSTAT_PROCS, struct kstat_proc *buf, n * sizeof *buf)
 *       fills one record per live process (up to n), returns the count;
 *   kstat(KSTAT_OBJECTS, struct kstat_objects *buf, sizeof *buf)
 *       fills the counts of kernel objects, returns 0;
 *   kstat(KSTAT_CACHES, struct kstat_cache *buf, n * sizeof *buf)
 *       fills one record per kernel object cache (up to n), the big
 *       allocations ("kmalloc-big", counted in pages) last; returns the
 *       count.
 *
 * ps, slabinfo, the leak tests and the fuzzer (user/bin/fuzz.c) read
 * it.  Linux programs would read /proc instead.
 */
#ifndef _UAPI_KSTAT_H
#define _UAPI_KSTAT_H

#define KSTAT_INFO	0
#define KSTAT_PROCS	1
#define KSTAT_OBJECTS	2
#define KSTAT_CACHES	3

struct kstat_info {
	unsigned long free_frames;	/* physical page frames not in use */
	unsigned long total_frames;	/* page frames the allocator manages */
	unsigned long heap_used;	/* kernel heap bytes allocated */
	unsigned long heap_size;	/* kernel heap bytes in all */
	unsigned long nprocs;		/* process table slots in use */
	unsigned long max_procs;	/* process table size */
	unsigned long ticks;		/* timer ticks since boot */
	unsigned long hz;		/* timer ticks per second */
	unsigned long cr3_loads;	/* page directory loads since boot */
};

/* Kernel objects alive now: each count returns to where it was once what
 * made the objects has ended and removed them (leak checks). */
struct kstat_objects {
	unsigned long sysv_ids;		/* message queues, semaphore sets and
					   shared memory segments with an id */
	unsigned long pipes;		/* pipe buffers (pipes and open FIFOs) */
	unsigned long files;		/* open file objects (all processes) */
};

/* Process states as kstat_proc.state reports them. */
#define KPROC_RUNNABLE	0
#define KPROC_RUNNING	1
#define KPROC_SLEEPING	2	/* interruptible */
#define KPROC_BLOCKED	3	/* uninterruptible */
#define KPROC_STOPPED	4
#define KPROC_ZOMBIE	5

#define KPROC_NAME_LEN	16

struct kstat_proc {
	int pid;
	int ppid;
	int pgid;
	int sid;
	int uid;
	int euid;
	int gid;
	int state;
	unsigned long long pending;	/* pending signals 1..64 (bit n-1 = signal n) */
	unsigned long long blocked;	/* blocked signal mask, 64 bits too */
	unsigned long mem_pages;	/* user pages mapped */
	unsigned long ticks;		/* CPU time in timer ticks */
	char name[KPROC_NAME_LEN];
};

#define KCACHE_NAME_LEN	16

struct kstat_cache {
	char name[KCACHE_NAME_LEN];
	unsigned long object_size;	/* bytes per object */
	unsigned long inuse;		/* objects allocated */
	unsigned long total;		/* objects the cache's slabs hold */
	unsigned long pages;		/* page frames the cache holds */
};

#endif
