/*
 * core_dump - a signal whose default action is "core" leaves an ELF core
 * file named `core` in the working directory, and the wait status has
 * WCOREDUMP exactly when it did.  Run as root, in a fresh directory.
 *
 * Checks:
 *  - RLIMIT_CORE unlimited, a write through a null pointer: killed by
 *    SIGSEGV with WCOREDUMP, SIGCHLD's si_code CLD_DUMPED; ./core is a
 *    regular file, mode 0600 (umask 022), owned by the process; an ELF32
 *    ET_CORE EM_386 file whose PT_NOTE holds NT_PRSTATUS with pr_cursig
 *    SIGSEGV, pr_pid the child and eip inside the faulting function, and
 *    PT_LOAD segments holding what a global variable, a heap block and
 *    attached shared memory held at the crash;
 *  - SIGQUIT and SIGABRT (raised): a core too; an old core of one's own
 *    is replaced;
 *  - RLIMIT_CORE 0, and less than a page: no file, no bit;
 *  - a limit of two pages: the file is cut at most there, yet (as Linux
 *    6 does) the status says a core was dumped;
 *  - SIGTERM (default action: terminate): no core, no bit, CLD_KILLED;
 *  - not dumpable (effective uid not the real one): no core, no bit;
 *  - ./core a directory: left alone, no bit;
 *  - a uid-1000 program (after exec): root's old ./core in a directory it
 *    may write is replaced by its own (uid 1000, mode 0600); in one it may
 *    not write, root's ./core (mode 0666) is left alone and no ./core is
 *    made where there was none.
 */
#include <stdint.h>
#include <sys/ipc.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include "test.h"

#define DIR		"/tmp/core_dump"
#define CORE		"core"
#define CORE_MODE	0600
#define TEST_UMASK	022
#define USER_UID	1000
#define USER_GID	100
#define MARKER		0xC0DEC0DEu	/* in a global variable, */
#define HEAP_MARKER	0x4EA90000u	/* in the heap, */
#define SHM_MARKER	0x5A4D0000u	/* in shared memory */
#define FUNC_SPAN	64		/* bytes of fault_here the eip may be in */
#define SMALL_LIMIT	1000		/* under a page: no core at all */
#define PAGE		4096
#define CUT_LIMIT	(2 * PAGE)
#define CRASH_ARG	"crash-as-user"
#define OLD_TEXT	"old core"

/* ELF32, as much as the checks read */
#define ELF_IDENT	16
#define ET_CORE		4
#define EM_386		3
#define PT_LOAD		1
#define PT_NOTE		4
#define NT_PRSTATUS	1
#define NOTE_ALIGN	4
#define PRSTATUS_SIZE	144
#define PR_CURSIG	12		/* offsets in i386 elf_prstatus */
#define PR_PID		24
#define PR_REG		72
#define EIP_INDEX	12		/* index in user_regs_struct */

struct ehdr {
	unsigned char ident[ELF_IDENT];
	uint16_t type, machine;
	uint32_t version, entry, phoff, shoff, flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
	uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

struct note {
	uint32_t namesz, descsz, type;
};

static volatile uint32_t marker;
static volatile uint32_t *volatile heap_block, *volatile shm_block;
static int *volatile null_pointer;
static volatile int chld_code;
static pid_t last_child;

__attribute__((noinline)) void fault_here(void)
{
	*null_pointer = 1;
}

static void record_chld(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)ctx;
	chld_code = si->si_code;
}

static void set_core_limit(rlim_t limit)
{
	struct rlimit rl = { limit, RLIM_INFINITY };

	REQUIRE(setrlimit(RLIMIT_CORE, &rl) == 0, "setrlimit(RLIMIT_CORE)");
}

/* The markers set, then a write through a null pointer. */
static void die_segv(void)
{
	int id = shmget(IPC_PRIVATE, PAGE, IPC_CREAT | 0600);

	REQUIRE(id >= 0, "shmget");
	shm_block = shmat(id, NULL, 0);
	shmctl(id, IPC_RMID, NULL);		/* gone when the child is */
	REQUIRE(shm_block != (void *)-1, "shmat");
	heap_block = malloc(sizeof(*heap_block));
	REQUIRE(heap_block, "malloc");
	marker = MARKER;
	*heap_block = HEAP_MARKER;
	*shm_block = SHM_MARKER;
	fault_here();
}

