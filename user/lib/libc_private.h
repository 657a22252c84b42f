/*
 * libc_private.h - private: constants and helpers shared between libc
 * files and not part of any public header.
 */
#ifndef _LIBC_PRIVATE_H
#define _LIBC_PRIVATE_H

#include <stddef.h>

#define PAGE_SIZE	4096
#define CLOCK_TICKS	100	/* times() units per second (Linux USER_HZ) */

/* Program start-up, called by crt0 with the address of argc. */
_Noreturn void __libc_start_main(long *sp);

/* argv[0] of this program, for messages (set by __libc_start_main). */
extern const char *__progname;

/* m * 10^e in long double (strtod.c); printf's %f/%e/%g use it too. */
long double __scale10(long double m, int e);

/*
 * The body of a variadic function that hands its arguments on to a v*
 * form: starts the va_list ap after the parameter last, evaluates call
 * (which uses ap) and gives its int result.
 */
#define VA_CALL(ap, last, call) ({		\
	va_list ap;				\
	int __va_ret;				\
						\
	va_start(ap, last);			\
	__va_ret = (call);			\
	va_end(ap);				\
	__va_ret;				\
})

#endif
