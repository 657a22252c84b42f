/*
 * mem_exhaust - running out of memory is an error, never a crash.
 *
 * Children use up physical memory in each way a program can - growing
 * the heap with brk and touching it, growing the stack without end,
 * filling files in /tmp, attaching and touching shared memory - until
 * the kernel says no (brk keeps the old break, the stack overflow is
 * SIGSEGV, write fails with ENOSPC, the shm page fault is SIGSEGV).  While
 * memory is short, fork fails cleanly.  When the children are gone and
 * the file is removed, every frame is free again.
 */
#include <sys/ipc.h>
#include <sys/shm.h>
#include "test.h"

#define PAGE		4096
#define CHUNK		(256 * PAGE)
#define FILE_PATH	"/tmp/mem_exhaust.%d"
#define MAX_FILES	64		/* a file holds at most 64 MiB (EFBIG) */

/* Grow the heap a chunk at a time, touching every page, until brk fails;
 * then in ever smaller steps down to a page, so that no frame is left
 * whatever the image's size (with a few left, the fork below could
 * succeed and its copy-on-write faults then find no frame). */
static void eat_heap(void *unused)
{
	(void)unused;
	for (size_t step = CHUNK; step >= PAGE; step /= 2) {
		char *p;

		while ((p = sbrk(step)) != (void *)-1)
			for (size_t i = 0; i < step; i += PAGE)
				p[i] = 1;
	}
	/* Memory is out now: fork must fail cleanly (or succeed if a page
	 * table still fits), never crash. */
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	if (pid > 0)
		waitpid(pid, NULL, 0);
	else
		CHECK(errno == ENOMEM || errno == EAGAIN, "fork under pressure: errno %d", errno);
	child_exit();
}

/* Recursion without end, a page of stack per call (the depth check only
 * keeps the compiler from seeing an infinite recursion). */
static int recurse(int depth)
{
	volatile char frame[PAGE];

	frame[0] = (char)depth;
	if (depth < 0)
		return 0;
	return recurse(depth + 1) + frame[0];
}

static void eat_stack(void *unused)
{
	(void)unused;
	recurse(0);
	_exit(0);
}

static void file_name(char *buf, size_t size, int i)
{
	snprintf(buf, size, FILE_PATH, i);
}

/* Fill files until the kernel has no page left for them. */
static void eat_files(void *unused)
{
	static char block[CHUNK];
	char name[64];
	ssize_t n = 0;

	(void)unused;
	for (int i = 0; i < MAX_FILES && !(n < 0 && errno == ENOSPC); i++) {
		int fd;
		file_name(name, sizeof(name), i);
		REQUIRE((fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0600)) >= 0,
			"open %s", name);
		while ((n = write(fd, block, sizeof(block))) > 0)
			;
		CHECK(n < 0 && (errno == ENOSPC || errno == EFBIG),
		      "write ended with %zd, errno %d", n, errno);
		close(fd);
	}
	CHECK(n < 0 && errno == ENOSPC, "memory never ran out (errno %d)", errno);
}

static void remove_files(void)
{
	char name[64];

	for (int i = 0; i < MAX_FILES; i++) {
		file_name(name, sizeof(name), i);
		unlink(name);
	}
}

static bool exited_ok(int status)
{
	return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static bool killed_by(int status, int sig)
{
	return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

/* Attach segments and touch them until a page cannot be had. */
static void eat_shm(void *unused)
{
	(void)unused;
	for (;;) {
		int id = shmget(IPC_PRIVATE, 8 << 20, 0600);
		char *p;
		if (id < 0)
			_exit(0);		/* SHMALL reached first: fine */
		p = shmat(id, NULL, 0);
		shmctl(id, IPC_RMID, NULL);
		if (p == (void *)-1)
			_exit(0);
		for (int i = 0; i < 8 << 20; i += PAGE)
			p[i] = 1;
	}
}

int main(void)
{
	struct leak_mark mark;
	int st;

	mark_leaks(&mark);
	st = run_child(eat_heap, NULL);
	CHECK(exited_ok(st), "heap child: status %#x", st);
	st = run_child(eat_stack, NULL);
	CHECK(killed_by(st, SIGSEGV), "stack child: status %#x", st);
	st = run_child(eat_files, NULL);
	CHECK(exited_ok(st), "file child: status %#x", st);
	remove_files();
	st = run_child(eat_shm, NULL);
	CHECK(exited_ok(st) || killed_by(st, SIGSEGV), "shm child: status %#x", st);
	CHECK_LEAKS("after running out of memory", &mark);
	return test_done("mem_exhaust");
}
