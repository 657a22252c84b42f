/*
 * crash.c - die of a signal on purpose, to see a core dump and read it
 * post mortem with gdb (README.md, "Debugging a crashed program").
 *
 *   crash segv     write through a null pointer (SIGSEGV)
 *   crash fpe      divide an integer by zero    (SIGFPE)
 *   crash ill      run an invalid instruction   (SIGILL)
 *   crash abort    fail a check with abort()    (SIGABRT)
 *
 * Each way has its own function, kept out of line so that a backtrace
 * shows it: `gdb build/user/bin/crash core`, then `bt`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOINLINE	__attribute__((noinline))

static int *volatile null_pointer;	/* volatile: the compiler may not */
static volatile int zero;		/* know the crash is coming */

NOINLINE void write_through_null(int value)
{
	*null_pointer = value;
}

NOINLINE int divide_by_zero(int n)
{
	return n / zero;
}

NOINLINE void invalid_instruction(void)
{
	asm volatile("ud2");
}

NOINLINE void check_failed(const char *what)
{
	fprintf(stderr, "crash: check failed: %s\n", what);
	abort();
}

static int usage(void)
{
	fprintf(stderr, "usage: crash segv|fpe|ill|abort\n");
	return 2;
}

int main(int argc, char **argv)
{
	if (argc != 2)
		return usage();
	if (strcmp(argv[1], "segv") == 0)
		write_through_null(42);
	else if (strcmp(argv[1], "fpe") == 0)
		printf("%d\n", divide_by_zero(42));
	else if (strcmp(argv[1], "ill") == 0)
		invalid_instruction();
	else if (strcmp(argv[1], "abort") == 0)
		check_failed("the impossible happened");
	else
		return usage();
	return 1;				/* still alive: that was no crash */
}
