/*
 * rlimit_data - RLIMIT_DATA bounds the program break, as on Linux (which
 * counts the heap plus the program's initialized and zeroed data): with
 * the soft limit at LIMIT, growing the heap past it fails with ENOMEM and
 * leaves the break where it was, growing it by less still works (and the
 * memory is usable), shrinking always works, and once the limit is raised
 * the large request succeeds.
 */
#include "test.h"
#include <sys/resource.h>
#include <sys/syscall.h>

#define LIMIT		(1 << 20)
#define SMALL		(256 * 1024)
#define BIG		(2 << 20)

static void limited(void *unused)
{
	struct rlimit lim = { LIMIT, RLIM_INFINITY }, unlimited = { RLIM_INFINITY, RLIM_INFINITY };
	char *base, *p;

	(void)unused;
	base = sbrk(0);
	REQUIRE(setrlimit(RLIMIT_DATA, &lim) == 0, "setrlimit(RLIMIT_DATA)");
	CHECK_ERR(sbrk(BIG) == (void *)-1 ? -1 : 0, ENOMEM);
	CHECK(sbrk(0) == base, "the break moved on a failed sbrk");
	CHECK_EQ("the raw brk past the limit returns the old break",
		 syscall(__NR_brk, base + BIG), (long)base);
	p = sbrk(SMALL);
	CHECK(p == base, "sbrk(%d) under the limit", SMALL);
	if (p == base) {
		memset(p, 1, SMALL);
		CHECK_EQ("shrink the heap", brk(base), 0);
	}
	REQUIRE(setrlimit(RLIMIT_DATA, &unlimited) == 0, "raise RLIMIT_DATA");
	CHECK(sbrk(BIG) == base, "sbrk(%d) with no limit", BIG);
	child_exit();
}

int main(void)
{
	struct leak_mark before;

	fflush(stdout);
	mark_leaks(&before);
	CHECK_EQ("the limited child", run_child(limited, NULL), 0);
	CHECK_LEAKS("after the child ended", &before);
	return test_done("rlimit_data");
}
