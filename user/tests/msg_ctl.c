/*
 * msg_ctl - msgctl's commands:
 *  - IPC_STAT (on this kernel also with the IPC_64 flag, which uapi/ipc.h
 *    says is accepted and ignored; Linux's direct calls mishandle it);
 *  - IPC_SET: uid, gid, the low 9 mode bits and msg_qbytes change,
 *    nothing else does, msg_ctime advances; msg_qbytes above msgmnb needs
 *    root (EPERM for an ordinary owner; on Linux root needs
 *    CAP_SYS_RESOURCE, which a container may take away);
 *  - IPC_INFO: the limits (on this kernel, those of uapi/ipc.h), and the
 *    highest slot index in use as the result;
 *  - MSG_INFO: queues, messages and bytes in use, counted exactly;
 *  - MSG_STAT: a slot index gives that queue's id and its IPC_STAT data,
 *    EINVAL for an unused slot;
 *  - IPC_RMID: the id is dead afterwards; an unknown command is EINVAL.
 */
#include "ipc_test.h"

#define MODE		0640
#define NEW_MODE	0604
#define MODE_EXTRA_BITS	07000	/* not permission bits: IPC_SET drops them */
#define OTHER_UID	2000
#define OTHER_GID	3000
#define MSG_LEN		10
#define NMSGS		3
#define TIME_TICK_MS	1100	/* long enough for time() to advance */

struct message {
	long mtype;
	char mtext[MSG_LEN];
};

static struct msginfo limits;

static void test_info(void)
{
	int top = msgctl(0, IPC_INFO, (struct msqid_ds *)&limits);

	CHECK(top >= 0, "IPC_INFO returned %d", top);
	CHECK(limits.msgmax > 0 && limits.msgmnb >= limits.msgmax &&
	      limits.msgmni > 0,
	      "IPC_INFO: msgmax %d msgmnb %d msgmni %d", limits.msgmax,
	      limits.msgmnb, limits.msgmni);
	if (on_this_kernel())	/* the limits this kernel documents */
		CHECK(limits.msgmax == MSGMAX && limits.msgmnb == MSGMNB &&
		      limits.msgmni == MSGMNI,
		      "IPC_INFO: msgmax %d msgmnb %d msgmni %d, uapi/ipc.h says %d %d %d",
		      limits.msgmax, limits.msgmnb, limits.msgmni, MSGMAX,
		      MSGMNB, MSGMNI);
}

static void test_stat_set(void)
{
	struct msqid_ds ds, ds2;
	int id = new_msq(MODE);
	time_t ctime0;

	memset(&ds, 0, sizeof(ds));
	if (on_this_kernel())
		CHECK(msgctl(id, IPC_STAT | IPC_64, &ds) == 0, "IPC_STAT | IPC_64");
	else
		CHECK(msgctl(id, IPC_STAT, &ds) == 0, "IPC_STAT");
	CHECK((ds.msg_perm.mode & 0777) == MODE, "mode %#o", ds.msg_perm.mode);
	ctime0 = ds.msg_ctime;

	sleep_ms(TIME_TICK_MS);
	ds.msg_perm.uid = OTHER_UID;
	ds.msg_perm.gid = OTHER_GID;
	ds.msg_perm.mode = NEW_MODE | MODE_EXTRA_BITS;
	ds.msg_perm.cuid = OTHER_UID;	/* ignored */
	ds.msg_qbytes = limits.msgmnb / 2;
	ds.msg_qnum = 77;		/* ignored */
	CHECK(msgctl(id, IPC_SET, &ds) == 0, "IPC_SET");
	memset(&ds2, 0, sizeof(ds2));
	CHECK(msgctl(id, IPC_STAT, &ds2) == 0, "IPC_STAT after IPC_SET");
	CHECK(ds2.msg_perm.uid == OTHER_UID && ds2.msg_perm.gid == OTHER_GID,
	      "owner %u/%u after IPC_SET", ds2.msg_perm.uid, ds2.msg_perm.gid);
	CHECK(ds2.msg_perm.cuid == geteuid() && ds2.msg_perm.cgid == getegid(),
	      "creator %u/%u changed by IPC_SET", ds2.msg_perm.cuid,
	      ds2.msg_perm.cgid);
	CHECK(ds2.msg_perm.mode == NEW_MODE, "mode %#o after IPC_SET of %#o",
	      ds2.msg_perm.mode, NEW_MODE | MODE_EXTRA_BITS);
	CHECK(ds2.msg_qbytes == (unsigned long)limits.msgmnb / 2 && ds2.msg_qnum == 0,
	      "qbytes %lu qnum %lu after IPC_SET", ds2.msg_qbytes, ds2.msg_qnum);
	CHECK(ds2.msg_ctime > ctime0 && ds2.msg_ctime <= time(NULL),
	      "ctime %ld after IPC_SET, was %ld", (long)ds2.msg_ctime,
	      (long)ctime0);
	CHECK(ds2.msg_stime == 0 && ds2.msg_rtime == 0,
	      "IPC_SET set stime %ld rtime %ld", (long)ds2.msg_stime,
	      (long)ds2.msg_rtime);

	/* Root may raise msg_qbytes past msgmnb (Linux: CAP_SYS_RESOURCE). */
	ds2.msg_qbytes = limits.msgmnb + 1;
	CHECK(msgctl(id, IPC_SET, &ds2) == 0 ||
	      (!on_this_kernel() && errno == EPERM),
	      "IPC_SET qbytes above msgmnb as root");
}

