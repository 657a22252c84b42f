/*
 * ipc_eintr - a signal caught during a sleep in msgsnd, msgrcv, semop or
 * semtimedop ends the call with EINTR after the handler ran, and the call
 * is never restarted, even with SA_RESTART.  Nothing of the interrupted
 * call is applied: no message is added, no semaphore changed, and the
 * sleeper no longer counts in GETNCNT/GETZCNT.  A signal that is ignored
 * (SIGCHLD by default, or one set to SIG_IGN) or blocked interrupts
 * nothing.
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

/*
 * A signal whose action is to ignore it - SIGCHLD by default, SIGUSR2
 * set to SIG_IGN - does not interrupt: the call completes when it can.
 */
static void test_ignored(int msq, int sem)
{
	struct {
		long mtype;
		char mtext[QBYTES];
	} m;
	struct sembuf op = { 0, -1, 0 };
	pid_t pid, grandchild;

	pid = test_fork();
	if (pid == 0) {
		signal(SIGUSR2, SIG_IGN);
		grandchild = fork();
		if (grandchild == 0) {	/* SIGUSR2, SIGCHLD while it sleeps */
			wait_sleeping(getppid());
			kill(getppid(), SIGUSR2);
			_exit(0);
		}
		CHECK(msgrcv(msq, &m, QBYTES, 3, 0) >= 0, "msgrcv after SIGCHLD");
		CHECK(semop(sem, &op, 1) == 0, "semop after SIGCHLD");
		CHECK(wait_status(grandchild) == 0, "grandchild");
		child_exit();
	}
	CHECK(wait_sleeping(pid), "msgrcv did not sleep");
	sleep_ms(SETTLE_MS);		/* the grandchild's signals arrive */
	CHECK(stays_asleep(pid), "msgrcv ended by an ignored signal");
	m.mtype = 3;
	CHECK(msgsnd(msq, &m, 0, 0) == 0, "msgsnd");
	CHECK(wait_semcount(sem, 0, GETNCNT, 1), "semop did not sleep");
	CHECK(semctl(sem, 0, SETVAL, (union semun){ .val = 1 }) == 0, "SETVAL");
	CHECK(child_ok(pid), "ignored signals interrupted msgrcv or semop");
}

/* A blocked signal stays pending and interrupts nothing. */
static void test_blocked(int sem)
{
	sigset_t set;
	pid_t pid;

	pid = test_fork();
	if (pid == 0) {
		sigemptyset(&set);
		sigaddset(&set, SIGUSR1);
		sigprocmask(SIG_BLOCK, &set, NULL);
		CHECK(sem_op1(sem, 0, -1, 0) == 0, "semop with SIGUSR1 blocked");
		CHECK(sigpending(&set) == 0 && sigismember(&set, SIGUSR1),
		      "SIGUSR1 not pending after the semop");
		child_exit();
	}
	CHECK(wait_semcount(sem, 0, GETNCNT, 1), "semop did not sleep");
	kill(pid, SIGUSR1);
	CHECK(stays_asleep(pid), "semop ended by a blocked signal");
	CHECK(semctl(sem, 0, SETVAL, (union semun){ .val = 1 }) == 0, "SETVAL");
	CHECK(child_ok(pid), "semop with a blocked signal pending");
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
	test_ignored(msq, sem);
	test_blocked(sem);
	return test_done("ipc_eintr");
}
