/*
 * syscall.h - the system call handlers, one per Linux i386 call number
 * (see uapi/unistd_32.h), and the dispatcher that calls them.
 *
 * A handler takes the call's arguments as C parameters (from ebx, ecx,
 * edx, esi, edi, ebp) and returns the result or a negative errno.
 * Pointer arguments are user addresses: handlers reach them only through
 * mm/uaccess.c.
 */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include "kernel/types.h"

struct trapframe;
struct stat;
struct timespec;
struct timeval;
struct utsname;
struct sysinfo;
struct rlimit;
struct rlimit64;
struct linux_dirent;
struct linux_dirent64;
struct stat64;
struct iovec;
struct itimerval;
struct inode;
struct pollfd;
struct pselect_mask;

void syscall_dispatch(struct trapframe *tf);

struct user_desc;

/* mm/mmap.c */
long sys_mmap2(u32 addr, u32 len, u32 prot, u32 flags, int fd, u32 pgoff);
long sys_old_mmap(const u32 __user *args);
long sys_munmap(u32 addr, u32 len);
long sys_mprotect(u32 addr, u32 len, u32 prot);

/* kernel/sys_clone.c */
long sys_clone(u32 flags, u32 newsp, int __user *parent_tid, struct user_desc __user *tls,
	       int __user *child_tid);
long sys_vfork(void);

/* kernel/tls.c */
long sys_set_thread_area(struct user_desc __user *uinfo);
long sys_get_thread_area(struct user_desc __user *uinfo);

/* kernel/sys_proc.c */
long sys_exit(int code);
long sys_fork(void);
long sys_waitpid(int pid, int __user *status, int options);
long sys_wait4(int pid, int __user *status, int options, void __user *rusage);
long sys_execve(const char __user *path, char *const __user *argv,
		char *const __user *envp);
long sys_getpid(void);
long sys_getppid(void);
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_setuid(int uid);
long sys_setgid(int gid);
long sys_setreuid(int ruid, int euid);
long sys_setregid(int rgid, int egid);
long sys_setresuid(int ruid, int euid, int suid);
long sys_setresgid(int rgid, int egid, int sgid);
long sys_getresuid(u16 __user *r, u16 __user *e, u16 __user *s);
long sys_getresgid(u16 __user *r, u16 __user *e, u16 __user *s);
long sys_getresuid32(int __user *r, int __user *e, int __user *s);
long sys_getresgid32(int __user *r, int __user *e, int __user *s);
long sys_getpgrp(void);
long sys_getpgid(int pid);
long sys_setpgid(int pid, int pgid);
long sys_getsid(int pid);
long sys_setsid(void);
long sys_brk(u32 addr);
long sys_sched_yield(void);
long sys_kstat(int what, void __user *buf, u32 len);

/* kernel/sys_syscount.c */
struct syscount;
long sys_syscount(struct syscount __user *list, u32 n);
long sys_sysinfo(struct sysinfo __user *info);
long sys_uname(struct utsname __user *u);

/* kernel/sys_time.c */
long sys_restart_syscall(void);
long sys_nanosleep(const struct timespec __user *req, struct timespec __user *rem);
long sys_time(u32 __user *t);
long sys_gettimeofday(struct timeval __user *tv, void __user *tz);
long sys_clock_gettime(int clock, struct timespec __user *ts);
long sys_clock_getres(int clock, struct timespec __user *res);
long sys_clock_nanosleep(int clock, int flags, const struct timespec __user *req,
			 struct timespec __user *rem);
long sys_times(void __user *buf);

/* kernel/sys_file.c */
long sys_read(int fd, char __user *buf, u32 n);
long sys_write(int fd, const char __user *buf, u32 n);
long sys_open(const char __user *path, int flags, int mode);
long sys_creat(const char __user *path, int mode);
long sys_close(int fd);
long sys_lseek(int fd, long off, int whence);
long sys_dup(int fd);
long sys_dup2(int fd, int fd2);
long sys_dup3(int fd, int fd2, int flags);
long sys_fcntl(int fd, int cmd, u32 arg);
long sys_ioctl(int fd, u32 cmd, u32 arg);
long sys_getdents(int fd, struct linux_dirent __user *d, u32 n);
long sys_getdents64(int fd, struct linux_dirent64 __user *d, u32 n);
long sys_fcntl64(int fd, int cmd, u32 arg);
long sys_openat(int dirfd, const char __user *path, int flags, int mode);

/* kernel/sys_iov.c */
long sys_readv(int fd, const struct iovec __user *iov, int cnt);
long sys_writev(int fd, const struct iovec __user *iov, int cnt);
long sys__llseek(int fd, u32 high, u32 low, u64 __user *result, int whence);

/* kernel/sys_stat.c */
long sys_stat(const char __user *path, struct stat __user *st);
long sys_lstat(const char __user *path, struct stat __user *st);
long sys_fstat(int fd, struct stat __user *st);
long sys_stat64(const char __user *path, struct stat64 __user *st);
long sys_lstat64(const char __user *path, struct stat64 __user *st);
long sys_fstat64(int fd, struct stat64 __user *st);
long sys_fstatat64(int dirfd, const char __user *path, struct stat64 __user *st, int flags);
long sys_readlink(const char __user *path, char __user *buf, int size);
long sys_readlinkat(int dirfd, const char __user *path, char __user *buf, int size);
long sys_utimensat(int dirfd, const char __user *path, const struct timespec __user *times,
		   int flags);

