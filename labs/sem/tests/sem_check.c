/*
 * sem_check - the semaphore lab's checks, one behaviour per case:
 *
 *	/lab/sem_check CASE
 *
 *  - up_down:     +1 and -1 change the value, and sempid is the caller;
 *  - all_or_none: a semop whose second op cannot proceed (IPC_NOWAIT)
 *                 fails EAGAIN and leaves the first op undone;
 *  - erange:      an op that would pass SEMVMX fails ERANGE, changes nothing;
 *  - zero:        an op of 0 passes at value 0, else waits (EAGAIN here);
 *  - dec_blocks:  a decrement sleeps until another process increments;
 *  - zero_blocks: a wait-for-zero sleeps until the value reaches 0;
 *  - set_blocks:  a sleeper of two ops completes only when both can;
 *  - undo_exit:   SEM_UNDO adjustments are applied when the process exits;
 *  - undo_wakes:  the undo at exit wakes a process waiting to decrement.
 * Each exits 0 when the behaviour is right.
 */
#include "test.h"
#include <sys/ipc.h>
#include <sys/sem.h>

#define DELAY_MS	100		/* the child's head start for sleeping */
#define NSEMS		2
#define SEMVMX_VALUE	32767

union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
};

static int sid = -1;

static int op(unsigned short num, short delta, short flags)
{
	struct sembuf b = { num, delta, flags };

	return semop(sid, &b, 1);
}

static int value(int num)
{
	return semctl(sid, num, GETVAL);
}

static void set_value(int num, int val)
{
	union semun arg = { .val = val };

	REQUIRE(semctl(sid, num, SETVAL, arg) == 0, "SETVAL");
}

static void check_up_down(void)
{
	CHECK_EQ("+1", op(0, 1, 0), 0);
	CHECK_EQ("value", value(0), 1);
	CHECK_EQ("+2", op(0, 2, 0), 0);
	CHECK_EQ("-3", op(0, -3, 0), 0);
	CHECK_EQ("value", value(0), 0);
	CHECK_EQ("sempid", semctl(sid, 0, GETPID), getpid());
}

static void check_all_or_none(void)
{
	struct sembuf two[2] = { { 0, 1, 0 }, { 1, -1, IPC_NOWAIT } };

	CHECK_ERR(semop(sid, two, 2), EAGAIN);
	CHECK_EQ("first op undone", value(0), 0);
	set_value(1, 1);
	CHECK_EQ("both can go", semop(sid, two, 2), 0);
	CHECK_EQ("sem 0", value(0), 1);
	CHECK_EQ("sem 1", value(1), 0);
}

static void check_erange(void)
{
	struct sembuf two[2] = { { 1, 1, 0 }, { 0, 2, 0 } };

	set_value(0, SEMVMX_VALUE - 1);
	CHECK_ERR(semop(sid, two, 2), ERANGE);
	CHECK_EQ("sem 0 unchanged", value(0), SEMVMX_VALUE - 1);
	CHECK_EQ("sem 1 unchanged", value(1), 0);
}

static void check_zero(void)
{
	CHECK_EQ("zero at 0", op(0, 0, 0), 0);
	set_value(0, 1);
	CHECK_ERR(op(0, 0, IPC_NOWAIT), EAGAIN);
	CHECK_EQ("value kept", value(0), 1);
}

/* Fork a child that, after DELAY_MS, does delta on num. */
static pid_t later(unsigned short num, short delta, short flags)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		sleep_ms(DELAY_MS);
		_exit(op(num, delta, flags) == 0 ? 0 : 1);
	}
	return pid;
}

static void check_dec_blocks(void)
{
	pid_t pid = later(0, 1, 0);

	CHECK_EQ("-1 sleeps, then completes", op(0, -1, 0), 0);
	CHECK(child_ok(pid), "incrementer failed");
	CHECK_EQ("value after +1 and -1", value(0), 0);
}

static void check_zero_blocks(void)
{
	pid_t pid;

	set_value(0, 1);
	pid = later(0, -1, 0);
	CHECK_EQ("wait for zero", op(0, 0, 0), 0);
	CHECK_EQ("value", value(0), 0);
	CHECK(child_ok(pid), "decrementer failed");
}

static void check_set_blocks(void)
{
	struct sembuf two[2] = { { 0, -1, 0 }, { 1, -1, 0 } };
	pid_t first, second;

	first = later(0, 1, 0);
	CHECK(child_ok(first), "first incrementer failed");
	second = later(1, 1, 0);
	CHECK_EQ("both decrements", semop(sid, two, 2), 0);
	CHECK(child_ok(second), "second incrementer failed");
	CHECK_EQ("sem 0", value(0), 0);
	CHECK_EQ("sem 1", value(1), 0);
}

static void check_undo_exit(void)
{
	pid_t pid;

	set_value(0, 3);
	pid = test_fork();
	if (pid == 0) {
		bool ok = op(0, -2, SEM_UNDO) == 0 && op(1, 4, SEM_UNDO) == 0 &&
			  op(1, -1, SEM_UNDO) == 0;
		_exit(ok ? 0 : 1);
	}
	CHECK(child_ok(pid), "child's semops failed");
	CHECK_EQ("sem 0 back", value(0), 3);
	CHECK_EQ("sem 1 back", value(1), 0);
}

static void check_undo_wakes(void)
{
	pid_t pid;

	set_value(0, 1);
	pid = test_fork();
	if (pid == 0) {
		op(0, -1, SEM_UNDO);	/* take it, then exit holding it */
		sleep_ms(DELAY_MS);
		_exit(0);
	}
	while (value(0) != 0)	/* until the child holds it */
		sleep_ms(POLL_MS);
	CHECK_EQ("woken by the undo at exit", op(0, -1, 0), 0);
	CHECK(child_ok(pid), "child failed");
}

static const struct {
	const char *name;
	void (*run)(void);
} cases[] = {
	{ "up_down", check_up_down },
	{ "all_or_none", check_all_or_none },
	{ "erange", check_erange },
	{ "zero", check_zero },
	{ "dec_blocks", check_dec_blocks },
	{ "zero_blocks", check_zero_blocks },
	{ "set_blocks", check_set_blocks },
	{ "undo_exit", check_undo_exit },
	{ "undo_wakes", check_undo_wakes },
};

int main(int argc, char **argv)
{
	for (size_t i = 0; argc == 2 && i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (strcmp(argv[1], cases[i].name) == 0) {
			sid = semget(IPC_PRIVATE, NSEMS, IPC_CREAT | 0600);
			REQUIRE(sid >= 0, "semget");
			cases[i].run();
			semctl(sid, 0, IPC_RMID);
			return test_done(argv[1]);
		}
	}
	fprintf(stderr, "usage: sem_check CASE (up_down, all_or_none, erange, zero, dec_blocks, "
		"zero_blocks, set_blocks, undo_exit, undo_wakes)\n");
	return 2;
}
