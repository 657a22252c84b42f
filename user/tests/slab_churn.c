/*
 * slab_churn - the kernel's object caches give everything back after
 * churn through system calls, and none grows without bound.
 *
 * Checks: kstat KSTAT_CACHES lists the caches (the kmalloc size classes,
 * the big allocations last) with sane figures; while objects are held
 * (pipes, queued messages of every size class and a big one, children)
 * the caches count them; then ROUNDS rounds of pipes, messages, fork
 * and semaphores with SEM_UNDO, made and freed, leave every cache's
 * objects in use where they were and its pages at most one spare slab
 * above, the heap bytes and free frames where they were (CHECK_LEAKS);
 * the pages after many rounds are no more than after one (no growth).
 * Relay only: Linux has no kstat.
 */
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include "test.h"

#define MAX_CACHES	64
#define ROUNDS		40
#define HELD		30		/* pipes held at once */
#define MSG_SIZES	8
#define CHILDREN	8

struct churn_msg {
	long mtype;
	char mtext[8192];
};

static const size_t msg_sizes[MSG_SIZES] = { 1, 20, 60, 100, 250, 500, 1000, 6000 };

static int read_caches(struct kstat_cache *c)
{
	int n = kstat(KSTAT_CACHES, c, MAX_CACHES * sizeof(*c));

	REQUIRE(n > 0 && n < MAX_CACHES, "kstat KSTAT_CACHES returned %d", n);
	return n;
}

static const struct kstat_cache *find(const struct kstat_cache *c, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(c[i].name, name))
			return &c[i];
	return NULL;
}

static unsigned long total_inuse(const struct kstat_cache *c, int n)
{
	unsigned long sum = 0;

	for (int i = 0; i < n - 1; i++)
		sum += c[i].inuse * c[i].object_size;
	return sum + c[n - 1].pages * 4096;
}

static void check_figures(const struct kstat_cache *c, int n)
{
	const struct kstat_cache *k64 = find(c, n, "kmalloc-64");

	CHECK(k64 && k64->object_size == 64, "no kmalloc-64 cache of 64-byte objects");
	CHECK_TRUE(!strcmp(c[n - 1].name, "kmalloc-big"));
	for (int i = 0; i < n; i++)
		CHECK(c[i].inuse <= c[i].total && c[i].total * c[i].object_size <= c[i].pages * 4096,
		      "%s: %lu of %lu objects of %lu bytes in %lu pages", c[i].name,
		      c[i].inuse, c[i].total, c[i].object_size, c[i].pages);
}

/* One round: pipes, every message size, children, semaphores with
 * SEM_UNDO; everything made is removed again. */
static void churn(int qid, int semid)
{
	static struct churn_msg m;
	int fds[HELD][2];
	struct sembuf op = { 0, 1, SEM_UNDO };

	for (int i = 0; i < HELD; i++)
		REQUIRE(pipe(fds[i]) == 0, "pipe");
	for (int i = 0; i < HELD; i++) {
		close(fds[i][0]);
		close(fds[i][1]);
	}
	m.mtype = 1;
	for (int i = 0; i < MSG_SIZES; i++)
		REQUIRE(msgsnd(qid, &m, msg_sizes[i], 0) == 0, "msgsnd %zu", msg_sizes[i]);
	for (int i = 0; i < MSG_SIZES; i++)
		REQUIRE(msgrcv(qid, &m, sizeof(m.mtext), 0, 0) >= 0, "msgrcv");
	for (int i = 0; i < CHILDREN; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			semop(semid, &op, 1);
			_exit(0);
		}
		REQUIRE(pid > 0, "fork");
	}
	for (int i = 0; i < CHILDREN; i++)
		wait(NULL);
}

int main(void)
{
	static struct kstat_cache before[MAX_CACHES], held[MAX_CACHES], after[MAX_CACHES];
	static struct churn_msg m;
	struct leak_mark mark;
	int fds[HELD][2], n, qid, semid;

	memset(held, 0, sizeof(held));		/* fault in our own pages first */
	memset(after, 0, sizeof(after));
	qid = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	semid = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
	REQUIRE(qid >= 0 && semid >= 0, "msgget/semget");
	churn(qid, semid);
	REQUIRE(mark_leaks(&mark), "kstat KSTAT_INFO");
	n = read_caches(before);
	check_figures(before, n);

	for (int i = 0; i < HELD; i++)
		REQUIRE(pipe(fds[i]) == 0, "pipe");
	m.mtype = 1;
	for (int i = 0; i < MSG_SIZES; i++)
		REQUIRE(msgsnd(qid, &m, msg_sizes[i], 0) == 0, "msgsnd");
	CHECK_EQ("caches while held", read_caches(held), n);
	check_figures(held, n);
	CHECK(total_inuse(held, n) >= total_inuse(before, n) + HELD * 64 + 6000,
	      "objects held: %lu bytes in use, %lu before", total_inuse(held, n),
	      total_inuse(before, n));
	CHECK(held[n - 1].pages > before[n - 1].pages, "the 6000-byte message is a big allocation");
	for (int i = 0; i < HELD; i++) {
		close(fds[i][0]);
		close(fds[i][1]);
	}
	for (int i = 0; i < MSG_SIZES; i++)
		REQUIRE(msgrcv(qid, &m, sizeof(m.mtext), 0, 0) >= 0, "msgrcv");

	for (int r = 0; r < ROUNDS; r++)
		churn(qid, semid);
	CHECK_EQ("caches after", read_caches(after), n);
	for (int i = 0; i < n; i++) {
		const struct kstat_cache *b = find(before, n, after[i].name);
		if (!b) {
			FAIL("cache %s appeared", after[i].name);
			continue;
		}
		CHECK(after[i].inuse == b->inuse, "%s: %lu objects in use, %lu before",
		      after[i].name, after[i].inuse, b->inuse);
		CHECK(after[i].pages <= b->pages + 1, "%s: %lu pages, %lu before",
		      after[i].name, after[i].pages, b->pages);
	}
	CHECK_LEAKS("after churn", &mark);
	msgctl(qid, IPC_RMID, NULL);
	semctl(semid, 0, IPC_RMID);
	return test_done("slab_churn");
}
