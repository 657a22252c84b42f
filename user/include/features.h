/*
 * features.h - the feature-test macros, as glibc settles them: with none
 * asked for, _DEFAULT_SOURCE; _GNU_SOURCE asks for everything.  This C
 * library declares everything it has in any case, so these only tell
 * programs which standards they may count on.  __GLIBC__ is not defined:
 * this is not glibc; __RELAY_LIBC__ says which library it is.
 */
#ifndef _FEATURES_H
#define _FEATURES_H

#define __RELAY_LIBC__	1

#ifdef _GNU_SOURCE
# undef _DEFAULT_SOURCE
# define _DEFAULT_SOURCE	1
# undef _XOPEN_SOURCE
# define _XOPEN_SOURCE		700
#endif

#if !defined(_POSIX_SOURCE) && !defined(_POSIX_C_SOURCE) && \
    !defined(_XOPEN_SOURCE) && !defined(_ISOC99_SOURCE) && \
    !defined(_ISOC11_SOURCE) && !defined(_DEFAULT_SOURCE)
# define _DEFAULT_SOURCE	1
#endif

#if defined(_DEFAULT_SOURCE) || defined(_XOPEN_SOURCE)
# undef _POSIX_C_SOURCE
# define _POSIX_C_SOURCE	200809L
#endif

/* Is the compiler GCC maj.min or later? */
#if defined(__GNUC__) && defined(__GNUC_MINOR__)
# define __GNUC_PREREQ(maj, min) \
	((__GNUC__ << 16) + __GNUC_MINOR__ >= ((maj) << 16) + (min))
#else
# define __GNUC_PREREQ(maj, min) 0
#endif

#endif
