/*
 * efault - every system call that takes a user pointer rejects a bad one
 * with EFAULT instead of faulting the kernel or the caller.
 *
 * Each call is made raw (syscall()), never through a libc wrapper that
 * might touch the memory first, with three bad pointers: NULL, a kernel
 * address and an unmapped user address.  Where Linux accepts NULL (it
 * means "no result wanted" for wait's status and rusage, time,
 * gettimeofday and times; it ends argv and envp, and a NULL argv means
 * "no arguments"), only the other two are tried.  waitpid and wait4 (bad
 * status or rusage) must also not lose the child: after the failed call
 * a second wait with a good pointer still reaps it (Linux itself reaps
 * the child before it notices the bad pointer, so that check fails on
 * Linux - this kernel checks the pointers first).  kstat exists only on
 * this kernel.  At the end the process must be intact: its data, its
 * files, and fork and wait still work.
 */
#include <sys/stat.h>
#include <termios.h>
#include <uapi/unistd_32.h>
#include "test.h"

#define KERNEL_ADDR	0xC0100000L
#define UNMAPPED_ADDR	0x50000000L
#define BUF_LEN		16
#define PATH_BUF_LEN	256
#define WAIT_CODE	42
#define ZOMBIE_WAIT_MS	100		/* time for a child to exit */
#define EXEC_MARKER	"--efault-execed"
#define CANARY		0x5afec0deL

#define TMP_FILE	"/tmp/efault.file"
#define TMP_NEW		"/tmp/efault.new"
#define TMP_DIR		"/tmp"
#define FILE_TEXT	"efault test data\n"

struct bad_ptr {
	long addr;
	const char *name;
};

static const struct bad_ptr bad_ptrs[] = {
	{ 0, "NULL" },
	{ KERNEL_ADDR, "kernel address" },
	{ UNMAPPED_ADDR, "unmapped address" },
};

#define NBAD	(sizeof(bad_ptrs) / sizeof(bad_ptrs[0]))

static const char *self_path;

/* ret is a raw call's result through syscall(): -1 and errno on failure. */
static void expect_efault(const char *call, const struct bad_ptr *bp, long ret)
{
	if (ret != -1 || errno != EFAULT)
		FAIL("%s with %s (got %ld errno %d, expected -1 errno %d)",
		     call, bp->name, ret, ret == -1 ? errno : 0, EFAULT);
}

static int open_or_die(const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	REQUIRE(fd >= 0, "open %s", path);
	return fd;
}

static void make_file(void)
{
	int fd = open_or_die(TMP_FILE, O_WRONLY | O_CREAT | O_TRUNC);

	if (write(fd, FILE_TEXT, strlen(FILE_TEXT)) != (ssize_t)strlen(FILE_TEXT))
		FAIL("writing %s", TMP_FILE);
	close(fd);
}

static void check_read_write(const struct bad_ptr *bp)
{
	int zero = open_or_die("/dev/zero", O_RDONLY);
	int file = open_or_die(TMP_FILE, O_RDWR);

	expect_efault("read /dev/zero", bp, syscall(__NR_read, zero, bp->addr, BUF_LEN));
	expect_efault("read file", bp, syscall(__NR_read, file, bp->addr, BUF_LEN));
	lseek(file, 0, SEEK_SET);
	expect_efault("write file", bp, syscall(__NR_write, file, bp->addr, BUF_LEN));
	expect_efault("fstat", bp, syscall(__NR_fstat, file, bp->addr));
	close(zero);
	close(file);
}

