/*
 * string.c - <string.h> and <strings.h>: memory and byte-string functions.
 *
 * memcpy, memmove and memset are inline assembly, so the compiler can
 * never turn them into calls to themselves: `rep movsb/stosb`, and for
 * SSE_MIN bytes or more, rounds of SSE_BLOCK bytes through four SSE
 * registers (movups: any alignment).  Relay's kernel always turns SSE on;
 * under QEMU a 16-byte move costs about what one rep round costs for a
 * single byte.  The SSE registers are scratch between calls (i386 ABI),
 * and this libc is built without SSE code, so the compiler keeps nothing
 * in them: the asm names none as clobbered (it could not, for this
 * target).  The direction flag is clear on entry to every function
 * (i386 ABI) and is cleared again after the one backward copy.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SSE_BLOCK	64
#define SSE_MIN		256

static void sse_copy(unsigned char *d, const unsigned char *s, size_t blocks)
{
	asm volatile("1:\n\t"
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
		     "jnz 1b"
		     : [d] "+r"(d), [s] "+r"(s), [n] "+r"(blocks)
		     : : "memory", "cc");
}

static void sse_fill(unsigned char *d, unsigned char c, size_t blocks)
{
	uint32_t word = c * 0x01010101u, pattern[4] = { word, word, word, word };

	asm volatile("movups (%[pat]), %%xmm0\n"
		     "1:\n\t"
		     "movups %%xmm0, 0(%[d])\n\t"
		     "movups %%xmm0, 16(%[d])\n\t"
		     "movups %%xmm0, 32(%[d])\n\t"
		     "movups %%xmm0, 48(%[d])\n\t"
		     "add $64, %[d]\n\t"
		     "dec %[n]\n\t"
		     "jnz 1b"
		     : [d] "+r"(d), [n] "+r"(blocks)
		     : [pat] "r"(pattern), "m"(pattern)
		     : "memory", "cc");
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (n >= SSE_MIN) {
		sse_copy(d, s, n / SSE_BLOCK);
		d += n - n % SSE_BLOCK;
		s += n - n % SSE_BLOCK;
		n %= SSE_BLOCK;
	}
	asm volatile("rep movsb"
		     : "+D"(d), "+S"(s), "+c"(n) : : "memory");
	return dst;
}

/* Copies backwards when dst overlaps the tail of src. */
void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	d += n - 1;
	s += n - 1;
	asm volatile("std\n\trep movsb\n\tcld"
		     : "+D"(d), "+S"(s), "+c"(n) : : "memory");
	return dst;
}

void *memset(void *s, int c, size_t n)
{
	unsigned char *d = s;

	if (n >= SSE_MIN) {
		sse_fill(d, (unsigned char)c, n / SSE_BLOCK);
		d += n - n % SSE_BLOCK;
		n %= SSE_BLOCK;
	}
	asm volatile("rep stosb"
		     : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

void *memccpy(void *restrict dst, const void *restrict src, int c, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	for (; n; n--) {
		*d = *s++;
		if (*d++ == (unsigned char)c)
			return d;
	}
	return NULL;
}

void bzero(void *s, size_t n)
{
	memset(s, 0, n);
}

int ffs(int i)
{
	return i ? __builtin_ctz((unsigned int)i) + 1 : 0;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n])
		n++;
	return n;
}

char *strcpy(char *restrict dst, const char *restrict src)
{
	stpcpy(dst, src);
	return dst;
}

/* Returns a pointer to the NUL written at the end of dst. */
char *stpcpy(char *restrict dst, const char *restrict src)
{
	while ((*dst = *src++))
		dst++;
	return dst;
}

/* Copies at most n bytes and pads the rest of dst with NULs. */
char *strncpy(char *restrict dst, const char *restrict src, size_t n)
{
	stpncpy(dst, src, n);
	return dst;
}

/* Returns dst + strnlen(src, n): the first NUL written, or dst + n. */
char *stpncpy(char *restrict dst, const char *restrict src, size_t n)
{
	size_t len = strnlen(src, n);

	memcpy(dst, src, len);
	memset(dst + len, 0, n - len);
	return dst + len;
}

char *strcat(char *restrict dst, const char *restrict src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

/* Appends at most n bytes of src and always a NUL. */
char *strncat(char *restrict dst, const char *restrict src, size_t n)
{
	char *d = dst + strlen(dst);
	size_t len = strnlen(src, n);

	memcpy(d, src, len);
	d[len] = '\0';
	return dst;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

/* Only the "C" locale exists: collation is byte order. */
int strcoll(const char *a, const char *b)
{
	return strcmp(a, b);
}

size_t strxfrm(char *restrict dst, const char *restrict src, size_t n)
{
	size_t len = strlen(src);

	if (len < n)
		memcpy(dst, src, len + 1);
	return len;
}

int strcasecmp(const char *a, const char *b)
{
	int d;

	for (;; a++, b++) {
		d = tolower((unsigned char)*a) - tolower((unsigned char)*b);
		if (d || !*a)
			return d;
	}
}

int strncasecmp(const char *a, const char *b, size_t n)
{
	int d;

	for (; n; n--, a++, b++) {
		d = tolower((unsigned char)*a) - tolower((unsigned char)*b);
		if (d || !*a)
			return d;
	}
	return 0;
}

/* The terminating NUL counts as part of the string: strchr(s, 0) works. */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	if (n == 0)
		return (char *)haystack;
	for (; *haystack; haystack++)
		if (*haystack == *needle && strncmp(haystack, needle, n) == 0)
			return (char *)haystack;
	return NULL;
}

char *strdup(const char *s)
{
	return strndup(s, SIZE_MAX);
}

char *strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *d = malloc(len + 1);

	if (d) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

/*
 * strtok_r: *saveptr is where the next search starts (NULL once the
 * string is used up).  Each token is NUL-terminated in place.
 */
char *strtok_r(char *restrict s, const char *restrict delim,
	       char **restrict saveptr)
{
	char *end;

	if (!s)
		s = *saveptr;
	if (!s)
		return NULL;
	s += strspn(s, delim);
	if (!*s) {
		*saveptr = NULL;
		return NULL;
	}
	end = s + strcspn(s, delim);
	if (*end)
		*end++ = '\0';
	else
		end = NULL;
	*saveptr = end;
	return s;
}

char *strtok(char *restrict s, const char *restrict delim)
{
	static char *save;

	return strtok_r(s, delim, &save);
}

/* Like strtok_r but empty fields count: "a,,b" gives "a", "", "b". */
char *strsep(char **restrict sp, const char *restrict delim)
{
	char *s = *sp, *end;

	if (!s)
		return NULL;
	end = s + strcspn(s, delim);
	if (*end)
		*end++ = '\0';
	else
		end = NULL;
	*sp = end;
	return s;
}
