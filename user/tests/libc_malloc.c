/*
 * libc_malloc - malloc, calloc, realloc and free: alignment, contents
 * kept across realloc, zeroed calloc memory, freed memory reused (also
 * after neighbouring blocks are merged), failures reported with NULL and
 * ENOMEM, and a long random mix of operations whose every block is
 * checked byte for byte before it is resized or freed.
 * Prints "FAIL: ..." for each wrong result; exits 0 only if none.
 */
#include <stddef.h>
#include <stdint.h>
#include "test.h"

#define SLOTS		256
#define ROUNDS		20000
#define MAX_RANDOM_SIZE	3000
#define BIG_SIZE	(1024 * 1024)
#define REUSE_LOOPS	2000

static int aligned(const void *p)
{
	return (uintptr_t)p % _Alignof(max_align_t) == 0;
}

/* The byte at offset i of a block tagged tag. */
static unsigned char pattern(unsigned int tag, size_t i)
{
	return (unsigned char)(tag * 31 + i * 7 + (i >> 8));
}

static void fill(unsigned char *p, size_t n, unsigned int tag)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = pattern(tag, i);
}

static int intact(const unsigned char *p, size_t n, unsigned int tag)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != pattern(tag, i))
			return 0;
	return 1;
}

static void test_basic(void)
{
	unsigned char *a, *b, *c;
	size_t sizes[] = { 1, 2, 3, 7, 8, 15, 16, 17, 31, 100, 1000, 4096,
			   5000, 65536, BIG_SIZE };
	size_t i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		a = malloc(sizes[i]);
		CHECK_TRUE(a != NULL && aligned(a));
		if (!a)
			continue;
		fill(a, sizes[i], (unsigned int)i);
		CHECK_TRUE(intact(a, sizes[i], (unsigned int)i));
		free(a);
	}

	a = malloc(0);		/* NULL or a pointer free() accepts */
	free(a);
	free(NULL);

	/* Blocks in use never overlap. */
	a = malloc(100);
	b = malloc(100);
	c = malloc(100);
	CHECK_TRUE(a && b && c);
	if (!a || !b || !c)
		return;
	fill(a, 100, 1);
	fill(b, 100, 2);
	fill(c, 100, 3);
	CHECK_TRUE(intact(a, 100, 1) && intact(b, 100, 2) && intact(c, 100, 3));
	free(b);
	fill(c, 100, 4);
	CHECK_TRUE(intact(a, 100, 1) && intact(c, 100, 4));
	free(a);
	free(c);
}

static void test_reuse(void)
{
	void *a, *b, *c, *d, *first;
	int i, same = 1;

	a = malloc(200);
	free(a);
	b = malloc(200);
	CHECK_TRUE(a == b);		/* the freed block is the first fit */
	free(b);

	/* A loop of malloc/free does not keep taking new memory. */
	first = malloc(1000);
	free(first);
	for (i = 0; i < REUSE_LOOPS; i++) {
		a = malloc(1000);
		same &= a == first;
		free(a);
	}
	CHECK_TRUE(same);

	/* Two freed neighbours merge into one block that a bigger request fits. */
	a = malloc(1000);
	b = malloc(1000);
	c = malloc(1000);
	CHECK_TRUE(a && b && c);
	free(a);
	free(b);
	d = malloc(1900);
	CHECK_TRUE(d == a);
	free(d);
	free(c);
}

static void test_calloc(void)
{
	unsigned char *p;
	size_t i;
	int zero = 1;

	p = malloc(4000);
	CHECK_TRUE(p != NULL);
	if (p)
		memset(p, 0xAA, 4000);
	free(p);
	p = calloc(1000, 4);
	CHECK_TRUE(p != NULL && aligned(p));
	if (!p)
		return;
	for (i = 0; i < 4000; i++)
		zero &= p[i] == 0;
	CHECK_TRUE(zero);
	free(p);

	errno = 0;
	CHECK_TRUE(calloc(SIZE_MAX / 2, 3) == NULL);
	CHECK_TRUE(errno == ENOMEM);
}

static void test_failure(void)
{
	errno = 0;
	CHECK_TRUE(malloc(SIZE_MAX) == NULL);
	CHECK_TRUE(errno == ENOMEM);
	errno = 0;
	CHECK_TRUE(malloc(SIZE_MAX - 100) == NULL);
	CHECK_TRUE(errno == ENOMEM);
	/* The heap still works afterwards. */
	free(malloc(10));
}

static void test_realloc(void)
{
	unsigned char *p, *q, *blocker;

	p = realloc(NULL, 50);		/* same as malloc */
	CHECK_TRUE(p != NULL);
	if (!p)
		return;
	fill(p, 50, 9);
	p = realloc(p, 5000);		/* grow: the 50 bytes survive */
	CHECK_TRUE(p != NULL && aligned(p) && intact(p, 50, 9));
	if (!p)
		return;
	fill(p, 5000, 10);
	p = realloc(p, 20);		/* shrink in place */
	CHECK_TRUE(p != NULL && intact(p, 20, 10));

	/* Growing into a free neighbour keeps the address. */
	q = malloc(64);
	blocker = malloc(64);
	CHECK_TRUE(q && blocker);
	free(blocker);
	fill(q, 64, 11);
	p = realloc(q, 100);
	CHECK_TRUE(p == q && intact(p, 64, 11));

	/* Growing past a block in use moves, contents intact. */
	blocker = malloc(64);
	fill(p, 100, 12);
	q = realloc(p, 10000);
	CHECK_TRUE(q != NULL && intact(q, 100, 12));
	free(blocker);
	free(q);

	errno = 0;
	p = malloc(10);
	CHECK_TRUE(realloc(p, SIZE_MAX) == NULL && errno == ENOMEM);
	free(p);		/* still valid after the failed realloc */
}

/* A long random mix, every block checked before it changes. */
static void test_random(void)
{
	unsigned char *slot[SLOTS] = { 0 };
	size_t size[SLOTS] = { 0 };
	unsigned int tag[SLOTS] = { 0 };
	unsigned int r = 12345, s;
	int i, bad = 0, nulls = 0;
	size_t n, keep;

	for (i = 0; i < ROUNDS; i++) {
		r = r * 1103515245u + 12345u;
		s = (r >> 8) % SLOTS;
		n = (r >> 4) % MAX_RANDOM_SIZE + 1;
		if (slot[s] && !intact(slot[s], size[s], tag[s]))
			bad++;
		switch ((r >> 20) % 3) {
		case 0:
			free(slot[s]);
			slot[s] = malloc(n);
			break;
		case 1:
			keep = size[s] < n ? size[s] : n;
			slot[s] = realloc(slot[s], n);
			if (slot[s] && !intact(slot[s], keep, tag[s]))
				bad++;
			break;
		default:
			free(slot[s]);
			slot[s] = NULL;
			n = 0;
			break;
		}
		if (n && !slot[s])
			nulls++;
		if (slot[s] && !aligned(slot[s]))
			bad++;
		size[s] = slot[s] ? n : 0;
		tag[s] = (unsigned int)i;
		if (slot[s])
			fill(slot[s], n, tag[s]);
	}
	for (s = 0; s < SLOTS; s++) {
		if (slot[s] && !intact(slot[s], size[s], tag[s]))
			bad++;
		free(slot[s]);
	}
	CHECK_TRUE(bad == 0);
	CHECK_TRUE(nulls == 0);
}

int main(void)
{
	test_basic();
	test_reuse();
	test_calloc();
	test_failure();
	test_realloc();
	test_random();
	return test_done("libc_malloc");
}
