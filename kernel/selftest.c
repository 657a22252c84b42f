/*
 * selftest.c - self-tests of kernel internals that user programs cannot
 * reach directly: the frame allocator, the heap, wait queues, the
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
#include "kernel/errno.h"

#define NFRAMES_TEST	64
#define NALLOC_TEST	100
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
	/* everything merged back: one big block fits again */
	CHECK((p[0] = kmalloc(NALLOC_TEST * 3000)) != NULL);
	kfree(p[0]);
	CHECK(heap_used() == before);
}

static void test_waitqueue(void)
{
	struct wait_queue wq = { NULL };
	struct proc *a = &proc_table[0], *b = &proc_table[1], *c = &proc_table[2];

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
	a->state = P_SLEEPING;
	a->wake_at = far;
	a->alarm_at = far;
	sched_tick(1);
	CHECK(a->state == P_SLEEPING && a->alarm_at == far);
	memset(a, 0, sizeof(*a));
}

static const struct {
	const char *name;
	void (*fn)(void);
} tests[] = {
	{ "frame_alloc", test_frames },
	{ "kmalloc", test_heap },
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
