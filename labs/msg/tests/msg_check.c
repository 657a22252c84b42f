/*
 * msg_check - the message queue lab's checks, one behaviour per case:
 *
 *	/lab/msg_check CASE
 *
 *  - send_recv:   a message sent is received whole: type, text, length;
 *  - fifo_order:  msgtyp 0 takes the messages in the order sent;
 *  - by_type:     msgtyp > 0 takes the first message of that type;
 *  - except:      MSG_EXCEPT takes the first message of any other type;
 *  - lowest:      msgtyp < 0 takes the lowest type <= |msgtyp|;
 *  - nowait:      IPC_NOWAIT: ENOMSG on no match, EAGAIN on a full queue;
 *  - recv_blocks: msgrcv sleeps until a message of its type arrives;
 *  - send_blocks: msgsnd sleeps on a full queue until a receive makes room;
 *  - rmid_wakes:  a sleeper fails EIDRM when its queue is removed.
 * Each exits 0 when the behaviour is right.
 */
#include "test.h"
#include <sys/ipc.h>
#include <sys/msg.h>

#define DELAY_MS	100		/* the child's head start for sleeping */
#define TEXT_MAX	64
#define QBYTES		128		/* a small queue, quickly full */

struct message {
	long type;
	char text[TEXT_MAX];
};

static int qid = -1;

static void send(long type, const char *text)
{
	struct message m = { .type = type };

	strncpy(m.text, text, sizeof(m.text) - 1);
	REQUIRE(msgsnd(qid, &m, strlen(text), 0) == 0, "msgsnd type %ld", type);
}

/* Receive with msgtyp and flags; the type got (-1 on failure), text in out. */
static long receive(long msgtyp, int flags, char *out)
{
	struct message m;
	ssize_t n = msgrcv(qid, &m, sizeof(m.text), msgtyp, flags);

	if (n < 0)
		return -1;
	if (out) {
		memcpy(out, m.text, (size_t)n);
		out[n] = '\0';
	}
	return m.type;
}

static void check_send_recv(void)
{
	struct message m;

	send(7, "seven");
	memset(&m, 0, sizeof(m));
	CHECK_EQ("length", msgrcv(qid, &m, sizeof(m.text), 0, 0), 5);
	CHECK_EQ("type", m.type, 7);
	CHECK(memcmp(m.text, "seven", 5) == 0, "text wrong");
}

static void check_fifo_order(void)
{
	char t[TEXT_MAX];

	send(3, "a");
	send(1, "b");
	send(2, "c");
	CHECK_EQ("first", receive(0, 0, t), 3);
	CHECK_EQ("second", receive(0, 0, t), 1);
	CHECK_EQ("third", receive(0, 0, t), 2);
}

static void check_by_type(void)
{
	char t[TEXT_MAX];

	send(1, "one");
	send(2, "two-a");
	send(2, "two-b");
	CHECK_EQ("type 2", receive(2, 0, t), 2);
	CHECK(strcmp(t, "two-a") == 0, "not the first of type 2: %s", t);
	CHECK_EQ("type 2 again", receive(2, 0, t), 2);
	CHECK(strcmp(t, "two-b") == 0, "not the second of type 2: %s", t);
	CHECK_EQ("type 1 still there", receive(0, IPC_NOWAIT, t), 1);
}

static void check_except(void)
{
	char t[TEXT_MAX];

	send(5, "five");
	send(6, "six");
	CHECK_EQ("not type 5", receive(5, MSG_EXCEPT, t), 6);
	CHECK_EQ("type 5 left", receive(0, IPC_NOWAIT, t), 5);
}

static void check_lowest(void)
{
	char t[TEXT_MAX];

	send(9, "nine");
	send(4, "four");
	send(2, "two");
	send(6, "six");
	CHECK_EQ("lowest <= 5", receive(-5, 0, t), 2);
	CHECK_EQ("next lowest <= 5", receive(-5, 0, t), 4);
	CHECK_EQ("none <= 5 left", receive(-5, IPC_NOWAIT, t), -1);
	CHECK_EQ("ENOMSG", errno, ENOMSG);
	CHECK_EQ("lowest <= 100", receive(-100, 0, t), 6);
}

