/*
 * string.c - memory and string functions for the kernel.
 *
 * The kernel is built freestanding, so it has no C library; gcc may also
 * emit calls to memcpy/memset itself, which land here.  memcpy and memset
 * move four bytes at a time with the string instructions (rep movsl /
 * rep stosl); the trap entry clears the direction flag they depend on.
 */
#include "kernel/string.h"

void *memset(void *dst, int c, size_t n)
{
	u32 word = (u8)c * 0x01010101u;
	void *d = dst;
	size_t words = n / 4, bytes = n % 4;

	asm volatile("rep stosl" : "+D"(d), "+c"(words) : "a"(word) : "memory");
	asm volatile("rep stosb" : "+D"(d), "+c"(bytes) : "a"(word) : "memory");
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	void *d = dst;
	size_t words = n / 4, bytes = n % 4;

	asm volatile("rep movsl" : "+D"(d), "+S"(src), "+c"(words) : : "memory");
	asm volatile("rep movsb" : "+D"(d), "+S"(src), "+c"(bytes) : : "memory");
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
