/*
 * ipc_exhaust - one unprivileged user who takes every System V IPC
 * resource to its limits does not starve root of kernel memory.
 *
 * As uid 65534 (nobody) an owner child makes message queues until msgget
 * fails (ENOSPC) and fills each with messages of one size until msgsnd
 * says the queue is full (EAGAIN; sizes vary from queue to queue, zero
 * included), makes semaphore sets of SET_SEMS until semget fails (ENOSPC)
 * and shared memory segments of SEG_PAGES pages until shmget fails
 * (ENOSPC).  Then HOLDERS children of it each take an undo record for
 * every set (a SEM_UNDO semop, until it says ENOSPC: no more undo
 * records) and attach every segment (until shmat says ENOMEM), and stay.
 * Counts are capped at Linux-friendly maxima (CAP_*) so that the test
 * also runs on Linux, whose limits are much higher.
 *
 * With all of that in place, at least half the kernel heap must be free
 * (kstat), and root must still be able to exec (a copy of this program,
 * with long arguments and environment it checks), unlink a file, fork,
 * and run a signal handler.  Then the owner removes everything and all
 * its processes exit: the IPC object counts (MSG_INFO, SEM_INFO,
 * SHM_INFO), free frames, heap use, process count and open descriptors
 * must be back where they were (kstat; Linux has none).
 */
#include "ipc_test.h"

#define NOBODY		65534
#define MODE		0600
#define CAP_QUEUES	33	/* one past Relay's MSGMNI */
#define CAP_MSGS	16384	/* Linux's count limit of a default queue */
#define CAP_SETS	33	/* one past SEMMNI */
#define SET_SEMS	250
#define CAP_SEGS	33	/* one past SHMMNI (and SHMALL) */
#define SEG_PAGES	256
#define PAGE		4096
#define HOLDERS		32
#define MSG_BUF		8192
#define EXEC_FLAG	"--exec-check"
#define LONG_ARG_LEN	3000
#define NENV		40
#define ENV_LEN		200
#define FILE_PATH	"/tmp/ipc_exhaust.file"

static const int msg_sizes[] = { 0, 1, 16, 33, 100, 1000, 8192 };
#define NSIZES		((int)(sizeof(msg_sizes) / sizeof(msg_sizes[0])))

static int queues[CAP_QUEUES], sets[CAP_SETS], segs[CAP_SEGS];
static int nqueues, nsets, nsegs;
static char msgbuf[sizeof(long) + MSG_BUF];
static volatile sig_atomic_t handled;

struct ipc_counts {
	int queues, sets, segs;
};

static struct ipc_counts ipc_counts(void)
{
	struct msginfo mi;
	struct seminfo si;
	struct shm_info hi;
	struct ipc_counts c = { -1, -1, -1 };

	if (msgctl(0, MSG_INFO, (struct msqid_ds *)&mi) >= 0)
		c.queues = mi.msgpool;
	if (semctl(0, 0, SEM_INFO, (union semun){ .__buf = &si }) >= 0)
		c.sets = si.semusz;
	if (shmctl(0, SHM_INFO, (struct shmid_ds *)&hi) >= 0)
		c.segs = hi.used_ids;
	return c;
}

static void fill_queue(int id, int size)
{
	int n = 0;

	*(long *)msgbuf = 1;
	while (n < CAP_MSGS && msgsnd(id, msgbuf, size, IPC_NOWAIT) == 0)
		n++;
	CHECK(n == CAP_MSGS || errno == EAGAIN, "msgsnd of %d bytes, message %d", size, n);
	CHECK(n > 0, "no message of %d bytes fits an empty queue", size);
}

/* The caps are one past Relay's limits: in Relay (kstat answers) the
 * table must fill first, with ENOSPC; Linux, with larger limits, may
 * reach the cap. */
static void check_table_full(const char *call, int made, int cap)
{
	if (free_frames() >= 0)
		CHECK(made < cap && errno == ENOSPC, "%s: %d made, not ENOSPC", call, made);
	else
		CHECK(made == cap || errno == ENOSPC, "%s: %d made", call, made);
}

