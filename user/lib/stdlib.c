/*
 * stdlib.c - the arithmetic, sorting, searching and random-number parts
 * of <stdlib.h> (and imaxabs/imaxdiv of <inttypes.h>), plus mkstemp.
 *
 * qsort is a heapsort: O(n log n) in every case, no recursion, no extra
 * memory; not stable (the standard does not ask it to be).
 * rand() is a 64-bit linear congruential generator (Knuth's MMIX
 * constants) returning the top 31 bits of the state; srand(seed) restarts
 * the sequence, and the initial state is that of srand(1).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define LCG_MUL		6364136223846793005ULL
#define LCG_INC		1442695040888963407ULL
#define LCG_SHIFT	33		/* keep the top 31 of 64 bits */
#define LCG32_MUL	1103515245u	/* rand_r: 32 bits of state only */
#define LCG32_INC	12345u

#define TEMP_SUFFIX	"XXXXXX"
#define TEMP_SUFFIX_LEN	6
#define TEMP_TRIES	100
#define TEMP_MODE	0600

int abs(int i)
{
	return i < 0 ? -i : i;
}

long labs(long i)
{
	return i < 0 ? -i : i;
}

long long llabs(long long i)
{
	return i < 0 ? -i : i;
}

intmax_t imaxabs(intmax_t i)
{
	return i < 0 ? -i : i;
}

div_t div(int num, int den)
{
	return (div_t){ num / den, num % den };
}

ldiv_t ldiv(long num, long den)
{
	return (ldiv_t){ num / den, num % den };
}

lldiv_t lldiv(long long num, long long den)
{
	return (lldiv_t){ num / den, num % den };
}

imaxdiv_t imaxdiv(intmax_t num, intmax_t den)
{
	return (imaxdiv_t){ num / den, num % den };
}

static void swap_bytes(unsigned char *a, unsigned char *b, size_t size)
{
	unsigned char t;

	while (size--) {
		t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

/*
 * Restore the heap property (each parent >= its children) below root,
 * in the first n elements.
 */
static void sift_down(unsigned char *base, size_t root, size_t n, size_t size,
		      int (*compar)(const void *, const void *))
{
	size_t child;

	while ((child = 2 * root + 1) < n) {
		if (child + 1 < n &&
		    compar(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (compar(base + root * size, base + child * size) >= 0)
			return;
		swap_bytes(base + root * size, base + child * size, size);
		root = child;
	}
}

void qsort(void *base, size_t nmemb, size_t size,
	   int (*compar)(const void *, const void *))
{
	unsigned char *b = base;
	size_t i;

	if (nmemb < 2 || size == 0)
		return;
	for (i = nmemb / 2; i-- > 0;)
		sift_down(b, i, nmemb, size, compar);
	for (i = nmemb - 1; i > 0; i--) {
		swap_bytes(b, b + i * size, size);
		sift_down(b, 0, i, size, compar);
	}
}

void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
	      int (*compar)(const void *, const void *))
{
	const unsigned char *b = base;
	size_t lo = 0, hi = nmemb, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = compar(key, b + mid * size);
		if (c == 0)
			return (void *)(b + mid * size);
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static unsigned long long rand_state = 1;

void srand(unsigned int seed)
{
	rand_state = seed;
}

int rand(void)
{
	rand_state = rand_state * LCG_MUL + LCG_INC;
	return (int)(rand_state >> LCG_SHIFT);
}

int rand_r(unsigned int *seed)
{
	*seed = *seed * LCG32_MUL + LCG32_INC;
	return (int)(*seed >> 1);
}

/*
 * Replace the trailing XXXXXX of template with letters and digits and
 * create that file (O_EXCL); try other names while they exist.
 */
int mkstemp(char *template)
{
	static const char chars[] =
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static unsigned int counter;
	size_t len = strlen(template);
	char *x = template + len - TEMP_SUFFIX_LEN;
	unsigned int seed, v;
	int i, j, fd;

	if (len < TEMP_SUFFIX_LEN || strcmp(x, TEMP_SUFFIX) != 0) {
		errno = EINVAL;
		return -1;
	}
	seed = (unsigned int)getpid() * LCG32_MUL ^ (unsigned int)time(NULL);
	for (i = 0; i < TEMP_TRIES; i++) {
		seed += ++counter;
		v = (unsigned int)rand_r(&seed);
		for (j = 0; j < TEMP_SUFFIX_LEN; j++) {
			x[j] = chars[v % (sizeof(chars) - 1)];
			v /= sizeof(chars) - 1;
		}
		fd = open(template, O_RDWR | O_CREAT | O_EXCL, TEMP_MODE);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}
