/*
 * abi_mmap - anonymous mappings as Linux has them: mmap2 (through
 * mmap), old_mmap (90), munmap, mprotect.  Pages are zero and come on
 * first touch (a 256 MiB mapping costs nothing untouched); PROT_NONE and
 * read-only pages fault with SIGSEGV and keep their contents; munmap
 * removes pages (and a middle piece splits a mapping); MAP_FIXED
 * replaces what was there; a private mapping is copied by fork, a shared
 * one is shared; mprotect also works on the program's own pages.  Errors:
 * EINVAL (length 0, no type, unaligned fixed address or offset, bad
 * prot), ENOMEM (mprotect on an unmapped page, too long), EBADF.
 */
#include <sys/mman.h>
#include <sys/syscall.h>
#include "test.h"

#define PAGE		4096
#define BIG		(256u << 20)

static char data_page[PAGE] __attribute__((aligned(PAGE))) = { 1 };

/* Does touching p (writing if write) kill a child with SIGSEGV? */
static bool faults(volatile char *p, bool write)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
		_exit(0);
	}
	return child_killed_by(pid, SIGSEGV);
}

static void check_errors(void)
{
	char *p;

	CHECK_ERRNO("length 0", mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
		    EINVAL);
	CHECK_ERRNO("neither private nor shared",
		    mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL);
	CHECK_ERRNO("unaligned fixed address", mmap((void *)0x10001000 + 1, PAGE, PROT_READ,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), EINVAL);
	CHECK_ERRNO("too long", mmap(NULL, 0xfffff000u, PROT_READ,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), ENOMEM);
	CHECK_ERRNO("file mapping of a closed fd", mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 77, 0),
		    EBADF);
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	REQUIRE(p != MAP_FAILED, "mmap");
	CHECK_ERR(munmap(p + 1, PAGE), EINVAL);
	CHECK_ERR(munmap(p, 0), EINVAL);
	CHECK_ERR(mprotect(p + 1, PAGE, PROT_READ), EINVAL);
	CHECK_ERR(mprotect(p, PAGE, 0x40000), EINVAL);
	CHECK_EQ("mprotect of length 0", mprotect(p, 0, PROT_READ), 0);
	CHECK_EQ("munmap", munmap(p, PAGE), 0);
	CHECK_ERR(mprotect(p, PAGE, PROT_READ), ENOMEM);
	CHECK_EQ("munmap of an unmapped range", munmap(p, PAGE), 0);
}

static void check_old_mmap(void)
{
	unsigned long args[6] = { 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				  (unsigned long)-1, 0 };
	long r = syscall(__NR_mmap, args);
	char *p = (char *)r;

	CHECK(r != -1 && r % PAGE == 0, "old_mmap: %#lx", r);
	if (r != -1) {
		p[0] = 5;
		CHECK_EQ("old_mmap page", p[0], 5);
		munmap(p, PAGE);
	}
	args[5] = 100;
	CHECK_ERRNO("old_mmap unaligned offset", syscall(__NR_mmap, args), EINVAL);
	CHECK_ERRNO("old_mmap bad pointer", syscall(__NR_mmap, (void *)16), EFAULT);
}

int main(void)
{
	char *p, *big, *s;
	pid_t pid;

	check_errors();
	check_old_mmap();

	p = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	REQUIRE(p != MAP_FAILED, "mmap 4 pages");
	CHECK_EQ("page aligned", (unsigned long)p % PAGE, 0);
	CHECK_EQ("zero filled", p[0] | p[PAGE] | p[4 * PAGE - 1], 0);
	memset(p, 'a', 4 * PAGE);

	/* fork: private pages are copied. */
	pid = test_fork();
	if (pid == 0) {
		CHECK_EQ("child sees the parent's data", p[PAGE], 'a');
		p[PAGE] = 'c';
		child_exit();
	}
	CHECK(child_ok(pid), "child");
	CHECK_EQ("the child's write stays its own", p[PAGE], 'a');

	/* PROT_NONE and read-only pages fault but keep their data. */
	CHECK_EQ("mprotect PROT_NONE", mprotect(p + PAGE, PAGE, PROT_NONE), 0);
	CHECK(faults(p + PAGE, false), "reading a PROT_NONE page");
	CHECK_EQ("mprotect PROT_READ", mprotect(p + PAGE, PAGE, PROT_READ), 0);
	CHECK_EQ("read-only page kept its data", p[PAGE], 'a');
	CHECK(faults(p + PAGE, true), "writing a read-only page");
	CHECK_EQ("mprotect back to read-write", mprotect(p + PAGE, PAGE, PROT_READ | PROT_WRITE), 0);
	p[PAGE] = 'b';
	CHECK_EQ("writable again", p[PAGE], 'b');
	CHECK_ERRNO("write() from a PROT_NONE buffer", (mprotect(p, PAGE, PROT_NONE),
		    write(1, p, 1)), EFAULT);
	mprotect(p, PAGE, PROT_READ | PROT_WRITE);

	/* munmap of a middle page splits the mapping. */
	CHECK_EQ("munmap a middle page", munmap(p + 2 * PAGE, PAGE), 0);
	CHECK(faults(p + 2 * PAGE, false), "reading an unmapped page");
	CHECK_EQ("the page after it", p[3 * PAGE], 'a');
	CHECK_ERR(mprotect(p, 4 * PAGE, PROT_READ), ENOMEM);

	/* MAP_FIXED replaces the old pages with zero ones. */
	s = mmap(p, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK(s == p, "MAP_FIXED at %p gave %p", (void *)p, (void *)s);
	CHECK_EQ("MAP_FIXED page is new", p[0], 0);
	CHECK_EQ("munmap all", munmap(p, 4 * PAGE), 0);

	/* A shared anonymous mapping is shared with the child. */
	s = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	REQUIRE(s != MAP_FAILED, "shared mmap");
	pid = test_fork();
	if (pid == 0) {
		s[10] = 'z';
		child_exit();
	}
	CHECK(child_ok(pid), "child");
	CHECK_EQ("the child's write to a shared mapping", s[10], 'z');
	munmap(s, PAGE);

	/* A big mapping costs only the pages touched. */
	big = mmap(NULL, BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	REQUIRE(big != MAP_FAILED, "mmap 256 MiB");
	big[0] = 1;
	big[BIG / 2] = 2;
	big[BIG - 1] = 3;
	CHECK_EQ("far pages", big[0] + big[BIG / 2] + big[BIG - 1], 6);
	CHECK_EQ("munmap 256 MiB", munmap(big, BIG), 0);

	/* mprotect on the program's own data. */
	CHECK_EQ("mprotect a data page", mprotect(data_page, PAGE, PROT_READ), 0);
	CHECK_EQ("its data", data_page[0], 1);
	CHECK(faults(data_page, true), "writing a read-only data page");
	CHECK_EQ("mprotect it back", mprotect(data_page, PAGE, PROT_READ | PROT_WRITE), 0);
	data_page[1] = 2;
	CHECK_EQ("written", data_page[1], 2);

	/* brk still works next to mappings. */
	void *b = sbrk(PAGE);
	CHECK(b != (void *)-1, "sbrk after mappings");
	return test_done("abi_mmap");
}
