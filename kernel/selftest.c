/*
 * selftest.c - self-tests of kernel internals that user programs cannot
 * reach directly: the frame allocator, the heap (object caches, big
 * allocations, growth past the old fixed 8 MiB), wait queues, the
 * in-memory file system, printk's formatting, kernel stacks and the
 * clock.
 *
 * Each test prints "selftest NAME: ok" or "selftest NAME: FAIL why" on
 * the console (even when booted quiet); tools/test.sh counts the lines.
 */
#include "kernel/selftest.h"
#include "kernel/console.h"
#include "kernel/kstack.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/timer.h"
#include "kernel/vfs.h"
#include "mm/mm.h"
#include "mm/slab.h"
#include "kernel/errno.h"

#define NFRAMES_TEST	64
#define NALLOC_TEST	100
#define CACHE_OBJ_TEST	200	/* bytes per object of the test cache */
#define CACHE_SLABS_TEST 3
#define GROW_CHUNK	(256u << 10)
#define GROW_CHUNKS	40	/* 10 MiB: more than the old fixed heap */
#define OLD_HEAP_MAX	(8u << 20)
#define CLOCK_SPINS	1000000	/* reads of the clock to see it move */

static const char *failure;

#define CHECK(cond) \
	do { if (!(cond)) { failure = #cond; return; } } while (0)

static void report(const char *name)
{
	char line[160];
	int n = snprintf(line, sizeof(line), "selftest %s: %s%s\n", name,
			 failure ? "FAIL " : "ok", failure ? failure : "");

	console_write(line, (size_t)MIN(n, (int)sizeof(line) - 1));
}

static void test_frames(void)
{
	static u32 f[NFRAMES_TEST];
	unsigned long before = frames_free();

	for (int i = 0; i < NFRAMES_TEST; i++) {
		CHECK((f[i] = frame_alloc()) != 0);
		CHECK(f[i] % PAGE_SIZE == 0);
		CHECK(((u32 *)P2V(f[i]))[PAGE_SIZE / 8] == 0);
		memset(P2V(f[i]), 0xa5, PAGE_SIZE);
	}
	for (int i = 0; i < NFRAMES_TEST; i++)
		for (int j = 0; j < i; j++)
			CHECK(f[i] != f[j]);
	CHECK(frames_free() == before - NFRAMES_TEST);
	frame_get(f[0]);
	CHECK(frame_refcount(f[0]) == 2);
	frame_put(f[0]);
	CHECK(frames_free() == before - NFRAMES_TEST);
	for (int i = 0; i < NFRAMES_TEST; i++)
		frame_put(f[i]);
	CHECK(frames_free() == before);
}

/* Boot threads no list through free memory: the last frame never handed
 * out still reads as QEMU zeroed it (the old frame_init wrote a link
 * into every free frame, which made the host fault in all of memory). */
static void test_frames_untouched(void)
{
	u32 pa = frame_last_untouched();
	u32 *words;

	CHECK(pa != 0 && frame_refcount(pa) == 0);
	words = P2V(pa);
	CHECK(words[0] == 0 && words[PAGE_SIZE / sizeof(u32) - 1] == 0);
}

static void test_heap(void)
{
	static u8 *p[NALLOC_TEST];
	size_t before = heap_used();

	CHECK(kmalloc(0) == NULL);
	CHECK(kmalloc(heap_size() + 1) == NULL);
	for (int i = 0; i < NALLOC_TEST; i++) {
		size_t size = 1 + (size_t)(i * 37 % 3000);
		CHECK((p[i] = kmalloc(size)) != NULL);
		CHECK((u32)p[i] % 16 == 0);
		memset(p[i], i, size);
	}
	for (int i = 0; i < NALLOC_TEST; i += 2)
		kfree(p[i]);
	for (int i = 1; i < NALLOC_TEST; i += 2) {
		size_t size = 1 + (size_t)(i * 37 % 3000);
		for (size_t j = 0; j < size; j++)
			CHECK(p[i][j] == (u8)i);
		kfree(p[i]);
	}
	CHECK(heap_used() == before);
	CHECK((p[0] = kmalloc(NALLOC_TEST * 3000)) != NULL);
	kfree(p[0]);
	CHECK(heap_used() == before);
	CHECK(kmalloc(BIG_MAX + 1) == NULL);
	CHECK(kmalloc_cost(1) == 16 && kmalloc_cost(17) == 32 && kmalloc_cost(1024) == 1024);
	CHECK(kmalloc_cost(1025) == PAGE_SIZE && kmalloc_cost(BIG_MAX) == BIG_MAX);
}

/* A cache fills slabs one after another, reuses a freed object first,
 * counts what it holds, and gives its slabs back when everything is
 * freed - all but one spare, which counts as free and is taken back
 * when frames run out (slab_shrink). */
static void test_kmem_cache(void)
{
	static struct kmem_cache c;
	static u8 *p[CACHE_SLABS_TEST * PAGE_SIZE / CACHE_OBJ_TEST];
	unsigned long frames = frames_free();
	size_t heap = heap_used();
	u32 n;

	kmem_cache_init(&c, "selftest", CACHE_OBJ_TEST);
	n = CACHE_SLABS_TEST * c.per_slab;
	CHECK(c.size >= CACHE_OBJ_TEST && c.size % 16 == 0 && c.per_slab >= 2);
	for (u32 i = 0; i < n; i++) {
		CHECK((p[i] = kmem_cache_alloc(&c)) != NULL);
		memset(p[i], (int)i, CACHE_OBJ_TEST);
	}
	CHECK(c.inuse == n && c.total == n && c.pages == CACHE_SLABS_TEST);
	CHECK(frames_free() == frames - CACHE_SLABS_TEST);
	CHECK(heap_used() == heap + n * c.size);
	kmem_cache_free(&c, p[1]);
	CHECK(kmem_cache_alloc(&c) == p[1]);
	for (u32 i = 0; i < n; i++)
		CHECK(p[i][CACHE_OBJ_TEST - 1] == (u8)i || i == 1);
	for (u32 i = 0; i < n; i++)
		kmem_cache_free(&c, p[i]);
	CHECK(c.inuse == 0 && c.pages == 1 && c.spare != NULL);
	CHECK(frames_free() == frames);
	CHECK(heap_used() == heap);
	for (int i = 0; i < NALLOC_TEST; i++) {
		void *q = kmem_cache_alloc(&c);
		CHECK(q != NULL && c.pages == 1);
		kmem_cache_free(&c, q);
	}
	CHECK(slab_shrink() && c.pages == 0 && c.spare == NULL);
	CHECK(frames_free() == frames);
}

/* Big allocations are contiguous pages, and the heap grows past the old
 * fixed 8 MiB; everything comes back. */
static void test_heap_grow(void)
{
	static u8 *p[GROW_CHUNKS];
	unsigned long frames = frames_free();
	size_t heap = heap_used();
	u8 *q;

	CHECK(heap_size() > OLD_HEAP_MAX);
	CHECK((q = kmalloc(3 * PAGE_SIZE + 5)) != NULL);
	CHECK(frames_free() == frames - 4 && heap_used() == heap + 4 * PAGE_SIZE);
	memset(q, 0x5a, 3 * PAGE_SIZE + 5);
	CHECK(q[0] == 0x5a && q[3 * PAGE_SIZE + 4] == 0x5a);
	kfree(q);
	CHECK(frames_free() == frames && heap_used() == heap);
	for (int i = 0; i < GROW_CHUNKS; i++) {
		CHECK((p[i] = kmalloc(GROW_CHUNK)) != NULL);
		p[i][0] = p[i][GROW_CHUNK - 1] = (u8)i;
	}
	CHECK(heap_used() >= heap + GROW_CHUNKS * GROW_CHUNK);
	for (int i = 0; i < GROW_CHUNKS; i++) {
		CHECK(p[i][0] == (u8)i && p[i][GROW_CHUNK - 1] == (u8)i);
		kfree(p[i]);
	}
	CHECK(frames_free() == frames && heap_used() == heap);
}

static void test_waitqueue(void)
{
	struct wait_queue wq = { NULL };
	struct proc *a = &proc_table[0], *b = &proc_table[1], *c = &proc_table[2];

	proc_slots = 3;			/* the slots sched_tick scans */
	a->state = b->state = c->state = P_SLEEPING;
	wq_add(&wq, a);
	wq_add(&wq, b);
	wq_add(&wq, c);
	CHECK(wq.head == a && a->wq_next == b && b->wq_next == c);
	wake_up_process(b);
	CHECK(b->state == P_RUNNABLE && b->wq == NULL);
	CHECK(wq.head == a && a->wq_next == c);
	wake_up(&wq);
	CHECK(wq.head == NULL);
	CHECK(a->state == P_RUNNABLE && c->state == P_RUNNABLE);
	/* a timed sleep ends on its tick */
	a->state = P_SLEEPING;
	a->wake_at = clock_ns() + NSEC_PER_SEC;
	a->timed_out = false;
	wq_add(&wq, a);
	sched_tick(0);
	CHECK(a->state == P_SLEEPING);
	a->wake_at = clock_ns();	/* as if the second had passed */
	sched_tick(1);
	CHECK(a->state == P_RUNNABLE && a->timed_out && wq.head == NULL);
	memset(proc_table, 0, 3 * sizeof(struct proc));
	proc_slots = 0;
}

static void test_ramfs(void)
{
	static const char msg[] = "hello, ramfs";
	unsigned long before = frames_free();
	struct inode *ip, *found;
	char buf[32];

	CHECK(vfs_create("/tmp/selftest", S_IFREG | 0644, 0, &ip) == 0);
	CHECK(inode_write(ip, msg, 5000, sizeof(msg)) == sizeof(msg));
	CHECK(ip->size == 5000 + sizeof(msg));
	CHECK(inode_read(ip, buf, 5000, sizeof(buf)) == sizeof(msg));
	CHECK(!memcmp(buf, msg, sizeof(msg)));
	CHECK(inode_read(ip, buf, 10, 4) == 4 && buf[0] == 0);	/* a hole */
	CHECK(namei("/tmp/selftest", &found) == 0 && found == ip);
	inode_put(found);
	CHECK(namei("/tmp/selftest/x", &found) == -ENOTDIR);
	CHECK(vfs_create("/tmp/selftest", S_IFREG | 0644, 0, &found) == -EEXIST);
	CHECK(dir_unlink(vfs_root()->entries ? dir_lookup(vfs_root(), "tmp") : NULL,
			 "selftest") == 0);
	inode_put(ip);
	CHECK(namei("/tmp/selftest", &found) == -ENOENT);
	CHECK(frames_free() == before);
}

static void test_printk(void)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%d|%5u|%-4x|%08X|%s|%c|%%", -42, 7u, 0xabu,
		 0xbeefu, "str", 'z');
	CHECK(!strcmp(buf, "-42|    7|ab  |0000BEEF|str|z|%"));
	CHECK(snprintf(buf, 4, "%s", "truncated") == 9 && !strcmp(buf, "tru"));
}

