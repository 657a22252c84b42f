/*
 * syscall.h - private: raw system calls for the libc wrappers.
 *
 * Linux i386 convention: the number in eax and the arguments in ebx,
 * ecx, edx, esi, edi; the result comes back in eax, -4095..-1 meaning
 * -errno.  The way in is `call *__vsyscall` (vsyscall.asm): the kernel's
 * sysenter entry, or int $0x80 where there is none.  No wrapper here
 * needs the sixth argument (ebp, our frame pointer); syscall() in
 * syscall_any.asm handles it.
 *
 * __sys_ret() turns a raw result into the libc convention: errno set and
 * -1 returned on failure, the result unchanged otherwise.
 */
#ifndef _LIBC_SYSCALL_H
#define _LIBC_SYSCALL_H

#include <errno.h>
#include <uapi/unistd_32.h>

extern void *__vsyscall;

static inline long __syscall0(long nr)
{
	long ret;

	asm volatile("call *__vsyscall" : "=a"(ret) : "a"(nr) : "memory");
	return ret;
}

static inline long __syscall1(long nr, long a1)
{
	long ret;

	asm volatile("call *__vsyscall" : "=a"(ret) : "a"(nr), "b"(a1) : "memory");
	return ret;
}

static inline long __syscall2(long nr, long a1, long a2)
{
	long ret;

	asm volatile("call *__vsyscall" : "=a"(ret)
		     : "a"(nr), "b"(a1), "c"(a2) : "memory");
	return ret;
}

static inline long __syscall3(long nr, long a1, long a2, long a3)
{
	long ret;

	asm volatile("call *__vsyscall" : "=a"(ret)
		     : "a"(nr), "b"(a1), "c"(a2), "d"(a3) : "memory");
	return ret;
}

static inline long __syscall4(long nr, long a1, long a2, long a3, long a4)
{
	long ret;

	asm volatile("call *__vsyscall" : "=a"(ret)
		     : "a"(nr), "b"(a1), "c"(a2), "d"(a3), "S"(a4)
		     : "memory");
	return ret;
}

static inline long __syscall5(long nr, long a1, long a2, long a3, long a4,
			      long a5)
{
	long ret;

	asm volatile("call *__vsyscall" : "=a"(ret)
		     : "a"(nr), "b"(a1), "c"(a2), "d"(a3), "S"(a4), "D"(a5)
		     : "memory");
	return ret;
}

/* True when a raw result is -errno rather than a value. */
static inline int __sys_failed(long ret)
{
	return (unsigned long)ret >= (unsigned long)-MAX_ERRNO;
}

static inline long __sys_ret(long ret)
{
	if (__sys_failed(ret)) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}

#define SYS0(nr)		__sys_ret(__syscall0(__NR_##nr))
#define SYS1(nr, a)		__sys_ret(__syscall1(__NR_##nr, (long)(a)))
#define SYS2(nr, a, b)		__sys_ret(__syscall2(__NR_##nr, (long)(a), \
						     (long)(b)))
#define SYS3(nr, a, b, c)	__sys_ret(__syscall3(__NR_##nr, (long)(a), \
						     (long)(b), (long)(c)))
#define SYS4(nr, a, b, c, d)	__sys_ret(__syscall4(__NR_##nr, (long)(a), \
						     (long)(b), (long)(c), \
						     (long)(d)))

#endif
