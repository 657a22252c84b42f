/*
 * sem_undo - SEM_UNDO: each process keeps one adjustment per semaphore
 * it changed with SEM_UNDO, applied when it exits:
 *  - on a normal exit and after SIGKILL, and the wake-up it causes lets
 *    a sleeper through;
 *  - adjustments add up over several semops and several sets;
 *  - applied without sleeping, the result clamped to 0..SEMVMX;
 *  - SETVAL and SETALL clear the adjustments of what they set;
 *  - a removed set's adjustments are dropped (a new set is untouched);
 *  - fork does not copy them (a child's exit undoes nothing of its
 *    parent's); exec keeps them;
 *  - an adjustment beyond SEMAEM is ERANGE (Linux allows down to
 *    -(SEMAEM + 1); the check here stays clear of that edge).
 */
#include "ipc_test.h"

#define MODE		0600
#define NSEMS		2
#define BASE_VALUE	5
#define EXIT_FLAG	"--exit"	/* run as the exec'd program: just exit */

/* A child that runs part of a test and waits for the parent's word. */
struct helper {
	pid_t pid;
	int go[2];		/* parent -> child: "exit now" */
	int ready[2];		/* child -> parent: "done, waiting" */
};

static int setval(int id, int n, int val)
{
	return semctl(id, n, SETVAL, (union semun){ .val = val });
}

static int getval(int id, int n)
{
	return semctl(id, n, GETVAL);
}

/* Start a helper that runs fn(id), reports, and waits to be told to exit. */
static void start_helper(struct helper *h, void (*fn)(int id), int id)
{
	char c = 0;

	if (pipe(h->go) < 0 || pipe(h->ready) < 0) {
		CHECK(0, "pipe");
		exit(1);
	}
	h->pid = test_fork();
	if (h->pid == 0) {
		close(h->go[1]);
		close(h->ready[0]);
		fn(id);
		write(h->ready[1], &c, 1);
		read(h->go[0], &c, 1);
		child_exit();
	}
	close(h->go[0]);
	close(h->ready[1]);
	CHECK(read(h->ready[0], &c, 1) == 1, "helper died before it was ready");
}

/* Tell the helper to exit; did it exit with status 0? */
static bool end_helper(struct helper *h)
{
	close(h->go[1]);
	close(h->ready[0]);
	return child_ok(h->pid);
}

static void up_undo(int id)
{
	CHECK(sem_op1(id, 0, 1, SEM_UNDO) == 0, "semop +1 SEM_UNDO");
}

static void down_undo(int id)
{
	CHECK(sem_op1(id, 0, -1, SEM_UNDO) == 0, "semop -1 SEM_UNDO");
}

static void up5_undo(int id)
{
	CHECK(sem_op1(id, 0, BASE_VALUE, SEM_UNDO) == 0, "semop +%d SEM_UNDO",
	      BASE_VALUE);
}

/* +1 +1 +1 -1 on semaphore 0 and +1 on semaphore 1, all with SEM_UNDO. */
static void mixed_undo(int id)
{
	struct sembuf ops[] = { { 0, 1, SEM_UNDO }, { 0, 1, SEM_UNDO },
				{ 1, 1, SEM_UNDO } };

	CHECK(semop(id, ops, 3) == 0, "semop with three SEM_UNDO operations");
	CHECK(sem_op1(id, 0, 1, SEM_UNDO) == 0 && sem_op1(id, 0, -1, SEM_UNDO) == 0 &&
	      sem_op1(id, 0, 1, SEM_UNDO) == 0, "semops with SEM_UNDO");
}

static void test_exit(void)
{
	int id = new_sem(NSEMS, MODE);
	struct helper h;

	start_helper(&h, up_undo, id);
	CHECK(getval(id, 0) == 1, "value %d while the helper lives", getval(id, 0));
	CHECK(end_helper(&h), "helper");
	CHECK(getval(id, 0) == 0, "value %d after +1 SEM_UNDO and exit",
	      getval(id, 0));

	CHECK(setval(id, 0, BASE_VALUE) == 0, "SETVAL");
	start_helper(&h, mixed_undo, id);
	CHECK(getval(id, 0) == BASE_VALUE + 3 && getval(id, 1) == 1,
	      "values %d %d while the helper lives", getval(id, 0), getval(id, 1));
	CHECK(end_helper(&h), "helper");
	CHECK(getval(id, 0) == BASE_VALUE && getval(id, 1) == 0,
	      "values %d %d after the helper's exit, expected %d 0",
	      getval(id, 0), getval(id, 1), BASE_VALUE);
}

/* Killed holding a lock: the undo gives it back and wakes the next taker. */
static void test_sigkill(void)
{
	int id = new_sem(1, MODE);
	struct helper h;
	pid_t waiter;

	CHECK(setval(id, 0, 1) == 0, "SETVAL");
	start_helper(&h, down_undo, id);
	waiter = test_fork();
	if (waiter == 0)
		_exit(sem_op1(id, 0, -1, 0) == 0 ? 0 : EXIT_CHILD_FAILED);
	CHECK(wait_semcount(id, 0, GETNCNT, 1), "the waiter did not sleep");
	kill(h.pid, SIGKILL);
	CHECK(child_killed_by(h.pid, SIGKILL), "helper not killed by SIGKILL");
	close(h.go[1]);
	close(h.ready[0]);
	CHECK(child_ok(waiter), "the waiter after the holder was killed");
	CHECK(getval(id, 0) == 0, "value %d after the undo and the waiter",
	      getval(id, 0));
}

