/*
 * abi_exec - what execve does with a program, as Linux does it:
 *  - the auxiliary vector: AT_PAGESZ, AT_PHDR/AT_PHENT/AT_PHNUM (the
 *    program's headers in memory), AT_ENTRY, the ids, AT_RANDOM (16
 *    bytes), AT_HWCAP (CPUID's edx: SSE), AT_CLKTCK, AT_SECURE,
 *    AT_EXECFN (the path), AT_PLATFORM ("i686");
 *  - small programs written here: a static ET_EXEC and a static-pie
 *    (ET_DYN) run; one with a 512 MiB bss runs (pages on first touch);
 *    one asking for an interpreter (PT_INTERP, dynamically linked) fails
 *    with ENOENT; malformed ones fail (ENOEXEC, or at worst the child
 *    dies) and the kernel carries on;
 *  - "#!" scripts: interpreter, one optional argument (the rest of the
 *    line), the script's path, then the arguments after argv[0]; no
 *    interpreter is ENOEXEC, a missing one ENOENT, a script run by
 *    itself ELOOP.
 */
#include <sys/auxv.h>
#include <sys/stat.h>
#include "test.h"

#define BASE		0x08048000u
#define CODE_OFF	0x100u
#define INTERP_OFF	0xc0u
#define BIG_BSS		(512u << 20)
#define EXIT_CODE	42

#define HWCAP_SSE	(1u << 25)

