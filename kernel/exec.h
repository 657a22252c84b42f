/*
 * exec.h - loading a program into the current process (kernel/exec.c).
 */
#ifndef KERNEL_EXEC_H
#define KERNEL_EXEC_H

#include "kernel/types.h"

#define ARG_MAX		(64 * 1024)	/* bytes of argument and environment strings */
#define MAX_ARG_COUNT	1024		/* pointers in argv plus envp */

int do_execve(const char *path, char *const argv[], char *const envp[]);
int do_execve_user(const char *path, char *const __user *argv, char *const __user *envp);

#endif
