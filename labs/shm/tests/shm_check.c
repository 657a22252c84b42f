/*
 * shm_check - the shared memory lab's checks, one behaviour per case:
 *
 *	/lab/shm_check CASE
 *
 *  - touch:     an attached segment can be written and read back, on
 *               every page;
 *  - zeroed:    a page's first touch (a read) sees zeros;
 *  - fork:      a child's writes (through the attach it inherited) are
 *               seen by the parent;
 *  - attachers: a process that attaches the segment itself sees the same
 *               pages as another attacher, both ways round;
 *  - rdonly:    a write through an SHM_RDONLY attach is SIGSEGV;
 *  - detach:    shmdt unmaps (a touch afterwards is SIGSEGV), counts
 *               shm_nattch down, and fails EINVAL for an address that is
 *               not an attach;
 *  - deferred:  IPC_RMID of an attached segment leaves it usable (and its
 *               data in place) until the last detach, then the id is gone.
 * Each exits 0 when the behaviour is right.
 */
#include "test.h"
#include <sys/ipc.h>
#include <sys/shm.h>

#define PAGE		4096
#define NPAGES		4
#define SIZE		(NPAGES * PAGE)
#define DELAY_MS	100

static int shmid = -1;

static char *attach(int flags)
{
	char *p = shmat(shmid, NULL, flags);

	REQUIRE(p != (char *)-1, "shmat");
	return p;
}

static int nattch(void)
{
	struct shmid_ds ds;

	return shmctl(shmid, IPC_STAT, &ds) == 0 ? (int)ds.shm_nattch : -1;
}

static void check_touch(void)
{
	char *p = attach(0);

	for (int i = 0; i < NPAGES; i++)
		p[i * PAGE + i] = (char)('a' + i);
	for (int i = 0; i < NPAGES; i++)
		CHECK_EQ("byte read back", p[i * PAGE + i], 'a' + i);
}

static void check_zeroed(void)
{
	char *p = attach(0);

	for (int i = 0; i < SIZE; i += PAGE / 4)
		CHECK(p[i] == 0, "byte %d not zero", i);
}

static void check_fork(void)
{
	char *p = attach(0);
	pid_t pid = test_fork();

	if (pid == 0) {
		strcpy(p + PAGE, "from the child");
		_exit(0);
	}
	CHECK(child_ok(pid), "child failed");
	CHECK(strcmp(p + PAGE, "from the child") == 0, "parent does not see the write");
}

static void check_attachers(void)
{
	pid_t pid = test_fork();
	char *p;

	if (pid == 0) {
		char *c = attach(0);
		strcpy(c, "child wrote first");
		while (strcmp(c + 2 * PAGE, "parent answers") != 0)
			sleep_ms(POLL_MS);
		_exit(0);
	}
	sleep_ms(DELAY_MS);
	p = attach(0);
	while (p[0] == 0)
		sleep_ms(POLL_MS);
	CHECK(strcmp(p, "child wrote first") == 0, "another attacher's page differs");
	strcpy(p + 2 * PAGE, "parent answers");
	CHECK(child_ok(pid), "child failed");
}

static void check_rdonly(void)
{
	char *w = attach(0), *r = attach(SHM_RDONLY);
	pid_t pid;

	w[0] = 'x';
	CHECK_EQ("read through SHM_RDONLY", r[0], 'x');
	pid = test_fork();
	if (pid == 0) {
		r[1] = 'y';
		_exit(0);
	}
	CHECK(child_killed_by(pid, SIGSEGV), "a write through SHM_RDONLY did not fault");
}

static void check_detach(void)
{
	char *p = attach(0);
	pid_t pid;

	p[0] = 'x';
	CHECK_EQ("nattch attached", nattch(), 1);
	CHECK_ERR(shmdt(p + PAGE), EINVAL);
	pid = test_fork();
	if (pid == 0) {
		if (shmdt(p) != 0)
			_exit(1);
		p[0] = 'y';		/* must fault */
		_exit(0);
	}
	CHECK(child_killed_by(pid, SIGSEGV), "a touch after shmdt did not fault");
	CHECK_EQ("shmdt", shmdt(p), 0);
	CHECK_EQ("nattch after shmdt", nattch(), 0);
	CHECK_ERR(shmdt(p), EINVAL);
}

static void check_deferred(void)
{
	char *p = attach(0);

	strcpy(p, "kept");
	CHECK_EQ("IPC_RMID", shmctl(shmid, IPC_RMID, NULL), 0);
	CHECK(strcmp(p, "kept") == 0, "data lost at IPC_RMID");
	strcpy(p + 3 * PAGE, "still usable");
	CHECK(strcmp(p + 3 * PAGE, "still usable") == 0, "a new page failed after IPC_RMID");
	CHECK_EQ("nattch", nattch(), 1);
	CHECK_EQ("shmdt", shmdt(p), 0);
	CHECK_EQ("gone after the last detach", nattch(), -1);
	CHECK_EQ("EINVAL", errno, EINVAL);
	shmid = -1;
}

static const struct {
	const char *name;
	void (*run)(void);
} cases[] = {
	{ "touch", check_touch },
	{ "zeroed", check_zeroed },
	{ "fork", check_fork },
	{ "attachers", check_attachers },
	{ "rdonly", check_rdonly },
	{ "detach", check_detach },
	{ "deferred", check_deferred },
};

int main(int argc, char **argv)
{
	for (size_t i = 0; argc == 2 && i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (strcmp(argv[1], cases[i].name) == 0) {
			shmid = shmget(IPC_PRIVATE, SIZE, IPC_CREAT | 0600);
			REQUIRE(shmid >= 0, "shmget");
			cases[i].run();
			if (shmid >= 0)
				shmctl(shmid, IPC_RMID, NULL);
			return test_done(argv[1]);
		}
	}
	fprintf(stderr, "usage: shm_check CASE (touch, zeroed, fork, attachers, rdonly, "
		"detach, deferred)\n");
	return 2;
}