static void die_quit(void)
{
	raise(SIGQUIT);
}

static void die_abort(void)
{
	abort();
}

static void die_term(void)
{
	raise(SIGTERM);
}

/* Not dumpable: the effective uid differs from the real one. */
static void die_setuid(void)
{
	REQUIRE(setresuid(0, USER_UID, 0) == 0, "setresuid");
	fault_here();
}

/* A child (last_child) that sets RLIMIT_CORE to limit, then dies by
 * die(); its wait status (chld_code then has SIGCHLD's si_code). */
static int crash(rlim_t limit, void (*die)(void))
{
	pid_t pid = test_fork();

	if (pid == 0) {
		set_core_limit(limit);
		die();
		_exit(0);
	}
	chld_code = 0;
	last_child = pid;
	return wait_status(pid);
}

static bool exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

static void check_killed(const char *what, int status, int sig, bool core)
{
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == sig,
	      "%s: status 0x%x, expected killed by %d", what, status, sig);
	CHECK(!WCOREDUMP(status) == !core, "%s: WCOREDUMP is %d", what,
	      WCOREDUMP(status) != 0);
	CHECK_EQ("SIGCHLD si_code", chld_code, core ? CLD_DUMPED : CLD_KILLED);
}

/* The whole of ./core in memory (NULL if none); *size its length. */
static unsigned char *read_core(size_t *size)
{
	struct stat st;
	unsigned char *buf;
	size_t done = 0;
	int fd = open(CORE, O_RDONLY);

	if (fd < 0 || fstat(fd, &st) < 0 || !(buf = malloc(st.st_size + 1))) {
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	while (done < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + done, st.st_size - done);
		if (n <= 0)
			break;
		done += n;
	}
	close(fd);
	*size = done;
	return buf;
}

static const struct phdr *phdr_at(const unsigned char *buf, size_t size, int i)
{
	const struct ehdr *eh = (const void *)buf;
	size_t off = eh->phoff + (size_t)i * sizeof(struct phdr);

	return off + sizeof(struct phdr) <= size ? (const void *)(buf + off) : NULL;
}

/* The NT_PRSTATUS descriptor in the PT_NOTE segment, or NULL. */
static const unsigned char *find_prstatus(const unsigned char *buf, size_t size,
					  const struct phdr *ph)
{
	size_t off = ph->offset, end = (size_t)ph->offset + ph->filesz;

	if (end > size)
		return NULL;
	while (off + sizeof(struct note) <= end) {
		const struct note *n = (const void *)(buf + off);
		size_t desc = off + sizeof(*n) + ((n->namesz + NOTE_ALIGN - 1) & ~(NOTE_ALIGN - 1));

		if (n->type == NT_PRSTATUS && n->descsz >= PRSTATUS_SIZE &&
		    desc + PRSTATUS_SIZE <= end)
			return buf + desc;
		off = desc + ((n->descsz + NOTE_ALIGN - 1) & ~(NOTE_ALIGN - 1));
	}
	return NULL;
}

/* What the PT_LOAD segments hold at address va (4 bytes), through *out. */
static bool read_memory(const unsigned char *buf, size_t size, uint32_t va, uint32_t *out)
{
	const struct ehdr *eh = (const void *)buf;

	for (int i = 0; i < eh->phnum; i++) {
		const struct phdr *ph = phdr_at(buf, size, i);
		if (ph && ph->type == PT_LOAD && va >= ph->vaddr &&
		    va + sizeof(*out) <= ph->vaddr + ph->filesz &&
		    ph->offset + (va - ph->vaddr) + sizeof(*out) <= size) {
			memcpy(out, buf + ph->offset + (va - ph->vaddr), sizeof(*out));
			return true;
		}
	}
	return false;
}