/* kernel/sys_thread.c */
long sys_gettid(void);
long sys_set_tid_address(int __user *tidptr);
long sys_getgroups32(int size, u32 __user *list);
long sys_setgroups32(int size, const u32 __user *list);

/* ipc/signal.c */
struct kernel_sigaction;
long sys_kill(int pid, int sig);
long sys_rt_sigaction(int sig, const struct kernel_sigaction __user *act,
		      struct kernel_sigaction __user *old, u32 setsize);
long sys_rt_sigprocmask(int how, const void __user *set, void __user *old, u32 setsize);
long sys_sigprocmask(int how, const void __user *set, void __user *old);
long sys_rt_sigpending(void __user *set, u32 setsize);
long sys_sigpending(void __user *set);
long sys_rt_sigsuspend(const void __user *mask, u32 setsize);
long sys_sigsuspend(int unused0, int unused1, u32 mask);
struct timespec;
long sys_rt_sigtimedwait(const void __user *set, void __user *info,
			 const struct timespec __user *timeout, u32 setsize);
long sys_rt_sigqueueinfo(int pid, int sig, const void __user *info);
long sys_rt_sigreturn(void);
long sys_sigreturn(void);
long sys_pause(void);
long sys_alarm(u32 seconds);
long sys_tkill(int tid, int sig);
long sys_tgkill(int tgid, int tid, int sig);
long sys_getitimer(int which, struct itimerval __user *v);
long sys_setitimer(int which, const struct itimerval __user *v, struct itimerval __user *old);

/* ipc/msg.c, ipc/sem.c, ipc/shm.c */
struct sembuf;
struct timespec64;
long sys_msgget(int key, int flags);
long sys_msgsnd(int id, const void __user *msg, long size, int flags);
long sys_msgrcv(int id, void __user *msg, long size, long type, int flags);
long sys_msgctl(int id, int cmd, void __user *buf);
long sys_semget(int key, int nsems, int flags);
long sys_semtimedop(int id, struct sembuf __user *ops, unsigned nops,
		    const struct timespec64 __user *timeout);
long sys_semctl(int id, int num, int cmd, u32 arg);
long sys_shmget(int key, u32 size, int flags);
long sys_shmat(int id, u32 addr, int flags);
long sys_shmdt(u32 addr);
long sys_shmctl(int id, int cmd, void __user *buf);
long sys_ipc(u32 call, int first, int second, int third, void __user *ptr, long fifth);

/* ipc/pipe.c */
long sys_pipe(int __user *fds);
long sys_pipe2(int __user *fds, int flags);

/* kernel/poll.c */
long sys_poll(struct pollfd __user *ufds, u32 nfds, int timeout_ms);
long sys_ppoll(struct pollfd __user *ufds, u32 nfds, struct timespec __user *uts,
	       const void __user *umask, u32 setsize);
long sys__newselect(int nfds, u32 __user *rfds, u32 __user *wfds, u32 __user *efds,
		    struct timeval __user *utv);
long sys_pselect6(int nfds, u32 __user *rfds, u32 __user *wfds, u32 __user *efds,
		  struct timespec __user *uts, const struct pselect_mask __user *um);

/* kernel/rlimit.c */
long sys_getrlimit(u32 resource, struct rlimit __user *ulim);
long sys_ugetrlimit(u32 resource, struct rlimit __user *ulim);
long sys_setrlimit(u32 resource, const struct rlimit __user *ulim);
long sys_prlimit64(int pid, u32 resource, const struct rlimit64 __user *unew,
		   struct rlimit64 __user *uold);

/* kernel/sys_path.c */
int at_start(int dirfd, const char *path, struct inode **start);
int cwd_path(char *buf);
int user_namei_at(int dirfd, const char __user *path, int flags, struct inode **ip);
long sys_faccessat(int dirfd, const char __user *path, int mode);
long sys_mkdirat(int dirfd, const char __user *path, int mode);
long sys_mknodat(int dirfd, const char __user *path, int mode, u32 dev);
long sys_unlinkat(int dirfd, const char __user *path, int flags);
long sys_linkat(int olddirfd, const char __user *old, int newdirfd,
		const char __user *new, int flags);
long sys_renameat(int olddirfd, const char __user *old, int newdirfd,
		  const char __user *new);
long sys_fchmodat(int dirfd, const char __user *path, int mode);
long sys_symlinkat(const char __user *target, int dirfd, const char __user *path);
long sys_symlink(const char __user *target, const char __user *path);
long sys_access(const char __user *path, int mode);
long sys_mkdir(const char __user *path, int mode);
long sys_rmdir(const char __user *path);
long sys_unlink(const char __user *path);
long sys_link(const char __user *old, const char __user *new);
long sys_rename(const char __user *old, const char __user *new);
long sys_mknod(const char __user *path, int mode, u32 dev);
long sys_chmod(const char __user *path, int mode);
long sys_chown(const char __user *path, u32 uid, u32 gid);
long sys_chdir(const char __user *path);
long sys_getcwd(char __user *buf, u32 size);
long sys_umask(int mask);

#endif
