/*
 * shmdemo.c - System V shared memory, explained as it runs: where its
 * pages come from, and a producer and a consumer passing items through
 * a ring buffer in it, guarded by three semaphores.
 *
 *   shmdemo [-k] [-n ITEMS]
 *
 * Part 1 counts the kernel's free page frames (kstat; Linux has none, so
 * there the counts are skipped) around shmget, shmat and the first touch
 * of each page: the memory appears a page at a time, when first touched.
 * A child then reads every page and takes no frame: it sees the same
 * physical pages.
 *
 * Part 2: one page of bookkeeping, then NSLOTS pages, one slot each.
 * The producer waits on "empty" (free slots), the consumer on "full"
 * (filled slots), and both take "mutex" around the ring's indices.  The
 * consumer is slow on purpose, so the producer fills the ring and has to
 * wait.  The segment and the semaphore set are removed at the end,
 * unless -k keeps them for ipcs and ipcrm.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/kstat.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Errors are lines on standard output, like all the others. */
#define DEMO_NAME	"shmdemo"
#define DEMO_ERR_FD	STDOUT_FILENO
#include "demo.h"

#define PAGE		4096
#define NSLOTS		4
#define NPAGES		(1 + NSLOTS)	/* the ring's header, then the slots */
#define DEFAULT_ITEMS	10
#define MAX_ITEMS	1000
#define TEXT_LEN	64
#define CONSUMER_DELAY_MS 30		/* the consumer is slow */
#define NSEC_PER_MSEC	1000000L
#define WHAT_WIDTH	44
#define KSTACK_KIB	8		/* a process's kernel stack (kernel/proc.h) */		/* say_frames' first column */

/* The semaphores of the set. */
enum { EMPTY, FULL, MUTEX, NSEMS };

/* semctl's argument, which the caller defines (POSIX). */
union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
	struct seminfo *__buf;
};

struct ring {
	int head;			/* next slot to fill */
	int tail;			/* next slot to empty */
	int produced;
	int consumed;
};

struct item {
	int seq;
	unsigned int sum;		/* of text's bytes */
	char text[TEXT_LEN];
};

/* Page 0: the ring; pages 1..NSLOTS: one item each. */
struct segment {
	union {
		struct ring ring;
		char page[PAGE];
	} header;
	union {
		struct item item;
		char page[PAGE];
	} slots[NSLOTS];
};

_Static_assert(sizeof(struct segment) == NPAGES * PAGE, "one page per part");

static struct segment *seg;
static int shmid = -1, semid = -1;

/* Free page frames, or -1 where there is no kstat (Linux). */
static long frames(void)
{
	struct kstat_info info;

	return kstat(KSTAT_INFO, &info, sizeof(info)) < 0 ? -1 :
		(long)info.free_frames;
}

/* "WHAT   A -> B (-N)": the kernel's free frames before and after;
 * WHAT alone without kstat. */
static void say_frames(const char *what, long before, long after)
{
	if (before < 0)
		say("  %s\n", what);
	else
		say("  %-*s %5ld -> %5ld (%+ld)\n", WHAT_WIDTH, what, before,
		    after, after - before);
}

static void sem_change(int num, int op)
{
	struct sembuf sb = { (unsigned short)num, (short)op, 0 };

	if (semop(semid, &sb, 1) < 0)
		die("semop");
}

static unsigned int checksum(const char *text)
{
	unsigned int sum = 0;

	while (*text)
		sum = sum * 31 + (unsigned char)*text++;
	return sum;
}

static void part1_pages(void)
{
	long before = frames(), after;
	char what[DEMO_LINE_LEN];
	pid_t pid;

	say("Part 1: where the memory comes from.\n");
	if (before < 0)
		say("(No kstat here - not Relay? - so no frame counts.)\n");
	else
		say("After each step, the kernel's free page frames (kstat):\n");
	shmid = shmget(IPC_PRIVATE, sizeof(struct segment), IPC_CREAT | 0600);
	if (shmid < 0)
		die("shmget");
	demo_owns(DEMO_SHM, shmid);
	after = frames();
	snprintf(what, sizeof(what), "shmget: segment %d, %d pages, none yet",
		 shmid, NPAGES);
	say_frames(what, before, after);

	before = after;
	seg = shmat(shmid, NULL, 0);
	if (seg == (void *)-1)
		die("shmat");
	after = frames();
	snprintf(what, sizeof(what), "shmat: attached at %p, still none",
		 (void *)seg);
	say_frames(what, before, after);

	for (int i = 0; i < NPAGES; i++) {
		before = after;
		((volatile char *)seg)[i * PAGE] = 0;
		after = frames();
		snprintf(what, sizeof(what), "touch page %d: %s", i,
			 before - after > 1 ? "a zeroed page + a page table" :
			 "the fault maps a zeroed page");
		say_frames(what, before, after);
	}

	say("A child attaches the segment too and reads every page.\n");
	before = frames();
	pid = fork_or_die();
	if (pid == 0) {
		volatile char *mine;
		long b = frames(), a;

		say_frames("fork: the child's tables and kernel stack", before, b);
		mine = shmat(shmid, NULL, 0);
		if (mine == (void *)-1)
			die("shmat");
		b = frames();
		for (int i = 0; i < NPAGES; i++)
			(void)mine[i * PAGE];
		a = frames();
		say_frames("the child reads: the same pages, none new", b, a);
		if (before >= 0)
			say("The fork's frames are the child's own, not the segment's:\n"
			    "its page directory and page tables, its %d KiB kernel\n"
			    "stack, and a copy of each page either process wrote since\n"
			    "(copy-on-write).  The segment's pages are never copied.\n",
			    KSTACK_KIB);
		exit(0);
	}
	waitpid(pid, NULL, 0);
	say("\n");
}

