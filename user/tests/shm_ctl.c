/*
 * shm_ctl - shmctl's commands:
 *  - IPC_STAT: shm_segsz, shm_cpid, shm_lpid, shm_nattch and the three
 *    times, exactly, after creation, shmat and shmdt;
 *  - IPC_SET: uid, gid and the low 9 mode bits change (SHM_DEST and
 *    SHM_LOCKED stay as they are), shm_ctime advances;
 *  - IPC_RMID of an attached segment: SHM_DEST is set, the key is free at
 *    once (shmget ENOENT, or a new segment), the memory and IPC_STAT keep
 *    working until the last shmdt, after which the id is EINVAL;
 *  - SHM_LOCK/SHM_UNLOCK set and clear SHM_LOCKED for root; EPERM for a
 *    user who does not own the segment;
 *  - IPC_INFO (on this kernel, the limits of uapi/ipc.h), SHM_INFO
 *    (segments, pages, resident pages in use) and SHM_STAT (slot index to
 *    id); an unknown command is EINVAL.
 */
#include "ipc_test.h"

#define MODE		0640
#define NEW_MODE	0606
#define PAGE		4096
#define SIZE		(3 * PAGE + 1)
#define SIZE_PAGES	4
#define OTHER_UID	2000
#define OTHER_GID	3000
#define TIME_TICK_MS	1100	/* long enough for time() to advance */
#define BAD_CMD		99
#define FILL		0x77
#define UNMAPPED_ADDR	((void *)0x50000000)

static void stat_seg(int id, struct shmid_ds *ds)
{
	memset(ds, 0xa5, sizeof(*ds));
	CHECK(shmctl(id, IPC_STAT, ds) == 0, "IPC_STAT");
}

static void test_stat(void)
{
	struct shmid_ds ds;
	time_t t0 = time(NULL), ctime0;
	int id = new_shm(SIZE, MODE);
	char *p;
	pid_t pid;

	stat_seg(id, &ds);
	CHECK(ds.shm_segsz == SIZE && ds.shm_cpid == getpid() && ds.shm_lpid == 0 &&
	      ds.shm_nattch == 0,
	      "new: segsz %zu cpid %d lpid %d nattch %lu", ds.shm_segsz,
	      ds.shm_cpid, ds.shm_lpid, ds.shm_nattch);
	CHECK(ds.shm_atime == 0 && ds.shm_dtime == 0 && ds.shm_ctime >= t0 &&
	      ds.shm_ctime <= time(NULL), "new: atime %ld dtime %ld ctime %ld",
	      (long)ds.shm_atime, (long)ds.shm_dtime, (long)ds.shm_ctime);
	CHECK(ds.shm_perm.__key == IPC_PRIVATE && ds.shm_perm.mode == MODE &&
	      ds.shm_perm.uid == geteuid() && ds.shm_perm.cuid == geteuid() &&
	      ds.shm_perm.gid == getegid() && ds.shm_perm.cgid == getegid(),
	      "perm: key %#x mode %#o uid %u cuid %u gid %u cgid %u",
	      ds.shm_perm.__key, ds.shm_perm.mode, ds.shm_perm.uid,
	      ds.shm_perm.cuid, ds.shm_perm.gid, ds.shm_perm.cgid);
	ctime0 = ds.shm_ctime;

	/* A child attaches and detaches: lpid is the child's, times are set. */
	pid = test_fork();
	if (pid == 0) {
		p = shmat(id, NULL, 0);
		CHECK(p != (void *)-1, "shmat");
		stat_seg(id, &ds);
		CHECK(ds.shm_nattch == 1 && ds.shm_lpid == getpid() &&
		      ds.shm_atime >= t0 && ds.shm_dtime == 0,
		      "attached: nattch %lu lpid %d atime %ld dtime %ld",
		      ds.shm_nattch, ds.shm_lpid, (long)ds.shm_atime,
		      (long)ds.shm_dtime);
		CHECK(shmdt(p) == 0, "shmdt");
		child_exit();
	}
	CHECK(child_ok(pid), "child");
	stat_seg(id, &ds);
	CHECK(ds.shm_nattch == 0 && ds.shm_lpid == pid && ds.shm_dtime >= t0 &&
	      ds.shm_dtime <= time(NULL) && ds.shm_cpid == getpid(),
	      "detached: nattch %lu lpid %d (child %d) dtime %ld cpid %d",
	      ds.shm_nattch, ds.shm_lpid, pid, (long)ds.shm_dtime, ds.shm_cpid);

	/* IPC_SET */
	sleep_ms(TIME_TICK_MS);
	ds.shm_perm.uid = OTHER_UID;
	ds.shm_perm.gid = OTHER_GID;
	ds.shm_perm.mode = NEW_MODE | SHM_DEST | SHM_LOCKED;
	ds.shm_segsz = 1;			/* ignored */
	CHECK(shmctl(id, IPC_SET, &ds) == 0, "IPC_SET");
	stat_seg(id, &ds);
	CHECK(ds.shm_perm.uid == OTHER_UID && ds.shm_perm.gid == OTHER_GID &&
	      ds.shm_perm.mode == NEW_MODE && ds.shm_segsz == SIZE &&
	      ds.shm_perm.cuid == geteuid(),
	      "after IPC_SET: uid %u gid %u mode %#o segsz %zu cuid %u",
	      ds.shm_perm.uid, ds.shm_perm.gid, ds.shm_perm.mode, ds.shm_segsz,
	      ds.shm_perm.cuid);
	CHECK(ds.shm_ctime > ctime0, "shm_ctime %ld after IPC_SET, was %ld",
	      (long)ds.shm_ctime, (long)ctime0);
	CHECK_ERR(shmctl(id, IPC_STAT, UNMAPPED_ADDR), EFAULT);
	CHECK_ERR(shmctl(id, BAD_CMD, &ds), EINVAL);
}

