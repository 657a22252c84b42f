/*
 * setjmp.h - non-local jumps.  A jmp_buf holds the callee-saved registers
 * ebx, esi, edi, ebp, the stack pointer and the return address.  A
 * sigjmp_buf adds the signal mask, saved by sigsetjmp(env, nonzero) and
 * put back by siglongjmp (the way out of a signal handler).
 */
#ifndef _SETJMP_H
#define _SETJMP_H

typedef unsigned long jmp_buf[6];

/* The layout is known to sigsetjmp.asm. */
typedef struct {
	jmp_buf __env;
	int __mask_saved;
	unsigned long long __mask;	/* a sigset_t */
} sigjmp_buf[1];

int setjmp(jmp_buf env) __attribute__((__returns_twice__));
_Noreturn void longjmp(jmp_buf env, int val);

int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((__returns_twice__));
_Noreturn void siglongjmp(sigjmp_buf env, int val);

#endif