static void check_paths(const struct bad_ptr *bp)
{
	long p = bp->addr;
	struct stat st;

	expect_efault("open", bp, syscall(__NR_open, p, O_RDONLY));
	expect_efault("open O_CREAT", bp, syscall(__NR_open, p, O_WRONLY | O_CREAT, 0644));
	expect_efault("creat", bp, syscall(__NR_creat, p, 0644));
	expect_efault("stat path", bp, syscall(__NR_stat, p, (long)&st));
	expect_efault("stat buffer", bp, syscall(__NR_stat, (long)TMP_FILE, p));
	expect_efault("lstat path", bp, syscall(__NR_lstat, p, (long)&st));
	expect_efault("lstat buffer", bp, syscall(__NR_lstat, (long)TMP_FILE, p));
	expect_efault("access", bp, syscall(__NR_access, p, F_OK));
	expect_efault("chdir", bp, syscall(__NR_chdir, p));
	expect_efault("mkdir", bp, syscall(__NR_mkdir, p, 0755));
	expect_efault("rmdir", bp, syscall(__NR_rmdir, p));
	expect_efault("unlink", bp, syscall(__NR_unlink, p));
	expect_efault("link old", bp, syscall(__NR_link, p, (long)TMP_NEW));
	expect_efault("link new", bp, syscall(__NR_link, (long)TMP_FILE, p));
	expect_efault("rename old", bp, syscall(__NR_rename, p, (long)TMP_NEW));
	expect_efault("rename new", bp, syscall(__NR_rename, (long)TMP_FILE, p));
	expect_efault("chmod", bp, syscall(__NR_chmod, p, 0644));
	expect_efault("mknod", bp, syscall(__NR_mknod, p, S_IFREG | 0644, 0));
	expect_efault("getcwd", bp, syscall(__NR_getcwd, p, PATH_BUF_LEN));
}

static void check_getdents(const struct bad_ptr *bp)
{
	int dir = open_or_die(TMP_DIR, O_RDONLY | O_DIRECTORY);

	expect_efault("getdents", bp, syscall(__NR_getdents, dir, bp->addr, 4096));
	close(dir);
}

/* Calls for which NULL is legal get only the non-NULL bad pointers. */
static void check_info(const struct bad_ptr *bp)
{
	long p = bp->addr;
	unsigned int id;

	expect_efault("uname", bp, syscall(__NR_uname, p));
	expect_efault("nanosleep", bp, syscall(__NR_nanosleep, p, 0));
	expect_efault("clock_gettime", bp, syscall(__NR_clock_gettime, CLOCK_MONOTONIC, p));
	expect_efault("sysinfo", bp, syscall(__NR_sysinfo, p));
	expect_efault("ioctl TCGETS", bp, syscall(__NR_ioctl, 0, TCGETS, p));
	expect_efault("getresuid ruid", bp, syscall(__NR_getresuid, p, (long)&id, (long)&id));
	expect_efault("getresuid euid", bp, syscall(__NR_getresuid, (long)&id, p, (long)&id));
	expect_efault("getresuid suid", bp, syscall(__NR_getresuid, (long)&id, (long)&id, p));
	expect_efault("getresgid", bp, syscall(__NR_getresgid, p, (long)&id, (long)&id));
	expect_efault("kstat KSTAT_INFO", bp,
		      syscall(__NR_kstat, KSTAT_INFO, p, sizeof(struct kstat_info)));
	expect_efault("kstat KSTAT_PROCS", bp,
		      syscall(__NR_kstat, KSTAT_PROCS, p, sizeof(struct kstat_proc)));
	if (!p)
		return;
	expect_efault("time", bp, syscall(__NR_time, p));
	expect_efault("gettimeofday", bp, syscall(__NR_gettimeofday, p, 0));
	expect_efault("times", bp, syscall(__NR_times, p));
}

/* A child that has exited (a zombie) by the time this returns. */
static pid_t zombie_child(void)
{
	pid_t pid = test_fork();

	if (pid == 0)
		_exit(WAIT_CODE);
	sleep_ms(ZOMBIE_WAIT_MS);
	return pid;
}

/* The bad wait must have left the child for this one to reap. */
static void expect_reapable(const char *call, const struct bad_ptr *bp, pid_t pid)
{
	int status = 0;
	pid_t got = waitpid(pid, &status, 0);

	if (got != pid || !WIFEXITED(status) || WEXITSTATUS(status) != WAIT_CODE)
		FAIL("%s with %s lost the child (waitpid got %d errno %d status %#x)",
		     call, bp->name, got, got < 0 ? errno : 0, status);
}

