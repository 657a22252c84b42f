/*
 * sem_wake - sleeping in semop, and who wakes:
 *  - a decrement sleeps until the value allows it, a wait-for-zero until
 *    the value is 0; a change that does not satisfy a sleeper leaves it
 *    asleep (no spurious completion);
 *  - a sleeper of several operations completes only when all can, and
 *    takes nothing while it waits (all or none);
 *  - IPC_NOWAIT counts only on the operation that cannot proceed;
 *  - one increment of 1 lets exactly one of two sleeping decrementers
 *    through, the first to arrive, and the next the other (no lost or
 *    doubled wake-ups);
 *  - a large decrement that cannot complete does not hold back a small
 *    one that arrived after it (no starvation behind it);
 *  - an increment of n wakes n decrementers at once;
 *  - IPC_RMID wakes every sleeper with EIDRM.
 * A child reports the result of its semop through its exit status: 0 for
 * success, else the errno.
 */
#include "ipc_test.h"

#define MODE		0600
#define NSEMS		2
#define NSLEEPERS	3
#define BIG_DEC		5

static int setval(int id, int n, int val)
{
	return semctl(id, n, SETVAL, (union semun){ .val = val });
}

/* The errno a child exited with (0: success); -1 if it did not exit. */
/* A child that runs semop(ops) and reports; returns once it sleeps. */
static pid_t sleeper(int id, struct sembuf *ops, int nops)
{
	pid_t pid = test_fork();

	if (pid == 0)
		_exit(semop(id, ops, nops) == 0 ? 0 : errno);
	CHECK(wait_sleeping(pid), "semop child did not sleep");
	return pid;
}

static pid_t sleeper1(int id, int n, int op)
{
	struct sembuf sb = { (unsigned short)n, (short)op, 0 };

	return sleeper(id, &sb, 1);
}

/* Has child pid exited (reaping it)?  Sets *err to what it reported. */
static bool exited(pid_t pid, int *err)
{
	int status;

	if (waitpid(pid, &status, WNOHANG) != pid)
		return false;
	*err = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	return true;
}

static void test_simple(void)
{
	int id = new_sem(NSEMS, MODE);
	pid_t dec, zero;

	dec = sleeper1(id, 0, -2);
	CHECK(sem_op1(id, 0, 1, 0) == 0, "semop +1");
	CHECK(stays_asleep(dec), "decrement of 2 completed on a value of 1");
	CHECK(semctl(id, 0, GETVAL) == 1 && semctl(id, 0, GETNCNT) == 1,
	      "value %d ncnt %d while the -2 sleeps", semctl(id, 0, GETVAL),
	      semctl(id, 0, GETNCNT));
	CHECK(sem_op1(id, 0, 1, 0) == 0, "semop +1");
	CHECK(child_errno(dec) == 0, "the decrement of 2 after the value reached 2");
	CHECK(semctl(id, 0, GETVAL) == 0, "value %d", semctl(id, 0, GETVAL));

	CHECK(setval(id, 1, 2) == 0, "SETVAL");
	zero = sleeper1(id, 1, 0);
	CHECK(sem_op1(id, 1, -1, 0) == 0, "semop -1");
	CHECK(stays_asleep(zero), "wait for zero completed on a value of 1");
	CHECK(sem_op1(id, 1, -1, 0) == 0, "semop -1");
	CHECK(child_errno(zero) == 0, "the wait for zero after the value reached 0");
}

/* All or none while sleeping: the sleeper takes nothing until it can take all. */
static void test_atomic(void)
{
	struct sembuf both[2] = { { 0, -1, 0 }, { 1, -1, 0 } };
	int id = new_sem(NSEMS, MODE);
	pid_t pid = sleeper(id, both, 2);

	CHECK(sem_op1(id, 0, 1, 0) == 0, "semop +1 on 0");
	CHECK(stays_asleep(pid), "a two-semaphore decrement completed with one");
	CHECK(semctl(id, 0, GETVAL) == 1, "semaphore 0 is %d while the sleeper waits",
	      semctl(id, 0, GETVAL));
	CHECK(sem_op1(id, 1, 1, 0) == 0, "semop +1 on 1");
	CHECK(child_errno(pid) == 0, "the two-semaphore decrement");
	CHECK(semctl(id, 0, GETVAL) == 0 && semctl(id, 1, GETVAL) == 0,
	      "values %d %d after it", semctl(id, 0, GETVAL), semctl(id, 1, GETVAL));
}

/*
 * IPC_NOWAIT belongs to an operation: only the flag of the operation that
 * cannot proceed decides between EAGAIN and sleeping (as in Linux).
 */
