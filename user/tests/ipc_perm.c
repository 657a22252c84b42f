/*
 * ipc_perm - who may do what, for queues, semaphore sets and segments.
 *
 * Root makes an object, gives it an owner, group and mode with IPC_SET,
 * and a child that became an ordinary user (uid/gid USER_UID/USER_GID)
 * tries every kind of access:
 *  - read: msgrcv, semop wait-for-zero and GETVAL, shmat SHM_RDONLY,
 *    IPC_STAT, and get with mode 0400 or 0004 (as in Linux, a get asks
 *    for read if any class's read bit is in its mode);
 *  - write: msgsnd, an altering semop (SETVAL too), shmat read-write
 *    (which needs read as well), and get with mode 0200 or 0020;
 *  - control: IPC_SET and IPC_RMID, for the owner or creator only (EPERM
 *    for anyone else, whatever the mode bits).
 * Denied access is EACCES.  The class is chosen first (owner if the user
 * is the owner or creator, else group, else other) and only its bits
 * count.  A get asking for no permission (mode 0) finds the object, as in
 * Linux.  Root passes every check whatever the mode.
 */
#include "ipc_test.h"

#define R		4
#define W		2
#define RW		(R | W)
#define MSG_QBYTES	1024
#define NEVER_TYPE	99
#define OTHER_ID	2000
#define KEY_BASE	0x58000000
#define PAGE		4096

struct kind {
	const char *name;
	enum ipc_kind kind;
	int write_needs;		/* class bits a write needs */
	int (*get)(key_t key, int flags);
	int (*set)(int id, uid_t uid, gid_t gid, int mode);
	int (*stat)(int id);
	int (*rmid)(int id);
	int (*read)(int id);		/* 0, or -1 and errno */
	int (*write)(int id);
};

static int msg_get(key_t key, int flags)
{
	return msgget(key, flags);
}

static int msg_set(int id, uid_t uid, gid_t gid, int mode)
{
	struct msqid_ds ds = { .msg_qbytes = MSG_QBYTES };

	ds.msg_perm.uid = uid;
	ds.msg_perm.gid = gid;
	ds.msg_perm.mode = mode;
	return msgctl(id, IPC_SET, &ds);
}

static int msg_stat(int id)
{
	struct msqid_ds ds;

	return msgctl(id, IPC_STAT, &ds);
}

static int msg_rmid(int id)
{
	return msgctl(id, IPC_RMID, NULL);
}

static int msg_read(int id)
{
	struct {
		long mtype;
		char mtext[1];
	} m;

	if (msgrcv(id, &m, sizeof(m.mtext), NEVER_TYPE, IPC_NOWAIT) < 0 &&
	    errno != ENOMSG)
		return -1;
	return 0;
}

static int msg_write(int id)
{
	long mtype = 1;

	return msgsnd(id, &mtype, 0, IPC_NOWAIT);
}

static int sem_get(key_t key, int flags)
{
	return semget(key, 1, flags);
}

static int sem_set(int id, uid_t uid, gid_t gid, int mode)
{
	struct semid_ds ds = { 0 };

	ds.sem_perm.uid = uid;
	ds.sem_perm.gid = gid;
	ds.sem_perm.mode = mode;
	return semctl(id, 0, IPC_SET, (union semun){ .buf = &ds });
}

static int sem_stat(int id)
{
	struct semid_ds ds;

	return semctl(id, 0, IPC_STAT, (union semun){ .buf = &ds });
}

static int sem_rmid(int id)
{
	return semctl(id, 0, IPC_RMID);
}

/* Wait-for-zero (the value is 0) and GETVAL both need read only. */
static int sem_read(int id)
{
	int zero = sem_op1(id, 0, 0, IPC_NOWAIT), saved = errno;
	int val = semctl(id, 0, GETVAL);

	CHECK((zero < 0) == (val < 0),
	      "wait-for-zero and GETVAL disagree: %d (errno %d) and %d", zero,
	      saved, val);
	return val < 0 ? -1 : 0;
}

/* An altering semop and SETVAL both need write only. */
static int sem_write(int id)
{
	struct sembuf ops[2] = { { 0, 1, 0 }, { 0, -1, 0 } };
	int alter = semop(id, ops, 2), saved = errno;
	int set = semctl(id, 0, SETVAL, (union semun){ .val = 0 });

	CHECK((alter < 0) == (set < 0),
	      "semop and SETVAL disagree: %d (errno %d) and %d", alter, saved, set);
	return set;
}

static int shm_get(key_t key, int flags)
{
	return shmget(key, PAGE, flags);
}

static int shm_set(int id, uid_t uid, gid_t gid, int mode)
{
	struct shmid_ds ds = { 0 };

	ds.shm_perm.uid = uid;
	ds.shm_perm.gid = gid;
	ds.shm_perm.mode = mode;
	return shmctl(id, IPC_SET, &ds);
}

static int shm_stat(int id)
{
	struct shmid_ds ds;

	return shmctl(id, IPC_STAT, &ds);
}

static int shm_rmid(int id)
{
	return shmctl(id, IPC_RMID, NULL);
}

static int shm_attach(int id, int flags)
{
	void *p = shmat(id, NULL, flags);

	return p == (void *)-1 ? -1 : shmdt(p);
}

static int shm_read(int id)
{
	return shm_attach(id, SHM_RDONLY);
}

static int shm_write(int id)
{
	return shm_attach(id, 0);
}

