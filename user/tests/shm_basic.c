/*
 * shm_basic - shmget, shmat and shmdt in one process (and its children
 * where a fault is the expected outcome):
 *  - shmget: size 0 EINVAL, above shmmax EINVAL, more than shmall pages
 *    in all ENOSPC (these two on this kernel: Linux's limits are beyond
 *    any 32-bit size), an existing segment asked for
 *    more than its size EINVAL (less, or 0, is fine); shm_segsz is the
 *    size asked for, the memory whole pages, zero-filled;
 *  - shmat at a kernel-chosen address (page aligned) or a given one; an
 *    unaligned address is EINVAL unless SHM_RND rounds it down; an
 *    address overlapping a mapping (another attach, the program) is
 *    EINVAL, and so is one in the kernel's half (on this kernel);
 *  - the last page of a segment is usable, the byte after it faults;
 *  - SHM_RDONLY: reads work, a write is SIGSEGV;
 *  - two attaches of one segment in one process show the same memory;
 *  - system calls read and write untouched segment pages (read() into a
 *    read-only attach is EFAULT);
 *  - shmdt: EINVAL for an address that is not the start of an attach, or
 *    one already detached; a detached address faults;
 *  - shmat of a bad or removed id is EINVAL, while (as in Linux) a
 *    segment marked for removal can still be attached by its id.
 */
#include <stdint.h>
#include "ipc_test.h"

#define MODE		0600
#define PAGE		4096
#define ODD_SIZE	5000	/* rounds up to 2 pages */
#define ODD_PAGES	2
#define FILL		0x5a
#define RND_OFFSET	100
#define KERNEL_ADDR	((void *)0xC0000000)

static struct shminfo limits;

static void *attach(int id, const void *addr, int flags)
{
	void *p = shmat(id, addr, flags);

	CHECK(p != (void *)-1, "shmat(%d, %p, %#x)", id, addr, flags);
	return p == (void *)-1 ? NULL : p;
}

/*
 * This kernel's SHMALL: segments of shmmax bytes, then one of the pages
 * left, fill the shmall pages exactly; one byte more is ENOSPC (Linux's
 * limits are far beyond a 32-bit process).  The last page of the first
 * segment can be touched.
 */
static void test_shmall(void)
{
	unsigned long per_seg = limits.shmmax / PAGE, left, first = 0;
	struct shm_info usage;
	int ids[SHMMNI], n = 0;
	char *p;

	if (shmctl(0, SHM_INFO, (struct shmid_ds *)&usage) < 0) {
		CHECK(0, "SHM_INFO");
		return;
	}
	left = limits.shmall - usage.shm_tot;
	while (left > 0 && n < SHMMNI - usage.used_ids - 1) {
		unsigned long pages = left < per_seg ? left : per_seg;

		ids[n] = new_shm(pages * PAGE, MODE);
		if (ids[n] < 0)
			break;
		if (n == 0)
			first = pages * PAGE;
		left -= pages;
		n++;
	}
	CHECK(left == 0, "%lu of the shmall pages left unused", left);
	CHECK_ERR(shmget(IPC_PRIVATE, 1, IPC_CREAT | MODE), ENOSPC);
	p = n > 0 ? attach(ids[0], NULL, 0) : NULL;
	if (p) {
		p[first - 1] = FILL;
		CHECK(p[first - 1] == FILL, "last byte of a segment of %lu bytes", first);
		CHECK(shmdt(p) == 0, "shmdt");
	}
	while (n > 0)
		CHECK(shmctl(ids[--n], IPC_RMID, NULL) == 0, "IPC_RMID");
}

