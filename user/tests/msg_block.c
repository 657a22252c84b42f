/*
 * msg_block - sleeping in msgsnd and msgrcv.
 *
 *  - msgsnd sleeps while the queue is full, by bytes (msg_cbytes + msgsz
 *    > msg_qbytes) or by count (as in Linux, at most msg_qbytes
 *    messages), and fails with EAGAIN under IPC_NOWAIT; it wakes when a
 *    receive makes enough room, or when IPC_SET raises msg_qbytes (as
 *    Linux does), and not before;
 *  - msgrcv sleeps until a message it selects arrives (msgtyp 0, > 0,
 *    < 0, MSG_EXCEPT), and other messages do not end the wait; a sleeper
 *    that meets a message too long for it fails with E2BIG;
 *  - senders and receivers sleep at the same time on one queue, and each
 *    is woken by what it waits for; several sleepers all complete;
 *  - IPC_RMID wakes every sleeper, which fails with EIDRM.
 *
 * A child reports the result of its one call through its exit status: 0
 * for success, else the errno.
 */
#include "ipc_test.h"

#define MODE		0600
#define TEXT_LEN	128
#define SMALL_QBYTES	100
#define COUNT_QBYTES	4
#define NSLEEPERS	3

struct message {
	long mtype;
	char mtext[TEXT_LEN];
};

/* The errno a child exited with (0: its call succeeded); -1 if it did
 * not exit normally. */
static _Noreturn void exit_with(long ret)
{
	_exit(ret < 0 ? errno : 0);
}

/* A child that sends len bytes of type (sleeping if it must). */
static pid_t sender(int id, long type, size_t len)
{
	pid_t pid = test_fork();
	struct message m = { .mtype = type };

	if (pid == 0)
		exit_with(msgsnd(id, &m, len, 0));
	CHECK(wait_sleeping(pid), "sender of type %ld did not sleep", type);
	return pid;
}

/*
 * A child that receives with msgtyp and flags into a buffer of size
 * bytes; it exits 0 only if it got type and len.
 */
static pid_t receiver(int id, long msgtyp, int flags, size_t size, long type,
		      size_t len)
{
	pid_t pid = test_fork();
	struct message m;
	ssize_t got;

	if (pid == 0) {
		got = msgrcv(id, &m, size, msgtyp, flags);
		if (got >= 0 && (got != (ssize_t)len || m.mtype != type)) {
			fprintf(stderr, "FAIL: receiver of %ld got %zd bytes of type %ld\n",
				msgtyp, got, m.mtype);
			_exit(EXIT_CHILD_FAILED);
		}
		exit_with(got);
	}
	CHECK(wait_sleeping(pid), "receiver of msgtyp %ld did not sleep", msgtyp);
	return pid;
}

static void send_now(int id, long type, size_t len)
{
	struct message m = { .mtype = type };

	CHECK(msgsnd(id, &m, len, IPC_NOWAIT) == 0, "msgsnd type %ld", type);
}

static void receive_now(int id, long type, size_t len)
{
	struct message m;

	CHECK(msgrcv(id, &m, TEXT_LEN, type, IPC_NOWAIT) == (ssize_t)len,
	      "msgrcv of type %ld, %zu bytes", type, len);
}

static void set_qbytes(int id, unsigned long qbytes)
{
	struct msqid_ds ds;

	CHECK(msgctl(id, IPC_STAT, &ds) == 0, "IPC_STAT");
	ds.msg_qbytes = qbytes;
	CHECK(msgctl(id, IPC_SET, &ds) == 0, "IPC_SET msg_qbytes %lu", qbytes);
}

static void check_counts(int id, unsigned long qnum, unsigned long cbytes,
			 const char *when)
{
	struct msqid_ds ds;

	CHECK(msgctl(id, IPC_STAT, &ds) == 0, "IPC_STAT");
	CHECK(ds.msg_qnum == qnum && ds.msg_cbytes == cbytes,
	      "%s: qnum %lu cbytes %lu, expected %lu and %lu", when,
	      ds.msg_qnum, ds.msg_cbytes, qnum, cbytes);
}

/* A sender of a full queue sleeps until a receive leaves room for it. */
static void test_full_by_bytes(void)
{
	struct message m = { .mtype = 1 };
	int id = new_msq(MODE);
	pid_t pid;

	set_qbytes(id, SMALL_QBYTES);
	send_now(id, 1, 60);
	send_now(id, 2, 40);
	CHECK_ERR(msgsnd(id, &m, 1, IPC_NOWAIT), EAGAIN);
	check_counts(id, 2, SMALL_QBYTES, "full queue after EAGAIN");

	pid = sender(id, 3, 50);
	receive_now(id, 2, 40);		/* 40 bytes of room: not enough */
	CHECK(stays_asleep(pid), "sender of 50 bytes woke with 40 bytes of room");
	check_counts(id, 1, 60, "while the sender still sleeps");
	receive_now(id, 1, 60);		/* now there is room */
	CHECK(child_errno(pid) == 0, "the woken sender failed");
	check_counts(id, 1, 50, "after the woken send");
	receive_now(id, 3, 50);
}

/* As in Linux, a queue also holds at most msg_qbytes messages. */
static void test_full_by_count(void)
{
	struct message m = { .mtype = 1 };
	int id = new_msq(MODE);
	pid_t pid;

	set_qbytes(id, COUNT_QBYTES);
	for (int i = 0; i < COUNT_QBYTES; i++)
		send_now(id, 1, 0);
	CHECK_ERR(msgsnd(id, &m, 0, IPC_NOWAIT), EAGAIN);
	pid = sender(id, 2, 0);
	receive_now(id, 1, 0);
	CHECK(child_errno(pid) == 0, "the woken sender failed");
	check_counts(id, COUNT_QBYTES, 0, "after the count-limited send");
}

