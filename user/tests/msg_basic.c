/*
 * msg_basic - message queues without blocking: msgsnd and msgrcv with
 * every kind of msgtyp (0, > 0, < 0 including LONG_MIN, MSG_EXCEPT), FIFO
 * order within a type, E2BIG and MSG_NOERROR truncation, ENOMSG under IPC_NOWAIT, the
 * argument errors (EINVAL, EFAULT), and the bookkeeping IPC_STAT shows
 * after each step: msg_qnum, msg_cbytes, msg_lspid, msg_lrpid and the
 * three times, kept exactly.
 */
#include <limits.h>
#include "ipc_test.h"

#define MODE		0640
#define TEXT_LEN	64
#define SHORT_LEN	10
#define LONG_LEN	20
#define UNMAPPED_ADDR	((void *)0x50000000)
#define BAD_CMD		99

struct message {
	long mtype;
	char mtext[TEXT_LEN];
};

static struct msginfo limits;

/* Send a message of type, len bytes of fill; report a failure. */
static void send(int id, long type, size_t len, char fill)
{
	struct message m = { .mtype = type };

	memset(m.mtext, fill, len);
	CHECK(msgsnd(id, &m, len, IPC_NOWAIT) == 0,
	      "msgsnd type %ld, %zu bytes", type, len);
}

/* Receive with msgtyp/flags; expect a message of type and len bytes of fill. */
static void expect(int id, long msgtyp, int flags, long type, size_t len,
		   char fill)
{
	struct message m;
	ssize_t got;
	size_t i;

	memset(&m, 0, sizeof(m));
	got = msgrcv(id, &m, TEXT_LEN, msgtyp, flags | IPC_NOWAIT);
	CHECK(got == (ssize_t)len && m.mtype == type,
	      "msgrcv msgtyp %ld flags %#x: %zd bytes of type %ld, expected %zu of type %ld",
	      msgtyp, flags, got, m.mtype, len, type);
	for (i = 0; got > 0 && i < (size_t)got; i++)
		if (m.mtext[i] != fill)
			break;
	CHECK(got <= 0 || i == (size_t)got,
	      "msgrcv msgtyp %ld: byte %zu is %#x, expected %#x", msgtyp, i,
	      m.mtext[i], fill);
}

static void stat_queue(int id, struct msqid_ds *ds)
{
	memset(ds, 0xa5, sizeof(*ds));
	CHECK(msgctl(id, IPC_STAT, ds) == 0, "msgctl IPC_STAT");
}

static void check_counts(int id, unsigned long qnum, unsigned long cbytes,
			 const char *when)
{
	struct msqid_ds ds;

	stat_queue(id, &ds);
	CHECK(ds.msg_qnum == qnum && ds.msg_cbytes == cbytes,
	      "%s: qnum %lu cbytes %lu, expected %lu and %lu", when,
	      ds.msg_qnum, ds.msg_cbytes, qnum, cbytes);
}

static void test_new_queue(void)
{
	struct msqid_ds ds;
	time_t t0 = time(NULL);
	int id = new_msq(MODE), id2 = new_msq(MODE);

	CHECK(id != id2, "two IPC_PRIVATE queues share id %d", id);
	stat_queue(id, &ds);
	CHECK(ds.msg_perm.__key == IPC_PRIVATE, "key %#x", ds.msg_perm.__key);
	CHECK(ds.msg_perm.uid == geteuid() && ds.msg_perm.cuid == geteuid() &&
	      ds.msg_perm.gid == getegid() && ds.msg_perm.cgid == getegid(),
	      "owner %u/%u creator %u/%u", ds.msg_perm.uid, ds.msg_perm.gid,
	      ds.msg_perm.cuid, ds.msg_perm.cgid);
	CHECK((ds.msg_perm.mode & 0777) == MODE, "mode %#o", ds.msg_perm.mode);
	CHECK(ds.msg_qnum == 0 && ds.msg_cbytes == 0, "new queue: qnum %lu cbytes %lu",
	      ds.msg_qnum, ds.msg_cbytes);
	CHECK(ds.msg_qbytes == (unsigned long)limits.msgmnb,
	      "msg_qbytes %lu, expected msgmnb %d", ds.msg_qbytes, limits.msgmnb);
	CHECK(ds.msg_lspid == 0 && ds.msg_lrpid == 0, "lspid %d lrpid %d",
	      ds.msg_lspid, ds.msg_lrpid);
	CHECK(ds.msg_stime == 0 && ds.msg_rtime == 0, "stime %ld rtime %ld",
	      (long)ds.msg_stime, (long)ds.msg_rtime);
	CHECK(ds.msg_ctime >= t0 && ds.msg_ctime <= time(NULL), "ctime %ld, now %ld",
	      (long)ds.msg_ctime, (long)time(NULL));
}

