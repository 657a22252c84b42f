/*
 * ipc_leak - message queues and semaphore sets give back every page
 * frame and byte of kernel heap they take.  After a warm-up round the
 * parent records the open descriptors and the kernel's free frames, heap
 * use and process slots (kstat), then runs, checking after each part
 * that all are back where they were:
 *  - CYCLES queues created, filled with messages, and removed full;
 *  - CYCLES queues through which messages pass (sent and received);
 *  - CHILD_CYCLES queues removed under a sleeping sender and receiver;
 *  - CYCLES semaphore sets created, used, and removed;
 *  - CHILD_CYCLES sets on which a child leaves SEM_UNDO adjustments and
 *    exits, half of them removed before the exit (adjustments dropped),
 *    half after (adjustments applied);
 *  - CHILD_CYCLES sets removed under sleeping semop callers.
 * Linux has no kstat: there the cycles run and their calls are checked,
 * but only the descriptors are compared.
 */
#include "ipc_test.h"

#define MODE		0600
#define CYCLES		1000
#define CHILD_CYCLES	50
#define NMSGS		8
#define MSG_LEN		100
#define NSEMS		4

struct message {
	long mtype;
	char mtext[MSG_LEN];
};

/* A queue with NMSGS messages sent; if drain, all received again. */
static bool msg_cycle(bool drain)
{
	struct message m = { .mtype = 1 };
	int id = msgget(IPC_PRIVATE, IPC_CREAT | MODE);

	if (id < 0) {
		CHECK(0, "msgget");
		return false;
	}
	for (int i = 0; i < NMSGS; i++) {
		m.mtype = i + 1;
		CHECK(msgsnd(id, &m, MSG_LEN, IPC_NOWAIT) == 0, "msgsnd");
	}
	for (int i = 0; drain && i < NMSGS; i++)
		CHECK(msgrcv(id, &m, MSG_LEN, 0, IPC_NOWAIT) == MSG_LEN, "msgrcv");
	CHECK(msgctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	return failures == 0;
}

/* A queue removed while a sender and a receiver sleep on it. */
static bool msg_sleepers_cycle(void)
{
	struct message m = { .mtype = 1 };
	int id = msgget(IPC_PRIVATE, IPC_CREAT | MODE);
	struct msqid_ds ds;
	pid_t snd, rcv;

	if (id < 0) {
		CHECK(0, "msgget");
		return false;
	}
	CHECK(msgctl(id, IPC_STAT, &ds) == 0, "IPC_STAT");
	ds.msg_qbytes = MSG_LEN;
	CHECK(msgctl(id, IPC_SET, &ds) == 0, "IPC_SET");
	CHECK(msgsnd(id, &m, MSG_LEN, IPC_NOWAIT) == 0, "msgsnd");
	snd = test_fork();
	if (snd == 0)
		_exit(msgsnd(id, &m, MSG_LEN, 0) < 0 && errno == EIDRM ? 0 : 1);
	rcv = test_fork();
	if (rcv == 0)
		_exit(msgrcv(id, &m, MSG_LEN, 2, 0) < 0 && errno == EIDRM ? 0 : 1);
	CHECK(wait_sleeping(snd) && wait_sleeping(rcv), "sleepers");
	CHECK(msgctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	CHECK(child_ok(snd) && child_ok(rcv), "sleepers woken with EIDRM");
	return failures == 0;
}

static bool sem_cycle(void)
{
	unsigned short vals[NSEMS] = { 1, 2, 3, 4 };
	int id = semget(IPC_PRIVATE, NSEMS, IPC_CREAT | MODE);

	if (id < 0) {
		CHECK(0, "semget");
		return false;
	}
	CHECK(semctl(id, 0, SETALL, (union semun){ .array = vals }) == 0, "SETALL");
	CHECK(sem_op1(id, 3, -1, 0) == 0, "semop");
	CHECK(semctl(id, 0, IPC_RMID) == 0, "IPC_RMID");
	return failures == 0;
}

/* A child leaves adjustments; the set goes before or after its exit. */
static bool sem_undo_cycle(bool remove_first)
{
	int id = semget(IPC_PRIVATE, NSEMS, IPC_CREAT | MODE), go[2];
	pid_t pid;
	char c = 0;

	if (id < 0 || pipe(go) < 0) {
		CHECK(0, "semget or pipe");
		return false;
	}
	pid = test_fork();
	if (pid == 0) {
		close(go[1]);
		for (int i = 0; i < NSEMS; i++)
			if (sem_op1(id, i, 1, SEM_UNDO) < 0)
				_exit(EXIT_CHILD_FAILED);
		read(go[0], &c, 1);
		_exit(0);
	}
	close(go[0]);
	CHECK(wait_semcount(id, NSEMS - 1, GETVAL, 1), "the child's semops");
	if (remove_first)
		CHECK(semctl(id, 0, IPC_RMID) == 0, "IPC_RMID");
	close(go[1]);
	CHECK(child_ok(pid), "child with adjustments");
	if (!remove_first) {
		CHECK(semctl(id, 0, GETVAL) == 0, "value %d after the undo",
		      semctl(id, 0, GETVAL));
		CHECK(semctl(id, 0, IPC_RMID) == 0, "IPC_RMID");
	}
	return failures == 0;
}

/* A set removed while two processes sleep in semop. */
static bool sem_sleepers_cycle(void)
{
	int id = semget(IPC_PRIVATE, NSEMS, IPC_CREAT | MODE);
	pid_t pids[2];

	if (id < 0) {
		CHECK(0, "semget");
		return false;
	}
	for (int i = 0; i < 2; i++) {
		pids[i] = test_fork();
		if (pids[i] == 0)
			_exit(sem_op1(id, i, -1, SEM_UNDO) < 0 && errno == EIDRM ?
			      0 : 1);
	}
	CHECK(wait_semcount(id, 0, GETNCNT, 1) && wait_semcount(id, 1, GETNCNT, 1),
	      "sleepers");
	CHECK(semctl(id, 0, IPC_RMID) == 0, "IPC_RMID");
	CHECK(child_ok(pids[0]) && child_ok(pids[1]), "sleepers woken with EIDRM");
	return failures == 0;
}

int main(void)
{
	struct leak_mark before;
	int i;

	msg_cycle(false);
	msg_cycle(true);
	msg_sleepers_cycle();
	sem_cycle();
	sem_undo_cycle(false);
	sem_undo_cycle(true);
	sem_sleepers_cycle();
	mark_leaks(&before);

	for (i = 0; i < CYCLES && msg_cycle(false); i++)
		;
	CHECK_LEAKS("queues removed full", &before);
	for (i = 0; i < CYCLES && msg_cycle(true); i++)
		;
	CHECK_LEAKS("queues drained", &before);
	for (i = 0; i < CHILD_CYCLES && msg_sleepers_cycle(); i++)
		;
	CHECK_LEAKS("queues removed under sleepers", &before);
	for (i = 0; i < CYCLES && sem_cycle(); i++)
		;
	CHECK_LEAKS("semaphore sets", &before);
	for (i = 0; i < CHILD_CYCLES && sem_undo_cycle(i % 2); i++)
		;
	CHECK_LEAKS("SEM_UNDO adjustments applied or dropped", &before);
	for (i = 0; i < CHILD_CYCLES && sem_sleepers_cycle(); i++)
		;
	CHECK_LEAKS("sets removed under sleepers", &before);
	return test_done("ipc_leak");
}