static void make_objects(void)
{
	long msgs = 0;

	while (nqueues < CAP_QUEUES && (queues[nqueues] = msgget(IPC_PRIVATE, MODE)) >= 0)
		nqueues++;
	check_table_full("msgget", nqueues, CAP_QUEUES);
	for (int i = 0; i < nqueues; i++)
		fill_queue(queues[i], msg_sizes[i % NSIZES]);
	while (nsets < CAP_SETS && (sets[nsets] = semget(IPC_PRIVATE, SET_SEMS, MODE)) >= 0)
		nsets++;
	check_table_full("semget", nsets, CAP_SETS);
	while (nsegs < CAP_SEGS &&
	       (segs[nsegs] = shmget(IPC_PRIVATE, SEG_PAGES * PAGE, MODE)) >= 0)
		nsegs++;
	check_table_full("shmget", nsegs, CAP_SEGS);
	for (int i = 0; i < nqueues; i++) {
		struct msqid_ds ds;
		if (msgctl(queues[i], IPC_STAT, &ds) == 0)
			msgs += (long)ds.msg_qnum;
	}
	printf("ipc_exhaust: %d queues (%ld messages), %d sets, %d segments\n",
	       nqueues, msgs, nsets, nsegs);
}

/* A holder: an undo record per set, an attach per segment, then wait. */
static void hold(int ready, int go)
{
	struct sembuf up = { SET_SEMS - 1, 1, SEM_UNDO };
	int nattach = 0;
	char c;

	for (int i = 0; i < nsets; i++) {
		if (semop(sets[i], &up, 1) < 0) {
			CHECK(errno == ENOSPC, "semop SEM_UNDO on set %d", i);
			break;
		}
	}
	for (int i = 0; i < nsegs; i++) {
		char *p = shmat(segs[i], NULL, 0);
		if (p == (void *)-1) {
			CHECK(errno == ENOMEM, "shmat %d", i);
			break;
		}
		p[0] = 1;
		nattach++;
	}
	CHECK(nattach > 0, "no attach at all");
	CHECK(write(ready, "h", 1) == 1, "holder: reporting");
	while (read(go, &c, 1) < 0 && errno == EINTR)
		;
	child_exit();
}

static void remove_objects(void)
{
	for (int i = 0; i < nqueues; i++)
		CHECK(msgctl(queues[i], IPC_RMID, NULL) == 0, "removing queue %d", i);
	for (int i = 0; i < nsets; i++)
		CHECK(semctl(sets[i], 0, IPC_RMID) == 0, "removing set %d", i);
	for (int i = 0; i < nsegs; i++)
		CHECK(shmctl(segs[i], IPC_RMID, NULL) == 0, "removing segment %d", i);
}

/* The owner: make everything, start the holders, report through ready,
 * and on the word from go take it all down. */
static void owner(int ready, int go)
{
	pid_t holders[HOLDERS];
	int hready[2], hgo[2], nheld = 0;
	char c;

	REQUIRE(become_user(NOBODY, NOBODY), "becoming uid %d", NOBODY);
	make_objects();
	REQUIRE(pipe(hready) == 0 && pipe(hgo) == 0, "pipe");
	for (int i = 0; i < HOLDERS; i++) {
		fflush(stdout);
		holders[i] = fork();
		if (holders[i] == 0) {
			close(hgo[1]);
			close(hready[0]);
			hold(hready[1], hgo[0]);
		}
		if (holders[i] < 0) {
			CHECK(errno == EAGAIN || errno == ENOMEM, "fork of holder %d", i);
			break;
		}
		nheld++;
	}
	close(hready[1]);
	close(hgo[0]);
	for (int i = 0; i < nheld; i++)
		CHECK(read(hready[0], &c, 1) == 1, "holder %d did not report", i);
	CHECK(write(ready, "o", 1) == 1, "owner: reporting");
	while (read(go, &c, 1) < 0 && errno == EINTR)
		;
	close(hgo[1]);
	for (int i = 0; i < nheld; i++)
		CHECK(child_ok(holders[i]), "holder %d failed", i);
	remove_objects();
	child_exit();
}

