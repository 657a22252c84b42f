/*
 * fuzz_calls.h - what /bin/fuzz (fuzz.c) calls: the system call table,
 * with the kind of each argument and a weight, and one generator per
 * argument kind.
 *
 * A call's signature is a string, one letter per argument:
 *   f fd            p buffer pointer  n size or count   s path (read)
 *   w path (write)  e exec path       o open flags      m mode
 *   i int or flags  l file offset     d pid             g signal
 *   u uid or gid    r rlimit resource a address         D device number
 *   Q msg queue id  S semaphore id    M shm segment id  k IPC key
 *   c IPC command   v pointer or int  x anything
 * Weights favour the calls the kernel implements, System V IPC and the
 * file calls most; numbers the kernel does not know get a share too.
 *
 * Each generator mixes the plausible (pre-made descriptors and objects,
 * pointers into the worker's scratch area) with the hostile: bad and
 * stale ids, NULL, kernel addresses (0xc0000000 and up), unmapped
 * pages, buffers that cross the end of the scratch mapping or the
 * user/kernel boundary, sizes 0, 1, PAGE_SIZE - 1, huge and negative.
 * Paths that calls may change all lie under the sandbox FUZZ_DIR; the
 * rest of the file system is only read, and exec is given only paths
 * that fail.
 */
#ifndef FUZZ_CALLS_H
#define FUZZ_CALLS_H

#include <sys/syscall.h>

#define PAGE		4096
#define KERNBASE_ADDR	0xc0000000ul
#define FUZZ_DIR	"/tmp/fuzz"
#define FUZZ_SIG	"x"		/* unknown call numbers: anything */

struct fuzz_call {
	long nr;
	const char *name;
	const char *sig;
	int weight;
};

/* Weights: the common case, IPC and file calls, calls that may block
 * (made rare since an alarm has to end them), calls that leave the
 * worker's control (sigreturn: the worker is usually killed). */
#define W_RARE	1
#define W_SOME	4
#define W_STD	10
#define W_HIGH	20

