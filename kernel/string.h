/*
 * string.h - the kernel's own memory and string functions (kernel/string.c).
 */
#ifndef KERNEL_STRING_H
#define KERNEL_STRING_H

#include "kernel/types.h"

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);

/* The kernel is freestanding, so gcc would call these even for a copy of
 * two bytes.  A copy or fill of a fixed size up to INLINE_STRING_MAX goes
 * to the builtin, which gcc inlines as a few moves; the rest to the
 * functions (gcc would inline a big one as rep movsl, which costs a round
 * per word under QEMU, where the functions use SSE). */
#define INLINE_STRING_MAX	64
#define string_inline(n)	(__builtin_constant_p(n) && (n) <= INLINE_STRING_MAX)
#define memset(dst, c, n)	(string_inline(n) ? __builtin_memset(dst, c, n) \
						  : (memset)(dst, c, n))
#define memcpy(dst, src, n)	(string_inline(n) ? __builtin_memcpy(dst, src, n) \
						  : (memcpy)(dst, src, n))
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
size_t strlcpy(char *dst, const char *src, size_t size);
void string_use_sse(void);

#endif