/* qnum, cbytes, pids and times along a send and two receives. */
static void test_bookkeeping(void)
{
	struct msqid_ds ds;
	time_t t0 = time(NULL);
	int id = new_msq(MODE);
	pid_t child;

	send(id, 1, SHORT_LEN, 'a');
	send(id, 2, LONG_LEN, 'b');
	send(id, 3, 0, 0);		/* an empty message counts too */
	stat_queue(id, &ds);
	CHECK(ds.msg_qnum == 3 && ds.msg_cbytes == SHORT_LEN + LONG_LEN,
	      "after 3 sends: qnum %lu cbytes %lu", ds.msg_qnum, ds.msg_cbytes);
	CHECK(ds.msg_lspid == getpid() && ds.msg_lrpid == 0,
	      "after sends: lspid %d lrpid %d (pid %d)", ds.msg_lspid,
	      ds.msg_lrpid, getpid());
	CHECK(ds.msg_stime >= t0 && ds.msg_stime <= time(NULL) && ds.msg_rtime == 0,
	      "after sends: stime %ld rtime %ld", (long)ds.msg_stime,
	      (long)ds.msg_rtime);

	/* A child receives: msg_lrpid becomes its pid, lspid stays. */
	child = test_fork();
	if (child == 0) {
		expect(id, 0, 0, 1, SHORT_LEN, 'a');
		child_exit();
	}
	CHECK(child_ok(child), "receiving child failed");
	stat_queue(id, &ds);
	CHECK(ds.msg_qnum == 2 && ds.msg_cbytes == LONG_LEN,
	      "after a receive: qnum %lu cbytes %lu", ds.msg_qnum, ds.msg_cbytes);
	CHECK(ds.msg_lrpid == child && ds.msg_lspid == getpid(),
	      "after the child's receive: lrpid %d (child %d) lspid %d",
	      ds.msg_lrpid, child, ds.msg_lspid);
	CHECK(ds.msg_rtime >= t0 && ds.msg_rtime <= time(NULL), "rtime %ld",
	      (long)ds.msg_rtime);

	expect(id, 0, 0, 2, LONG_LEN, 'b');
	expect(id, 0, 0, 3, 0, 0);
	check_counts(id, 0, 0, "emptied queue");
	stat_queue(id, &ds);
	CHECK(ds.msg_lrpid == getpid(), "lrpid %d, expected %d", ds.msg_lrpid,
	      getpid());
}

/* Which message each msgtyp picks. */
static void test_selection(void)
{
	int id = new_msq(MODE);

	/* FIFO within a type, msgtyp > 0 picks the first of that type. */
	send(id, 4, 1, 'A');
	send(id, 2, 2, 'B');
	send(id, 6, 3, 'C');
	send(id, 2, 4, 'D');
	send(id, 3, 5, 'E');
	send(id, LONG_MAX, 6, 'F');
	expect(id, 2, 0, 2, 2, 'B');
	/* msgtyp < 0: the lowest type <= |msgtyp|, the first of equals. */
	send(id, 2, 7, 'G');
	expect(id, -3, 0, 2, 4, 'D');
	expect(id, -3, 0, 2, 7, 'G');
	expect(id, -3, 0, 3, 5, 'E');
	CHECK_ERR(msgrcv(id, &(struct message){ 0 }, TEXT_LEN, -3, IPC_NOWAIT),
		  ENOMSG);
	/* MSG_EXCEPT: the first message not of msgtyp. */
	expect(id, 4, MSG_EXCEPT, 6, 3, 'C');
	CHECK_ERR(msgrcv(id, &(struct message){ 0 }, TEXT_LEN, 7, IPC_NOWAIT),
		  ENOMSG);
	expect(id, -LONG_MAX, 0, 4, 1, 'A');
	/* -LONG_MIN does not exist: Linux takes LONG_MIN as "any type". */
	expect(id, LONG_MIN, 0, LONG_MAX, 6, 'F');
	check_counts(id, 0, 0, "after the selection tests");
	CHECK_ERR(msgrcv(id, &(struct message){ 0 }, TEXT_LEN, 0, IPC_NOWAIT),
		  ENOMSG);
	CHECK_ERR(msgrcv(id, &(struct message){ 0 }, TEXT_LEN, 1,
			 IPC_NOWAIT | MSG_EXCEPT), ENOMSG);
}

