/*
 * ipc_keys - keys and ids, the same for queues, semaphore sets and
 * segments:
 *  - IPC_PRIVATE always makes a new object (with IPC_EXCL too);
 *  - a key: missing without IPC_CREAT ENOENT, IPC_CREAT makes it once and
 *    then finds it, IPC_CREAT | IPC_EXCL on an existing key EEXIST; keys
 *    with the top bit set work as well; removal releases the key;
 *  - the id of a removed object stays invalid (EINVAL), even after a new
 *    object took its slot (which gets a new id);
 *  - a full table: ENOSPC, for IPC_PRIVATE and for a new key, until an
 *    object is removed (the size comes from IPC_INFO; a table too large
 *    to fill quickly, as Linux's can be, is skipped with a note);
 *  - ftok: the Linux formula from the file's inode and device numbers.
 */
#include <sys/stat.h>
#include "ipc_test.h"

#define MODE		0600
#define PAGE		4096
#define FULL_TABLE_CAP	65536	/* largest table this test fills */
#define KEY_BASE	0x57000000
#define HIGH_KEY_BASE	((key_t)0x87000000)
#define FTOK_PATH	"/"
#define FTOK_ID		'x'
#define FTOK_ID2	0x1ff	/* only the low 8 bits count */

struct kind {
	const char *name;
	enum ipc_kind kind;
	int (*get)(key_t key, int flags);
	int (*stat)(int id);		/* IPC_STAT */
	int (*use)(int id);		/* an operation on the object */
	int (*info)(int *in_use);	/* IPC_INFO: the table size */
};

static int msg_get(key_t key, int flags)
{
	return msgget(key, flags);
}

static int msg_stat(int id)
{
	struct msqid_ds ds;

	return msgctl(id, IPC_STAT, &ds);
}

static int msg_use(int id)
{
	struct {
		long mtype;
		char mtext[1];
	} m = { 1, { 0 } };

	return msgsnd(id, &m, 1, IPC_NOWAIT);
}

static int msg_info(int *in_use)
{
	struct msginfo info;

	if (msgctl(0, MSG_INFO, (struct msqid_ds *)&info) < 0)
		return -1;
	*in_use = info.msgpool;
	return msgctl(0, IPC_INFO, (struct msqid_ds *)&info) < 0 ? -1 : info.msgmni;
}

static int sem_get(key_t key, int flags)
{
	return semget(key, 1, flags);
}

static int sem_stat(int id)
{
	struct semid_ds ds;

	return semctl(id, 0, IPC_STAT, (union semun){ .buf = &ds });
}

static int sem_use(int id)
{
	return sem_op1(id, 0, 1, IPC_NOWAIT);
}

static int sem_info(int *in_use)
{
	struct seminfo info;

	if (semctl(0, 0, SEM_INFO, (union semun){ .__buf = &info }) < 0)
		return -1;
	*in_use = info.semusz;
	return semctl(0, 0, IPC_INFO, (union semun){ .__buf = &info }) < 0 ?
		-1 : info.semmni;
}

static int shm_get(key_t key, int flags)
{
	return shmget(key, PAGE, flags);
}

static int shm_stat(int id)
{
	struct shmid_ds ds;

	return shmctl(id, IPC_STAT, &ds);
}

static int shm_use(int id)
{
	void *p = shmat(id, NULL, 0);

	return p == (void *)-1 ? -1 : shmdt(p);
}

static int shm_info(int *in_use)
{
	struct shm_info info;
	struct shminfo limits;

	if (shmctl(0, SHM_INFO, (struct shmid_ds *)&info) < 0)
		return -1;
	*in_use = info.used_ids;
	return shmctl(0, IPC_INFO, (struct shmid_ds *)&limits) < 0 ?
		-1 : (int)limits.shmmni;
}

static const struct kind kinds[] = {
	{ "msg", KIND_MSG, msg_get, msg_stat, msg_use, msg_info },
	{ "sem", KIND_SEM, sem_get, sem_stat, sem_use, sem_info },
	{ "shm", KIND_SHM, shm_get, shm_stat, shm_use, shm_info },
};

static int rmid(const struct kind *k, int id)
{
	switch (k->kind) {
	case KIND_MSG:
		return msgctl(id, IPC_RMID, NULL);
	case KIND_SEM:
		return semctl(id, 0, IPC_RMID);
	default:
		return shmctl(id, IPC_RMID, NULL);
	}
}

static void test_private(const struct kind *k)
{
	int a = track(k->kind, k->get(IPC_PRIVATE, IPC_CREAT | MODE));
	int b = track(k->kind, k->get(IPC_PRIVATE, IPC_CREAT | IPC_EXCL | MODE));
	int c = track(k->kind, k->get(IPC_PRIVATE, MODE));

	CHECK(a >= 0 && b >= 0 && c >= 0 && a != b && b != c && a != c,
	      "%s: IPC_PRIVATE gave ids %d %d %d", k->name, a, b, c);
}

