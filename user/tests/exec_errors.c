/*
 * exec_errors - execve fails with the right errno, and a failed execve
 * leaves the caller exactly as it was.
 *
 * Cases: a missing file (ENOENT), a path through a regular file (ENOTDIR),
 * a path longer than PATH_MAX (ENAMETOOLONG), a text file marked
 * executable (ENOEXEC), a file that is only the start of an ELF header
 * (ENOEXEC), a directory (EACCES), a real program without execute
 * permission, both as root and in a child that became uid 1000 (EACCES).
 * After each failure the caller's stack, global and heap data, and an
 * open file (with its offset) must be intact.  Should an execve of a
 * copy of this program succeed, the new image sees EXEC_MARKER and fails.
 */
#include <limits.h>
#include <sys/stat.h>
#include "test.h"

#define EXEC_MARKER	"--exec-errors-execed"
#define TEXT_FILE	"/tmp/exec_errors.txt"
#define ELF_STUB	"/tmp/exec_errors.elf"
#define NOEXEC_COPY	"/tmp/exec_errors.noexec"
#define TEXT_CONTENT	"this is not a program\n"
#define NONROOT_UID	1000
#define HEAP_LEN	4096
#define HEAP_BYTE	0xa5
#define STACK_CANARY	0x12345678L
#define GLOBAL_VALUE	0x0badcafeL
#define COPY_CHUNK	4096
#define EXIT_SETUID	200	/* the child could not become NONROOT_UID */

/* The first bytes of an i386 ELF header: magic, 32-bit, little endian. */
static const unsigned char elf_stub[] = { 0x7f, 'E', 'L', 'F', 1, 1, 1, 0 };

static volatile long global_value = GLOBAL_VALUE;
static unsigned char *heap;
static int probe_fd;
static const char *self_path;
static char long_path[PATH_MAX + 64];

static void write_file(const char *path, const void *data, size_t len, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	if (fd < 0 || write(fd, data, len) != (ssize_t)len)
		FAIL("creating %s", path);
	close(fd);
	if (chmod(path, mode) < 0)
		FAIL("chmod %s", path);
}

/* Copy this program to path with the given mode. */
static void copy_self(const char *path, mode_t mode)
{
	char buf[COPY_CHUNK];
	int in = open(self_path, O_RDONLY);
	int out = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	ssize_t n;

	if (in < 0 || out < 0)
		FAIL("opening the program copy %s", path);
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			FAIL("writing the program copy %s", path);
	close(in);
	close(out);
	if (chmod(path, mode) < 0)
		FAIL("chmod %s", path);
}

/* Everything the caller had before the failed execve is still there. */
static void check_intact(const char *what, const volatile long *canary)
{
	char c;

	if (*canary != STACK_CANARY)
		FAIL("after %s: stack variable changed", what);
	if (global_value != GLOBAL_VALUE)
		FAIL("after %s: global variable changed", what);
	for (int i = 0; i < HEAP_LEN; i++) {
		if (heap[i] != HEAP_BYTE) {
			FAIL("after %s: heap memory changed", what);
			break;
		}
	}
	if (read(probe_fd, &c, 1) != 1 || c != TEXT_CONTENT[0])
		FAIL("after %s: open file no longer readable", what);
	lseek(probe_fd, 0, SEEK_SET);
}

static void expect_exec_error(const char *path, int err, const volatile long *canary)
{
	char *argv[] = { (char *)path, EXEC_MARKER, NULL };
	char *envp[] = { NULL };
	char what[128];
	int ret = execve(path, argv, envp);

	snprintf(what, sizeof(what), "execve %.60s", path);
	CHECK(ret == -1 && errno == err,
	      "%s: returned %d, expected -1 with errno %d (%s)", what, ret, err,
	      strerror(err));
	check_intact(what, canary);
}

/* In a child that is not root, an execve without permission fails. */
static void check_nonroot(void)
{
	char *argv[] = { NOEXEC_COPY, EXEC_MARKER, NULL };
	char *envp[] = { NULL };
	pid_t pid = test_fork();

	if (pid == 0) {
		if (setuid(NONROOT_UID) < 0 || getuid() != NONROOT_UID)
			_exit(EXIT_SETUID);
		execve(NOEXEC_COPY, argv, envp);
		_exit(errno);
	}
	CHECK_EXIT("uid 1000 execve of a 0600 program (exit status = errno)",
		   pid, EACCES);
}

int main(int argc, char **argv)
{
	volatile long canary = STACK_CANARY;

	if (argc > 1 && !strcmp(argv[1], EXEC_MARKER)) {
		FAIL("execve of %s succeeded", argv[0]);
		return 1;
	}
	self_path = argv[0];
	heap = malloc(HEAP_LEN);
	if (!heap) {
		FAIL("malloc");
		return 1;
	}
	memset(heap, HEAP_BYTE, HEAP_LEN);
	memset(long_path, 'a', sizeof(long_path) - 1);
	long_path[0] = '/';
	write_file(TEXT_FILE, TEXT_CONTENT, strlen(TEXT_CONTENT), 0755);
	write_file(ELF_STUB, elf_stub, sizeof(elf_stub), 0755);
	copy_self(NOEXEC_COPY, 0600);
	probe_fd = open(TEXT_FILE, O_RDONLY);
	if (probe_fd < 0)
		FAIL("open " TEXT_FILE);

	expect_exec_error("/no/such/program", ENOENT, &canary);
	expect_exec_error("/tmp/exec_errors.missing", ENOENT, &canary);
	expect_exec_error(TEXT_FILE "/x", ENOTDIR, &canary);
	expect_exec_error(long_path, ENAMETOOLONG, &canary);
	expect_exec_error(TEXT_FILE, ENOEXEC, &canary);
	expect_exec_error(ELF_STUB, ENOEXEC, &canary);
	expect_exec_error("/tmp", EACCES, &canary);
	expect_exec_error(NOEXEC_COPY, EACCES, &canary);
	check_nonroot();

	unlink(TEXT_FILE);
	unlink(ELF_STUB);
	unlink(NOEXEC_COPY);
	return test_done("exec_errors");
}
