/*
 * start.c - __libc_start_main: the C side of program start-up.
 *
 * crt0 passes the address of argc on the initial stack; argv follows it,
 * envp follows argv's NULL and the auxiliary vector envp's NULL.  environ
 * and the vector (for getauxval) are found before main() runs, system
 * calls switch to the kernel's sysenter entry if the vector names one
 * (AT_SYSINFO), and main's return value goes to exit(), which flushes
 * stdio.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include "libc_private.h"
#include "syscall.h"

extern int main(int argc, char **argv, char **envp);

const char *__progname = "";
static const unsigned long *auxv;	/* (type, value) pairs, AT_NULL last */

unsigned long getauxval(unsigned long type)
{
	for (const unsigned long *a = auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	errno = ENOENT;
	return 0;
}

_Noreturn void __libc_start_main(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1, **p = envp;

	while (*p)
		p++;
	auxv = (const unsigned long *)(p + 1);
	if (getauxval(AT_SYSINFO))
		__vsyscall = (void *)getauxval(AT_SYSINFO);	/* sysenter */
	environ = envp;
	if (argc > 0 && argv[0])
		__progname = argv[0];
	exit(main(argc, argv, envp));
}