static const struct kind kinds[] = {
	{ "msg", KIND_MSG, W, msg_get, msg_set, msg_stat, msg_rmid, msg_read,
	  msg_write },
	{ "sem", KIND_SEM, W, sem_get, sem_set, sem_stat, sem_rmid, sem_read,
	  sem_write },
	{ "shm", KIND_SHM, RW, shm_get, shm_set, shm_stat, shm_rmid, shm_read,
	  shm_write },
};

/* ret is a call's result: allowed means 0 (or an id), else EACCES/EPERM. */
#define CHECK_ACCESS(ret, allowed, err, what)				\
	do {								\
		int r_;							\
		errno = 0;						\
		r_ = (ret);						\
		CHECK((allowed) ? r_ >= 0 : r_ == -1 && errno == (err),	\
		      "%s: %s (%s, mode %#o): returned %d, expected %s", \
		      k->name, what, label, mode, r_,			\
		      (allowed) ? "success" : #err);			\
	} while (0)

/*
 * In a child that becomes the ordinary user: try everything on object
 * id (of key), whose class bits for that user are granted.
 */
static void probe(const struct kind *k, int id, key_t key, int mode,
		  int granted, bool owner, const char *label)
{
	bool r = granted & R, w = (granted & k->write_needs) == k->write_needs;
	pid_t pid = test_fork();

	if (pid != 0) {
		CHECK(child_ok(pid), "%s: probe of %s, mode %#o", k->name, label, mode);
		return;
	}
	CHECK(become_user(USER_UID, USER_GID), "becoming uid %d", USER_UID);
	CHECK_ACCESS(k->get(key, 0), true, EACCES, "get asking nothing");
	CHECK_ACCESS(k->get(key, R << 6), r, EACCES, "get for read");
	CHECK_ACCESS(k->get(key, R), r, EACCES, "get for read (other bit)");
	CHECK_ACCESS(k->get(key, W << 6), granted & W, EACCES, "get for write");
	CHECK_ACCESS(k->get(key, W << 3), granted & W, EACCES,
		     "get for write (group bit)");
	CHECK_ACCESS(k->read(id), r, EACCES, "read");
	CHECK_ACCESS(k->stat(id), r, EACCES, "IPC_STAT");
	CHECK_ACCESS(k->write(id), w, EACCES, "write");
	CHECK_ACCESS(k->set(id, USER_UID, USER_GID, mode), owner, EPERM, "IPC_SET");
	CHECK_ACCESS(k->rmid(id), owner, EPERM, "IPC_RMID");
	child_exit();
}

/* A new object of key, given owner uid/gid and mode by root. */
static int make(const struct kind *k, key_t key, uid_t uid, gid_t gid, int mode)
{
	int id = track(k->kind, k->get(key, IPC_CREAT | IPC_EXCL | 0600));

	CHECK(id >= 0, "%s: create key %#x", k->name, key);
	CHECK(k->set(id, uid, gid, mode) == 0, "%s: IPC_SET as root", k->name);
	return id;
}

static void test_classes(const struct kind *k, key_t key)
{
	static const struct {
		const char *label;
		uid_t uid;
		gid_t gid;
		int mode;
		int granted;
		bool owner;
	} cases[] = {
		{ "other, no bits", 0, 0, 0660, 0, false },
		{ "other, read", 0, 0, 0604, R, false },
		{ "other, write", 0, 0, 0602, W, false },
		{ "other, all", 0, 0, 0666, RW, false },
		{ "group", 0, USER_GID, 0660, RW, false },
		{ "group without bits", 0, USER_GID, 0606, 0, false },
		{ "group, read", 0, USER_GID, 0040, R, false },
		{ "owner", USER_UID, OTHER_ID, 0600, RW, true },
		{ "owner without bits", USER_UID, USER_GID, 0066, 0, true },
		{ "owner, write", USER_UID, OTHER_ID, 0200, W, true },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int id = make(k, key, cases[i].uid, cases[i].gid, cases[i].mode);

		probe(k, id, key, cases[i].mode, cases[i].granted, cases[i].owner,
		      cases[i].label);
		k->rmid(id);
	}
}

/* The creator keeps the owner's rights after IPC_SET gives the object away. */
static void test_creator(const struct kind *k, key_t key)
{
	pid_t pid = test_fork();
	int id;

	if (pid == 0) {
		CHECK(become_user(USER_UID, USER_GID), "becoming uid %d", USER_UID);
		CHECK(k->get(key, IPC_CREAT | IPC_EXCL | 0600) >= 0,
		      "%s: create as uid %d", k->name, USER_UID);
		child_exit();
	}
	CHECK(child_ok(pid), "%s: the creating child", k->name);
	id = track(k->kind, k->get(key, 0));
	CHECK(id >= 0 && k->set(id, OTHER_ID, OTHER_ID, 0600) == 0,
	      "%s: IPC_SET as root", k->name);
	probe(k, id, key, 0600, RW, true, "creator");
	k->rmid(id);
}

/* Root passes every permission check. */
static void test_root(const struct kind *k, key_t key)
{
	int id = make(k, key, OTHER_ID, OTHER_ID, 0);

	CHECK(k->get(key, 0666) == id, "%s: root's get of a mode 0 object", k->name);
	CHECK(k->read(id) == 0 && k->stat(id) == 0 && k->write(id) == 0,
	      "%s: root's access to a mode 0 object", k->name);
	CHECK(k->rmid(id) == 0, "%s: root's IPC_RMID", k->name);
}

int main(void)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		key_t key = test_key(KEY_BASE + (key_t)(i << 16));

		test_classes(&kinds[i], key);
		test_creator(&kinds[i], key);
		test_root(&kinds[i], key);
		remove_tracked();
	}
	return test_done("ipc_perm");
}
