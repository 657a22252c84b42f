/*
 * sem_undo_range - a SEM_UNDO adjustment is range-checked with every
 * earlier operation of the same semop counted, as Linux does: it must
 * stay within -(SEMAEM + 1)..SEMAEM, else the whole call fails with
 * ERANGE and changes nothing (no value, no adjustment).
 *
 * In a child:
 *  - sem 0: +30000 with SEM_UNDO (adjustment -30000), -30000 without;
 *    then two +2768 SEM_UNDO ops in one call would take the adjustment
 *    to -35536: ERANGE, and the value stays 0.  With a third semaphore's
 *    op first in the call, that op is rolled back too.  One +2768 alone
 *    reaches -32768, which Linux allows; one +1 more is ERANGE;
 *  - sem 1 (set to SEMVMX first): -30000 with SEM_UNDO (adjustment
 *    +30000) and +1 without, then -1000 and -1768 in one call would
 *    reach +32768: ERANGE; -1000 and -1767 reach +32767 and succeed; -1
 *    without SEM_UNDO leaves 0.
 * When the child exits its adjustments are applied: sem 0 becomes
 * 2768 - 32768, clamped to 0, and sem 1 becomes 0 + 32767.  An
 * adjustment that had wrapped around would give other values.
 */
#include "ipc_test.h"

#define MODE		0600
#define NSEMS		3
#define SEMVMX_VAL	32767
#define BIG		30000
#define STEP		2768	/* BIG + STEP is SEMAEM + 1 */

static int getval(int id, int n)
{
	return semctl(id, n, GETVAL);
}

static int ops2(int id, struct sembuf a, struct sembuf b)
{
	struct sembuf ops[2] = { a, b };

	return semop(id, ops, 2);
}

static int op1(int id, int num, int op, int flg)
{
	struct sembuf b = { (unsigned short)num, (short)op, (short)flg };

	return semop(id, &b, 1);
}

static void child(void *arg)
{
	int id = *(int *)arg;
	struct sembuf up = { 0, STEP, SEM_UNDO }, other = { 2, 5, SEM_UNDO };
	struct sembuf ops3[3] = { other, up, up };

	/* sem 0: toward -(SEMAEM + 1) */
	CHECK(op1(id, 0, BIG, SEM_UNDO) == 0, "+%d SEM_UNDO", BIG);
	CHECK(op1(id, 0, -BIG, 0) == 0, "-%d", BIG);
	CHECK_ERRNO("two +2768 SEM_UNDO in one call", ops2(id, up, up), ERANGE);
	CHECK_EQ("sem 0 after the refused call", getval(id, 0), 0);
	CHECK_ERRNO("sem 2 +5, then two +2768 in one call", semop(id, ops3, 3), ERANGE);
	CHECK_EQ("sem 2 after the refused call", getval(id, 2), 0);
	CHECK(op1(id, 0, STEP, SEM_UNDO) == 0, "one +2768 SEM_UNDO (adjustment -32768)");
	CHECK_EQ("sem 0", getval(id, 0), STEP);
	CHECK_ERR(op1(id, 0, 1, SEM_UNDO), ERANGE);
	CHECK_EQ("sem 0 after +1", getval(id, 0), STEP);

	/* sem 1: toward SEMAEM + 1 */
	CHECK(op1(id, 1, -BIG, SEM_UNDO) == 0, "-%d SEM_UNDO", BIG);
	CHECK(op1(id, 1, 1, 0) == 0, "+1");
	CHECK_ERRNO("-1000 and -1768 SEM_UNDO in one call",
		    ops2(id, (struct sembuf){ 1, -1000, SEM_UNDO },
			 (struct sembuf){ 1, -1768, SEM_UNDO }), ERANGE);
	CHECK_EQ("sem 1 after the refused call", getval(id, 1), SEMVMX_VAL - BIG + 1);
	CHECK(ops2(id, (struct sembuf){ 1, -1000, SEM_UNDO },
		   (struct sembuf){ 1, -1767, SEM_UNDO }) == 0,
	      "-1000 and -1767 SEM_UNDO (adjustment +32767)");
	CHECK(op1(id, 1, -1, 0) == 0, "-1");
	CHECK_EQ("sem 1", getval(id, 1), 0);
}

int main(void)
{
	int id = new_sem(NSEMS, MODE), status;

	REQUIRE(id >= 0, "semget");
	CHECK(semctl(id, 1, SETVAL, (union semun){ .val = SEMVMX_VAL }) == 0, "SETVAL");
	status = run_child(child, &id);
	CHECK(status == 0, "child: wait status %#x", status);
	CHECK_EQ("sem 0 after the child's undo", getval(id, 0), 0);
	CHECK_EQ("sem 1 after the child's undo", getval(id, 1), SEMVMX_VAL);
	CHECK_EQ("sem 2 after the child's undo", getval(id, 2), 0);
	return test_done("sem_undo_range");
}
