/*
 * unistd.h - the POSIX system interface: file descriptors, processes,
 * credentials, the program break, exec, sleeping, getopt.
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <stddef.h>
#include <sys/types.h>
#include <uapi/fcntl.h>

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

/* access() modes */
#define F_OK		0
#define X_OK		1
#define W_OK		2
#define R_OK		4

/* sysconf() names */
#define _SC_ARG_MAX		0
#define _SC_CHILD_MAX		1
#define _SC_CLK_TCK		2
#define _SC_OPEN_MAX		4
#define _SC_PAGESIZE		30
#define _SC_PAGE_SIZE		_SC_PAGESIZE

extern char **environ;
extern char *optarg;
extern int optind, opterr, optopt;

ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int dup(int fd);
int dup2(int oldfd, int newfd);
int dup3(int oldfd, int newfd, int flags);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int link(const char *oldpath, const char *newpath);
int unlink(const char *path);
int rmdir(const char *path);
int chdir(const char *path);
int chown(const char *path, uid_t owner, gid_t group);
char *getcwd(char *buf, size_t size);
int access(const char *path, int mode);
int faccessat(int dirfd, const char *path, int mode, int flags);
int unlinkat(int dirfd, const char *path, int flags);
int renameat(int olddirfd, const char *old, int newdirfd, const char *new);
int linkat(int olddirfd, const char *old, int newdirfd, const char *new, int flags);
int symlink(const char *target, const char *path);
int symlinkat(const char *target, int dirfd, const char *path);
ssize_t readlink(const char *restrict path, char *restrict buf, size_t size);
ssize_t readlinkat(int dirfd, const char *restrict path, char *restrict buf, size_t size);
int isatty(int fd);

pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execvpe(const char *file, char *const argv[], char *const envp[]);
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
int execle(const char *path, const char *arg, ...);
_Noreturn void _exit(int status);

pid_t getpid(void);
pid_t gettid(void);
int getgroups(int size, gid_t list[]);
pid_t getppid(void);
pid_t getpgrp(void);
pid_t getpgid(pid_t pid);
int setpgid(pid_t pid, pid_t pgid);
pid_t getsid(pid_t pid);
pid_t setsid(void);
int setpgrp(void);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
int setreuid(uid_t ruid, uid_t euid);
int setregid(gid_t rgid, gid_t egid);
int setresuid(uid_t ruid, uid_t euid, uid_t suid);
int setresgid(gid_t rgid, gid_t egid, gid_t sgid);
int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
int seteuid(uid_t euid);
int setegid(gid_t egid);

int brk(void *addr);
void *sbrk(ptrdiff_t increment);

unsigned int alarm(unsigned int seconds);
int pause(void);
unsigned int sleep(unsigned int seconds);
int usleep(useconds_t usec);

int getopt(int argc, char *const argv[], const char *optstring);
long sysconf(int name);
int getpagesize(void);
int getdtablesize(void);
int gethostname(char *name, size_t len);
long syscall(long number, ...);

#endif