static void test_rmid(void)
{
	key_t key = test_key(0x56000000);
	int id = track(KIND_SHM, shmget(key, SIZE, IPC_CREAT | IPC_EXCL | MODE));
	struct shmid_ds ds;
	int id2;
	char *p;

	CHECK(id >= 0, "shmget of key %#x", key);
	p = shmat(id, NULL, 0);
	if (p == (void *)-1) {
		CHECK(0, "shmat");
		return;
	}
	p[0] = FILL;
	CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	stat_seg(id, &ds);
	CHECK((ds.shm_perm.mode & SHM_DEST) && ds.shm_nattch == 1,
	      "after IPC_RMID: mode %#o nattch %lu", ds.shm_perm.mode, ds.shm_nattch);
	CHECK(ds.shm_perm.__key == IPC_PRIVATE,
	      "after IPC_RMID the key is %#x, not IPC_PRIVATE", ds.shm_perm.__key);
	CHECK_ERR(shmget(key, SIZE, 0), ENOENT);
	id2 = track(KIND_SHM, shmget(key, SIZE, IPC_CREAT | IPC_EXCL | MODE));
	CHECK(id2 >= 0 && id2 != id, "a new segment of the released key: %d (old %d)",
	      id2, id);
	CHECK(p[0] == FILL, "the removed segment's memory changed");
	p[1] = FILL;
	CHECK(shmdt(p) == 0, "shmdt");
	CHECK_ERR(shmctl(id, IPC_STAT, &ds), EINVAL);
	CHECK_ERR(shmctl(id, IPC_RMID, NULL), EINVAL);
	/* An unattached segment goes at once. */
	CHECK(shmctl(id2, IPC_RMID, NULL) == 0, "IPC_RMID");
	CHECK_ERR(shmctl(id2, IPC_STAT, &ds), EINVAL);
}