/* The core must hold want at address va. */
static void check_memory(const unsigned char *buf, size_t size, const char *what,
			 uint32_t va, uint32_t want)
{
	uint32_t value = 0;

	if (!read_memory(buf, size, va, &value))
		FAIL("no PT_LOAD holds %s (%#x)", what, va);
	else if (value != want)
		FAIL("%s reads %#x in the core, not %#x", what, value, want);
}

/* The core of child pid, killed by sig at fault_here with the marker set. */
static void check_core_file(pid_t pid, int sig)
{
	size_t size = 0;
	unsigned char *buf = read_core(&size);
	const struct ehdr *eh = (const void *)buf;
	const unsigned char *st = NULL;
	uint32_t eip, addr;
	short cursig;
	int cpid;

	REQUIRE(buf && size >= sizeof(*eh), "no core file, or a short one");
	CHECK(memcmp(eh->ident, "\177ELF\1\1", 6) == 0, "not an ELF32 LSB file");
	CHECK_EQ("e_type", eh->type, ET_CORE);
	CHECK_EQ("e_machine", eh->machine, EM_386);
	for (int i = 0; i < eh->phnum && !st; i++) {
		const struct phdr *ph = phdr_at(buf, size, i);
		if (ph && ph->type == PT_NOTE)
			st = find_prstatus(buf, size, ph);
	}
	REQUIRE(st, "no NT_PRSTATUS note");
	memcpy(&cursig, st + PR_CURSIG, sizeof(cursig));
	memcpy(&cpid, st + PR_PID, sizeof(cpid));
	memcpy(&eip, st + PR_REG + EIP_INDEX * sizeof(uint32_t), sizeof(eip));
	CHECK_EQ("pr_cursig", cursig, sig);
	CHECK_EQ("pr_pid", cpid, pid);
	CHECK(eip >= (uintptr_t)fault_here && eip < (uintptr_t)fault_here + FUNC_SPAN,
	      "eip %#x is not in fault_here (%p)", eip, (void *)fault_here);
	check_memory(buf, size, "the global variable", (uintptr_t)&marker, MARKER);
	if (read_memory(buf, size, (uintptr_t)&heap_block, &addr))
		check_memory(buf, size, "the heap", addr, HEAP_MARKER);
	else
		FAIL("no PT_LOAD holds the heap pointer");
	if (read_memory(buf, size, (uintptr_t)&shm_block, &addr))
		check_memory(buf, size, "shared memory", addr, SHM_MARKER);
	else
		FAIL("no PT_LOAD holds the shared memory pointer");
	free(buf);
}

static void check_mode_owner(const char *what, uid_t uid)
{
	struct stat st;

	REQUIRE(stat(CORE, &st) == 0, "%s: stat core", what);
	CHECK(S_ISREG(st.st_mode), "%s: core is not a regular file", what);
	CHECK_EQ("core's permissions", st.st_mode & 07777, CORE_MODE);
	CHECK_EQ("core's owner", st.st_uid, uid);
}

static void test_segv(void)
{
	check_killed("SIGSEGV", crash(RLIM_INFINITY, die_segv), SIGSEGV, true);
	check_mode_owner("SIGSEGV", 0);
	check_core_file(last_child, SIGSEGV);
	unlink(CORE);
}

/* Other core signals, and an old core of one's own replaced. */
static void test_other_signals(void)
{
	int fd = open(CORE, O_WRONLY | O_CREAT | O_TRUNC, CORE_MODE);
	size_t size = 0;
	unsigned char *buf;

	REQUIRE(fd >= 0 && write(fd, OLD_TEXT, strlen(OLD_TEXT)) > 0, "an old core");
	close(fd);
	check_killed("SIGQUIT", crash(RLIM_INFINITY, die_quit), SIGQUIT, true);
	buf = read_core(&size);
	CHECK(buf && size > strlen(OLD_TEXT) && memcmp(buf, "\177ELF", 4) == 0,
	      "the old core was not replaced");
	free(buf);
	unlink(CORE);
	check_killed("SIGABRT", crash(RLIM_INFINITY, die_abort), SIGABRT, true);
	CHECK(exists(CORE), "no core after SIGABRT");
	unlink(CORE);
}

