/*
 * errno.h - the error numbers (shared with the kernel) and errno, a plain
 * global int that every failing libc call sets.
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <uapi/errno.h>

extern int errno;

#endif
