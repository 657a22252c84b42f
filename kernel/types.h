/*
 * types.h - fixed-size integer types and a few helpers every kernel file uses.
 */
#ifndef KERNEL_TYPES_H
#define KERNEL_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>

typedef uint8_t  u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t  s32;
typedef int64_t  s64;
typedef int      pid_t;
typedef long     ssize_t;
typedef long     off_t;

/* Marks a pointer that holds a user-space address: never dereference it,
 * go through mm/uaccess.c. */
#define __user

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define MIN(a, b)	((a) < (b) ? (a) : (b))
#define MAX(a, b)	((a) > (b) ? (a) : (b))
#define ALIGN_UP(x, a)	(((x) + (a) - 1) & ~((a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((a) - 1))

#define __noreturn	__attribute__((noreturn))
#define __packed	__attribute__((packed))

#endif
