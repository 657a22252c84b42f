/*
 * ipc_syscall - the ipc(2) multiplexer (call 117), the way older i386 C
 * libraries reach System V IPC: every operation through it reaches the
 * same objects as the direct calls (msgrcv's version 0 "kludge" argument,
 * shmat's address returned through a pointer, semctl's argument passed
 * by address, semtimedop's 32-bit timeout).
 */
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <uapi/unistd_32.h>
#include "test.h"

#define SEMOP		1
#define SEMGET		2
#define SEMCTL		3
#define SEMTIMEDOP	4
#define MSGSND		11
#define MSGRCV		12
#define MSGGET		13
#define MSGCTL		14
#define SHMAT		21
#define SHMDT		22
#define SHMGET		23
#define SHMCTL		24
#define MSG_VERSION_1	(1 << 16)

struct message {
	long type;
	char text[16];
};

struct kludge {
	void *msgp;
	long msgtyp;
};

static long ipc(long call, long first, long second, long third, void *ptr, long fifth)
{
	return syscall(__NR_ipc, call, first, second, third, ptr, fifth);
}

static void messages(void)
{
	struct message m = { 7, "hello" }, r;
	struct kludge k = { &r, 7 };
	int q = (int)ipc(MSGGET, IPC_PRIVATE, 0600, 0, NULL, 0);

	REQUIRE(q >= 0, "msgget through ipc()");
	CHECK(ipc(MSGSND, q, 6, 0, &m, 0) == 0, "msgsnd through ipc()");
	CHECK(ipc(MSGRCV, q, sizeof(r.text), 0, &k, 0) == 6, "msgrcv version 0");
	CHECK(r.type == 7 && !strcmp(r.text, "hello"), "received %ld %s", r.type, r.text);
	CHECK(ipc(MSGSND, q, 6, 0, &m, 0) == 0, "second msgsnd");
	memset(&r, 0, sizeof(r));
	CHECK(ipc(MSGRCV | MSG_VERSION_1, q, sizeof(r.text), IPC_NOWAIT, &r, 7) == 6,
	      "msgrcv version 1");
	CHECK_ERRNO("empty msgrcv", ipc(MSGRCV | MSG_VERSION_1, q, sizeof(r.text),
					IPC_NOWAIT, &r, 0), ENOMSG);
	CHECK(ipc(MSGCTL, q, IPC_RMID, 0, NULL, 0) == 0, "msgctl IPC_RMID");
	CHECK_ERR(msgctl(q, IPC_STAT, &(struct msqid_ds){ 0 }), EINVAL);
}

static void semaphores(void)
{
	struct sembuf up = { 0, 2, 0 }, down = { 0, -3, 0 };
	struct timespec short_wait = { 0, 50 * NSEC_PER_MSEC };
	unsigned long val = 5;
	int s = (int)ipc(SEMGET, IPC_PRIVATE, 1, 0600, NULL, 0);

	REQUIRE(s >= 0, "semget through ipc()");
	CHECK(ipc(SEMOP, s, 1, 0, &up, 0) == 0, "semop through ipc()");
	CHECK(semctl(s, 0, GETVAL) == 2, "value %d after +2", semctl(s, 0, GETVAL));
	CHECK_ERRNO("semtimedop that times out",
		    ipc(SEMTIMEDOP, s, 1, 0, &down, (long)&short_wait), EAGAIN);
	CHECK(ipc(SEMCTL, s, 0, SETVAL, &val, 0) == 0, "semctl SETVAL by address");
	CHECK(semctl(s, 0, GETVAL) == 5, "value %d after SETVAL 5", semctl(s, 0, GETVAL));
	CHECK(ipc(SEMCTL, s, 0, IPC_RMID, &val, 0) == 0, "semctl IPC_RMID");
}

static void shared_memory(void)
{
	unsigned long addr = 0;
	int m = (int)ipc(SHMGET, IPC_PRIVATE, 4096, 0600, NULL, 0);
	char *direct;

	REQUIRE(m >= 0, "shmget through ipc()");
	CHECK(ipc(SHMAT, m, 0, (long)&addr, NULL, 0) == 0 && addr, "shmat through ipc()");
	direct = shmat(m, NULL, 0);
	REQUIRE(direct != (void *)-1, "direct shmat");
	strcpy((char *)addr, "shared");
	CHECK(!strcmp(direct, "shared"), "the two attaches see the same page");
	CHECK(ipc(SHMDT, 0, 0, 0, (void *)addr, 0) == 0, "shmdt through ipc()");
	CHECK(shmdt(direct) == 0, "direct shmdt");
	CHECK(ipc(SHMCTL, m, IPC_RMID, 0, NULL, 0) == 0, "shmctl IPC_RMID");
	CHECK_ERRNO("unknown call", ipc(99, 0, 0, 0, NULL, 0), ENOSYS);
}

int main(void)
{
	messages();
	semaphores();
	shared_memory();
	return test_done("ipc_syscall");
}