static void test_clamp(void)
{
	int id = new_sem(1, MODE);
	struct helper h;

	/* Adjustment -5 on a value of 1: clamped to 0. */
	start_helper(&h, up5_undo, id);
	CHECK(sem_op1(id, 0, -(BASE_VALUE - 1), 0) == 0, "semop -%d", BASE_VALUE - 1);
	CHECK(end_helper(&h), "helper");
	CHECK(getval(id, 0) == 0, "value %d after an undo below 0", getval(id, 0));

	/* Adjustment +1 on SEMVMX: clamped to SEMVMX. */
	CHECK(setval(id, 0, 1) == 0, "SETVAL");
	start_helper(&h, down_undo, id);
	CHECK(sem_op1(id, 0, SEMVMX, 0) == 0, "semop +SEMVMX");
	CHECK(end_helper(&h), "helper");
	CHECK(getval(id, 0) == SEMVMX, "value %d after an undo past SEMVMX",
	      getval(id, 0));
}

/* SETVAL and SETALL clear the adjustments of the semaphores they set. */
static void test_set_clears(void)
{
	unsigned short all[NSEMS] = { 3, 4 };
	int id = new_sem(NSEMS, MODE);
	struct helper h;

	start_helper(&h, mixed_undo, id);
	CHECK(setval(id, 0, 7) == 0, "SETVAL");
	CHECK(end_helper(&h), "helper");
	CHECK(getval(id, 0) == 7 && getval(id, 1) == 0,
	      "values %d %d: SETVAL kept semaphore 0's adjustment or lost 1's",
	      getval(id, 0), getval(id, 1));

	start_helper(&h, mixed_undo, id);
	CHECK(semctl(id, 0, SETALL, (union semun){ .array = all }) == 0, "SETALL");
	CHECK(end_helper(&h), "helper");
	CHECK(getval(id, 0) == 3 && getval(id, 1) == 4,
	      "values %d %d after SETALL and the helper's exit, expected 3 4",
	      getval(id, 0), getval(id, 1));
}

/* A removed set's adjustments are dropped; a new set is not touched. */
static void test_removed_set(void)
{
	int id = new_sem(NSEMS, MODE), id2;
	struct helper h;

	start_helper(&h, mixed_undo, id);
	CHECK(semctl(id, 0, IPC_RMID) == 0, "IPC_RMID");
	id2 = new_sem(NSEMS, MODE);
	CHECK(setval(id2, 0, BASE_VALUE) == 0, "SETVAL");
	CHECK(end_helper(&h), "helper of the removed set");
	CHECK(getval(id2, 0) == BASE_VALUE && getval(id2, 1) == 0,
	      "new set's values %d %d after the exit, expected %d 0",
	      getval(id2, 0), getval(id2, 1), BASE_VALUE);
}

/* A child of a process with adjustments has none. */
static void fork_no_undo(int id)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	CHECK(pid > 0 && child_ok(pid), "grandchild");
	CHECK(getval(id, 0) == 1, "value %d after a child without adjustments exited",
	      getval(id, 0));
}

static void up_and_fork(int id)
{
	up_undo(id);
	fork_no_undo(id);
}

static void test_fork_no_copy(void)
{
	int id = new_sem(1, MODE);
	struct helper h;

	start_helper(&h, up_and_fork, id);
	CHECK(getval(id, 0) == 1, "value %d", getval(id, 0));
	CHECK(end_helper(&h), "helper");
	CHECK(getval(id, 0) == 0, "value %d after the helper's exit", getval(id, 0));
}

/*
 * exec keeps the adjustments (POSIX: the new image inherits them): they
 * are applied when the new program exits.
 */
static void test_exec(const char *self)
{
	int id = new_sem(1, MODE);
	pid_t pid = test_fork();

	if (pid == 0) {
		if (sem_op1(id, 0, 1, SEM_UNDO) < 0)
			_exit(EXIT_CHILD_FAILED);
		execl(self, self, EXIT_FLAG, (char *)NULL);
		_exit(EXIT_CHILD_FAILED);
	}
	CHECK(child_ok(pid), "child that execs");
	CHECK(getval(id, 0) == 0, "value %d after the exec'd program exited: "
	      "the adjustment was lost at exec", getval(id, 0));
}

/* Adjustments are bounded by SEMAEM: ERANGE, nothing applied. */
static void semaem_limit(int id)
{
	CHECK(sem_op1(id, 0, SEMVMX, SEM_UNDO) == 0, "semop +SEMVMX SEM_UNDO");
	CHECK(sem_op1(id, 0, -SEMVMX, 0) == 0, "semop -SEMVMX");
	CHECK_ERR(sem_op1(id, 0, 2, SEM_UNDO), ERANGE);
	CHECK(getval(id, 0) == 0, "value %d after ERANGE", getval(id, 0));
}

static void test_semaem(void)
{
	int id = new_sem(1, MODE);
	struct helper h;

	start_helper(&h, semaem_limit, id);
	CHECK(end_helper(&h), "helper");
	CHECK(getval(id, 0) == 0, "value %d after an undo below 0", getval(id, 0));
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], EXIT_FLAG) == 0)
		return 0;		/* the exec'd program of test_exec */
	test_exit();
	test_sigkill();
	test_clamp();
	test_set_clears();
	test_removed_set();
	test_fork_no_copy();
	test_exec(argv[0]);
	test_semaem();
	return test_done("sem_undo");
}