/* A message longer than msgsz: E2BIG and kept, or truncated by MSG_NOERROR. */
static void test_truncation(void)
{
	struct message m;
	int id = new_msq(MODE);

	send(id, 1, LONG_LEN, 'x');
	CHECK_ERR(msgrcv(id, &m, SHORT_LEN, 0, IPC_NOWAIT), E2BIG);
	check_counts(id, 1, LONG_LEN, "after E2BIG");
	memset(&m, 0, sizeof(m));
	CHECK(msgrcv(id, &m, SHORT_LEN, 0, IPC_NOWAIT | MSG_NOERROR) == SHORT_LEN,
	      "MSG_NOERROR receive did not return %d bytes", SHORT_LEN);
	CHECK(m.mtext[SHORT_LEN - 1] == 'x' && m.mtext[SHORT_LEN] == 0,
	      "MSG_NOERROR copied %s than %d bytes",
	      m.mtext[SHORT_LEN] ? "more" : "less", SHORT_LEN);
	check_counts(id, 0, 0, "after a truncated receive");

	/* msgsz 0 takes an empty message, and E2BIG for any other. */
	send(id, 1, 0, 0);
	send(id, 1, 1, 'y');
	CHECK(msgrcv(id, &m, 0, 0, IPC_NOWAIT) == 0, "msgsz 0 receive");
	CHECK_ERR(msgrcv(id, &m, 0, 0, IPC_NOWAIT), E2BIG);
	check_counts(id, 1, 1, "after a receive of msgsz 0");
}

/* A message of exactly MSGMAX bytes is allowed, one more is not. */
static void test_sizes(void)
{
	struct {
		long mtype;
		char mtext[];
	} *big = malloc(sizeof(long) + limits.msgmax + 1);
	int id = new_msq(MODE);

	if (!big) {
		CHECK(0, "malloc");
		return;
	}
	big->mtype = 1;
	memset(big->mtext, 'm', limits.msgmax + 1);
	CHECK(msgsnd(id, big, limits.msgmax, IPC_NOWAIT) == 0,
	      "msgsnd of msgmax (%d) bytes", limits.msgmax);
	CHECK_ERR(msgsnd(id, big, limits.msgmax + 1, IPC_NOWAIT), EINVAL);
	CHECK(msgrcv(id, big, limits.msgmax, 0, IPC_NOWAIT) == limits.msgmax,
	      "msgrcv of msgmax bytes");
	free(big);
}

static void test_errors(void)
{
	struct message m = { .mtype = 1 };
	struct msqid_ds ds;
	int id = new_msq(MODE);

	m.mtype = 0;
	CHECK_ERR(msgsnd(id, &m, 1, IPC_NOWAIT), EINVAL);
	m.mtype = -1;
	CHECK_ERR(msgsnd(id, &m, 1, IPC_NOWAIT), EINVAL);
	m.mtype = 1;
	CHECK_ERR(msgsnd(id, &m, (size_t)-1, IPC_NOWAIT), EINVAL);
	CHECK_ERR(msgsnd(-1, &m, 1, IPC_NOWAIT), EINVAL);
	CHECK_ERR(msgrcv(-1, &m, 1, 0, IPC_NOWAIT), EINVAL);
	CHECK_ERR(msgrcv(id, &m, (size_t)-1, 0, IPC_NOWAIT), EINVAL);
	CHECK_ERR(msgctl(-1, IPC_STAT, &ds), EINVAL);
	CHECK_ERR(msgctl(id, BAD_CMD, &ds), EINVAL);
	check_counts(id, 0, 0, "after failed sends");

	/* Bad buffers: EFAULT, and the queue is unchanged. */
	CHECK_ERR(msgsnd(id, UNMAPPED_ADDR, 1, IPC_NOWAIT), EFAULT);
	CHECK_ERR(msgctl(id, IPC_STAT, UNMAPPED_ADDR), EFAULT);
	CHECK_ERR(msgctl(id, IPC_SET, UNMAPPED_ADDR), EFAULT);
	check_counts(id, 0, 0, "after EFAULT calls");
	/* (Linux takes the message off the queue before the failed copy.) */
	send(id, 1, 1, 'z');
	CHECK_ERR(msgrcv(id, UNMAPPED_ADDR, 1, 0, IPC_NOWAIT), EFAULT);

	/* A removed queue's id is invalid. */
	CHECK(msgctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	CHECK_ERR(msgsnd(id, &m, 1, IPC_NOWAIT), EINVAL);
	CHECK_ERR(msgrcv(id, &m, 1, 0, IPC_NOWAIT), EINVAL);
	CHECK_ERR(msgctl(id, IPC_STAT, &ds), EINVAL);
	CHECK_ERR(msgctl(id, IPC_RMID, NULL), EINVAL);
}

int main(void)
{
	CHECK(msgctl(0, IPC_INFO, (struct msqid_ds *)&limits) >= 0,
	      "msgctl IPC_INFO");
	test_new_queue();
	test_bookkeeping();
	test_selection();
	test_truncation();
	test_sizes();
	test_errors();
	return test_done("msg_basic");
}