static void test_uaccess(void)
{
	CHECK(access_ok((void *)0x1000, 16));
	CHECK(access_ok((void *)(USER_TOP - 16), 16));
	CHECK(!access_ok((void *)(USER_TOP - 16), 17));
	CHECK(!access_ok((void *)KERNBASE, 1));
	CHECK(!access_ok((void *)0xfffffff0, 0x20));
}

/* A kernel stack is page frames mapped above an unmapped guard page, and
 * gives them all back. */
static void test_kstack(void)
{
	unsigned long before = frames_free(), heap = heap_used();
	u8 *s = kstack_alloc(NPROC - 1);

	CHECK(s != NULL);
	CHECK(frames_free() == before - KSTACK_SIZE / PAGE_SIZE);
	CHECK(heap_used() == heap);
	CHECK(kstack_mapped((u32)s) && kstack_mapped((u32)s + KSTACK_SIZE - 4));
	CHECK(!kstack_mapped((u32)s - 1) && kstack_guard((u32)s - 1));
	CHECK(!kstack_guard((u32)s) && kstack_guard((u32)s - PAGE_SIZE));
	memset(s, 0xa5, KSTACK_SIZE);
	kstack_free(s);
	CHECK(!kstack_mapped((u32)s));
	CHECK(frames_free() == before);
}