struct ehdr {
	unsigned char ident[16];
	unsigned short type, machine;
	unsigned int version, entry, phoff, shoff, flags;
	unsigned short ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
	unsigned int type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

struct image {
	struct ehdr eh;
	struct phdr ph[2];
	unsigned char pad[CODE_OFF - sizeof(struct ehdr) - 2 * sizeof(struct phdr)];
	unsigned char code[64];
};

extern char _start[];

/* mov eax, 1; mov ebx, EXIT_CODE; int 0x80 */
static const unsigned char exit_code[] = { 0xb8, 1, 0, 0, 0, 0xbb, EXIT_CODE, 0, 0, 0, 0xcd, 0x80 };

static void make_image(struct image *im, unsigned short type, unsigned int memsz)
{
	memset(im, 0, sizeof(*im));
	memcpy(im->eh.ident, "\177ELF\1\1\1", 7);
	im->eh.type = type;
	im->eh.machine = 3;
	im->eh.version = 1;
	im->eh.entry = BASE + CODE_OFF;
	im->eh.phoff = sizeof(struct ehdr);
	im->eh.ehsize = sizeof(struct ehdr);
	im->eh.phentsize = sizeof(struct phdr);
	im->eh.phnum = 1;
	im->ph[0].type = 1;
	im->ph[0].vaddr = im->ph[0].paddr = BASE;
	im->ph[0].filesz = sizeof(*im);
	im->ph[0].memsz = memsz ? memsz : sizeof(*im);
	im->ph[0].flags = 7;
	im->ph[0].align = 4096;
	memcpy(im->code, exit_code, sizeof(exit_code));
}

/* Code that writes the last and the middle byte of the bss, then exits. */
static void touch_bss(struct image *im)
{
	unsigned int ends[2] = { BASE + BIG_BSS - 1, BASE + BIG_BSS / 2 };
	unsigned char *c = im->code;

	for (int i = 0; i < 2; i++) {
		*c++ = 0xc6;			/* mov byte [addr], 1 */
		*c++ = 0x05;
		memcpy(c, &ends[i], 4);
		c += 4;
		*c++ = 1;
	}
	memcpy(c, exit_code, sizeof(exit_code));
}

static void write_file(const char *path, const void *data, size_t n)
{
	int fd;

	unlink(path);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	REQUIRE(fd >= 0, "create %s", path);
	REQUIRE(write(fd, data, n) == (ssize_t)n, "write %s", path);
	close(fd);
}

/* Run path (argv path, arg); its wait status, or -errno if exec failed. */
static int run(const char *path, const char *arg)
{
	int fds[2], err = 0, status;
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	pid = test_fork();
	if (pid == 0) {
		char *args[] = { (char *)path, (char *)arg, NULL };
		close(fds[0]);
		fcntl(fds[1], F_SETFD, FD_CLOEXEC);
		execv(path, args);
		err = errno;
		write(fds[1], &err, sizeof(err));
		_exit(0);
	}
	close(fds[1]);
	if (read(fds[0], &err, sizeof(err)) != sizeof(err))
		err = 0;
	close(fds[0]);
	status = wait_status(pid);
	return err ? -err : status;
}

static bool exited(int status, int code)
{
	return status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == code;
}

static void check_programs(void)
{
	struct image im;
	int st;

	make_image(&im, 2, 0);
	write_file("/tmp/abi_exec_plain", &im, sizeof(im));
	st = run("/tmp/abi_exec_plain", NULL);
	CHECK(exited(st, EXIT_CODE), "a static ET_EXEC program: status %#x", st);

	make_image(&im, 3, 0);
	write_file("/tmp/abi_exec_pie", &im, sizeof(im));
	st = run("/tmp/abi_exec_pie", NULL);
	CHECK(exited(st, EXIT_CODE), "a static-pie (ET_DYN) program: status %#x", st);

	make_image(&im, 2, BIG_BSS);
	touch_bss(&im);
	write_file("/tmp/abi_exec_bss", &im, sizeof(im));
	st = run("/tmp/abi_exec_bss", NULL);
	CHECK(exited(st, EXIT_CODE), "a program with a 512 MiB bss: status %#x", st);

	make_image(&im, 2, 0);
	im.eh.phnum = 2;
	im.ph[1].type = 3;			/* PT_INTERP */
	im.ph[1].offset = INTERP_OFF;
	im.ph[1].filesz = sizeof("/nonexistent/ld-linux.so.2");
	memcpy((char *)&im + INTERP_OFF, "/nonexistent/ld-linux.so.2",
	       sizeof("/nonexistent/ld-linux.so.2"));
	write_file("/tmp/abi_exec_dyn", &im, sizeof(im));
	CHECK_EQ("a dynamically linked program", run("/tmp/abi_exec_dyn", NULL), -ENOENT);

	write_file("/tmp/abi_exec_short", "\177ELF\1\1\1", 7);
	CHECK_EQ("a truncated ELF header", run("/tmp/abi_exec_short", NULL), -ENOEXEC);
	make_image(&im, 2, 0);
	im.eh.machine = 62;			/* x86-64 */
	write_file("/tmp/abi_exec_machine", &im, sizeof(im));
	CHECK_EQ("another machine", run("/tmp/abi_exec_machine", NULL), -ENOEXEC);
	make_image(&im, 2, 0);
	im.eh.phentsize = 20;
	write_file("/tmp/abi_exec_phent", &im, sizeof(im));
	CHECK_EQ("a wrong phentsize", run("/tmp/abi_exec_phent", NULL), -ENOEXEC);

	/* Linux kills these past the point of no return; here exec fails. */
	make_image(&im, 2, 0);
	im.ph[0].vaddr = 0xfffff000u;
	im.eh.entry = 0xfffff000u + CODE_OFF;
	write_file("/tmp/abi_exec_kernel", &im, sizeof(im));
	st = run("/tmp/abi_exec_kernel", NULL);
	CHECK(st < 0 || WIFSIGNALED(st), "a segment in kernel space: status %#x", st);
	make_image(&im, 2, 0);
	im.ph[0].filesz = 0x7fffffff;
	write_file("/tmp/abi_exec_long", &im, sizeof(im));
	st = run("/tmp/abi_exec_long", NULL);
	CHECK(st < 0 || WIFSIGNALED(st), "a segment past the end of the file: status %#x", st);
}

static void check_scripts(const char *self)
{
	char text[256];

	snprintf(text, sizeof(text), "#!%s  one  arg \t\necho not run\n", self);
	write_file("/tmp/abi_exec_script", text, strlen(text));
	CHECK(exited(run("/tmp/abi_exec_script", "last"), 0), "a #! script");
	write_file("/tmp/abi_exec_none", "#!\n", 3);
	CHECK_EQ("#! without an interpreter", run("/tmp/abi_exec_none", NULL), -ENOEXEC);
	write_file("/tmp/abi_exec_missing", "#!/nonexistent/sh\n", 18);
	CHECK_EQ("#! with a missing interpreter", run("/tmp/abi_exec_missing", NULL), -ENOENT);
	write_file("/tmp/abi_exec_loop", "#!/tmp/abi_exec_loop\n", 21);
	CHECK_EQ("a script that runs itself", run("/tmp/abi_exec_loop", NULL), -ELOOP);
}

/* Run as the interpreter of abi_exec_script. */
static int script_child(int argc, char **argv)
{
	CHECK_EQ("script argc", argc, 4);
	if (argc == 4) {
		CHECK(strcmp(argv[1], "one  arg") == 0, "the #! argument: '%s'", argv[1]);
		CHECK(strcmp(argv[2], "/tmp/abi_exec_script") == 0, "the script: '%s'", argv[2]);
		CHECK(strcmp(argv[3], "last") == 0, "the argument after argv[0]: '%s'", argv[3]);
	}
	return failures ? 1 : 0;
}

/* Check the auxiliary vector this process started with. */
static int auxv_child(char **argv, char **envp)
{
	unsigned int *av, val[64] = { 0 };
	const struct phdr *ph;
	bool entry_loaded = false;

	while (*envp)
		envp++;
	for (av = (unsigned int *)(envp + 1); av[0] != AT_NULL; av += 2)
		if (av[0] < 64)
			val[av[0]] = av[1];
	CHECK_EQ("AT_PAGESZ", val[AT_PAGESZ], 4096);
	CHECK_EQ("getauxval(AT_ENTRY)", getauxval(AT_ENTRY), val[AT_ENTRY]);
	errno = 0;
	CHECK(getauxval(AT_BASE + 1000) == 0 && errno == ENOENT,
	      "getauxval of a type not in the vector: 0 and ENOENT");
	CHECK_EQ("AT_ENTRY", val[AT_ENTRY], (unsigned int)_start);
	CHECK_EQ("AT_PHENT", val[AT_PHENT], sizeof(struct phdr));
	CHECK(val[AT_PHDR] && val[AT_PHNUM], "AT_PHDR %#x, AT_PHNUM %u", val[AT_PHDR],
	      val[AT_PHNUM]);
	ph = (const struct phdr *)val[AT_PHDR];
	for (unsigned int i = 0; ph && i < val[AT_PHNUM]; i++)
		if (ph[i].type == 1 && ph[i].vaddr <= val[AT_ENTRY] &&
		    val[AT_ENTRY] < ph[i].vaddr + ph[i].memsz)
			entry_loaded = true;
	CHECK(entry_loaded, "AT_PHDR's headers load the entry point");
	CHECK_EQ("AT_UID", val[AT_UID], getuid());
	CHECK_EQ("AT_EUID", val[AT_EUID], geteuid());
	CHECK_EQ("AT_GID", val[AT_GID], getgid());
	CHECK_EQ("AT_EGID", val[AT_EGID], getegid());
	CHECK_EQ("AT_SECURE", val[AT_SECURE], 0);
	CHECK_EQ("AT_CLKTCK", val[AT_CLKTCK], 100);
	CHECK(val[AT_HWCAP] & HWCAP_SSE, "AT_HWCAP %#x has SSE", val[AT_HWCAP]);
	CHECK(val[AT_RANDOM] != 0, "AT_RANDOM");
	if (val[AT_RANDOM]) {
		const unsigned char *r = (const unsigned char *)val[AT_RANDOM];
		int nonzero = 0;
		for (int i = 0; i < 16; i++)
			nonzero += r[i] != 0;
		CHECK(nonzero > 4, "AT_RANDOM's 16 bytes look random (%d nonzero)", nonzero);
	}
	CHECK(val[AT_PLATFORM] && strcmp((char *)val[AT_PLATFORM], "i686") == 0,
	      "AT_PLATFORM i686");
	CHECK(val[AT_EXECFN] && strcmp((char *)val[AT_EXECFN], argv[0]) == 0,
	      "AT_EXECFN is the path run");
	return failures ? 1 : 0;
}

int main(int argc, char **argv, char **envp)
{
	if (argc >= 2 && strcmp(argv[1], "auxv") == 0)
		return auxv_child(argv, envp);
	if (argc >= 2 && strncmp(argv[1], "one", 3) == 0)
		return script_child(argc, argv);
	REQUIRE(argv[0][0] == '/', "run me by an absolute path, not %s", argv[0]);
	CHECK(exited(run(argv[0], "auxv"), 0), "the auxiliary vector");
	check_programs();
	check_scripts(argv[0]);
	return test_done("abi_exec");
}
