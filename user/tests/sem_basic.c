/*
 * sem_basic - semget and semop without sleeping:
 *  - semget: nsems 0 (for a new set), negative or above semmsl: EINVAL;
 *    an existing set asked for more semaphores than it has: EINVAL (0 or
 *    fewer is fine); new semaphores are 0;
 *  - semop applies its operations in order and atomically: when one
 *    cannot complete under IPC_NOWAIT (EAGAIN) or would pass SEMVMX
 *    (ERANGE), none is applied; operations of 0 wait for zero;
 *  - errors: sem_num >= nsems EFBIG, nsops above semopm E2BIG, nsops 0
 *    EINVAL, a bad id EINVAL, a bad array EFAULT;
 *  - sempid (GETPID) and sem_otime are set by a completed semop only;
 *  - semtimedop: the timeout ends a wait with EAGAIN, a bad tv_nsec is
 *    EINVAL.
 */
#include "ipc_test.h"

#define MODE		0600
#define NSEMS		4
#define TIMEOUT_MS	100
#define TIMEOUT_SLACK_MS 5	/* clock granularity */
#define NSEC_PER_SEC	1000000000L
#define UNMAPPED_ADDR	((void *)0x50000000)

static struct seminfo limits;

static int getval(int id, int n)
{
	return semctl(id, n, GETVAL);
}

static void check_vals(int id, const int *want, int n, const char *when)
{
	for (int i = 0; i < n; i++) {
		int v = getval(id, i);

		CHECK(v == want[i], "%s: semaphore %d is %d, expected %d", when,
		      i, v, want[i]);
	}
}

static void test_semget(void)
{
	key_t key = test_key(0x53000000);
	int id;

	CHECK_ERR(semget(IPC_PRIVATE, 0, IPC_CREAT | MODE), EINVAL);
	CHECK_ERR(semget(IPC_PRIVATE, -1, IPC_CREAT | MODE), EINVAL);
	CHECK_ERR(semget(IPC_PRIVATE, limits.semmsl + 1, IPC_CREAT | MODE),
		  EINVAL);
	id = new_sem(limits.semmsl, MODE);
	CHECK(id >= 0, "a set of semmsl (%d) semaphores", limits.semmsl);

	id = track(KIND_SEM, semget(key, NSEMS, IPC_CREAT | IPC_EXCL | MODE));
	CHECK(id >= 0, "semget of key %#x", key);
	CHECK_ERR(semget(key, NSEMS + 1, 0), EINVAL);
	CHECK(semget(key, NSEMS, 0) == id && semget(key, 1, 0) == id &&
	      semget(key, 0, 0) == id,
	      "semget of the existing key with nsems <= %d", NSEMS);
	check_vals(id, (int[NSEMS]){ 0 }, NSEMS, "new set");
}

static void test_semop(void)
{
	int id = new_sem(NSEMS, MODE);
	struct sembuf ops[3];

	/* Positive and negative operations, several in one call. */
	ops[0] = (struct sembuf){ 0, 3, 0 };
	ops[1] = (struct sembuf){ 1, 2, 0 };
	ops[2] = (struct sembuf){ 0, -1, 0 };
	CHECK(semop(id, ops, 3) == 0, "semop +3 +2 -1");
	check_vals(id, (int[]){ 2, 2, 0, 0 }, NSEMS, "after +3 +2 -1");

	/* Operations apply in order: -1 then +1 on a zero value blocks... */
	ops[0] = (struct sembuf){ 2, -1, IPC_NOWAIT };
	ops[1] = (struct sembuf){ 2, 1, 0 };
	CHECK_ERR(semop(id, ops, 2), EAGAIN);
	/* ...while +1 then -1 completes. */
	ops[0] = (struct sembuf){ 2, 1, 0 };
	ops[1] = (struct sembuf){ 2, -1, IPC_NOWAIT };
	CHECK(semop(id, ops, 2) == 0, "semop +1 -1 on a zero value");

	/* All or nothing: the first operation is undone when the second blocks. */
	ops[0] = (struct sembuf){ 0, -1, 0 };
	ops[1] = (struct sembuf){ 3, -1, IPC_NOWAIT };
	CHECK_ERR(semop(id, ops, 2), EAGAIN);
	ops[0] = (struct sembuf){ 0, 5, 0 };
	ops[1] = (struct sembuf){ 1, SEMVMX, 0 };
	CHECK_ERR(semop(id, ops, 2), ERANGE);
	ops[0] = (struct sembuf){ 1, -1, 0 };
	ops[1] = (struct sembuf){ 0, 1, 0 };
	ops[2] = (struct sembuf){ 1, 0, IPC_NOWAIT };
	CHECK_ERR(semop(id, ops, 3), EAGAIN);
	check_vals(id, (int[]){ 2, 2, 0, 0 }, NSEMS, "after failed semops");

	/* Wait for zero: at once on 0, EAGAIN under IPC_NOWAIT otherwise. */
	CHECK(sem_op1(id, 3, 0, 0) == 0, "wait for zero on a zero value");
	CHECK_ERR(sem_op1(id, 0, 0, IPC_NOWAIT), EAGAIN);

	/* Up to SEMVMX exactly, not past it. */
	CHECK(sem_op1(id, 3, SEMVMX, 0) == 0, "semop to SEMVMX");
	CHECK_ERR(sem_op1(id, 3, 1, 0), ERANGE);
	CHECK(getval(id, 3) == SEMVMX, "value %d after ERANGE", getval(id, 3));
	CHECK(sem_op1(id, 3, -SEMVMX, IPC_NOWAIT) == 0, "semop -SEMVMX");
}

