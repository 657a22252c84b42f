/*
 * sem_ctl - semctl's commands:
 *  - GETVAL/SETVAL (ERANGE below 0 or above SEMVMX), GETALL/SETALL (one
 *    bad value: ERANGE and nothing set), GETPID, GETNCNT and GETZCNT with
 *    sleeping processes; a semnum out of range is EINVAL;
 *  - SETVAL and SETALL wake the sleepers they satisfy, advance
 *    sem_ctime, leave sem_otime, and (as in Linux) set sempid;
 *  - IPC_STAT, IPC_SET (uid, gid, low 9 mode bits; sem_ctime advances),
 *    IPC_RMID, IPC_INFO (on this kernel, the limits of uapi/ipc.h),
 *    SEM_INFO (sets and semaphores in use) and SEM_STAT (slot index to
 *    id); an unknown command is EINVAL.
 */
#include "ipc_test.h"

#define MODE		0640
#define NEW_MODE	0606
#define NSEMS		3
#define OTHER_UID	2000
#define OTHER_GID	3000
#define TIME_TICK_MS	1100	/* long enough for time() to advance */
#define BAD_CMD		99
#define UNMAPPED_ADDR	((void *)0x50000000)

static struct seminfo limits;

static int setval(int id, int n, int val)
{
	return semctl(id, n, SETVAL, (union semun){ .val = val });
}

static void stat_set(int id, struct semid_ds *ds)
{
	memset(ds, 0, sizeof(*ds));
	CHECK(semctl(id, 0, IPC_STAT, (union semun){ .buf = ds }) == 0,
	      "IPC_STAT");
}

static void test_values(void)
{
	unsigned short all[NSEMS] = { 1, 2, 3 }, got[NSEMS];
	unsigned short bad[NSEMS] = { 7, SEMVMX + 1, 7 };
	int id = new_sem(NSEMS, MODE);

	CHECK(setval(id, 1, SEMVMX) == 0, "SETVAL SEMVMX");
	CHECK(semctl(id, 1, GETVAL) == SEMVMX, "GETVAL %d", semctl(id, 1, GETVAL));
	CHECK_ERR(setval(id, 1, SEMVMX + 1), ERANGE);
	CHECK_ERR(setval(id, 1, -1), ERANGE);
	CHECK(semctl(id, 1, GETVAL) == SEMVMX, "GETVAL %d after ERANGE",
	      semctl(id, 1, GETVAL));

	CHECK(semctl(id, 0, SETALL, (union semun){ .array = all }) == 0, "SETALL");
	memset(got, 0xff, sizeof(got));
	CHECK(semctl(id, 0, GETALL, (union semun){ .array = got }) == 0, "GETALL");
	CHECK(memcmp(got, all, sizeof(all)) == 0, "GETALL gave %u %u %u",
	      got[0], got[1], got[2]);
	CHECK_ERR(semctl(id, 0, SETALL, (union semun){ .array = bad }), ERANGE);
	CHECK(semctl(id, 0, GETALL, (union semun){ .array = got }) == 0 &&
	      memcmp(got, all, sizeof(all)) == 0,
	      "SETALL with a bad value changed %u %u %u", got[0], got[1], got[2]);
	CHECK_ERR(semctl(id, 0, SETALL, (union semun){ .array = UNMAPPED_ADDR }),
		  EFAULT);
	CHECK_ERR(semctl(id, 0, GETALL, (union semun){ .array = UNMAPPED_ADDR }),
		  EFAULT);

	/* semnum out of range. */
	CHECK_ERR(semctl(id, NSEMS, GETVAL), EINVAL);
	CHECK_ERR(semctl(id, -1, GETVAL), EINVAL);
	CHECK_ERR(setval(id, NSEMS, 1), EINVAL);
	CHECK_ERR(semctl(id, NSEMS, GETPID), EINVAL);
	CHECK_ERR(semctl(id, NSEMS, GETNCNT), EINVAL);
	CHECK_ERR(semctl(id, NSEMS, GETZCNT), EINVAL);
	CHECK_ERR(semctl(id, 0, BAD_CMD), EINVAL);
}

