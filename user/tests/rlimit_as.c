/*
 * rlimit_as - RLIMIT_AS bounds the whole address space, as on Linux:
 * with the soft limit at LIMIT,
 *  - growing the heap past it fails with ENOMEM (the break stays);
 *  - shmat of a segment that does not fit fails with ENOMEM (a small one
 *    still attaches), counting the attach's full size even untouched;
 *  - once the heap has taken everything up to the limit, growing the
 *    stack further is a segmentation fault;
 * and a child with no limit does all of that without trouble.
 */
#include "test.h"
#include <sys/resource.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#define PAGE		4096
#define LIMIT		(16 << 20)
#define BIG		(32 << 20)
#define SMALL_SHM	(64 * 1024)
#define HEAP_STEP	(64 * 1024)
#define STACK_DEPTH	(1 << 20)

static void __attribute__((noinline)) touch_stack(long depth)
{
	volatile char *sp = __builtin_frame_address(0);

	for (long off = PAGE; off <= depth; off += PAGE)
		sp[-off] = 1;
}

static void set_as_limit(rlim_t cur)
{
	struct rlimit lim = { cur, RLIM_INFINITY }, nocore = { 0, 0 };

	REQUIRE(setrlimit(RLIMIT_CORE, &nocore) == 0, "setrlimit(RLIMIT_CORE)");
	REQUIRE(setrlimit(RLIMIT_AS, &lim) == 0, "setrlimit(RLIMIT_AS)");
}

static void check_shmat(size_t size, bool fits)
{
	int id = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600);
	void *a;

	REQUIRE(id >= 0, "shmget(%zu)", size);
	a = shmat(id, NULL, 0);
	if (fits) {
		CHECK(a != (void *)-1, "shmat of %zu bytes under RLIMIT_AS", size);
		if (a != (void *)-1)
			CHECK_EQ("shmdt", shmdt(a), 0);
	} else {
		CHECK(a == (void *)-1 && errno == ENOMEM,
		      "shmat of %zu bytes past RLIMIT_AS: %p", size, a);
	}
	CHECK_EQ("IPC_RMID", shmctl(id, IPC_RMID, NULL), 0);
}

static void heap_and_shm(void *arg)
{
	bool limited = arg != NULL;
	char *base = sbrk(0);

	if (limited)
		set_as_limit(LIMIT);
	if (limited) {
		CHECK_ERR(sbrk(BIG) == (void *)-1 ? -1 : 0, ENOMEM);
		CHECK(sbrk(0) == base, "the break moved on a failed sbrk");
	} else {
		CHECK(sbrk(BIG) == base, "sbrk(%d) with no limit", BIG);
		CHECK_EQ("shrink", brk(base), 0);
	}
	check_shmat(BIG, !limited);
	check_shmat(SMALL_SHM, true);
	child_exit();
}

/* Fill the address space up to the limit with heap, then use stack. */
static void stack_after_heap(void *arg)
{
	bool limited = arg != NULL;
	long grown = 0;

	if (limited)
		set_as_limit(LIMIT);
	while (grown < LIMIT && sbrk(HEAP_STEP) != (void *)-1)
		grown += HEAP_STEP;
	CHECK(grown < LIMIT || !limited, "the heap grew %ld bytes under a %d limit",
	      grown, LIMIT);
	touch_stack(STACK_DEPTH);
	child_exit();
}

int main(void)
{
	struct leak_mark before;
	int status;

	fflush(stdout);
	mark_leaks(&before);
	CHECK_EQ("heap and shmat under RLIMIT_AS", run_child(heap_and_shm, "limited"), 0);
	CHECK_EQ("heap and shmat with no limit", run_child(heap_and_shm, NULL), 0);
	status = run_child(stack_after_heap, "limited");
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "stack growth past RLIMIT_AS: status %#x, expected killed by SIGSEGV",
	      status);
	CHECK_EQ("stack growth with no limit", run_child(stack_after_heap, NULL), 0);
	CHECK_LEAKS("after the children ended", &before);
	return test_done("rlimit_as");
}