/* IPC_SET raising msg_qbytes wakes the sleeping senders (as Linux). */
static void test_qbytes_raise(void)
{
	int id = new_msq(MODE);
	pid_t pid;

	set_qbytes(id, SMALL_QBYTES);
	send_now(id, 1, SMALL_QBYTES);
	pid = sender(id, 2, 10);
	set_qbytes(id, SMALL_QBYTES + 10);
	CHECK(child_errno(pid) == 0, "sender not woken by a larger msg_qbytes");
	check_counts(id, 2, SMALL_QBYTES + 10, "after the raise");
}

/* Receivers sleep until a message they select arrives. */
static void test_receivers(void)
{
	int id = new_msq(MODE);
	pid_t pid;

	pid = receiver(id, 5, 0, TEXT_LEN, 5, 3);
	send_now(id, 1, 1);
	CHECK(stays_asleep(pid), "receiver of type 5 woke for type 1");
	send_now(id, 5, 3);
	CHECK(child_errno(pid) == 0, "receiver of type 5");
	check_counts(id, 1, 1, "type 1 left");

	pid = receiver(id, 1, MSG_EXCEPT, TEXT_LEN, 3, 2);
	send_now(id, 1, 4);
	CHECK(stays_asleep(pid), "MSG_EXCEPT receiver woke for its excluded type");
	send_now(id, 3, 2);
	CHECK(child_errno(pid) == 0, "MSG_EXCEPT receiver");
	check_counts(id, 2, 1 + 4, "types 1, 1 left");

	id = new_msq(MODE);
	pid = receiver(id, -2, 0, TEXT_LEN, 2, 6);
	send_now(id, 7, 5);
	CHECK(stays_asleep(pid), "receiver of types <= 2 woke for type 7");
	send_now(id, 2, 6);
	CHECK(child_errno(pid) == 0, "receiver of types <= 2");
	check_counts(id, 1, 5, "type 7 left");

	/* A sleeper whose message is too long fails with E2BIG, the message stays. */
	pid = receiver(id, 9, 0, 5, 9, 0);
	send_now(id, 9, 10);
	CHECK(child_errno(pid) == E2BIG, "sleeping receiver of a long message");
	check_counts(id, 2, 5 + 10, "after E2BIG");
}

/* A sender and a receiver sleep together, each woken by its own event. */
static void test_both_queues(void)
{
	int id = new_msq(MODE);
	pid_t snd, rcv;

	set_qbytes(id, SMALL_QBYTES);
	send_now(id, 1, 50);
	send_now(id, 1, 50);
	rcv = receiver(id, 9, 0, TEXT_LEN, 9, 10);
	snd = sender(id, 9, 10);
	receive_now(id, 1, 50);
	CHECK(child_errno(snd) == 0, "sender after room appeared");
	CHECK(child_errno(rcv) == 0, "receiver after its message arrived");
	check_counts(id, 1, 50, "one message of type 1 left");
}

/* Several sleepers of each kind all complete, none twice. */
static void test_many_sleepers(void)
{
	int id = new_msq(MODE);
	pid_t pids[NSLEEPERS];
	struct message m;
	int got = 0;

	for (int i = 0; i < NSLEEPERS; i++)
		pids[i] = receiver(id, 0, 0, TEXT_LEN, 4, 8);
	for (int i = 0; i < NSLEEPERS; i++)
		send_now(id, 4, 8);
	for (int i = 0; i < NSLEEPERS; i++)
		CHECK(child_errno(pids[i]) == 0, "receiver %d of %d", i, NSLEEPERS);
	check_counts(id, 0, 0, "every message taken once");

	set_qbytes(id, SMALL_QBYTES);
	send_now(id, 1, SMALL_QBYTES);
	for (int i = 0; i < NSLEEPERS; i++)
		pids[i] = sender(id, 2, SMALL_QBYTES / 2);
	while (got < NSLEEPERS + 1 &&
	       msgrcv(id, &m, TEXT_LEN, 0, 0) >= 0)
		got++;
	for (int i = 0; i < NSLEEPERS; i++)
		CHECK(child_errno(pids[i]) == 0, "sender %d of %d", i, NSLEEPERS);
	check_counts(id, 0, 0, "every sent message received");
}

/* Removal wakes every sleeper, sender or receiver, with EIDRM. */
static void test_removal(void)
{
	int id = new_msq(MODE);
	pid_t pids[2 * NSLEEPERS];

	set_qbytes(id, SMALL_QBYTES);
	send_now(id, 1, SMALL_QBYTES);
	for (int i = 0; i < NSLEEPERS; i++) {
		pids[2 * i] = sender(id, 2, 1);
		pids[2 * i + 1] = receiver(id, 3, 0, TEXT_LEN, 3, 0);
	}
	CHECK(msgctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	for (int i = 0; i < 2 * NSLEEPERS; i++) {
		int err = child_errno(pids[i]);

		CHECK(err == EIDRM, "%s %d after IPC_RMID: errno %d, expected EIDRM",
		      i % 2 ? "receiver" : "sender", i / 2, err);
	}
}

int main(void)
{
	test_full_by_bytes();
	test_full_by_count();
	test_qbytes_raise();
	test_receivers();
	test_both_queues();
	test_many_sleepers();
	test_removal();
	return test_done("msg_block");
}