static _Noreturn void producer(int items)
{
	struct ring *r = &seg->header.ring;
	struct sembuf try_empty = { EMPTY, -1, IPC_NOWAIT };

	for (int i = 0; i < items; i++) {
		struct item *it;

		if (semop(semid, &try_empty, 1) < 0) {
			if (errno != EAGAIN)
				die("semop");
			say("producer: ring full (empty = 0), sleeping in semop\n");
			sem_change(EMPTY, -1);
		}
		sem_change(MUTEX, -1);
		it = &seg->slots[r->head].item;
		it->seq = i;
		snprintf(it->text, sizeof(it->text), "item %d from pid %d", i, getpid());
		it->sum = checksum(it->text);
		say("producer: \"%s\" into slot %d\n", it->text, r->head);
		r->head = (r->head + 1) % NSLOTS;
		r->produced++;
		sem_change(MUTEX, 1);
		sem_change(FULL, 1);
	}
	exit(0);
}

static _Noreturn void consumer(int items)
{
	struct timespec delay = { 0, CONSUMER_DELAY_MS * NSEC_PER_MSEC };
	struct ring *r = &seg->header.ring;
	int bad = 0;

	for (int i = 0; i < items; i++) {
		struct item *it;

		nanosleep(&delay, NULL);
		sem_change(FULL, -1);
		sem_change(MUTEX, -1);
		it = &seg->slots[r->tail].item;
		if (it->seq != i || it->sum != checksum(it->text))
			bad++;
		say("    consumer: \"%s\" from slot %d\n", it->text, r->tail);
		r->tail = (r->tail + 1) % NSLOTS;
		r->consumed++;
		sem_change(MUTEX, 1);
		sem_change(EMPTY, 1);
	}
	exit(bad ? 1 : 0);
}

static int part2_ring(int items)
{
	unsigned short init[NSEMS] = { [EMPTY] = NSLOTS, [FULL] = 0, [MUTEX] = 1 };
	struct shmid_ds ds;
	pid_t prod, cons;
	int status;

	say("Part 2: a ring of %d slots in the segment.  Semaphore \"empty\"\n"
	    "counts free slots (starts at %d), \"full\" counts filled ones (0),\n"
	    "\"mutex\" (1) guards the ring's indices.  The producer waits for\n"
	    "empty and signals full; the consumer the other way round.\n\n",
	    NSLOTS, NSLOTS);
	semid = semget(IPC_PRIVATE, NSEMS, IPC_CREAT | 0600);
	if (semid < 0)
		die("semget");
	demo_owns(DEMO_SEM, semid);
	if (semctl(semid, 0, SETALL, (union semun){ .array = init }) < 0)
		die("semctl SETALL");
	memset(&seg->header.ring, 0, sizeof(seg->header.ring));

	prod = fork_or_die();
	if (prod == 0)
		producer(items);
	cons = fork_or_die();
	if (cons == 0)
		consumer(items);
	if (shmctl(shmid, IPC_STAT, &ds) == 0)
		say("(IPC_STAT: %lu attaches - the parent's and one inherited by\n"
		    "each child)\n", ds.shm_nattch);
	waitpid(prod, NULL, 0);
	waitpid(cons, &status, 0);
	say("\n%d items produced, %d consumed, %s.\n", seg->header.ring.produced,
	    seg->header.ring.consumed,
	    WIFEXITED(status) && WEXITSTATUS(status) == 0 ?
	    "every one intact and in order" : "SOME DAMAGED OR OUT OF ORDER");
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

static int usage(void)
{
	fprintf(stderr, "usage: shmdemo [-k] [-n ITEMS]\n");
	return 1;
}

int main(int argc, char **argv)
{
	int items = DEFAULT_ITEMS, keep = 0, c, status;
	long before;

	while ((c = getopt(argc, argv, "kn:")) != -1) {
		switch (c) {
		case 'k':
			keep = 1;
			break;
		case 'n':
			items = atoi(optarg);
			break;
		default:
			return usage();
		}
	}
	if (optind < argc || items < 1 || items > MAX_ITEMS)
		return usage();
	demo_catch_signals();

	part1_pages();
	status = part2_ring(items);
	before = frames();
	if (shmdt(seg) < 0)
		die("shmdt");
	if (keep) {
		demo_owns(DEMO_SHM, -1);
		demo_owns(DEMO_SEM, -1);
		say("\n-k: segment %d and semaphore set %d stay.  See them with\n"
		    "'ipcs', remove them with 'ipcrm -m %d -s %d'.\n", shmid, semid,
		    shmid, semid);
		return status;
	}
	if (shmctl(shmid, IPC_RMID, NULL) < 0 || semctl(semid, 0, IPC_RMID) < 0)
		die("IPC_RMID");
	demo_owns(DEMO_SHM, -1);
	demo_owns(DEMO_SEM, -1);
	say("\nDetached and removed both: nobody has the segment attached, so\n"
	    "its pages and its page table go back to the kernel:\n");
	say_frames("shmdt and IPC_RMID", before, frames());
	return status;
}