/* SETVAL/SETALL: sem_ctime and (Linux) sempid; sem_otime stays. */
static void test_set_times(void)
{
	unsigned short all[NSEMS] = { 4, 5, 6 };
	struct semid_ds ds;
	int id = new_sem(NSEMS, MODE);
	time_t ctime0;
	pid_t pid;

	stat_set(id, &ds);
	ctime0 = ds.sem_ctime;
	sleep_ms(TIME_TICK_MS);
	pid = test_fork();
	if (pid == 0)
		_exit(setval(id, 2, 1) == 0 ? 0 : EXIT_CHILD_FAILED);
	CHECK(child_ok(pid), "child's SETVAL");
	stat_set(id, &ds);
	CHECK(ds.sem_ctime > ctime0, "sem_ctime %ld after SETVAL, was %ld",
	      (long)ds.sem_ctime, (long)ctime0);
	CHECK(ds.sem_otime == 0, "SETVAL set sem_otime %ld", (long)ds.sem_otime);
	CHECK(semctl(id, 2, GETPID) == pid, "GETPID %d after SETVAL by %d",
	      semctl(id, 2, GETPID), pid);
	CHECK(semctl(id, 0, SETALL, (union semun){ .array = all }) == 0, "SETALL");
	for (int i = 0; i < NSEMS; i++)
		CHECK(semctl(id, i, GETPID) == getpid(),
		      "GETPID of semaphore %d after SETALL: %d", i,
		      semctl(id, i, GETPID));
}

/* A child that runs one semop (sleeping) and exits 0 if it completes. */
static pid_t sleeper(int id, int n, int op)
{
	pid_t pid = test_fork();

	if (pid == 0)
		_exit(sem_op1(id, n, op, 0) == 0 ? 0 : EXIT_CHILD_FAILED);
	return pid;
}

/* GETNCNT/GETZCNT count sleepers; SETVAL and SETALL wake them. */
static void test_counts(void)
{
	unsigned short zero[NSEMS] = { 0, 0, 0 };
	int id = new_sem(NSEMS, MODE);
	pid_t dec1, dec2, zero1;

	CHECK(setval(id, 1, 1) == 0, "SETVAL");
	dec1 = sleeper(id, 0, -1);
	dec2 = sleeper(id, 0, -1);
	zero1 = sleeper(id, 1, 0);
	CHECK(wait_semcount(id, 0, GETNCNT, 2), "GETNCNT %d, expected 2",
	      semctl(id, 0, GETNCNT));
	CHECK(wait_semcount(id, 1, GETZCNT, 1), "GETZCNT %d, expected 1",
	      semctl(id, 1, GETZCNT));
	CHECK(semctl(id, 0, GETZCNT) == 0 && semctl(id, 1, GETNCNT) == 0 &&
	      semctl(id, 2, GETNCNT) == 0,
	      "counts of semaphores without such sleepers");

	CHECK(setval(id, 0, 2) == 0, "SETVAL 2");
	CHECK(child_ok(dec1) && child_ok(dec2), "decrementers after SETVAL");
	CHECK(semctl(id, 0, GETVAL) == 0 && semctl(id, 0, GETNCNT) == 0,
	      "after the wake-up: value %d ncnt %d", semctl(id, 0, GETVAL),
	      semctl(id, 0, GETNCNT));
	CHECK(semctl(id, 0, SETALL, (union semun){ .array = zero }) == 0, "SETALL");
	CHECK(child_ok(zero1), "zero waiter after SETALL");
	CHECK(semctl(id, 1, GETZCNT) == 0, "GETZCNT %d after the wake-up",
	      semctl(id, 1, GETZCNT));
}

