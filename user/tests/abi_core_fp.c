/*
 * abi_core_fp - a core file carries the FPU and SSE registers as Linux's
 * i386 cores do, for gdb: NT_PRFPREG (owner "CORE") the x87 state in
 * fnsave's 108-byte layout, NT_PRXFPREG (owner "LINUX") fxsave's 512-byte
 * image with the xmm registers and MXCSR.  A child loads 1.0 into st(0),
 * a pattern into xmm0 and a rounding mode into MXCSR, then crashes; the
 * core must show them.  Run as root, in a fresh directory.
 */
#include <stdint.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include "test.h"

#define DIR		"/tmp/abi_core_fp"
#define CORE_MAX	(4u << 20)
#define PT_NOTE		4
#define NT_PRFPREG	2
#define NT_PRXFPREG	0x46e62b7fu
#define FSAVE_SIZE	108
#define FXSAVE_SIZE	512
#define FSAVE_ST0	28		/* after the 7-word environment */
#define FX_MXCSR	24
#define FX_XMM0		160
#define MXCSR_RZ	0x7f80		/* default, rounding toward zero */
#define NOTE_ALIGN	4

struct ehdr {
	unsigned char ident[16];
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

static const uint32_t pattern[4] = { 0xfeedface, 0x01020304, 0xa5a5a5a5, 0x77777777 };
static const unsigned char one[10] = { 0, 0, 0, 0, 0, 0, 0, 0x80, 0xff, 0x3f };	/* 1.0 */
static unsigned char buf[CORE_MAX];
static int *volatile null_pointer;

static _Noreturn void crash(void)
{
	unsigned int mxcsr = MXCSR_RZ;

	asm volatile("fninit\n\tfld1\n\t"
		     "movdqu (%0), %%xmm0\n\t"
		     "ldmxcsr %1" : : "r"(pattern), "m"(mxcsr) : "memory");
	*null_pointer = 1;
	_exit(1);
}

/* The descriptor of note type (owner owner) in the core, or NULL. */
static const unsigned char *find_note(size_t size, uint32_t type, const char *owner,
				      uint32_t descsz)
{
	const struct ehdr *eh = (const void *)buf;

	for (int i = 0; i < eh->phnum; i++) {
		const struct phdr *ph = (const void *)(buf + eh->phoff + (size_t)i * sizeof(*ph));
		size_t off, end;

		if (eh->phoff + (size_t)(i + 1) * sizeof(*ph) > size || ph->type != PT_NOTE)
			continue;
		off = ph->offset;
		end = (size_t)ph->offset + ph->filesz;
		while (end <= size && off + sizeof(struct note) <= end) {
			const struct note *n = (const void *)(buf + off);
			size_t name = off + sizeof(*n);
			size_t desc = name + ((n->namesz + NOTE_ALIGN - 1) & ~(NOTE_ALIGN - 1));

			if (n->type == type && n->descsz == descsz && desc + descsz <= end &&
			    n->namesz == strlen(owner) + 1 &&
			    memcmp(buf + name, owner, n->namesz) == 0)
				return buf + desc;
			off = desc + ((n->descsz + NOTE_ALIGN - 1) & ~(NOTE_ALIGN - 1));
		}
	}
	return NULL;
}

int main(void)
{
	struct rlimit unlimited = { RLIM_INFINITY, RLIM_INFINITY };
	const unsigned char *fsave, *fx;
	uint32_t xmm0[4], mxcsr;
	ssize_t size;
	pid_t pid;
	int fd;

	mkdir(DIR, 0755);
	REQUIRE(chdir(DIR) == 0, "chdir %s", DIR);
	unlink("core");
	REQUIRE(setrlimit(RLIMIT_CORE, &unlimited) == 0, "setrlimit");
	pid = test_fork();
	if (pid == 0)
		crash();
	CHECK(child_killed_by(pid, SIGSEGV), "the child crashed");
	fd = open("core", O_RDONLY);
	REQUIRE(fd >= 0, "no core file");
	size = read(fd, buf, sizeof(buf));
	close(fd);
	REQUIRE(size > (ssize_t)sizeof(struct ehdr) && memcmp(buf, "\177ELF", 4) == 0,
		"an ELF core");

	fsave = find_note((size_t)size, NT_PRFPREG, "CORE", FSAVE_SIZE);
	CHECK(fsave != NULL, "an NT_PRFPREG note of %d bytes", FSAVE_SIZE);
	if (fsave)
		CHECK(memcmp(fsave + FSAVE_ST0, one, sizeof(one)) == 0, "st(0) is 1.0 in NT_PRFPREG");
	fx = find_note((size_t)size, NT_PRXFPREG, "LINUX", FXSAVE_SIZE);
	CHECK(fx != NULL, "an NT_PRXFPREG note of %d bytes, owner LINUX", FXSAVE_SIZE);
	if (fx) {
		memcpy(xmm0, fx + FX_XMM0, sizeof(xmm0));
		memcpy(&mxcsr, fx + FX_MXCSR, sizeof(mxcsr));
		CHECK(memcmp(xmm0, pattern, sizeof(xmm0)) == 0, "xmm0 in NT_PRXFPREG: %08x",
		      xmm0[0]);
		CHECK_EQ("MXCSR in NT_PRXFPREG", mxcsr, MXCSR_RZ);
	}
	unlink("core");
	chdir("/");
	rmdir(DIR);
	return test_done("abi_core_fp");
}