static void test_nowait_per_op(void)
{
	struct sembuf ops[2] = { { 0, -1, 0 }, { 1, 1, IPC_NOWAIT } };
	int id = new_sem(NSEMS, MODE);
	pid_t pid = sleeper(id, ops, 2);

	CHECK(sem_op1(id, 0, 1, 0) == 0, "semop +1");
	CHECK(child_errno(pid) == 0, "the sleeper whose blocking op had no IPC_NOWAIT");
	CHECK(semctl(id, 0, GETVAL) == 0 && semctl(id, 1, GETVAL) == 1,
	      "values %d %d after it", semctl(id, 0, GETVAL), semctl(id, 1, GETVAL));
	ops[0].sem_flg = IPC_NOWAIT;
	ops[1].sem_flg = 0;
	CHECK_ERR(semop(id, ops, 2), EAGAIN);
}

/* Each +1 lets exactly one of two decrementers through, in arrival order. */
static void test_one_each(void)
{
	int id = new_sem(1, MODE), err = 0, done = 0;
	pid_t pids[2];

	pids[0] = sleeper1(id, 0, -1);
	pids[1] = sleeper1(id, 0, -1);
	CHECK(sem_op1(id, 0, 1, 0) == 0, "semop +1");
	CHECK(wait_semcount(id, 0, GETNCNT, 1), "GETNCNT %d after one +1",
	      semctl(id, 0, GETNCNT));
	sleep_ms(SETTLE_MS);
	for (int i = 0; i < 2; i++)
		if (exited(pids[i], &err)) {
			CHECK(err == 0, "decrementer %d: errno %d", i, err);
			pids[i] = 0;
			done++;
		}
	CHECK(done == 1, "%d decrementers completed after one +1", done);
	CHECK(pids[0] == 0, "the second sleeper went first, not the first");
	CHECK(semctl(id, 0, GETVAL) == 0, "value %d", semctl(id, 0, GETVAL));
	CHECK(sem_op1(id, 0, 1, 0) == 0, "semop +1");
	for (int i = 0; i < 2; i++)
		if (pids[i])
			CHECK(child_errno(pids[i]) == 0, "decrementer %d", i);
}

/* A small decrement is not held back behind a larger one. */
static void test_no_starvation(void)
{
	int id = new_sem(1, MODE);
	pid_t big, small;

	big = sleeper1(id, 0, -BIG_DEC);
	small = sleeper1(id, 0, -1);
	CHECK(sem_op1(id, 0, 1, 0) == 0, "semop +1");
	CHECK(child_errno(small) == 0, "the -1 behind a sleeping -%d", BIG_DEC);
	CHECK(proc_sleeping(big), "the -%d woke on a value of 1", BIG_DEC);
	CHECK(sem_op1(id, 0, BIG_DEC, 0) == 0, "semop +%d", BIG_DEC);
	CHECK(child_errno(big) == 0, "the -%d", BIG_DEC);
	CHECK(semctl(id, 0, GETVAL) == 0, "value %d", semctl(id, 0, GETVAL));
}

/* One increment of n wakes n sleepers; zero waiters wake together too. */
static void test_wake_many(void)
{
	int id = new_sem(NSEMS, MODE);
	pid_t dec[NSLEEPERS], zero[NSLEEPERS];

	CHECK(setval(id, 1, 1) == 0, "SETVAL");
	for (int i = 0; i < NSLEEPERS; i++) {
		dec[i] = sleeper1(id, 0, -1);
		zero[i] = sleeper1(id, 1, 0);
	}
	CHECK(sem_op1(id, 0, NSLEEPERS, 0) == 0, "semop +%d", NSLEEPERS);
	CHECK(sem_op1(id, 1, -1, 0) == 0, "semop -1");
	for (int i = 0; i < NSLEEPERS; i++) {
		CHECK(child_errno(dec[i]) == 0, "decrementer %d", i);
		CHECK(child_errno(zero[i]) == 0, "zero waiter %d", i);
	}
	CHECK(semctl(id, 0, GETVAL) == 0 && semctl(id, 0, GETNCNT) == 0 &&
	      semctl(id, 1, GETZCNT) == 0, "after the wake-ups: value %d ncnt %d zcnt %d",
	      semctl(id, 0, GETVAL), semctl(id, 0, GETNCNT), semctl(id, 1, GETZCNT));
}

static void test_removal(void)
{
	int id = new_sem(NSEMS, MODE);
	pid_t pids[2 * NSLEEPERS];

	CHECK(setval(id, 1, 1) == 0, "SETVAL");
	for (int i = 0; i < NSLEEPERS; i++) {
		pids[2 * i] = sleeper1(id, 0, -1);
		pids[2 * i + 1] = sleeper1(id, 1, 0);
	}
	CHECK(semctl(id, 0, IPC_RMID) == 0, "IPC_RMID");
	for (int i = 0; i < 2 * NSLEEPERS; i++) {
		int err = child_errno(pids[i]);

		CHECK(err == EIDRM, "%s %d after IPC_RMID: errno %d, expected EIDRM",
		      i % 2 ? "zero waiter" : "decrementer", i / 2, err);
	}
}

int main(void)
{
	test_simple();
	test_atomic();
	test_nowait_per_op();
	test_one_each();
	test_no_starvation();
	test_wake_many();
	test_removal();
	return test_done("sem_wake");
}