static void test_limits(void)
{
	struct stat st = { 0 };
	int status;

	check_killed("limit 0", crash(0, die_segv), SIGSEGV, false);
	CHECK(!exists(CORE), "a core with RLIMIT_CORE 0");
	check_killed("limit < page", crash(SMALL_LIMIT, die_segv), SIGSEGV, false);
	CHECK(!exists(CORE), "a core with RLIMIT_CORE under a page");
	status = crash(CUT_LIMIT, die_segv);
	check_killed("limit two pages", status, SIGSEGV, true);
	CHECK(stat(CORE, &st) == 0 && st.st_size <= CUT_LIMIT,
	      "a core of %ld bytes over a limit of %d", (long)st.st_size, CUT_LIMIT);
	unlink(CORE);
	check_killed("SIGTERM", crash(RLIM_INFINITY, die_term), SIGTERM, false);
	CHECK(!exists(CORE), "a core after SIGTERM");
}

static void test_refusals(void)
{
	struct stat st;

	REQUIRE(chmod(".", 0777) == 0, "chmod");
	check_killed("not dumpable", crash(RLIM_INFINITY, die_setuid), SIGSEGV, false);
	CHECK(!exists(CORE), "a core of a process whose euid is not its uid");
	REQUIRE(mkdir(CORE, 0755) == 0, "mkdir core");
	check_killed("core a directory", crash(RLIM_INFINITY, die_segv), SIGSEGV, false);
	CHECK(stat(CORE, &st) == 0 && S_ISDIR(st.st_mode), "the directory core is gone");
	rmdir(CORE);
	REQUIRE(chmod(".", 0755) == 0, "chmod");
}

/* A child that becomes uid 1000 and runs this program again to crash. */
static int crash_as_user(const char *self)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		char *argv[] = { (char *)self, CRASH_ARG, NULL };
		set_core_limit(RLIM_INFINITY);
		REQUIRE(setgid(USER_GID) == 0 && setuid(USER_UID) == 0, "setuid");
		execv(self, argv);
		FAIL("execv %s", self);
		child_exit();
	}
	chld_code = 0;
	return wait_status(pid);
}

/* An empty ./core of root's, mode 0666. */
static void make_root_core(void)
{
	int fd = open(CORE, O_WRONLY | O_CREAT | O_TRUNC, 0666);

	REQUIRE(fd >= 0, "create core");
	close(fd);
	REQUIRE(chmod(CORE, 0666) == 0, "chmod core");
}

static void test_other_user(const char *self)
{
	struct stat st;

	REQUIRE(chmod(".", 0777) == 0, "chmod");
	make_root_core();
	check_killed("uid 1000", crash_as_user(self), SIGSEGV, true);
	check_mode_owner("uid 1000", USER_UID);
	unlink(CORE);
	REQUIRE(chmod(".", 0755) == 0, "chmod");
	make_root_core();
	check_killed("root's core", crash_as_user(self), SIGSEGV, false);
	CHECK(stat(CORE, &st) == 0 && st.st_size == 0 && st.st_uid == 0,
	      "root's core was written over");
	unlink(CORE);
	check_killed("unwritable directory", crash_as_user(self), SIGSEGV, false);
	CHECK(!exists(CORE), "a core in a directory uid 1000 may not write");
}

int main(int argc, char **argv)
{
	struct sigaction sa;

	if (argc == 2 && strcmp(argv[1], CRASH_ARG) == 0)
		fault_here();
	REQUIRE(argv[0][0] == '/', "run me by an absolute path, not %s", argv[0]);
	REQUIRE(getuid() == 0, "this test runs as root");
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = record_chld;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigaction(SIGCHLD, &sa, NULL);
	umask(TEST_UMASK);
	mkdir(DIR, 0755);
	REQUIRE(chdir(DIR) == 0, "chdir %s", DIR);
	unlink(CORE);
	test_segv();
	test_other_signals();
	test_limits();
	test_refusals();
	test_other_user(argv[0]);
	chdir("/");
	rmdir(DIR);
	return test_done("core_dump");
}
