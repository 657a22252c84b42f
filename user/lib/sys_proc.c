/*
 * sys_proc.c - wrappers for the process calls: fork, exec, exit, wait,
 * process groups and sessions, kill, alarm, the program break.
 */
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "syscall.h"

pid_t fork(void)
{
	return SYS0(fork);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return SYS3(execve, path, argv, envp);
}

/* exit_group ends every thread; plain exit is the fallback. */
_Noreturn void _exit(int status)
{
	__syscall1(__NR_exit_group, status);
	for (;;)
		__syscall1(__NR_exit, status);
}

_Noreturn void _Exit(int status)
{
	_exit(status);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return SYS3(waitpid, pid, status, options);
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *usage)
{
	return SYS4(wait4, pid, status, options, usage);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

pid_t getpid(void)
{
	return __syscall0(__NR_getpid);
}

pid_t getppid(void)
{
	return __syscall0(__NR_getppid);
}

pid_t getpgrp(void)
{
	return SYS0(getpgrp);
}

pid_t getpgid(pid_t pid)
{
	return SYS1(getpgid, pid);
}

int setpgid(pid_t pid, pid_t pgid)
{
	return SYS2(setpgid, pid, pgid);
}

/* System V's setpgrp: lead a group of one's own (setpgid(0, 0)). */
int setpgrp(void)
{
	return setpgid(0, 0);
}

pid_t getsid(pid_t pid)
{
	return SYS1(getsid, pid);
}

pid_t setsid(void)
{
	return SYS0(setsid);
}

int sched_yield(void)
{
	return SYS0(sched_yield);
}

int kill(pid_t pid, int sig)
{
	return SYS2(kill, pid, sig);
}

int raise(int sig)
{
	return kill(getpid(), sig);
}

int pause(void)
{
	return SYS0(pause);
}

/* alarm cannot fail; it returns the seconds left on the previous alarm. */
unsigned int alarm(unsigned int seconds)
{
	return (unsigned int)__syscall1(__NR_alarm, (long)seconds);
}

/*
 * The program break.  The raw brk call returns the break after the call:
 * the requested address on success, the unchanged break on failure (so
 * brk(0) just reads it).  cur_brk caches it; 0 means not read yet.
 */
static uintptr_t cur_brk;

int brk(void *addr)
{
	cur_brk = (uintptr_t)__syscall1(__NR_brk, (long)addr);
	if (cur_brk < (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(ptrdiff_t increment)
{
	uintptr_t old;

	if (!cur_brk)
		cur_brk = (uintptr_t)__syscall1(__NR_brk, 0);
	old = cur_brk;
	if (increment == 0)
		return (void *)old;
	if ((increment > 0 && old + increment < old) ||
	    (increment < 0 && old < (uintptr_t)-increment)) {
		errno = ENOMEM;
		return (void *)-1;
	}
	if (brk((void *)(old + increment)) < 0)
		return (void *)-1;
	return (void *)old;
}
