/*
 * msg_copy - msgrcv with MSG_COPY (Linux 3.8+): msgtyp is the 0-based
 * position of the message to copy, and the message stays queued.
 *
 *  - positions 0 and 1 copy the first and second messages (type, text,
 *    length); the queue keeps both, msg_qnum, msg_cbytes, msg_lrpid and
 *    msg_rtime do not change;
 *  - a position past the end, or a negative one: ENOMSG;
 *  - without IPC_NOWAIT, or with MSG_EXCEPT: EINVAL;
 *  - a buffer shorter than the message: E2BIG; with MSG_NOERROR too,
 *    Linux fails with EINVAL (it copies into a buffer of msgsz bytes,
 *    which the message does not fit) - this test holds the kernel to it;
 *  - after an ordinary msgrcv takes the first message, position 0 is the
 *    former second one.
 */
#include "ipc_test.h"

#define MODE		0600
#define TEXT_MAX	32
#define FIRST_TYPE	5
#define SECOND_TYPE	7
#define FIRST_TEXT	"hello"
#define SECOND_TEXT	"world!"

#ifndef MSG_COPY
#define MSG_COPY	040000
#endif

struct message {
	long type;
	char text[TEXT_MAX];
};

static void send(int id, long type, const char *text)
{
	struct message m = { type, { 0 } };

	strcpy(m.text, text);
	CHECK(msgsnd(id, &m, strlen(text) + 1, 0) == 0, "msgsnd type %ld", type);
}

/* MSG_COPY of position pos must give the message (type, text). */
static void check_copy(int id, long pos, long type, const char *text)
{
	struct message m;
	long n;

	memset(&m, 0, sizeof(m));
	n = msgrcv(id, &m, TEXT_MAX, pos, MSG_COPY | IPC_NOWAIT);
	CHECK_EQ("MSG_COPY length", n, (long)strlen(text) + 1);
	CHECK_EQ("MSG_COPY type", m.type, type);
	CHECK(strcmp(m.text, text) == 0, "MSG_COPY of %ld: text '%s'", pos, m.text);
}

static void check_queue(int id, unsigned long qnum, unsigned long cbytes, pid_t lrpid)
{
	struct msqid_ds ds;

	REQUIRE(msgctl(id, IPC_STAT, &ds) == 0, "IPC_STAT");
	CHECK_EQ("msg_qnum", ds.msg_qnum, qnum);
	CHECK_EQ("msg_cbytes", ds.msg_cbytes, cbytes);
	CHECK_EQ("msg_lrpid", ds.msg_lrpid, lrpid);
	if (lrpid == 0)
		CHECK_EQ("msg_rtime", ds.msg_rtime, 0);
}

int main(void)
{
	int id = new_msq(MODE);
	unsigned long both = sizeof(FIRST_TEXT) + sizeof(SECOND_TEXT);
	struct message m;

	REQUIRE(id >= 0, "msgget");
	send(id, FIRST_TYPE, FIRST_TEXT);
	send(id, SECOND_TYPE, SECOND_TEXT);

	check_copy(id, 0, FIRST_TYPE, FIRST_TEXT);
	check_copy(id, 1, SECOND_TYPE, SECOND_TEXT);
	check_copy(id, 0, FIRST_TYPE, FIRST_TEXT);
	check_queue(id, 2, both, 0);

	CHECK_ERR(msgrcv(id, &m, TEXT_MAX, 2, MSG_COPY | IPC_NOWAIT), ENOMSG);
	CHECK_ERR(msgrcv(id, &m, TEXT_MAX, -1, MSG_COPY | IPC_NOWAIT), ENOMSG);
	CHECK_ERR(msgrcv(id, &m, TEXT_MAX, 0, MSG_COPY), EINVAL);
	CHECK_ERR(msgrcv(id, &m, TEXT_MAX, 0, MSG_COPY | IPC_NOWAIT | MSG_EXCEPT), EINVAL);
	CHECK_ERR(msgrcv(id, &m, 2, 0, MSG_COPY | IPC_NOWAIT), E2BIG);
	CHECK_ERR(msgrcv(id, &m, 2, 0, MSG_COPY | IPC_NOWAIT | MSG_NOERROR), EINVAL);
	CHECK_ERR(msgrcv(id, &m, -1, 0, MSG_COPY | IPC_NOWAIT), EINVAL);
	check_queue(id, 2, both, 0);

	CHECK_EQ("ordinary msgrcv", msgrcv(id, &m, TEXT_MAX, 0, IPC_NOWAIT),
		 sizeof(FIRST_TEXT));
	check_queue(id, 1, sizeof(SECOND_TEXT), getpid());
	check_copy(id, 0, SECOND_TYPE, SECOND_TEXT);
	CHECK_ERR(msgrcv(id, &m, TEXT_MAX, 1, MSG_COPY | IPC_NOWAIT), ENOMSG);
	check_queue(id, 1, sizeof(SECOND_TEXT), getpid());
	return test_done("msg_copy");
}
