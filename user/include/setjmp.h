/*
 * setjmp.h - non-local jumps.  A jmp_buf holds the callee-saved registers
 * ebx, esi, edi, ebp, the stack pointer and the return address.
 */
#ifndef _SETJMP_H
#define _SETJMP_H

typedef unsigned long jmp_buf[6];

int setjmp(jmp_buf env) __attribute__((__returns_twice__));
_Noreturn void longjmp(jmp_buf env, int val);

#endif