/* An ordinary owner may not raise msg_qbytes past msgmnb. */
static void test_qbytes_user(void)
{
	struct msqid_ds ds;
	int id = new_msq(MODE);
	pid_t pid;

	CHECK(msgctl(id, IPC_STAT, &ds) == 0, "IPC_STAT");
	ds.msg_perm.uid = USER_UID;
	CHECK(msgctl(id, IPC_SET, &ds) == 0, "IPC_SET uid");
	pid = test_fork();
	if (pid == 0) {
		CHECK(become_user(USER_UID, USER_GID), "becoming uid %d", USER_UID);
		ds.msg_qbytes = limits.msgmnb + 1;
		CHECK_ERR(msgctl(id, IPC_SET, &ds), EPERM);
		ds.msg_qbytes = limits.msgmnb - 1;
		CHECK(msgctl(id, IPC_SET, &ds) == 0, "owner lowering msg_qbytes");
		child_exit();
	}
	CHECK(child_ok(pid), "child of the msg_qbytes checks");
	CHECK(msgctl(id, IPC_STAT, &ds) == 0 &&
	      ds.msg_qbytes == (unsigned long)limits.msgmnb - 1,
	      "msg_qbytes %lu, expected %d", ds.msg_qbytes, limits.msgmnb - 1);
}

static void get_msginfo(struct msginfo *info, int *top)
{
	memset(info, 0, sizeof(*info));
	*top = msgctl(0, MSG_INFO, (struct msqid_ds *)info);
	CHECK(*top >= 0, "MSG_INFO returned %d", *top);
}

/* MSG_INFO counts, MSG_STAT finds the queue by its slot index. */
static void test_msg_info_stat(void)
{
	struct msginfo before, after;
	struct message m = { .mtype = 1 };
	struct msqid_ds ds;
	int top, id, found = -1;

	get_msginfo(&before, &top);
	id = new_msq(MODE);
	for (int i = 0; i < NMSGS; i++)
		CHECK(msgsnd(id, &m, MSG_LEN, IPC_NOWAIT) == 0, "msgsnd");
	get_msginfo(&after, &top);
	CHECK(after.msgpool == before.msgpool + 1 &&
	      after.msgmap == before.msgmap + NMSGS &&
	      after.msgtql == before.msgtql + NMSGS * MSG_LEN,
	      "MSG_INFO: queues %d->%d, messages %d->%d, bytes %d->%d; expected +1, +%d, +%d",
	      before.msgpool, after.msgpool, before.msgmap, after.msgmap,
	      before.msgtql, after.msgtql, NMSGS, NMSGS * MSG_LEN);

	for (int idx = 0; idx <= top; idx++) {
		int got = msgctl(idx, MSG_STAT, &ds);

		if (got == id)
			found = idx;
		else if (got < 0)
			CHECK(errno == EINVAL, "MSG_STAT of slot %d: errno %d", idx, errno);
	}
	CHECK(found >= 0, "MSG_STAT found no slot with id %d (highest %d)", id, top);
	memset(&ds, 0, sizeof(ds));
	if (found >= 0 && msgctl(found, MSG_STAT, &ds) == id)
		CHECK(ds.msg_qnum == NMSGS && ds.msg_cbytes == NMSGS * MSG_LEN &&
		      (ds.msg_perm.mode & 0777) == MODE,
		      "MSG_STAT data: qnum %lu cbytes %lu mode %#o", ds.msg_qnum,
		      ds.msg_cbytes, ds.msg_perm.mode);
	CHECK_ERR(msgctl(top + 1, MSG_STAT, &ds), EINVAL);

	CHECK(msgctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	get_msginfo(&after, &top);
	CHECK(after.msgpool == before.msgpool && after.msgmap == before.msgmap &&
	      after.msgtql == before.msgtql,
	      "MSG_INFO after IPC_RMID: %d queues %d messages %d bytes, expected %d %d %d",
	      after.msgpool, after.msgmap, after.msgtql, before.msgpool,
	      before.msgmap, before.msgtql);
	if (found >= 0)
		CHECK_ERR(msgctl(found, MSG_STAT, &ds), EINVAL);
}

static void test_rmid(void)
{
	struct msqid_ds ds;
	int id = new_msq(MODE);

	CHECK(msgctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	CHECK_ERR(msgctl(id, IPC_STAT, &ds), EINVAL);
	CHECK_ERR(msgctl(id, IPC_SET, &ds), EINVAL);
	CHECK_ERR(msgctl(id, IPC_RMID, NULL), EINVAL);
	CHECK_ERR(msgctl(-1, IPC_RMID, NULL), EINVAL);
}

int main(void)
{
	test_info();
	test_stat_set();
	test_qbytes_user();
	test_msg_info_stat();
	test_rmid();
	return test_done("msg_ctl");
}
