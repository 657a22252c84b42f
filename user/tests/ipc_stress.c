/*
 * ipc_stress - 32 processes hammer one message queue and one semaphore
 * set, with a counter in shared memory:
 *  - NSENDERS senders each send NMSGS numbered messages (type = sender
 *    number + 1) into a small queue, so that they often sleep;
 *  - NRECEIVERS receivers take them, half with msgtyp 0 (arrival order),
 *    half with msgtyp -LONG_MAX (lowest type first); every receiver must
 *    see each sender's numbers rising, and every message must arrive
 *    exactly once;
 *  - after each message, sender and receiver both add 1 to a counter in
 *    shared memory, read and written back with a yield between, under a
 *    semaphore taken with SEM_UNDO: the counter must end exact.
 * When every sender is done, the parent sends one stop message (a type
 * above every sender's) per receiver.
 */
#include <limits.h>
#include <sched.h>
#include "ipc_test.h"

#define MODE		0600
#define NSENDERS	16
#define NRECEIVERS	16
#define NMSGS		2500
#define QBYTES		256		/* a few messages: senders sleep */
#define STOP_TYPE	(NSENDERS + 100)
#define YIELD_EVERY	4		/* yield inside every 4th critical section */
#define WATCHDOG_S	60
#define MUTEX		0
/* The counter: one per message sent, one per message received. */
#define EXPECTED_COUNT	(2 * NSENDERS * NMSGS)

struct message {
	long mtype;
	int sender;
	int seq;
};

#define MSG_SIZE	(sizeof(struct message) - sizeof(long))

struct shared {
	int counter;			/* under the semaphore */
	int seen[NSENDERS][NMSGS];	/* atomic adds */
};

static int msq, sem;
static struct shared *shared;

static void lock(void)
{
	if (sem_op1(sem, MUTEX, -1, SEM_UNDO) < 0) {
		fprintf(stderr, "FAIL: lock: %s\n", strerror(errno));
		_exit(EXIT_CHILD_FAILED);
	}
}

static void unlock(void)
{
	if (sem_op1(sem, MUTEX, 1, SEM_UNDO) < 0) {
		fprintf(stderr, "FAIL: unlock: %s\n", strerror(errno));
		_exit(EXIT_CHILD_FAILED);
	}
}

/* counter++ the slow way: any lost update shows without the lock. */
static void count(int n)
{
	int v;

	lock();
	v = shared->counter;
	if (n % YIELD_EVERY == 0)
		sched_yield();
	shared->counter = v + 1;
	unlock();
}

static _Noreturn void sender(int me)
{
	struct message m = { .mtype = me + 1, .sender = me };

	for (int seq = 0; seq < NMSGS; seq++) {
		m.seq = seq;
		CHECK(msgsnd(msq, &m, MSG_SIZE, 0) == 0, "sender %d: msgsnd %d", me, seq);
		count(seq);
	}
	child_exit();
}

static _Noreturn void receiver(int me)
{
	long msgtyp = me % 2 ? -LONG_MAX : 0;
	int last[NSENDERS], n = 0;
	struct message m;

	for (int s = 0; s < NSENDERS; s++)
		last[s] = -1;
	for (;;) {
		if (msgrcv(msq, &m, MSG_SIZE, msgtyp, 0) != (ssize_t)MSG_SIZE) {
			CHECK(0, "receiver %d: msgrcv", me);
			break;
		}
		if (m.mtype == STOP_TYPE)
			break;
		if (m.sender < 0 || m.sender >= NSENDERS || m.seq < 0 ||
		    m.seq >= NMSGS || m.mtype != m.sender + 1) {
			CHECK(0, "receiver %d: bad message type %ld sender %d seq %d",
			      me, m.mtype, m.sender, m.seq);
			break;
		}
		CHECK(m.seq > last[m.sender],
		      "receiver %d: sender %d's message %d after %d", me,
		      m.sender, m.seq, last[m.sender]);
		last[m.sender] = m.seq;
		__atomic_fetch_add(&shared->seen[m.sender][m.seq], 1,
				   __ATOMIC_SEQ_CST);
		count(n++);
	}
	child_exit();
}

int main(void)
{
	pid_t senders[NSENDERS], receivers[NRECEIVERS];
	struct message stop = { .mtype = STOP_TYPE };
	struct msqid_ds ds;
	int shm, lost = 0, doubled = 0;
	long start = now_ms();

	alarm(WATCHDOG_S);	/* a hang ends the test */
	msq = new_msq(MODE);
	sem = new_sem(1, MODE);
	shm = new_shm(sizeof(struct shared), MODE);
	shared = shmat(shm, NULL, 0);
	if (msq < 0 || sem < 0 || shared == (void *)-1) {
		CHECK(0, "setting up");
		return test_done("ipc_stress");
	}
	CHECK(msgctl(msq, IPC_STAT, &ds) == 0, "IPC_STAT");
	ds.msg_qbytes = QBYTES;
	CHECK(msgctl(msq, IPC_SET, &ds) == 0, "IPC_SET");
	CHECK(semctl(sem, MUTEX, SETVAL, (union semun){ .val = 1 }) == 0, "SETVAL");

	for (int i = 0; i < NRECEIVERS; i++)
		if ((receivers[i] = test_fork()) == 0)
			receiver(i);
	for (int i = 0; i < NSENDERS; i++)
		if ((senders[i] = test_fork()) == 0)
			sender(i);
	for (int i = 0; i < NSENDERS; i++)
		CHECK(child_ok(senders[i]), "sender %d", i);
	for (int i = 0; i < NRECEIVERS; i++)
		CHECK(msgsnd(msq, &stop, MSG_SIZE, 0) == 0, "stop message %d", i);
	for (int i = 0; i < NRECEIVERS; i++)
		CHECK(child_ok(receivers[i]), "receiver %d", i);

	for (int s = 0; s < NSENDERS; s++)
		for (int q = 0; q < NMSGS; q++) {
			lost += shared->seen[s][q] == 0;
			doubled += shared->seen[s][q] > 1;
		}
	CHECK(lost == 0 && doubled == 0, "%d messages lost, %d received twice",
	      lost, doubled);
	CHECK(shared->counter == EXPECTED_COUNT, "counter %d, expected %d",
	      shared->counter, EXPECTED_COUNT);
	CHECK(semctl(sem, MUTEX, GETVAL) == 1, "mutex value %d at the end",
	      semctl(sem, MUTEX, GETVAL));
	CHECK(msgctl(msq, IPC_STAT, &ds) == 0 && ds.msg_qnum == 0 && ds.msg_cbytes == 0,
	      "queue at the end: %lu messages, %lu bytes", ds.msg_qnum, ds.msg_cbytes);
	printf("ipc_stress: %d processes, %d messages, %ld ms\n",
	       NSENDERS + NRECEIVERS, NSENDERS * NMSGS, now_ms() - start);
	shmdt(shared);
	return test_done("ipc_stress");
}