static void check_wait(const struct bad_ptr *bp)
{
	int status;
	pid_t pid;

	pid = zombie_child();
	expect_efault("waitpid", bp, syscall(__NR_waitpid, pid, bp->addr, 0));
	expect_reapable("waitpid", bp, pid);
	pid = zombie_child();
	expect_efault("wait4 status", bp, syscall(__NR_wait4, pid, bp->addr, 0, 0));
	expect_reapable("wait4 status", bp, pid);
	pid = zombie_child();
	expect_efault("wait4 rusage", bp,
		      syscall(__NR_wait4, pid, (long)&status, 0, bp->addr));
	expect_reapable("wait4 rusage", bp, pid);
}

/*
 * A wrongly successful execve runs this program again with EXEC_MARKER
 * (in argv and in the environment), which reports it and fails.
 */
static void check_execve(const struct bad_ptr *bp)
{
	char *envp[] = { "EFAULT_EXECED=1", NULL };
	char *argv[] = { (char *)self_path, EXEC_MARKER, NULL };
	char *bad_argv[] = { (char *)self_path, (char *)bp->addr, EXEC_MARKER, NULL };
	char *bad_envp[] = { "EFAULT_EXECED=1", (char *)bp->addr, NULL };

	expect_efault("execve path", bp,
		      syscall(__NR_execve, bp->addr, (long)argv, (long)envp));
	if (!bp->addr)		/* NULL ends a list; a NULL argv is legal */
		return;
	expect_efault("execve argv string", bp,
		      syscall(__NR_execve, (long)self_path, (long)bad_argv, (long)envp));
	expect_efault("execve envp string", bp,
		      syscall(__NR_execve, (long)self_path, (long)argv, (long)bad_envp));
	expect_efault("execve argv array", bp,
		      syscall(__NR_execve, (long)self_path, bp->addr, (long)envp));
	expect_efault("execve envp array", bp,
		      syscall(__NR_execve, (long)self_path, (long)argv, bp->addr));
}

/* After all that, the process and the kernel still work normally. */
static void check_still_fine(pid_t pid, const volatile long *canary)
{
	char buf[sizeof(FILE_TEXT)] = "";
	pid_t child;
	int fd;

	if (*canary != CANARY)
		FAIL("stack variable changed (got %#lx, expected %#lx)", *canary, CANARY);
	if (getpid() != pid)
		FAIL("getpid changed (got %d, expected %d)", getpid(), pid);
	fd = open_or_die(TMP_FILE, O_RDONLY);
	if (read(fd, buf, sizeof(buf) - 1) != (ssize_t)strlen(FILE_TEXT) ||
	    strcmp(buf, FILE_TEXT))
		FAIL("file contents changed (got \"%s\", expected \"%s\")", buf, FILE_TEXT);
	close(fd);
	child = test_fork();
	if (child == 0)
		_exit(WAIT_CODE);
	CHECK_EXIT("fork/wait afterwards", child, WAIT_CODE);
}

int main(int argc, char **argv)
{
	volatile long canary = CANARY;
	pid_t pid = getpid();

	if ((argc > 1 && !strcmp(argv[1], EXEC_MARKER)) || getenv("EFAULT_EXECED")) {
		FAIL("an execve with a bad pointer succeeded");
		return 1;
	}
	self_path = argv[0];
	make_file();
	unlink(TMP_NEW);
	for (unsigned i = 0; i < NBAD; i++) {
		const struct bad_ptr *bp = &bad_ptrs[i];

		check_read_write(bp);
		check_paths(bp);
		check_getdents(bp);
		check_info(bp);
		check_execve(bp);
		if (bp->addr)		/* a NULL status means "not wanted" */
			check_wait(bp);
	}
	check_still_fine(pid, &canary);
	unlink(TMP_FILE);
	unlink(TMP_NEW);
	return test_done("efault");
}