static void test_stat_set(void)
{
	struct semid_ds ds;
	int id = new_sem(NSEMS, MODE);
	time_t t0 = time(NULL), ctime0;

	stat_set(id, &ds);
	CHECK(ds.sem_nsems == NSEMS, "sem_nsems %lu", ds.sem_nsems);
	CHECK(ds.sem_perm.__key == IPC_PRIVATE && (ds.sem_perm.mode & 0777) == MODE &&
	      ds.sem_perm.uid == geteuid() && ds.sem_perm.cuid == geteuid() &&
	      ds.sem_perm.gid == getegid() && ds.sem_perm.cgid == getegid(),
	      "perm: key %#x mode %#o uid %u cuid %u gid %u cgid %u",
	      ds.sem_perm.__key, ds.sem_perm.mode, ds.sem_perm.uid,
	      ds.sem_perm.cuid, ds.sem_perm.gid, ds.sem_perm.cgid);
	CHECK(ds.sem_otime == 0 && ds.sem_ctime >= t0 && ds.sem_ctime <= time(NULL),
	      "otime %ld ctime %ld", (long)ds.sem_otime, (long)ds.sem_ctime);
	ctime0 = ds.sem_ctime;

	sleep_ms(TIME_TICK_MS);
	ds.sem_perm.uid = OTHER_UID;
	ds.sem_perm.gid = OTHER_GID;
	ds.sem_perm.mode = NEW_MODE;
	ds.sem_nsems = NSEMS + 5;	/* ignored */
	CHECK(semctl(id, 0, IPC_SET, (union semun){ .buf = &ds }) == 0, "IPC_SET");
	stat_set(id, &ds);
	CHECK(ds.sem_perm.uid == OTHER_UID && ds.sem_perm.gid == OTHER_GID &&
	      ds.sem_perm.mode == NEW_MODE && ds.sem_nsems == NSEMS &&
	      ds.sem_perm.cuid == geteuid(),
	      "after IPC_SET: uid %u gid %u mode %#o nsems %lu cuid %u",
	      ds.sem_perm.uid, ds.sem_perm.gid, ds.sem_perm.mode, ds.sem_nsems,
	      ds.sem_perm.cuid);
	CHECK(ds.sem_ctime > ctime0, "sem_ctime %ld after IPC_SET, was %ld",
	      (long)ds.sem_ctime, (long)ctime0);
	CHECK_ERR(semctl(id, 0, IPC_STAT, (union semun){ .buf = UNMAPPED_ADDR }),
		  EFAULT);

	CHECK(semctl(id, 0, IPC_RMID) == 0, "IPC_RMID");
	CHECK_ERR(semctl(id, 0, IPC_STAT, (union semun){ .buf = &ds }), EINVAL);
	CHECK_ERR(semctl(id, 0, GETVAL), EINVAL);
	CHECK_ERR(semctl(id, 0, IPC_RMID), EINVAL);
}

static void test_info(void)
{
	struct seminfo before, after;
	struct semid_ds ds;
	int top, id, found = -1;

	top = semctl(0, 0, IPC_INFO, (union semun){ .__buf = &limits });
	CHECK(top >= 0, "IPC_INFO returned %d", top);
	CHECK(limits.semvmx == SEMVMX && limits.semmsl > 0 && limits.semopm > 0 &&
	      limits.semmni > 0,
	      "IPC_INFO: semvmx %d semmsl %d semopm %d semmni %d", limits.semvmx,
	      limits.semmsl, limits.semopm, limits.semmni);
	if (on_this_kernel())	/* the limits this kernel documents */
		CHECK(limits.semmni == SEMMNI && limits.semmsl == SEMMSL &&
		      limits.semmns == SEMMNS && limits.semopm == SEMOPM &&
		      limits.semaem == SEMAEM,
		      "IPC_INFO: semmni %d semmsl %d semmns %d semopm %d semaem %d",
		      limits.semmni, limits.semmsl, limits.semmns, limits.semopm,
		      limits.semaem);

	CHECK(semctl(0, 0, SEM_INFO, (union semun){ .__buf = &before }) >= 0,
	      "SEM_INFO");
	id = new_sem(NSEMS, MODE);
	top = semctl(0, 0, SEM_INFO, (union semun){ .__buf = &after });
	CHECK(top >= 0, "SEM_INFO returned %d", top);
	CHECK(after.semusz == before.semusz + 1 &&
	      after.semaem == before.semaem + NSEMS,
	      "SEM_INFO: sets %d->%d, semaphores %d->%d; expected +1, +%d",
	      before.semusz, after.semusz, before.semaem, after.semaem, NSEMS);

	for (int idx = 0; idx <= top; idx++)
		if (semctl(idx, 0, SEM_STAT, (union semun){ .buf = &ds }) == id)
			found = idx;
	CHECK(found >= 0, "SEM_STAT found no slot with id %d", id);
	if (found >= 0 &&
	    semctl(found, 0, SEM_STAT, (union semun){ .buf = &ds }) == id)
		CHECK(ds.sem_nsems == NSEMS, "SEM_STAT: sem_nsems %lu", ds.sem_nsems);
	CHECK_ERR(semctl(top + 1, 0, SEM_STAT, (union semun){ .buf = &ds }),
		  EINVAL);
	CHECK(semctl(id, 0, IPC_RMID) == 0, "IPC_RMID");
	CHECK(semctl(0, 0, SEM_INFO, (union semun){ .__buf = &after }) >= 0 &&
	      after.semusz == before.semusz && after.semaem == before.semaem,
	      "SEM_INFO after IPC_RMID: %d sets %d semaphores, expected %d %d",
	      after.semusz, after.semaem, before.semusz, before.semaem);
}

int main(void)
{
	test_info();
	test_values();
	test_set_times();
	test_counts();
	test_stat_set();
	return test_done("sem_ctl");
}
