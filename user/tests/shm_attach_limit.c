/*
 * shm_attach_limit - an unprivileged process cannot overflow a page
 * frame's reference count through shared memory attaches and fork.
 *
 * As uid 65534 (nobody) a child makes one one-page segment and attaches
 * it up to ATTACHES times.  Every attach must succeed or fail with ENOMEM
 * (the per-process limit on mappings; Linux: vm.max_map_count, which
 * ATTACHES stays below), and at least MIN_ATTACHES must succeed.  It
 * touches every attach (one more mapping of the same frame each), then
 * forks FORKS children that all stay alive at once, each inheriting every
 * mapping, and checks in each that all attaches show the same page.  A
 * fork may fail (EAGAIN, ENOMEM), but the kernel must not panic.  When
 * all are gone, every frame, heap byte and process slot must be back
 * (kstat; Linux has none and compares descriptors only).
 */
#include "ipc_test.h"

#define NOBODY		65534
#define PAGE		4096
#define ATTACHES	4096
#define MIN_ATTACHES	16	/* SHMSEG/2: no kernel should allow fewer */
#define FORKS		16
#define MODE		0600
#define MAGIC		0x5a

static char *addrs[ATTACHES];

/* A forked holder: check the mappings, then wait for the parent to close
 * the pipe. */
static void hold(int nattached, int rfd)
{
	char c;

	for (int i = 0; i < nattached; i++)
		CHECK(addrs[i][0] == MAGIC, "holder: attach %d reads %d", i, addrs[i][0]);
	while (read(rfd, &c, 1) < 0 && errno == EINTR)
		;
	child_exit();
}

/* Attach as often as allowed; returns the count.  The first attach is
 * where the kernel chooses, the others each one page below the last. */
static int attach_all(int id)
{
	int n;

	for (n = 0; n < ATTACHES; n++) {
		addrs[n] = shmat(id, n ? addrs[n - 1] - PAGE : NULL, 0);
		if (addrs[n] == (void *)-1) {
			CHECK(errno == ENOMEM, "shmat %d: expected ENOMEM", n);
			break;
		}
	}
	CHECK(n >= MIN_ATTACHES, "only %d attaches succeeded", n);
	return n;
}

static void nobody_child(void *arg)
{
	pid_t pids[FORKS];
	int fds[2], id, n, nforked = 0;

	(void)arg;
	REQUIRE(become_user(NOBODY, NOBODY), "becoming uid %d", NOBODY);
	id = shmget(IPC_PRIVATE, PAGE, IPC_CREAT | MODE);
	REQUIRE(id >= 0, "shmget");
	n = attach_all(id);
	addrs[0][0] = MAGIC;
	for (int i = 0; i < n; i++)
		CHECK(addrs[i][0] == MAGIC, "attach %d reads %d", i, addrs[i][0]);
	REQUIRE(pipe(fds) == 0, "pipe");
	for (int i = 0; i < FORKS; i++) {
		fflush(stdout);
		pids[i] = fork();
		if (pids[i] == 0) {
			close(fds[1]);
			hold(n, fds[0]);
		}
		if (pids[i] < 0) {
			CHECK(errno == EAGAIN || errno == ENOMEM, "fork %d", i);
			break;
		}
		nforked++;
	}
	close(fds[0]);
	close(fds[1]);
	for (int i = 0; i < nforked; i++)
		CHECK(child_ok(pids[i]), "holder %d failed", i);
	CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	for (int i = 0; i < n; i++)
		CHECK(shmdt(addrs[i]) == 0, "shmdt %d", i);
	printf("shm_attach_limit: %d attaches, %d holders\n", n, nforked);
}

int main(void)
{
	struct leak_mark mark;
	int status;

	mark_leaks(&mark);
	status = run_child(nobody_child, NULL);
	CHECK(status == 0, "the nobody child: wait status %#x", status);
	CHECK_LEAKS("after the attaches and forks", &mark);
	return test_done("shm_attach_limit");
}