static void test_shmget(void)
{
	key_t key = test_key(0x54000000);
	struct shmid_ds ds;
	int id;

	CHECK_ERR(shmget(IPC_PRIVATE, 0, IPC_CREAT | MODE), EINVAL);
	if (on_this_kernel())	/* Linux's shmmax exceeds any 32-bit size */
		CHECK_ERR(shmget(IPC_PRIVATE, limits.shmmax + 1, IPC_CREAT | MODE),
			  EINVAL);
	id = track(KIND_SHM, shmget(key, ODD_SIZE, IPC_CREAT | IPC_EXCL | MODE));
	CHECK(id >= 0, "shmget of key %#x", key);
	CHECK_ERR(shmget(key, ODD_SIZE + 1, 0), EINVAL);
	CHECK(shmget(key, ODD_SIZE, 0) == id && shmget(key, 1, 0) == id &&
	      shmget(key, 0, 0) == id, "shmget of the existing key, size <= %d",
	      ODD_SIZE);
	CHECK(shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_segsz == ODD_SIZE,
	      "shm_segsz %zu, expected %d", ds.shm_segsz, ODD_SIZE);
}

/* The whole of the last page is there, zero-filled; the next byte faults. */
static void test_extent(void)
{
	int id = new_shm(ODD_SIZE, MODE), id2 = new_shm(ODD_PAGES * PAGE + PAGE, MODE);
	unsigned char *p, *base;
	size_t i;
	pid_t pid;

	/* Make room of three pages, then put the 2-page segment at its start. */
	base = attach(id2, NULL, 0);
	if (!base)
		return;
	CHECK(((uintptr_t)base & (PAGE - 1)) == 0, "shmat address %p not aligned",
	      (void *)base);
	CHECK(shmdt(base) == 0, "shmdt");
	p = attach(id, base, 0);
	if (!p)
		return;
	CHECK(p == base, "shmat at %p returned %p", (void *)base, (void *)p);
	for (i = 0; i < ODD_PAGES * PAGE && p[i] == 0; i++)
		;
	CHECK(i == ODD_PAGES * PAGE, "byte %zu of a new segment is %#x", i, p[i]);
	memset(p, FILL, ODD_PAGES * PAGE);

	pid = test_fork();
	if (pid == 0) {
		p[ODD_PAGES * PAGE] = FILL;	/* one past the end */
		_exit(0);
	}
	CHECK(child_killed_by(pid, SIGSEGV), "a write past the last page did not fault");
	CHECK(shmdt(p) == 0, "shmdt");

	pid = test_fork();
	if (pid == 0)
		_exit(p[0]);		/* detached: must fault */
	CHECK(child_killed_by(pid, SIGSEGV),
	      "a read of a detached address did not fault");
}

static void test_addresses(void)
{
	int id = new_shm(PAGE, MODE);
	char *a, *b;

	a = attach(id, NULL, 0);
	if (!a)
		return;
	/* Overlapping an attach, or the program's own text: EINVAL. */
	CHECK_ERR(shmat(id, a, 0), EINVAL);
	CHECK_ERR(shmat(id, (void *)((uintptr_t)&test_addresses & ~(PAGE - 1)), 0),
		  EINVAL);
	CHECK(shmdt(a) == 0, "shmdt");

	CHECK_ERR(shmat(id, a + RND_OFFSET, 0), EINVAL);
	b = attach(id, a + RND_OFFSET, SHM_RND);
	CHECK(b == a, "SHM_RND: %p rounded to %p, expected %p",
	      (void *)(a + RND_OFFSET), (void *)b, (void *)a);
	CHECK_ERR(shmdt(b + RND_OFFSET), EINVAL);
	CHECK(b && shmdt(b) == 0, "shmdt");
	CHECK_ERR(shmdt(b), EINVAL);
	CHECK_ERR(shmdt(&limits), EINVAL);
	if (on_this_kernel())	/* Linux gives a 32-bit process all 4 GiB */
		CHECK_ERR(shmat(id, KERNEL_ADDR, 0), EINVAL);
}