static void fill_queue(void)
{
	struct msqid_ds ds;
	struct message m = { .type = 1 };

	REQUIRE(msgctl(qid, IPC_STAT, &ds) == 0, "IPC_STAT");
	ds.msg_qbytes = QBYTES;
	REQUIRE(msgctl(qid, IPC_SET, &ds) == 0, "IPC_SET");
	for (int i = 0; i < QBYTES / TEXT_MAX; i++)
		REQUIRE(msgsnd(qid, &m, TEXT_MAX, IPC_NOWAIT) == 0, "filling, message %d", i);
	REQUIRE(msgsnd(qid, &m, TEXT_MAX, IPC_NOWAIT) < 0 && errno == EAGAIN,
		"the queue takes more than msg_qbytes");
}

static void check_nowait(void)
{
	struct message m = { .type = 1 };

	CHECK_EQ("empty queue", receive(0, IPC_NOWAIT, NULL), -1);
	CHECK_EQ("ENOMSG", errno, ENOMSG);
	send(2, "two");
	CHECK_EQ("no such type", receive(3, IPC_NOWAIT, NULL), -1);
	CHECK_EQ("ENOMSG", errno, ENOMSG);
	CHECK_EQ("drain", receive(0, IPC_NOWAIT, NULL), 2);
	fill_queue();			/* which checks the EAGAIN of a full queue */
	CHECK_ERR(msgsnd(qid, &m, 1, IPC_NOWAIT), EAGAIN);
}

static void check_recv_blocks(void)
{
	char t[TEXT_MAX];
	pid_t pid = test_fork();

	if (pid == 0) {
		sleep_ms(DELAY_MS);
		send(8, "other");
		sleep_ms(DELAY_MS);
		send(4, "wanted");
		_exit(0);
	}
	CHECK_EQ("sleeps for type 4", receive(4, 0, t), 4);
	CHECK(strcmp(t, "wanted") == 0, "wrong message: %s", t);
	CHECK(child_ok(pid), "sender failed");
	CHECK_EQ("type 8 still queued", receive(0, IPC_NOWAIT, t), 8);
}

static void check_send_blocks(void)
{
	struct message m = { .type = 2 };
	pid_t pid;

	fill_queue();
	pid = test_fork();
	if (pid == 0) {
		sleep_ms(DELAY_MS);
		_exit(receive(1, 0, NULL) == 1 ? 0 : 1);
	}
	CHECK_EQ("sleeps for room", msgsnd(qid, &m, TEXT_MAX, 0), 0);
	CHECK(child_ok(pid), "receiver failed");
	CHECK_EQ("the new message is last", receive(2, IPC_NOWAIT, NULL), 2);
}

static void check_rmid_wakes(void)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		bool ok = receive(0, 0, NULL) == -1 && errno == EIDRM;
		_exit(ok ? 0 : 1);
	}
	sleep_ms(DELAY_MS);
	CHECK_EQ("IPC_RMID", msgctl(qid, IPC_RMID, NULL), 0);
	qid = -1;
	CHECK(child_ok(pid), "the sleeping receiver did not fail EIDRM");
}

static const struct {
	const char *name;
	void (*run)(void);
} cases[] = {
	{ "send_recv", check_send_recv },
	{ "fifo_order", check_fifo_order },
	{ "by_type", check_by_type },
	{ "except", check_except },
	{ "lowest", check_lowest },
	{ "nowait", check_nowait },
	{ "recv_blocks", check_recv_blocks },
	{ "send_blocks", check_send_blocks },
	{ "rmid_wakes", check_rmid_wakes },
};

int main(int argc, char **argv)
{
	for (size_t i = 0; argc == 2 && i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (strcmp(argv[1], cases[i].name) == 0) {
			qid = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
			REQUIRE(qid >= 0, "msgget");
			cases[i].run();
			if (qid >= 0)
				msgctl(qid, IPC_RMID, NULL);
			return test_done(argv[1]);
		}
	}
	fprintf(stderr, "usage: msg_check CASE (send_recv, fifo_order, by_type, except, "
		"lowest, nowait, recv_blocks, send_blocks, rmid_wakes)\n");
	return 2;
}