static void on_usr1(int sig)
{
	(void)sig;
	handled = 1;
}

/* Run as the exec'd program: the arguments and environment arrived? */
static int exec_check(int argc, char **argv, char **envp)
{
	int nenv = 0;

	if (argc != 4 || strlen(argv[2]) != LONG_ARG_LEN || strcmp(argv[3], "end"))
		return 1;
	for (char **e = envp; *e; e++)
		nenv += strncmp(*e, "IPCX", 4) == 0 && strlen(*e) == ENV_LEN;
	return nenv == NENV ? 0 : 2;
}

/* What root must still be able to do. */
static void root_works(const char *self)
{
	static char long_arg[LONG_ARG_LEN + 1], env[NENV][ENV_LEN + 1];
	char *argv[] = { (char *)self, EXEC_FLAG, long_arg, "end", NULL };
	char *envp[NENV + 1];
	pid_t pid;
	int fd;

	memset(long_arg, 'a', LONG_ARG_LEN);
	for (int i = 0; i < NENV; i++) {
		memset(env[i], 'e', ENV_LEN);
		memcpy(env[i], "IPCX", 4);
		envp[i] = env[i];
	}
	envp[NENV] = NULL;
	pid = test_fork();
	if (pid == 0) {
		execve(self, argv, envp);
		_exit(errno);
	}
	CHECK_EXIT("root's exec", pid, 0);

	fd = open(FILE_PATH, O_WRONLY | O_CREAT | O_TRUNC, MODE);
	CHECK(fd >= 0, "root's open(O_CREAT)");
	close(fd);
	CHECK(unlink(FILE_PATH) == 0, "root's unlink");

	pid = test_fork();
	if (pid == 0)
		_exit(0);
	CHECK_EXIT("root's fork", pid, 0);

	CHECK(signal(SIGUSR1, on_usr1) != SIG_ERR, "signal");
	CHECK(raise(SIGUSR1) == 0, "raise");
	CHECK(handled, "the SIGUSR1 handler did not run");
	signal(SIGUSR1, SIG_DFL);
}

/* Print the kernel's heap use; with half_free, check half is free. */
static void check_heap(const char *when, bool half_free)
{
	struct kstat_info k;

	if (kstat(KSTAT_INFO, &k, sizeof(k)) < 0)
		return;
	printf("ipc_exhaust: %s: heap %lu of %lu KiB used, %lu frames free\n",
	       when, k.heap_used >> 10, k.heap_size >> 10, k.free_frames);
	if (half_free)
		CHECK(k.heap_used <= k.heap_size / 2, "%s: %lu of %lu heap bytes used",
		      when, k.heap_used, k.heap_size);
}

int main(int argc, char **argv, char **envp)
{
	struct ipc_counts before, after;
	struct leak_mark mark;
	int ready[2], go[2];
	pid_t pid;
	char c;

	if (argc > 1 && strcmp(argv[1], EXEC_FLAG) == 0)
		return exec_check(argc, argv, envp);
	before = ipc_counts();
	mark_leaks(&mark);
	check_heap("before", false);
	REQUIRE(pipe(ready) == 0 && pipe(go) == 0, "pipe");
	pid = test_fork();
	if (pid == 0) {
		close(ready[0]);
		close(go[1]);
		owner(ready[1], go[0]);
	}
	close(ready[1]);
	close(go[0]);
	CHECK(read(ready[0], &c, 1) == 1, "the owner did not report");
	check_heap("all taken", true);
	root_works(argv[0]);
	close(go[1]);
	close(ready[0]);
	CHECK(child_ok(pid), "the owner failed");
	after = ipc_counts();
	CHECK_EQ("queues", after.queues, before.queues);
	CHECK_EQ("semaphore sets", after.sets, before.sets);
	CHECK_EQ("segments", after.segs, before.segs);
	check_heap("after", false);
	CHECK_LEAKS("after everything was removed", &mark);
	return test_done("ipc_exhaust");
}
