/*
 * syscall.c - the system call table and dispatcher.
 *
 * `int 0x80` arrives here with the call number in eax and up to six
 * arguments in ebx, ecx, edx, esi, edi, ebp (the Linux i386 convention).
 * The result - or a negative errno - goes back in eax.  Numbers without
 * a handler return -ENOSYS.  Every call, even a failed one, is counted in
 * the caller's syscalls (reported by syscount).
 *
 * The table holds each handler as a function of unspecified arguments,
 * so every handler can keep its real C prototype; on i386 every argument
 * is one 32-bit stack slot, so passing six words to any of them is safe.
 */
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/trap.h"
#include "kernel/errno.h"
#include <uapi/unistd_32.h>

typedef long (*syscall_fn)();

#define SYSCALL(name)	[__NR_##name] = (syscall_fn)sys_##name

static const syscall_fn syscall_table[NR_SYSCALLS] = {
	SYSCALL(restart_syscall),
	SYSCALL(exit),
	[__NR_exit_group] = (syscall_fn)sys_exit,
	SYSCALL(fork),
	SYSCALL(read),
	SYSCALL(write),
	SYSCALL(open),
	SYSCALL(close),
	SYSCALL(waitpid),
	SYSCALL(creat),
	SYSCALL(link),
	SYSCALL(unlink),
	SYSCALL(execve),
	SYSCALL(chdir),
	SYSCALL(time),
	SYSCALL(mknod),
	SYSCALL(chmod),
	SYSCALL(lseek),
	SYSCALL(getpid),
	SYSCALL(setuid),
	SYSCALL(getuid),
	SYSCALL(access),
	SYSCALL(alarm),
	SYSCALL(pause),
	SYSCALL(kill),
	SYSCALL(rename),
	SYSCALL(mkdir),
	SYSCALL(rmdir),
	SYSCALL(dup),
	SYSCALL(pipe),
	SYSCALL(times),
	SYSCALL(brk),
	SYSCALL(setgid),
	SYSCALL(getgid),
	SYSCALL(geteuid),
	SYSCALL(getegid),
	SYSCALL(ioctl),
	SYSCALL(fcntl),
	SYSCALL(setpgid),
	SYSCALL(umask),
	SYSCALL(dup2),
	SYSCALL(getppid),
	SYSCALL(getpgrp),
	SYSCALL(setsid),
	SYSCALL(sigsuspend),
	SYSCALL(sigpending),
	SYSCALL(setreuid),
	SYSCALL(setregid),
	SYSCALL(setrlimit),
	SYSCALL(getrlimit),
	SYSCALL(gettimeofday),
	SYSCALL(stat),
	SYSCALL(lstat),
	SYSCALL(fstat),
	SYSCALL(wait4),
	SYSCALL(sysinfo),
	SYSCALL(ipc),
	SYSCALL(sigreturn),
	SYSCALL(uname),
	SYSCALL(sigprocmask),
	SYSCALL(getpgid),
	SYSCALL(getdents),
	SYSCALL(getsid),
	SYSCALL(sched_yield),
	SYSCALL(nanosleep),
	SYSCALL(setresuid),
	SYSCALL(getresuid),
	SYSCALL(setresgid),
	SYSCALL(getresgid),
	SYSCALL(rt_sigreturn),
	SYSCALL(rt_sigaction),
	SYSCALL(rt_sigprocmask),
	SYSCALL(rt_sigpending),
	SYSCALL(rt_sigsuspend),
	SYSCALL(poll),
	SYSCALL(ppoll),
	SYSCALL(_newselect),
	SYSCALL(pselect6),
	SYSCALL(rt_sigtimedwait),
	SYSCALL(rt_sigqueueinfo),
	SYSCALL(getcwd),
	SYSCALL(ugetrlimit),
	[__NR_getuid32] = (syscall_fn)sys_getuid,
	[__NR_getgid32] = (syscall_fn)sys_getgid,
	[__NR_geteuid32] = (syscall_fn)sys_geteuid,
	[__NR_getegid32] = (syscall_fn)sys_getegid,
	[__NR_setreuid32] = (syscall_fn)sys_setreuid,
	[__NR_setregid32] = (syscall_fn)sys_setregid,
	[__NR_setresuid32] = (syscall_fn)sys_setresuid,
	SYSCALL(getresuid32),
	[__NR_setresgid32] = (syscall_fn)sys_setresgid,
	SYSCALL(getresgid32),
	[__NR_chown32] = (syscall_fn)sys_chown,
	[__NR_setuid32] = (syscall_fn)sys_setuid,
	[__NR_setgid32] = (syscall_fn)sys_setgid,
	SYSCALL(clock_gettime),
	SYSCALL(clock_getres),
	SYSCALL(clock_nanosleep),
	SYSCALL(dup3),
	SYSCALL(pipe2),
	SYSCALL(prlimit64),
	SYSCALL(semget),
	SYSCALL(semctl),
	SYSCALL(shmget),
	SYSCALL(shmctl),
	SYSCALL(shmat),
	SYSCALL(shmdt),
	SYSCALL(msgget),
	SYSCALL(msgsnd),
	SYSCALL(msgrcv),
	SYSCALL(msgctl),
	[__NR_semtimedop] = (syscall_fn)sys_semtimedop,
	SYSCALL(set_thread_area),
	[__NR_mmap] = (syscall_fn)sys_old_mmap,
	SYSCALL(mmap2),
	SYSCALL(munmap),
	SYSCALL(mprotect),
	SYSCALL(clone),
	SYSCALL(vfork),
	SYSCALL(get_thread_area),
	SYSCALL(kstat),
	SYSCALL(symlink),
	SYSCALL(readlink),
	SYSCALL(getitimer),
	SYSCALL(setitimer),
	SYSCALL(readv),
	SYSCALL(writev),
	SYSCALL(_llseek),
	SYSCALL(stat64),
	SYSCALL(lstat64),
	SYSCALL(fstat64),
	SYSCALL(getgroups32),
	SYSCALL(setgroups32),
	SYSCALL(getdents64),
	SYSCALL(fcntl64),
	SYSCALL(gettid),
	SYSCALL(tkill),
	SYSCALL(set_tid_address),
	SYSCALL(tgkill),
	SYSCALL(openat),
	SYSCALL(mkdirat),
	SYSCALL(mknodat),
	SYSCALL(fstatat64),
	SYSCALL(unlinkat),
	SYSCALL(renameat),
	SYSCALL(linkat),
	SYSCALL(symlinkat),
	SYSCALL(readlinkat),
	SYSCALL(fchmodat),
	SYSCALL(faccessat),
	SYSCALL(utimensat),
	/* LAB syscalls: route the new call number to its handler */
	SYSCALL(syscount),
	/* LAB END */
};

void syscall_dispatch(struct trapframe *tf)
{
	u32 nr = tf->eax;
	long ret = -ENOSYS;

	current->syscall_nr = (int)nr;
	/* LAB syscalls: count this call for the calling process */
	current->syscalls++;
	/* LAB END */
	if (nr < NR_SYSCALLS && syscall_table[nr])
		ret = syscall_table[nr](tf->ebx, tf->ecx, tf->edx, tf->esi,
					tf->edi, tf->ebp);
	tf->eax = (u32)ret;
}
