/*
 * uapi/auxvec.h - the auxiliary vector's entry types, as Linux numbers
 * them (uapi/linux/auxvec.h).  exec puts (type, value) pairs after the
 * initial stack's environment pointers, ending with AT_NULL; a program
 * reads them with getauxval (<sys/auxv.h>).
 */
#ifndef _UAPI_AUXVEC_H
#define _UAPI_AUXVEC_H

#define AT_NULL		0	/* the end of the vector */
#define AT_PHDR		3	/* the program headers, in memory */
#define AT_PHENT	4	/* the size of one program header */
#define AT_PHNUM	5	/* how many program headers */
#define AT_PAGESZ	6
#define AT_BASE		7	/* the interpreter's base (none here: 0) */
#define AT_FLAGS	8
#define AT_ENTRY	9	/* the program's entry point */
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15	/* a string: "i686" */
#define AT_HWCAP	16	/* CPUID leaf 1's edx */
#define AT_CLKTCK	17	/* times()'s ticks per second */
#define AT_SECURE	23	/* set-id program: 1 */
#define AT_RANDOM	25	/* 16 random bytes */
#define AT_EXECFN	31	/* a string: the path given to execve */
#define AT_SYSINFO	32	/* i386: the system call entry (the vsyscall page) */

#endif
