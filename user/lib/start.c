/*
 * start.c - __libc_start_main: the C side of program start-up.
 *
 * crt0 passes the address of argc on the initial stack; argv follows it
 * and envp follows argv's NULL.  environ is set before main() runs, and
 * main's return value goes to exit(), which flushes stdio.
 */
#include <stdlib.h>
#include "libc_private.h"

extern int main(int argc, char **argv, char **envp);

const char *__progname = "";

_Noreturn void __libc_start_main(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;

	environ = envp;
	if (argc > 0 && argv[0])
		__progname = argv[0];
	exit(main(argc, argv, envp));
}