/* The clock moves in steps finer than a tick, the tick count follows
 * it, deadlines saturate at TIME_FOREVER, and a deadline more than 2^32
 * ticks away is not taken for one that has come. */
static void test_clock(void)
{
	struct proc *a = &proc_table[0];
	u64 far = ((u64)1 << 32) * NSEC_PER_TICK + 1;
	u64 t0 = clock_ns(), t1 = t0, tick;

	for (u32 i = 0; i < CLOCK_SPINS && t1 == t0; i++)
		t1 = clock_ns();
	CHECK(t1 > t0 && t1 - t0 < NSEC_PER_TICK);
	tick = clock_ticks();
	CHECK(tick <= clock_ns() / NSEC_PER_TICK && tick >= t1 / NSEC_PER_TICK);
	CHECK(deadline_after(TIME_FOREVER) == TIME_FOREVER);
	CHECK(deadline_after(TIME_FOREVER - t1) == TIME_FOREVER);
	CHECK(deadline_after(0) >= t1 && deadline_after(0) < TIME_FOREVER);
	proc_slots = 1;
	a->state = P_SLEEPING;
	a->wake_at = far;
	a->alarm_at = far;
	sched_tick(1);
	CHECK(a->state == P_SLEEPING && a->alarm_at == far);
	memset(a, 0, sizeof(*a));
	proc_slots = 0;
}

static const struct {
	const char *name;
	void (*fn)(void);
} tests[] = {
	{ "frame_alloc", test_frames },
	{ "frames_untouched", test_frames_untouched },
	{ "kmalloc", test_heap },
	{ "kmem_cache", test_kmem_cache },
	{ "heap_grow", test_heap_grow },
	{ "wait_queue", test_waitqueue },
	{ "ramfs", test_ramfs },
	{ "printk_format", test_printk },
	{ "access_ok", test_uaccess },
	{ "kstack", test_kstack },
	{ "clock", test_clock },
};

void selftest_run(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(tests); i++) {
		failure = NULL;
		tests[i].fn();
		report(tests[i].name);
	}
}
