/*
 * shm_share - one segment, several processes:
 *  - fork inherits attaches: parent and child see each other's writes,
 *    and shm_nattch counts the child's copies (+1 per attach) until it
 *    exits, which detaches them and sets shm_lpid and shm_dtime;
 *  - exec detaches: the new program starts with none of the segment's
 *    attaches, finds the segment by its key (as an unrelated program
 *    would), attaches it and sees the parent's data, and its writes are
 *    seen by the parent;
 *  - a page touched by one process is the same page for the others: a
 *    child touching pages already present adds nothing to SHM_INFO's
 *    shm_rss, nor (on this kernel) takes page frames beyond a page table.
 *
 * Run as "shm_share --exec-child ID KEY" it is the exec'd program.
 */
#include "ipc_test.h"

#define MODE		0600
#define PAGE		4096
#define NPAGES		8
#define SIZE		(NPAGES * PAGE)
#define EXEC_FLAG	"--exec-child"
#define PAGE_TABLE_SLACK 1	/* frames a child may take for a page table */
#define PARENT_MARK	'P'
#define CHILD_MARK	'C'
#define EXEC_MARK	'E'
#define NUM_LEN		16

static void *attach(int id)
{
	void *p = shmat(id, NULL, 0);

	CHECK(p != (void *)-1, "shmat(%d)", id);
	return p == (void *)-1 ? NULL : p;
}

static unsigned long nattch(int id)
{
	struct shmid_ds ds;

	CHECK(shmctl(id, IPC_STAT, &ds) == 0, "IPC_STAT");
	return ds.shm_nattch;
}

static unsigned long shm_rss(void)
{
	struct shm_info info;

	CHECK(shmctl(0, SHM_INFO, (struct shmid_ds *)&info) >= 0, "SHM_INFO");
	return info.shm_rss;
}

/* The exec'd program: no attach of its own, finds the segment by key. */
static int exec_child(int id, key_t key)
{
	char *p;

	CHECK(nattch(id) == 1, "after exec shm_nattch is %lu, expected 1 (the parent's)",
	      nattch(id));
	CHECK(shmget(key, 0, 0) == id, "shmget of key %#x did not find id %d", key, id);
	p = attach(id);
	if (p) {
		CHECK(p[0] == PARENT_MARK && p[SIZE - 1] == PARENT_MARK,
		      "the exec'd program sees %#x %#x", p[0], p[SIZE - 1]);
		p[1] = EXEC_MARK;
		CHECK(shmdt(p) == 0, "shmdt");
	}
	return failures ? EXIT_CHILD_FAILED : 0;
}

static void test_fork_inherits(void)
{
	int id = new_shm(SIZE, MODE), ready[2], go[2];
	struct shmid_ds ds;
	char *p = attach(id), *q = attach(id), c = 0;
	time_t t0 = time(NULL);
	pid_t pid;

	if (!p || !q || pipe(ready) < 0 || pipe(go) < 0) {
		CHECK(0, "setting up");
		return;
	}
	p[0] = PARENT_MARK;
	pid = test_fork();
	if (pid == 0) {
		CHECK(p[0] == PARENT_MARK, "the child does not see the parent's data");
		p[1] = CHILD_MARK;
		write(ready[1], &c, 1);
		read(go[0], &c, 1);
		child_exit();
	}
	CHECK(read(ready[0], &c, 1) == 1, "the child died");
	CHECK(q[1] == CHILD_MARK, "the parent does not see the child's write");
	CHECK(nattch(id) == 4, "shm_nattch %lu with two attaches in parent and child",
	      nattch(id));
	write(go[1], &c, 1);
	CHECK(child_ok(pid), "child");
	CHECK(shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_nattch == 2,
	      "shm_nattch %lu after the child's exit", ds.shm_nattch);
	CHECK(ds.shm_lpid == pid, "shm_lpid %d after the child's exit, expected %d",
	      ds.shm_lpid, pid);
	CHECK(ds.shm_dtime >= t0, "shm_dtime %ld not set by the exit",
	      (long)ds.shm_dtime);
	close(ready[0]);
	close(ready[1]);
	close(go[0]);
	close(go[1]);
	CHECK(shmdt(p) == 0 && shmdt(q) == 0, "shmdt");
}

static void test_exec(const char *self)
{
	key_t key = test_key(0x55000000);
	int id = track(KIND_SHM, shmget(key, SIZE, IPC_CREAT | IPC_EXCL | MODE));
	char ids[NUM_LEN], keys[NUM_LEN], *p;
	pid_t pid;

	CHECK(id >= 0, "shmget of key %#x", key);
	p = attach(id);
	if (!p)
		return;
	p[0] = PARENT_MARK;
	p[SIZE - 1] = PARENT_MARK;
	snprintf(ids, sizeof(ids), "%d", id);
	snprintf(keys, sizeof(keys), "%d", key);
	pid = test_fork();
	if (pid == 0) {
		execl(self, self, EXEC_FLAG, ids, keys, (char *)NULL);
		fprintf(stderr, "FAIL: exec %s: %s\n", self, strerror(errno));
		_exit(EXIT_CHILD_FAILED);
	}
	CHECK(child_ok(pid), "the exec'd program");
	CHECK(p[1] == EXEC_MARK, "the exec'd program's write is not seen");
	CHECK(nattch(id) == 1, "shm_nattch %lu after the exec'd program ended",
	      nattch(id));
	CHECK(shmdt(p) == 0, "shmdt");
}

/* A child touching present pages adds no page to the segment. */
static void test_same_pages(void)
{
	int id = new_shm(SIZE, MODE);
	volatile char *p = attach(id);
	unsigned long rss;
	long before, after;
	pid_t pid;

	if (!p)
		return;
	for (int i = 0; i < NPAGES; i++)
		p[i * PAGE] = (char)i;
	rss = shm_rss();
	pid = test_fork();
	if (pid == 0) {
		char *mine;

		before = free_frames();
		for (int i = 0; i < NPAGES; i++) {
			CHECK(p[i * PAGE] == (char)i, "inherited attach, page %d", i);
			p[i * PAGE + 1] = (char)i;
		}
		after = free_frames();
		if (before >= 0)	/* Linux has no kstat: no frame counts */
			CHECK(before - after <= PAGE_TABLE_SLACK,
			      "touching %d present pages took %ld frames", NPAGES,
			      before - after);
		mine = attach(id);
		for (int i = 0; mine && i < NPAGES; i++)
			CHECK(mine[i * PAGE] == (char)i, "own attach, page %d", i);
		CHECK(shm_rss() == rss, "shm_rss %lu after the child's touches, was %lu",
		      shm_rss(), rss);
		child_exit();
	}
	CHECK(child_ok(pid), "child touching the parent's pages");
	for (int i = 0; i < NPAGES; i++)
		CHECK(p[i * PAGE + 1] == (char)i,
		      "page %d: the child's write is not seen", i);
	CHECK(shmdt((void *)p) == 0, "shmdt");
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], EXEC_FLAG) == 0)
		return exec_child(atoi(argv[2]), atoi(argv[3]));
	test_fork_inherits();
	test_exec(argv[0]);
	test_same_pages();
	return test_done("shm_share");
}
