/*
 * ipc_test.h - what the System V IPC tests (ipc_*, msg_*, sem_*, shm_*)
 * add to test.h: waiting until a child sleeps, the exit code of a child
 * that reports an errno, switching to an ordinary user, telling this
 * kernel from Linux, and the removal at exit of every object a test
 * created.
 *
 * The tests also run on Linux (built against this libc, they are static
 * i386 Linux programs).  Where the two systems differ the helpers say
 * so: Linux has no kstat (ENOSYS), and shows a process's state in
 * /proc/PID/stat instead.
 */
#ifndef IPC_TEST_H
#define IPC_TEST_H

#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include "test.h"

#define SLEEP_WAIT_MS		3000	/* longest wait for a child to sleep */
#define SETTLE_MS		20	/* time to act on a wrong wake-up */
#define USER_UID		1000	/* the ordinary user of permission tests */
#define USER_GID		1000
#define LINUX_NR_SETGROUPS32	206
#define MAX_TRACKED		128
#define PROC_STAT_LEN		256
#define NPROC_SCAN		64	/* process records kstat may return */

/* The caller-defined semctl argument (POSIX: <sys/sem.h> does not define it). */
union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
	struct seminfo *__buf;
};

/*
 * Is process pid asleep in an interruptible wait?  This kernel tells
 * through kstat(KSTAT_PROCS); Linux, which has no kstat, through the
 * state letter of /proc/PID/stat.
 */
static inline bool proc_sleeping(pid_t pid)
{
	static struct kstat_proc procs[NPROC_SCAN];
	char path[PROC_STAT_LEN], text[PROC_STAT_LEN], *paren;
	int n, fd;

	n = kstat(KSTAT_PROCS, procs, sizeof(procs));
	if (n >= 0) {
		for (int i = 0; i < n; i++)
			if (procs[i].pid == pid)
				return procs[i].state == KPROC_SLEEPING;
		return false;
	}
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return false;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n <= 0)
		return false;
	text[n] = '\0';
	paren = strrchr(text, ')');	/* "pid (name) S ..." */
	return paren && paren[1] == ' ' && paren[2] == 'S';
}

/* Wait until child pid sleeps (in the call it was sent to block in). */
static inline bool wait_sleeping(pid_t pid)
{
	long end = now_ms() + SLEEP_WAIT_MS;

	while (!proc_sleeping(pid)) {
		if (now_ms() > end)
			return false;
		sleep_ms(POLL_MS);
	}
	return true;
}

/*
 * After an event that must not end child pid's wait: is it (back) asleep
 * a moment later?  A wrongly woken child would have exited by then.
 */
static inline bool stays_asleep(pid_t pid)
{
	sleep_ms(SETTLE_MS);
	return wait_sleeping(pid);
}

/* Wait until semctl(semid, semnum, cmd) (GETNCNT, GETZCNT) is n. */
static inline bool wait_semcount(int semid, int semnum, int cmd, int n)
{
	long end = now_ms() + SLEEP_WAIT_MS;

	while (semctl(semid, semnum, cmd) != n) {
		if (now_ms() > end)
			return false;
		sleep_ms(POLL_MS);
	}
	return true;
}

/* The exit code of child pid (the errno it reports), or -1. */
static inline int child_errno(pid_t pid)
{
	int status = wait_status(pid);

	return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/*
 * Become an ordinary user (in a child).  On Linux root's supplementary
 * groups (group 0) would still grant group access, so they are dropped
 * first; this kernel has no supplementary groups (setgroups: ENOSYS).
 */
static inline bool become_user(uid_t uid, gid_t gid)
{
	syscall(LINUX_NR_SETGROUPS32, 0, NULL);
	return setgid(gid) == 0 && setuid(uid) == 0 && geteuid() == uid;
}

/*
 * Is this the kernel of this tree (kstat exists), rather than Linux?
 * errno is kept, so that it can be asked inside a CHECK.
 */
static inline bool on_this_kernel(void)
{
	static int known = -1;
	int saved = errno;

	if (known < 0)
		known = free_frames() >= 0;
	errno = saved;
	return known;
}

/*
 * Objects a test creates are removed when it exits (exit(), not the
 * _exit() of children), whatever checks failed on the way.
 */
enum ipc_kind { KIND_MSG, KIND_SEM, KIND_SHM };

static struct {
	enum ipc_kind kind;
	int id;
} tracked[MAX_TRACKED];
static int ntracked;

static inline void remove_ipc(enum ipc_kind kind, int id)
{
	switch (kind) {
	case KIND_MSG:
		msgctl(id, IPC_RMID, NULL);
		break;
	case KIND_SEM:
		semctl(id, 0, IPC_RMID);
		break;
	case KIND_SHM:
		shmctl(id, IPC_RMID, NULL);
		break;
	}
}

static inline void remove_tracked(void)
{
	while (ntracked > 0) {
		ntracked--;
		remove_ipc(tracked[ntracked].kind, tracked[ntracked].id);
	}
}

/* Remember id (if it is one) for removal at exit; returns it. */
static inline int track(enum ipc_kind kind, int id)
{
	if (id < 0)
		return id;
	if (ntracked == 0)
		atexit(remove_tracked);
	if (ntracked < MAX_TRACKED) {
		tracked[ntracked].kind = kind;
		tracked[ntracked].id = id;
		ntracked++;
	}
	return id;
}

/* New private objects, removed at exit; a failure is reported. */
static inline int new_msq(int mode)
{
	int id = track(KIND_MSG, msgget(IPC_PRIVATE, IPC_CREAT | mode));

	CHECK(id >= 0, "msgget(IPC_PRIVATE) failed");
	return id;
}

static inline int new_sem(int nsems, int mode)
{
	int id = track(KIND_SEM, semget(IPC_PRIVATE, nsems, IPC_CREAT | mode));

	CHECK(id >= 0, "semget(IPC_PRIVATE, %d) failed", nsems);
	return id;
}

static inline int new_shm(size_t size, int mode)
{
	int id = track(KIND_SHM, shmget(IPC_PRIVATE, size, IPC_CREAT | mode));

	CHECK(id >= 0, "shmget(IPC_PRIVATE, %zu) failed", size);
	return id;
}

/* A key of this test run: base plus the pid, so runs do not collide. */
static inline key_t test_key(key_t base)
{
	return base + (getpid() & 0xffff);
}

/* One semop of one operation; returns semop's result. */
static inline int sem_op1(int semid, int semnum, int op, int flags)
{
	struct sembuf sb = { (unsigned short)semnum, (short)op, (short)flags };

	return semop(semid, &sb, 1);
}

#endif
