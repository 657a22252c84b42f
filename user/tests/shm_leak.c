/*
 * shm_leak - shared memory gives back every page frame and byte of kernel
 * heap it takes, however a segment ends.  After a warm-up round the
 * parent records the kernel's free frames and heap use (kstat), then
 * runs, checking after each part that both are back where they were:
 *  - CYCLES rounds of create, attach, touch every page, detach, remove;
 *  - CYCLES rounds of create, attach, touch, remove while attached, then
 *    detach (the last detach frees the segment);
 *  - CHILD_CYCLES rounds in which a child attaches, touches, and exits
 *    without detaching, and the parent removes the segment;
 *  - CHILD_CYCLES rounds in which a forked child inherits an attach and
 *    exits, and the parent detaches and removes.
 * Linux has no kstat: there the cycles run and their calls are checked,
 * but no counts are compared.
 */
#include "ipc_test.h"

#define MODE		0600
#define PAGE		4096
#define NPAGES		4
#define CYCLES		1000
#define CHILD_CYCLES	50

struct counts {
	unsigned long free_frames;
	unsigned long heap_used;
};

static bool have_kstat = true;

static void get_counts(struct counts *c)
{
	struct kstat_info info = { 0 };

	if (have_kstat && kstat(KSTAT_INFO, &info, sizeof(info)) < 0) {
		printf("shm_leak: kstat: errno %d - not this kernel? counts not checked\n",
		       errno);
		have_kstat = false;
	}
	c->free_frames = info.free_frames;
	c->heap_used = info.heap_used;
}

static void compare(const char *part, const struct counts *before)
{
	struct counts after;

	get_counts(&after);
	if (!have_kstat)
		return;
	CHECK(after.free_frames == before->free_frames,
	      "%s: %lu free frames, %lu before", part, after.free_frames,
	      before->free_frames);
	CHECK(after.heap_used == before->heap_used,
	      "%s: %lu heap bytes used, %lu before", part, after.heap_used,
	      before->heap_used);
}

static void touch(volatile char *p)
{
	for (int i = 0; i < NPAGES; i++)
		p[i * PAGE] = (char)i;
}

/* One segment's life; remove_first removes it while still attached. */
static bool cycle(bool remove_first)
{
	int id = shmget(IPC_PRIVATE, NPAGES * PAGE, IPC_CREAT | MODE);
	char *p;

	if (id < 0) {
		CHECK(0, "shmget");
		return false;
	}
	p = shmat(id, NULL, 0);
	if (p == (void *)-1) {
		CHECK(0, "shmat");
		shmctl(id, IPC_RMID, NULL);
		return false;
	}
	touch(p);
	if (remove_first) {
		CHECK(shmctl(id, IPC_RMID, NULL) == 0 && shmdt(p) == 0,
		      "IPC_RMID then shmdt");
	} else {
		CHECK(shmdt(p) == 0 && shmctl(id, IPC_RMID, NULL) == 0,
		      "shmdt then IPC_RMID");
	}
	return failures == 0;
}

/* A child attaches (or inherits the parent's attach), touches, exits. */
static bool child_cycle(bool inherit)
{
	int id = shmget(IPC_PRIVATE, NPAGES * PAGE, IPC_CREAT | MODE);
	char *p = NULL;
	pid_t pid;

	if (id < 0) {
		CHECK(0, "shmget");
		return false;
	}
	if (inherit && (p = shmat(id, NULL, 0)) == (void *)-1) {
		CHECK(0, "shmat");
		shmctl(id, IPC_RMID, NULL);
		return false;
	}
	pid = test_fork();
	if (pid == 0) {
		if (!inherit)
			p = shmat(id, NULL, 0);
		if (p == (void *)-1)
			_exit(EXIT_CHILD_FAILED);
		touch(p);
		_exit(0);
	}
	CHECK(child_ok(pid), "child touching the segment");
	if (inherit)
		CHECK(shmdt(p) == 0, "shmdt");
	CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	return failures == 0;
}

int main(void)
{
	struct counts before;
	int i;

	cycle(false);
	cycle(true);
	child_cycle(false);
	child_cycle(true);
	get_counts(&before);

	for (i = 0; i < CYCLES && cycle(false); i++)
		;
	compare("create/attach/touch/detach/remove", &before);
	for (i = 0; i < CYCLES && cycle(true); i++)
		;
	compare("removal while attached", &before);
	for (i = 0; i < CHILD_CYCLES && child_cycle(false); i++)
		;
	compare("attached by a child that exits", &before);
	for (i = 0; i < CHILD_CYCLES && child_cycle(true); i++)
		;
	compare("attach inherited by a child", &before);
	return test_result("shm_leak");
}
