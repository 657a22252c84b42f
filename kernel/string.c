/*
 * string.c - memory and string functions for the kernel.
 *
 * The kernel is built freestanding, so it has no C library; gcc may also
 * emit calls to memcpy/memset itself, which land here.
 *
 * memcpy and memset move four bytes at a time with the string
 * instructions (rep movsl / rep stosl; the trap entry clears the
 * direction flag they depend on) - except large ones once SSE is on
 * (string_use_sse, from fpu_init): those move SSE_BLOCK bytes per round
 * through four SSE registers.  Under QEMU every rep round is a trip
 * through its translated-code loop, and every SSE move is two 8-byte
 * accesses, so a page costs several times less.  The SSE registers hold
 * the current process's values (they are saved only at a context
 * switch), so the ones used are saved on the stack first and restored
 * after; interrupts are off in the kernel, so nothing else runs between.
 */
#include "kernel/string.h"

#undef memset
#undef memcpy

#define SSE_BLOCK	64		/* bytes per round: four 16-byte registers */
#define SSE_MIN		SSE_BLOCK	/* smaller copies and fills: rep */

static bool use_sse;

void string_use_sse(void)
{
	use_sse = true;
}

/* Copy blocks * SSE_BLOCK bytes (any alignment: movups). */
static void sse_copy(void *dst, const void *src, size_t blocks)
{
	u8 save[SSE_BLOCK];

	asm volatile("movups %%xmm0, 0(%[save])\n\t"
		     "movups %%xmm1, 16(%[save])\n\t"
		     "movups %%xmm2, 32(%[save])\n\t"
		     "movups %%xmm3, 48(%[save])\n"
		     "1:\n\t"
		     "movups 0(%[s]), %%xmm0\n\t"
		     "movups 16(%[s]), %%xmm1\n\t"
		     "movups 32(%[s]), %%xmm2\n\t"
		     "movups 48(%[s]), %%xmm3\n\t"
		     "movups %%xmm0, 0(%[d])\n\t"
		     "movups %%xmm1, 16(%[d])\n\t"
		     "movups %%xmm2, 32(%[d])\n\t"
		     "movups %%xmm3, 48(%[d])\n\t"
		     "add $64, %[s]\n\t"
		     "add $64, %[d]\n\t"
		     "dec %[n]\n\t"
		     "jnz 1b\n\t"
		     "movups 0(%[save]), %%xmm0\n\t"
		     "movups 16(%[save]), %%xmm1\n\t"
		     "movups 32(%[save]), %%xmm2\n\t"
		     "movups 48(%[save]), %%xmm3"
		     : [d] "+r"(dst), [s] "+r"(src), [n] "+r"(blocks)
		     : [save] "r"(save)
		     : "memory", "cc");
}

/* Fill blocks * SSE_BLOCK bytes with the 4-byte word, repeated. */
static void sse_fill(void *dst, u32 word, size_t blocks)
{
	u32 pattern[4] = { word, word, word, word };
	u8 save[16];

	asm volatile("movups %%xmm0, (%[save])\n\t"
		     "movups (%[pat]), %%xmm0\n"
		     "1:\n\t"
		     "movups %%xmm0, 0(%[d])\n\t"
		     "movups %%xmm0, 16(%[d])\n\t"
		     "movups %%xmm0, 32(%[d])\n\t"
		     "movups %%xmm0, 48(%[d])\n\t"
		     "add $64, %[d]\n\t"
		     "dec %[n]\n\t"
		     "jnz 1b\n\t"
		     "movups (%[save]), %%xmm0"
		     : [d] "+r"(dst), [n] "+r"(blocks)
		     : [save] "r"(save), [pat] "r"(pattern)
		     : "memory", "cc");
}

void *memset(void *dst, int c, size_t n)
{
	u32 word = (u8)c * 0x01010101u;
	u8 *d = dst;
	size_t words, bytes;

	if (use_sse && n >= SSE_MIN) {
		sse_fill(d, word, n / SSE_BLOCK);
		d += n - n % SSE_BLOCK;
		n %= SSE_BLOCK;
	}
	words = n / 4;
	bytes = n % 4;
	asm volatile("rep stosl" : "+D"(d), "+c"(words) : "a"(word) : "memory");
	asm volatile("rep stosb" : "+D"(d), "+c"(bytes) : "a"(word) : "memory");
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	u8 *d = dst;
	const u8 *s = src;
	size_t words, bytes;

	if (use_sse && n >= SSE_MIN) {
		sse_copy(d, s, n / SSE_BLOCK);
		d += n - n % SSE_BLOCK;
		s += n - n % SSE_BLOCK;
		n %= SSE_BLOCK;
	}
	words = n / 4;
	bytes = n % 4;
	asm volatile("rep movsl" : "+D"(d), "+S"(s), "+c"(words) : : "memory");
	asm volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(bytes) : : "memory");
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	u8 *d = dst;
	const u8 *s = src;

	if (d < s)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const u8 *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (u8)*a - (u8)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (u8)*a - (u8)*b;
		if (!*a)
			break;
	}
	return 0;
}

/* Copy src into dst of `size` bytes, always NUL-terminated (if size > 0);
 * returns strlen(src) so truncation can be detected. */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = MIN(len, size - 1);
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