static void test_lock(void)
{
	struct shmid_ds ds;
	int id = new_shm(SIZE, MODE);
	pid_t pid;

	CHECK(shmctl(id, SHM_LOCK, NULL) == 0, "SHM_LOCK as root");
	stat_seg(id, &ds);
	CHECK(ds.shm_perm.mode & SHM_LOCKED, "mode %#o after SHM_LOCK",
	      ds.shm_perm.mode);
	pid = test_fork();
	if (pid == 0) {
		CHECK(become_user(USER_UID, USER_GID), "becoming uid %d", USER_UID);
		CHECK_ERR(shmctl(id, SHM_UNLOCK, NULL), EPERM);
		CHECK_ERR(shmctl(id, SHM_LOCK, NULL), EPERM);
		child_exit();
	}
	CHECK(child_ok(pid), "the non-owner's SHM_LOCK/SHM_UNLOCK");
	CHECK(shmctl(id, SHM_UNLOCK, NULL) == 0, "SHM_UNLOCK as root");
	stat_seg(id, &ds);
	CHECK(!(ds.shm_perm.mode & SHM_LOCKED), "mode %#o after SHM_UNLOCK",
	      ds.shm_perm.mode);
}

static void get_shm_info(struct shm_info *info, int *top)
{
	memset(info, 0, sizeof(*info));
	*top = shmctl(0, SHM_INFO, (struct shmid_ds *)info);
	CHECK(*top >= 0, "SHM_INFO returned %d", *top);
}

static void test_info(void)
{
	struct shm_info before, after;
	struct shminfo limits;
	struct shmid_ds ds;
	int top, id, found = -1;
	char *p;

	top = shmctl(0, IPC_INFO, (struct shmid_ds *)&limits);
	CHECK(top >= 0, "IPC_INFO returned %d", top);
	CHECK(limits.shmmin == 1 && limits.shmmni > 0 && limits.shmmax >= PAGE &&
	      limits.shmall > 0,
	      "IPC_INFO: shmmin %lu shmmni %lu shmmax %lu shmall %lu",
	      limits.shmmin, limits.shmmni, limits.shmmax, limits.shmall);
	if (on_this_kernel())	/* the limits this kernel documents */
		CHECK(limits.shmmax == SHMMAX && limits.shmmni == SHMMNI &&
		      limits.shmall == SHMALL && limits.shmseg == SHMSEG,
		      "IPC_INFO: shmmax %lu shmmni %lu shmall %lu shmseg %lu",
		      limits.shmmax, limits.shmmni, limits.shmall, limits.shmseg);

	get_shm_info(&before, &top);
	id = new_shm(SIZE, MODE);
	get_shm_info(&after, &top);
	CHECK(after.used_ids == before.used_ids + 1 &&
	      after.shm_tot == before.shm_tot + SIZE_PAGES &&
	      after.shm_rss == before.shm_rss,
	      "SHM_INFO: ids %d->%d, pages %lu->%lu, resident %lu->%lu; expected +1, +%d, +0",
	      before.used_ids, after.used_ids, before.shm_tot, after.shm_tot,
	      before.shm_rss, after.shm_rss, SIZE_PAGES);
	p = shmat(id, NULL, 0);
	if (p != (void *)-1) {
		p[0] = FILL;
		p[2 * PAGE] = FILL;
		get_shm_info(&after, &top);
		CHECK(after.shm_rss == before.shm_rss + 2,
		      "SHM_INFO: %lu resident pages after touching 2, was %lu",
		      after.shm_rss, before.shm_rss);
		CHECK(shmdt(p) == 0, "shmdt");
	}

	for (int idx = 0; idx <= top; idx++)
		if (shmctl(idx, SHM_STAT, &ds) == id)
			found = idx;
	CHECK(found >= 0, "SHM_STAT found no slot with id %d", id);
	if (found >= 0 && shmctl(found, SHM_STAT, &ds) == id)
		CHECK(ds.shm_segsz == SIZE, "SHM_STAT: shm_segsz %zu", ds.shm_segsz);
	CHECK_ERR(shmctl(top + 1, SHM_STAT, &ds), EINVAL);

	CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	get_shm_info(&after, &top);
	CHECK(after.used_ids == before.used_ids && after.shm_tot == before.shm_tot &&
	      after.shm_rss == before.shm_rss,
	      "SHM_INFO after IPC_RMID: %d ids %lu pages %lu resident, expected %d %lu %lu",
	      after.used_ids, after.shm_tot, after.shm_rss, before.used_ids,
	      before.shm_tot, before.shm_rss);
}

int main(void)
{
	test_stat();
	test_rmid();
	test_lock();
	test_info();
	return test_done("shm_ctl");
}
