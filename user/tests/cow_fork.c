/*
 * cow_fork - fork shares memory copy-on-write, and nobody can tell.
 *
 * After fork, parent and child map the same frames read-only: fork itself
 * takes only a few frames (page tables), and each page gets copied on its
 * first write - by the process, or by the kernel writing into it (read()
 * into a buffer).  Writes never show through to the other process, in
 * either direction, and once the child is gone every frame is back.
 */
#include <sys/kstat.h>
#include "test.h"

#define PAGE		4096
#define NPAGES		64
#define FORK_FRAMES	32	/* at most this much for page tables and such */

static char *area;

static unsigned long frames_now(void)
{
	struct kstat_info k;

	REQUIRE(kstat(KSTAT_INFO, &k, sizeof(k)) == 0, "kstat");
	return k.free_frames;
}

/* A byte through the pipe: a used pipe keeps one page of its ring, so
 * the frame count is taken with the pipes' pages already there. */
static void use_pipe(int fds[2])
{
	char c = 'w';

	REQUIRE(write(fds[1], &c, 1) == 1 && read(fds[0], &c, 1) == 1, "pipe warm-up");
}

static bool area_is(char c, int from, int to)
{
	for (int i = from; i < to; i++)
		if (area[i * PAGE] != c || area[i * PAGE + PAGE - 1] != c)
			return false;
	return true;
}

int main(void)
{
	int to_child[2], to_parent[2];
	unsigned long before, after_fork;
	pid_t pid;
	char c;

	area = malloc(NPAGES * PAGE);
	REQUIRE(area && pipe(to_child) == 0 && pipe(to_parent) == 0, "setup");
	memset(area, 'p', NPAGES * PAGE);
	use_pipe(to_child);
	use_pipe(to_parent);
	before = frames_now();
	pid = test_fork();
	if (pid == 0) {
		read(to_child[0], &c, 1);		/* the parent has measured */
		CHECK(area_is('p', 0, NPAGES), "child sees the parent's data");
		memset(area, 'c', NPAGES / 2 * PAGE);	/* half by writing */
		CHECK(write(to_parent[1], "x", 1) == 1, "write to parent");
		read(to_child[0], &c, 1);		/* the parent has looked */
		/* the other half through the kernel: read() into COW pages */
		for (int i = NPAGES / 2; i < NPAGES; i++) {
			char page[PAGE];
			memset(page, 'k', PAGE);
			CHECK(write(to_parent[1], page, PAGE) == PAGE, "pipe write");
			CHECK(read(to_child[0], area + i * PAGE, PAGE) == PAGE, "read into COW");
		}
		CHECK(area_is('c', 0, NPAGES / 2) && area_is('k', NPAGES / 2, NPAGES),
		      "child sees its own writes");
		child_exit();
	}
	after_fork = frames_now();
	CHECK(before - after_fork <= FORK_FRAMES, "fork took %lu frames", before - after_fork);
	CHECK(write(to_child[1], "x", 1) == 1, "write to child");
	CHECK(read(to_parent[0], &c, 1) == 1, "child wrote");
	CHECK(after_fork - frames_now() >= NPAGES / 2, "the child's writes made copies");
	CHECK(area_is('p', 0, NPAGES), "parent does not see the child's writes");
	area[0] = 'P';					/* the parent writes too */
	CHECK(write(to_child[1], "x", 1) == 1, "write to child");
	for (int i = NPAGES / 2; i < NPAGES; i++) {
		char page[PAGE];
		CHECK(read(to_parent[0], page, PAGE) == PAGE, "pipe read");
		CHECK(write(to_child[1], page, PAGE) == PAGE, "pipe echo");
	}
	CHECK(child_ok(pid), "child");
	CHECK(area[0] == 'P' && area_is('p', 1, NPAGES), "parent's data after the child");
	CHECK(frames_now() == before, "frames %lu after, %lu before", frames_now(), before);
	return test_done("cow_fork");
}
