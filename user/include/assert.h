/*
 * assert.h - assert(expr): when expr is false, print where and abort().
 * Compiled out when NDEBUG is defined; may be included repeatedly.
 */
#undef assert

#ifdef NDEBUG
#define assert(expr)	((void)0)
#else
#define assert(expr)	\
	((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H
#define _ASSERT_H

#define static_assert	_Static_assert

_Noreturn void __assert_fail(const char *expr, const char *file, int line,
			     const char *func);

#endif