static const struct fuzz_call fuzz_calls[] = {
	{ __NR_restart_syscall, "restart_syscall", "", W_RARE },
	{ __NR_fork, "fork", "", W_SOME },
	{ __NR_read, "read", "fpn", W_HIGH },
	{ __NR_write, "write", "fpn", W_HIGH },
	{ __NR_open, "open", "som", W_HIGH },
	{ __NR_close, "close", "f", W_STD },
	{ __NR_waitpid, "waitpid", "dpi", W_SOME },
	{ __NR_creat, "creat", "wm", W_SOME },
	{ __NR_link, "link", "ww", W_SOME },
	{ __NR_unlink, "unlink", "w", W_SOME },
	{ __NR_execve, "execve", "epp", W_SOME },
	{ __NR_chdir, "chdir", "s", W_SOME },
	{ __NR_time, "time", "p", W_SOME },
	{ __NR_mknod, "mknod", "wmD", W_SOME },
	{ __NR_chmod, "chmod", "wm", W_SOME },
	{ __NR_lseek, "lseek", "fli", W_STD },
	{ __NR_getpid, "getpid", "", W_SOME },
	{ __NR_setuid, "setuid", "u", W_SOME },
	{ __NR_getuid, "getuid", "", W_SOME },
	{ __NR_access, "access", "si", W_STD },
	{ __NR_alarm, "alarm", "i", W_SOME },
	{ __NR_pause, "pause", "", W_RARE },
	{ __NR_kill, "kill", "dg", W_STD },
	{ __NR_rename, "rename", "ww", W_SOME },
	{ __NR_mkdir, "mkdir", "wm", W_SOME },
	{ __NR_rmdir, "rmdir", "w", W_SOME },
	{ __NR_dup, "dup", "f", W_STD },
	{ __NR_pipe, "pipe", "p", W_SOME },
	{ __NR_times, "times", "p", W_SOME },
	{ __NR_brk, "brk", "a", W_SOME },
	{ __NR_setgid, "setgid", "u", W_SOME },
	{ __NR_getgid, "getgid", "", W_SOME },
	{ __NR_geteuid, "geteuid", "", W_SOME },
	{ __NR_getegid, "getegid", "", W_SOME },
	{ __NR_ioctl, "ioctl", "fiv", W_STD },
	{ __NR_fcntl, "fcntl", "fiv", W_STD },
	{ __NR_setpgid, "setpgid", "dd", W_SOME },
	{ __NR_umask, "umask", "m", W_SOME },
	{ __NR_dup2, "dup2", "ff", W_STD },
	{ __NR_getppid, "getppid", "", W_SOME },
	{ __NR_getpgrp, "getpgrp", "", W_SOME },
	{ __NR_setsid, "setsid", "", W_SOME },
	{ __NR_sigsuspend, "sigsuspend", "iix", W_RARE },
	{ __NR_sigpending, "sigpending", "p", W_SOME },
	{ __NR_setreuid, "setreuid", "uu", W_SOME },
	{ __NR_setregid, "setregid", "uu", W_SOME },
	{ __NR_setrlimit, "setrlimit", "rp", W_SOME },
	{ __NR_getrlimit, "getrlimit", "rp", W_SOME },
	{ __NR_gettimeofday, "gettimeofday", "pp", W_SOME },
	{ __NR_stat, "stat", "sp", W_STD },
	{ __NR_lstat, "lstat", "sp", W_SOME },
	{ __NR_fstat, "fstat", "fp", W_STD },
	{ __NR_wait4, "wait4", "dpip", W_SOME },
	{ __NR_sysinfo, "sysinfo", "p", W_SOME },
	{ __NR_ipc, "ipc", "ixiipx", W_HIGH },
	{ __NR_sigreturn, "sigreturn", "", W_RARE },
	{ __NR_uname, "uname", "p", W_SOME },
	{ __NR_sigprocmask, "sigprocmask", "ipp", W_STD },
	{ __NR_getpgid, "getpgid", "d", W_SOME },
	{ __NR_getdents, "getdents", "fpn", W_STD },
	{ __NR_getsid, "getsid", "d", W_SOME },
	{ __NR_sched_yield, "sched_yield", "", W_SOME },
	{ __NR_nanosleep, "nanosleep", "pp", W_SOME },
	{ __NR_setresuid, "setresuid", "uuu", W_SOME },
	{ __NR_getresuid, "getresuid", "ppp", W_SOME },
	{ __NR_setresgid, "setresgid", "uuu", W_SOME },
	{ __NR_getresgid, "getresgid", "ppp", W_SOME },
	{ __NR_rt_sigreturn, "rt_sigreturn", "", W_RARE },
	{ __NR_rt_sigaction, "rt_sigaction", "gppn", W_STD },
	{ __NR_rt_sigprocmask, "rt_sigprocmask", "ippn", W_STD },
	{ __NR_rt_sigpending, "rt_sigpending", "pn", W_SOME },
	{ __NR_rt_sigsuspend, "rt_sigsuspend", "pn", W_RARE },
	{ __NR_getcwd, "getcwd", "pn", W_SOME },
	{ __NR_ugetrlimit, "ugetrlimit", "rp", W_SOME },
	{ __NR_getuid32, "getuid32", "", W_RARE },
	{ __NR_setreuid32, "setreuid32", "uu", W_SOME },
	{ __NR_setresuid32, "setresuid32", "uuu", W_SOME },
	{ __NR_getresuid32, "getresuid32", "ppp", W_SOME },
	{ __NR_setresgid32, "setresgid32", "uuu", W_SOME },
	{ __NR_getresgid32, "getresgid32", "ppp", W_SOME },
	{ __NR_setuid32, "setuid32", "u", W_SOME },
	{ __NR_setgid32, "setgid32", "u", W_SOME },
	{ __NR_clock_gettime, "clock_gettime", "ip", W_SOME },
	{ __NR_pipe2, "pipe2", "pi", W_SOME },
	{ __NR_prlimit64, "prlimit64", "drpp", W_SOME },
	{ __NR_semget, "semget", "kni", W_STD },
	{ __NR_semctl, "semctl", "Sncv", W_HIGH },
	{ __NR_shmget, "shmget", "kni", W_STD },
	{ __NR_shmctl, "shmctl", "Mcp", W_HIGH },
	{ __NR_shmat, "shmat", "Mai", W_HIGH },
	{ __NR_shmdt, "shmdt", "a", W_STD },
	{ __NR_msgget, "msgget", "ki", W_STD },
	{ __NR_msgsnd, "msgsnd", "Qpni", W_HIGH },
	{ __NR_msgrcv, "msgrcv", "Qpnxi", W_HIGH },
	{ __NR_msgctl, "msgctl", "Qcp", W_HIGH },
	{ __NR_semtimedop, "semtimedop", "Spnp", W_HIGH },
	{ __NR_kstat, "kstat", "ipn", W_SOME },
};

