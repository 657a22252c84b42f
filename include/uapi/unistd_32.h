/*
 * uapi/unistd_32.h - system call numbers.
 *
 * These are the Linux i386 numbers (arch/x86/entry/syscalls/syscall_32.tbl).
 * A program traps with `int 0x80`, the number in eax and the arguments in
 * ebx, ecx, edx, esi, edi, ebp; the result (or -errno) comes back in eax.
 * Only the calls this kernel implements are listed; every other number
 * returns -ENOSYS.  Numbers from 1000 up are this kernel's own additions.
 */
#ifndef _UAPI_UNISTD_32_H
#define _UAPI_UNISTD_32_H

#define __NR_restart_syscall	  0
#define __NR_exit		  1
#define __NR_fork		  2
#define __NR_read		  3
#define __NR_write		  4
#define __NR_open		  5
#define __NR_close		  6
#define __NR_waitpid		  7
#define __NR_creat		  8
#define __NR_link		  9
#define __NR_unlink		 10
#define __NR_execve		 11
#define __NR_chdir		 12
#define __NR_time		 13
#define __NR_mknod		 14
#define __NR_chmod		 15
#define __NR_lseek		 19
#define __NR_getpid		 20
#define __NR_setuid		 23
#define __NR_getuid		 24
#define __NR_alarm		 27
#define __NR_pause		 29
#define __NR_access		 33
#define __NR_kill		 37
#define __NR_rename		 38
#define __NR_mkdir		 39
#define __NR_rmdir		 40
#define __NR_dup		 41
#define __NR_pipe		 42
#define __NR_times		 43
#define __NR_brk		 45
#define __NR_setgid		 46
#define __NR_getgid		 47
#define __NR_signal		 48
#define __NR_geteuid		 49
#define __NR_getegid		 50
#define __NR_ioctl		 54
#define __NR_fcntl		 55
#define __NR_setpgid		 57
#define __NR_umask		 60
#define __NR_dup2		 63
#define __NR_getppid		 64
#define __NR_getpgrp		 65
#define __NR_setsid		 66
#define __NR_sigaction		 67
#define __NR_setreuid		 70
#define __NR_setregid		 71
#define __NR_sigsuspend		 72
#define __NR_sigpending		 73
#define __NR_setrlimit		 75
#define __NR_getrlimit		 76
#define __NR_gettimeofday	 78
#define __NR_symlink		 83
#define __NR_readlink		 85
#define __NR_mmap		 90	/* old_mmap: arguments in a block */
#define __NR_munmap		 91
#define __NR_setitimer		104
#define __NR_getitimer		105
#define __NR_stat		106
#define __NR_lstat		107
#define __NR_fstat		108
#define __NR_wait4		114
#define __NR_sysinfo		116
#define __NR_ipc		117
#define __NR_sigreturn		119
#define __NR_clone		120
#define __NR_uname		122
#define __NR_mprotect		125
#define __NR_sigprocmask	126
#define __NR_getpgid		132
#define __NR__llseek		140
#define __NR_getdents		141
#define __NR__newselect		142
#define __NR_readv		145
#define __NR_writev		146
#define __NR_getsid		147
#define __NR_sched_yield	158
#define __NR_nanosleep		162
#define __NR_setresuid		164
#define __NR_getresuid		165
#define __NR_poll		168
#define __NR_setresgid		170
#define __NR_getresgid		171
#define __NR_rt_sigreturn	173
#define __NR_rt_sigaction	174
#define __NR_rt_sigprocmask	175
#define __NR_rt_sigpending	176
#define __NR_rt_sigtimedwait	177
#define __NR_rt_sigqueueinfo	178
#define __NR_rt_sigsuspend	179
#define __NR_getcwd		183
#define __NR_vfork		190
#define __NR_ugetrlimit		191
#define __NR_mmap2		192
#define __NR_stat64		195
#define __NR_lstat64		196
#define __NR_fstat64		197
#define __NR_getuid32		199	/* 199..214: the 32-bit id calls */
#define __NR_getgid32		200
#define __NR_geteuid32		201
#define __NR_getegid32		202
#define __NR_setreuid32		203
#define __NR_setregid32		204
#define __NR_getgroups32	205
#define __NR_setgroups32	206
#define __NR_setresuid32	208
#define __NR_getresuid32	209
#define __NR_setresgid32	210
#define __NR_getresgid32	211
#define __NR_chown32		212
#define __NR_setuid32		213
#define __NR_setgid32		214
#define __NR_getdents64		220
#define __NR_fcntl64		221
#define __NR_gettid		224
#define __NR_tkill		238
#define __NR_set_thread_area	243
#define __NR_get_thread_area	244
#define __NR_exit_group		252
#define __NR_set_tid_address	258
#define __NR_clock_gettime	265
#define __NR_clock_getres	266
#define __NR_clock_nanosleep	267
#define __NR_tgkill		270
#define __NR_openat		295
#define __NR_mkdirat		296
#define __NR_mknodat		297
#define __NR_fstatat64		300
#define __NR_unlinkat		301
#define __NR_renameat		302
#define __NR_linkat		303
#define __NR_symlinkat		304
#define __NR_readlinkat		305
#define __NR_fchmodat		306
#define __NR_faccessat		307
#define __NR_pselect6		308
#define __NR_ppoll		309
#define __NR_utimensat		320
#define __NR_dup3		330
#define __NR_pipe2		331
#define __NR_prlimit64		340
#define __NR_semget		393
#define __NR_semctl		394
#define __NR_shmget		395
#define __NR_shmctl		396
#define __NR_shmat		397
#define __NR_shmdt		398
#define __NR_msgget		399
#define __NR_msgsnd		400
#define __NR_msgrcv		401
#define __NR_msgctl		402
#define __NR_semtimedop		420	/* semtimedop_time64 on i386 */

/* This kernel's own calls (no Linux equivalent). */
#define __NR_kstat		1000	/* kernel statistics, see uapi/kstat.h */
/* LAB syscalls: number the new call (next after kstat) and make room for it in the table */
#define __NR_syscount		1001	/* per-process call counts, see uapi/syscount.h */

#define NR_SYSCALLS		1002
/* LAB END: #define NR_SYSCALLS		1001 */

#endif