static void test_rdonly(void)
{
	int id = new_shm(PAGE, MODE);
	char *rw = attach(id, NULL, 0), *ro;
	pid_t pid;

	if (!rw)
		return;
	rw[0] = FILL;
	pid = test_fork();
	if (pid == 0) {
		ro = shmat(id, NULL, SHM_RDONLY);
		CHECK(ro != (void *)-1 && ro[0] == FILL, "read through SHM_RDONLY");
		if (failures)
			child_exit();
		ro[0] = 0;
		_exit(EXIT_CHILD_FAILED);
	}
	CHECK(child_killed_by(pid, SIGSEGV), "a write through SHM_RDONLY did not fault");
	CHECK(rw[0] == FILL, "the read-only attach changed the segment");
	CHECK(shmdt(rw) == 0, "shmdt");
}

/* Two attaches in one process: one memory, two counts. */
static void test_double_attach(void)
{
	int id = new_shm(PAGE, MODE);
	struct shmid_ds ds;
	char *a = attach(id, NULL, 0), *b = attach(id, NULL, 0);

	if (!a || !b)
		return;
	CHECK(a != b, "two attaches at one address %p", (void *)a);
	a[1] = FILL;
	CHECK(b[1] == FILL, "the second attach does not see the first's write");
	CHECK(shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_nattch == 2,
	      "shm_nattch %lu with two attaches", ds.shm_nattch);
	CHECK(shmdt(a) == 0 && b[1] == FILL, "the other attach after one shmdt");
	CHECK(shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_nattch == 1,
	      "shm_nattch %lu after one shmdt", ds.shm_nattch);
	CHECK(shmdt(b) == 0, "shmdt");
}

/* System calls reach segment pages too, faulting them in as a touch would. */
static void test_kernel_access(void)
{
	int id = new_shm(2 * PAGE, MODE), fds[2];
	char *p = attach(id, NULL, 0), *ro = attach(id, NULL, SHM_RDONLY);

	if (!p || !ro || pipe(fds) < 0) {
		CHECK(0, "setting up");
		return;
	}
	CHECK(write(fds[1], "hello", 5) == 5, "write to the pipe");
	CHECK(read(fds[0], p + PAGE, 5) == 5 && memcmp(p + PAGE, "hello", 5) == 0,
	      "read() into an untouched page of the segment");
	CHECK(memcmp(ro + PAGE, "hello", 5) == 0,
	      "the read-only attach does not see what read() stored");
	CHECK(write(fds[1], p, 5) == 5, "write() from an untouched page");
	CHECK(read(fds[0], p + PAGE, 5) == 5 && p[PAGE] == 0 && p[PAGE + 4] == 0,
	      "the untouched page did not read as zeros");
	CHECK(write(fds[1], "x", 1) == 1, "write to the pipe");
	CHECK_ERR(read(fds[0], ro, 1), EFAULT);
	close(fds[0]);
	close(fds[1]);
	CHECK(shmdt(p) == 0 && shmdt(ro) == 0, "shmdt");
}

static void test_ids(void)
{
	int id = new_shm(PAGE, MODE);
	char *a, *b;

	CHECK_ERR(shmat(-1, NULL, 0), EINVAL);
	a = attach(id, NULL, 0);
	if (!a)
		return;
	a[0] = FILL;
	CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	b = shmat(id, NULL, 0);
	CHECK(b != (void *)-1 && b[0] == FILL,
	      "shmat of a segment marked for removal (Linux allows it)");
	if (b != (void *)-1)
		shmdt(b);
	CHECK(shmdt(a) == 0, "shmdt");
	CHECK_ERR(shmat(id, NULL, 0), EINVAL);
}

int main(void)
{
	CHECK(shmctl(0, IPC_INFO, (struct shmid_ds *)&limits) >= 0,
	      "shmctl IPC_INFO");
	test_extent();
	test_shmget();
	if (on_this_kernel())
		test_shmall();
	test_addresses();
	test_rdonly();
	test_double_attach();
	test_kernel_access();
	test_ids();
	return test_done("shm_basic");
}