static void check_key(const struct kind *k, key_t key)
{
	int id, id2;

	CHECK_ERR(k->get(key, MODE), ENOENT);
	id = track(k->kind, k->get(key, IPC_CREAT | MODE));
	CHECK(id >= 0, "%s: create key %#x", k->name, key);
	CHECK(k->get(key, IPC_CREAT | MODE) == id && k->get(key, 0) == id,
	      "%s: key %#x not found again", k->name, key);
	CHECK_ERR(k->get(key, IPC_CREAT | IPC_EXCL | MODE), EEXIST);
	CHECK(rmid(k, id) == 0, "%s: IPC_RMID", k->name);
	CHECK_ERR(k->get(key, 0), ENOENT);
	id2 = track(k->kind, k->get(key, IPC_CREAT | IPC_EXCL | MODE));
	CHECK(id2 >= 0 && id2 != id, "%s: key %#x made again: id %d, old %d",
	      k->name, key, id2, id);
}

/* The slot of a removed object is reused (lowest free slot), its id is not. */
static void test_stale(const struct kind *k)
{
	int old = k->get(IPC_PRIVATE, IPC_CREAT | MODE), id;

	CHECK(old >= 0, "%s: create", k->name);
	CHECK(rmid(k, old) == 0, "%s: IPC_RMID", k->name);
	id = track(k->kind, k->get(IPC_PRIVATE, IPC_CREAT | MODE));
	CHECK(id >= 0 && id != old, "%s: new id %d after removing %d", k->name, id,
	      old);
	CHECK_ERR(k->stat(old), EINVAL);
	CHECK_ERR(k->use(old), EINVAL);
	CHECK_ERR(rmid(k, old), EINVAL);
	CHECK(k->stat(id) == 0 && k->use(id) == 0, "%s: the new object", k->name);
}

static void test_full(const struct kind *k)
{
	int in_use = 0, size = k->info(&in_use), room, made = 0, *ids, extra;
	key_t key = test_key(KEY_BASE + 0x10000);

	CHECK(size > 0, "%s: IPC_INFO table size %d", k->name, size);
	if (size <= 0)
		return;
	if (size > FULL_TABLE_CAP) {
		printf("ipc_keys: %s table of %d not filled (more than %d)\n",
		       k->name, size, FULL_TABLE_CAP);
		return;
	}
	room = size - in_use;
	ids = malloc((room + 1) * sizeof(*ids));
	if (!ids) {
		CHECK(0, "malloc");
		return;
	}
	while (made <= room && (ids[made] = k->get(IPC_PRIVATE, IPC_CREAT | MODE)) >= 0)
		made++;
	CHECK(made == room && errno == ENOSPC,
	      "%s: %d objects made of %d free slots, then errno %d (expected ENOSPC)",
	      k->name, made, room, errno);
	CHECK_ERR(k->get(key, IPC_CREAT | MODE), ENOSPC);
	if (made > 0) {
		CHECK(rmid(k, ids[--made]) == 0, "%s: IPC_RMID", k->name);
		extra = k->get(key, IPC_CREAT | MODE);
		CHECK(extra >= 0, "%s: create after a removal from a full table",
		      k->name);
		if (extra >= 0)
			rmid(k, extra);
	}
	while (made > 0)
		CHECK(rmid(k, ids[--made]) == 0, "%s: IPC_RMID", k->name);
	free(ids);
}

static void test_ftok(void)
{
	struct stat st;
	key_t key, want;

	CHECK(stat(FTOK_PATH, &st) == 0, "stat %s", FTOK_PATH);
	want = (key_t)((st.st_ino & 0xffff) | ((st.st_dev & 0xff) << 16) |
		       ((unsigned int)FTOK_ID << 24));
	key = ftok(FTOK_PATH, FTOK_ID);
	CHECK(key == want, "ftok(%s, %#x) = %#x, expected %#x", FTOK_PATH,
	      FTOK_ID, key, want);
	CHECK(ftok(FTOK_PATH, FTOK_ID2) ==
	      (key_t)((want & 0xffffff) | ((FTOK_ID2 & 0xffu) << 24)),
	      "ftok uses more than the low 8 bits of id");
	CHECK_ERR(ftok("/no/such/file", FTOK_ID), ENOENT);
}

int main(void)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		const struct kind *k = &kinds[i];

		test_private(k);
		check_key(k, test_key(KEY_BASE + (key_t)(i << 16)));
		check_key(k, test_key(HIGH_KEY_BASE + (key_t)(i << 16)));
		test_stale(k);
		remove_tracked();
		test_full(k);
	}
	test_ftok();
	return test_done("ipc_keys");
}
