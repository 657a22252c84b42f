/*
 * shm_leak - shared memory gives back every page frame and byte of kernel
 * heap it takes, however a segment ends.  After a warm-up round the
 * parent records the open descriptors and the kernel's free frames, heap
 * use and process slots (kstat), then runs, checking after each part
 * that all are back where they were:
 *  - CYCLES rounds of create, attach, touch every page, detach, remove;
 *  - CYCLES rounds of create, attach, touch, remove while attached, then
 *    detach (the last detach frees the segment);
 *  - CHILD_CYCLES rounds in which a child attaches, touches, and exits
 *    without detaching, and the parent removes the segment;
 *  - CHILD_CYCLES rounds in which a forked child inherits an attach and
 *    exits, and the parent detaches and removes.
 * Linux has no kstat: there the cycles run and their calls are checked,
 * but only the descriptors are compared.
 */
#include "ipc_test.h"

#define MODE		0600
#define PAGE		4096
#define NPAGES		4
#define CYCLES		1000
#define CHILD_CYCLES	50

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
	struct leak_mark before;
	int i;

	cycle(false);
	cycle(true);
	child_cycle(false);
	child_cycle(true);
	mark_leaks(&before);

	for (i = 0; i < CYCLES && cycle(false); i++)
		;
	CHECK_LEAKS("create/attach/touch/detach/remove", &before);
	for (i = 0; i < CYCLES && cycle(true); i++)
		;
	CHECK_LEAKS("removal while attached", &before);
	for (i = 0; i < CHILD_CYCLES && child_cycle(false); i++)
		;
	CHECK_LEAKS("attached by a child that exits", &before);
	for (i = 0; i < CHILD_CYCLES && child_cycle(true); i++)
		;
	CHECK_LEAKS("attach inherited by a child", &before);
	return test_done("shm_leak");
}