static void test_errors(void)
{
	int id = new_sem(NSEMS, MODE);
	struct sembuf *ops = calloc(limits.semopm + 1, sizeof(*ops));

	if (!ops) {
		CHECK(0, "calloc");
		return;
	}
	CHECK_ERR(sem_op1(id, NSEMS, 1, 0), EFBIG);
	for (int i = 0; i <= limits.semopm; i++)
		ops[i] = (struct sembuf){ 0, 1, 0 };
	CHECK(semop(id, ops, limits.semopm) == 0, "semop of semopm (%d) operations",
	      limits.semopm);
	CHECK_ERR(semop(id, ops, limits.semopm + 1), E2BIG);
	CHECK(getval(id, 0) == limits.semopm, "value %d, expected %d",
	      getval(id, 0), limits.semopm);
	CHECK_ERR(semop(id, ops, 0), EINVAL);
	CHECK_ERR(semop(-1, ops, 1), EINVAL);
	CHECK_ERR(semop(id, UNMAPPED_ADDR, 1), EFAULT);
	free(ops);

	CHECK(semctl(id, 0, IPC_RMID) == 0, "IPC_RMID");
	CHECK_ERR(sem_op1(id, 0, 1, 0), EINVAL);
}

static void test_pid_and_time(void)
{
	struct semid_ds ds;
	union semun arg = { .buf = &ds };
	time_t t0 = time(NULL);
	int id = new_sem(NSEMS, MODE);
	pid_t pid;

	CHECK(semctl(id, 0, GETPID) == 0, "GETPID of a new set: %d",
	      semctl(id, 0, GETPID));
	CHECK(semctl(id, 0, IPC_STAT, arg) == 0 && ds.sem_otime == 0,
	      "sem_otime of a new set: %ld", (long)ds.sem_otime);

	pid = test_fork();
	if (pid == 0)
		_exit(sem_op1(id, 1, 1, 0) == 0 ? 0 : EXIT_CHILD_FAILED);
	CHECK(child_ok(pid), "child's semop");
	CHECK(semctl(id, 1, GETPID) == pid, "GETPID %d, expected the child %d",
	      semctl(id, 1, GETPID), pid);
	CHECK(semctl(id, 0, GETPID) == 0, "GETPID of an untouched semaphore");
	CHECK(semctl(id, 0, IPC_STAT, arg) == 0 && ds.sem_otime >= t0 &&
	      ds.sem_otime <= time(NULL), "sem_otime %ld", (long)ds.sem_otime);

	/* A failed semop changes neither. */
	CHECK_ERR(sem_op1(id, 1, -2, IPC_NOWAIT), EAGAIN);
	CHECK(semctl(id, 1, GETPID) == pid, "GETPID %d after a failed semop",
	      semctl(id, 1, GETPID));
}

static void test_timeout(void)
{
	struct timespec ts = { 0, TIMEOUT_MS * NSEC_PER_MSEC };
	struct sembuf op = { 0, -1, 0 };
	int id = new_sem(1, MODE);
	long start = now_ms(), took;

	CHECK_ERR(semtimedop(id, &op, 1, &ts), EAGAIN);
	took = now_ms() - start;
	CHECK(took >= TIMEOUT_MS - TIMEOUT_SLACK_MS,
	      "semtimedop returned after %ld ms, timeout %d ms", took, TIMEOUT_MS);
	CHECK(semctl(id, 0, GETNCNT) == 0, "GETNCNT %d after the timeout",
	      semctl(id, 0, GETNCNT));

	ts.tv_nsec = NSEC_PER_SEC;
	CHECK_ERR(semtimedop(id, &op, 1, &ts), EINVAL);
	ts = (struct timespec){ 0, 0 };
	op.sem_op = 1;
	CHECK(semtimedop(id, &op, 1, &ts) == 0, "semtimedop that need not wait");
	CHECK(getval(id, 0) == 1, "value %d after semtimedop +1", getval(id, 0));
}

int main(void)
{
	CHECK(semctl(0, 0, IPC_INFO, (union semun){ .__buf = &limits }) >= 0,
	      "semctl IPC_INFO");
	test_semget();
	test_semop();
	test_errors();
	test_pid_and_time();
	test_timeout();
	return test_done("sem_basic");
}
