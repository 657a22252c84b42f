/*
 * ipc_eintr - a signal caught during a sleep in msgsnd, msgrcv, semop or
 * semtimedop ends the call with EINTR after the handler ran, and the call
 * is never restarted, even with SA_RESTART.  Nothing of the interrupted
 * call is applied: no message is added, no semaphore changed, and the
 * sleeper no longer counts in GETNCNT/GETZCNT.
 */
#include "ipc_test.h"

#define MODE		0600
#define QBYTES		16
#define LONG_TIMEOUT_S	60
#define NOT_INTERRUPTED	2	/* child exit: the call did not fail with EINTR */
#define NO_HANDLER	3	/* child exit: EINTR, but the handler did not run */

enum blocker { MSGSND, MSGRCV, SEM_DECREMENT, SEM_ZERO, SEM_TIMED, NBLOCKERS };

static const char *const names[NBLOCKERS] = {
	"msgsnd", "msgrcv", "semop decrement", "semop wait-for-zero", "semtimedop",
};

static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	caught = sig;
}

/* The blocking call; it sleeps given the state main set up. */
static int block(enum blocker b, int msq, int sem)
{
	struct {
		long mtype;
		char mtext[QBYTES];
	} m = { 1, { 0 } };
	struct timespec ts = { LONG_TIMEOUT_S, 0 };
	struct sembuf op = { 0, -1, 0 };

	switch (b) {
	case MSGSND:
		return msgsnd(msq, &m, QBYTES, 0);
	case MSGRCV:
		return msgrcv(msq, &m, QBYTES, 2, 0);
	case SEM_DECREMENT:
		return semop(sem, &op, 1);
	case SEM_ZERO:
		op.sem_num = 1;
		op.sem_op = 0;
		return semop(sem, &op, 1);
	default:
		return semtimedop(sem, &op, 1, &ts);
	}
}

static void run(enum blocker b, int msq, int sem, int sa_flags)
{
	struct sigaction sa = { .sa_handler = on_signal, .sa_flags = sa_flags };
	struct msqid_ds ds;
	pid_t pid;
	int status;

	pid = test_fork();
	if (pid == 0) {
		sigaction(SIGUSR1, &sa, NULL);
		if (block(b, msq, sem) != -1 || errno != EINTR)
			_exit(NOT_INTERRUPTED);
		_exit(caught == SIGUSR1 ? 0 : NO_HANDLER);
	}
	CHECK(wait_sleeping(pid), "%s did not sleep", names[b]);
	kill(pid, SIGUSR1);
	status = wait_status(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "%s%s: wait status %#x (exit %d: 2 = no EINTR, 3 = no handler)",
	      names[b], sa_flags ? " with SA_RESTART" : "", status,
	      WEXITSTATUS(status));

	CHECK(msgctl(msq, IPC_STAT, &ds) == 0 && ds.msg_qnum == 1,
	      "%s: %lu messages after the interruption, expected 1", names[b],
	      ds.msg_qnum);
	CHECK(semctl(sem, 0, GETVAL) == 0 && semctl(sem, 1, GETVAL) == 1,
	      "%s: semaphores %d %d after the interruption, expected 0 1",
	      names[b], semctl(sem, 0, GETVAL), semctl(sem, 1, GETVAL));
	CHECK(semctl(sem, 0, GETNCNT) == 0 && semctl(sem, 1, GETZCNT) == 0,
	      "%s: ncnt %d zcnt %d after the interruption", names[b],
	      semctl(sem, 0, GETNCNT), semctl(sem, 1, GETZCNT));
}

int main(void)
{
	struct {
		long mtype;
		char mtext[QBYTES];
	} m = { 1, { 0 } };
	struct msqid_ds ds;
	int msq = new_msq(MODE), sem = new_sem(2, MODE);

	/* A queue holding one message of type 1 and full; semaphores 0 and 1. */
	CHECK(msgctl(msq, IPC_STAT, &ds) == 0, "IPC_STAT");
	ds.msg_qbytes = QBYTES;
	CHECK(msgctl(msq, IPC_SET, &ds) == 0, "IPC_SET");
	CHECK(msgsnd(msq, &m, QBYTES, IPC_NOWAIT) == 0, "msgsnd");
	CHECK(semctl(sem, 1, SETVAL, (union semun){ .val = 1 }) == 0, "SETVAL");

	for (int b = 0; b < NBLOCKERS; b++) {
		run(b, msq, sem, 0);
		run(b, msq, sem, SA_RESTART);
	}
	return test_result("ipc_eintr");
}