#define NCALLS		(int)(sizeof(fuzz_calls) / sizeof(fuzz_calls[0]))
#define UNKNOWN_SHARE	32	/* one call in this many has an unknown number */
#define SYSENTER_SHARE	256	/* one in this many: sysenter on a bad stack */

/* Numbers with no call behind them, or outside the table. */
static const long unknown_nrs[] = {
	-1, 0x7fffffff, (long)0x80000000, 999, 1001, 4096, 0xffff,
};

/* Paths any call may be given; the sandbox's own first. */
static const char *const read_paths[] = {
	FUZZ_DIR "/file", FUZZ_DIR "/fifo", FUZZ_DIR "/dir", FUZZ_DIR "/new",
	FUZZ_DIR, FUZZ_DIR "/file/x", FUZZ_DIR "/dir/../file", "new", ".",
	"..", "/", "/bin", "/bin/true", "/test", "/etc/motd", "/dev/null",
	"/dev/zero", "", "/nonexistent/x", "//tmp//fuzz//file",
};

/* Paths calls that change the file system are given: all in FUZZ_DIR,
 * the workers' working directory. */
static const char *const write_paths[] = {
	FUZZ_DIR "/file", FUZZ_DIR "/fifo", FUZZ_DIR "/dir", FUZZ_DIR "/new",
	FUZZ_DIR "/new2", FUZZ_DIR "/dir/sub", FUZZ_DIR "/dir/sub/x",
	FUZZ_DIR "/file/x", FUZZ_DIR "/nodir/x", FUZZ_DIR "/.", FUZZ_DIR "/dir/..",
	"new", "dir/new", "",
};

/* Paths exec is given: each one fails (not ELF, a directory, missing,
 * a device, a FIFO). */
static const char *const exec_paths[] = {
	FUZZ_DIR "/file", FUZZ_DIR "/fifo", FUZZ_DIR "/dir", "/etc/motd", "/",
	"/dev/null", "/nonexistent", "",
};

/* Interesting integers, sizes and offsets. */
static const long edge_ints[] = {
	0, 1, 2, 3, 4, 7, 8, 16, 64, 255, 256, PAGE - 1, PAGE, PAGE + 1,
	8192, 65536, 0x7fffffff, (long)0x80000000, -1, -2, -PAGE,
	(long)0xc0000000, (long)0xfffff000,
};

static const long bad_addrs[] = {
	(long)KERNBASE_ADDR, (long)(KERNBASE_ADDR + 0x100000), (long)0xfffff000,
	(long)0xffffffff, 0x1000, 0x10000, 0x40000000, (long)0xa0000000, 1,
};

static const long ioctl_cmds[] = {
	0x5401, 0x5402, 0x5403, 0x5404, 0x540f, 0x5410, 0x5413, 0x541b, 0x5421,
	0x540e, 0, -1,
};

static const long fcntl_cmds[] = { 0, 1, 2, 3, 4, 1030, 99, -1 };

static const long ipc_calls[] = {	/* the ipc() multiplexer's calls */
	1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24, 0, 99, 0x10001,
};

#endif
