/*
 * rlimit_stack - RLIMIT_STACK bounds how far the stack grows, as on
 * Linux: with the soft limit at LIMIT a process can use stack well within
 * it, and touching stack beyond it is a segmentation fault (SIGSEGV kills
 * the process); with the limit raised the same depth works.
 */
#include "test.h"
#include <sys/resource.h>

#define PAGE		4096
#define LIMIT		(256 * 1024)
#define WITHIN		(128 * 1024)
#define BEYOND		(1024 * 1024)

/* Write to every page of the `depth` bytes below this frame, top down. */
static void __attribute__((noinline)) touch_stack(long depth)
{
	volatile char *sp = __builtin_frame_address(0);

	for (long off = PAGE; off <= depth; off += PAGE)
		sp[-off] = 1;
}

static void set_stack_limit(rlim_t cur)
{
	struct rlimit lim;

	REQUIRE(getrlimit(RLIMIT_STACK, &lim) == 0, "getrlimit(RLIMIT_STACK)");
	lim.rlim_cur = cur;
	REQUIRE(setrlimit(RLIMIT_STACK, &lim) == 0, "setrlimit(RLIMIT_STACK)");
}

static void grow(void *arg)
{
	struct rlimit nocore = { 0, 0 };

	REQUIRE(setrlimit(RLIMIT_CORE, &nocore) == 0, "setrlimit(RLIMIT_CORE)");
	set_stack_limit(LIMIT);
	touch_stack(WITHIN);
	touch_stack((long)arg);
	child_exit();
}

static void grow_unlimited(void *unused)
{
	(void)unused;
	set_stack_limit(LIMIT);
	set_stack_limit(BEYOND * 4);
	touch_stack(BEYOND);
	child_exit();
}

int main(void)
{
	struct leak_mark before;
	int status;

	fflush(stdout);
	mark_leaks(&before);
	CHECK_EQ("stack within the limit", run_child(grow, (void *)(long)WITHIN), 0);
	status = run_child(grow, (void *)(long)BEYOND);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "stack past the limit: status %#x, expected killed by SIGSEGV", status);
	CHECK_EQ("stack with the limit raised", run_child(grow_unlimited, NULL), 0);
	CHECK_LEAKS("after the children ended", &before);
	return test_done("rlimit_stack");
}
