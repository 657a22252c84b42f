/*
 * ipc_test.h - what the System V IPC tests (ipc_*, msg_*, sem_*, shm_*)
 * share: CHECK and its errno forms, child processes, waiting until a
 * child sleeps, switching to an ordinary user, the kernel's free page
 * frames, and the removal at exit of every object a test created.
 *
 * The tests also run on Linux (built against this libc, they are static
 * i386 Linux programs).  Where the two systems differ the helpers say
 * so: Linux has no kstat (ENOSYS), and shows a process's state in
 * /proc/PID/stat instead.
 *
 * Messages go to stderr, which is unbuffered, so a child's messages are
 * never lost or printed twice across fork().  A child reports through its
 * exit status: child_exit() exits 0 if none of its checks failed.
 */
#ifndef IPC_TEST_H
#define IPC_TEST_H

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/kstat.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define EXIT_CHILD_FAILED	1	/* a check in a child failed */
#define NSEC_PER_MSEC		1000000L
#define MSEC_PER_SEC		1000L
#define SLEEP_WAIT_MS		3000	/* longest wait for a child to sleep */
#define POLL_MS			2
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

static int failures;

#define CHECK(cond, ...)						\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
			fprintf(stderr, __VA_ARGS__);			\
			fprintf(stderr, " [errno %d]\n", errno);	\
			failures++;					\
		}							\
	} while (0)

/* expr must fail (-1, or (void *)-1 for shmat) with errno err. */
#define CHECK_ERR(expr, err)						\
	do {								\
		long ret_;						\
		errno = 0;						\
		ret_ = (long)(expr);					\
		CHECK(ret_ == -1 && errno == (err),			\
		      "%s: returned %ld, expected -1 with errno %s (%d)", \
		      #expr, ret_, #err, err);				\
	} while (0)

/* The end of a test's main: a summary line and the exit status. */
static inline int test_result(const char *name)
{
	printf("%s: %s\n", name, failures ? "FAILED" : "passed");
	return failures ? 1 : 0;
}

/* The end of a child that ran checks. */
static inline _Noreturn void child_exit(void)
{
	_exit(failures ? EXIT_CHILD_FAILED : 0);
}

/*
 * fork, with stdout flushed first so that nothing is printed twice; the
 * child starts with no failures of its own.
 */
static inline pid_t test_fork(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "FAIL: fork: %s\n", strerror(errno));
		exit(1);
	}
	if (pid == 0)
		failures = 0;
	return pid;
}

/* The wait status of child pid (waiting through interruptions); -1 if
 * waitpid fails otherwise. */
static inline int wait_status(pid_t pid)
{
	int status;
	pid_t got;

	do
		got = waitpid(pid, &status, 0);
	while (got < 0 && errno == EINTR);
	return got == pid ? status : -1;
}

/* Did child pid exit with status 0? */
static inline bool child_ok(pid_t pid)
{
	int status = wait_status(pid);

	return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Was child pid killed by signal sig? */
static inline bool child_killed_by(pid_t pid, int sig)
{
	int status = wait_status(pid);

	return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

/* Sleep ms milliseconds, resuming after interruptions. */
static inline void sleep_ms(long ms)
{
	struct timespec req = { ms / MSEC_PER_SEC,
				(ms % MSEC_PER_SEC) * NSEC_PER_MSEC };

	while (nanosleep(&req, &req) < 0 && errno == EINTR)
		;
}

/* Milliseconds on the monotonic clock. */
static inline long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * MSEC_PER_SEC + ts.tv_nsec / NSEC_PER_MSEC;
}

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
 * The kernel's free page frames, or -1 when kstat does not exist (Linux
 * has none: ENOSYS).  Callers skip only the frame comparisons then.
 */
static inline long free_frames(void)
{
	struct kstat_info info;

	if (kstat(KSTAT_INFO, &info, sizeof(info)) < 0)
		return -1;
	return (long)info.free_frames;
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
