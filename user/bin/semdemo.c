/*
 * semdemo.c - why a shared file needs a lock, and a System V semaphore
 * as that lock, explained as it runs.
 *
 *   semdemo [-k] [-p PROCS] [-n TIMES]
 *
 * PROCS processes each add 1 to a counter kept as text in a file, TIMES
 * times: read the number, yield the processor (as a busy system would at
 * the worst moment), write the number plus one back.  Without a lock,
 * two processes read the same number and one update is lost.  Then the
 * same runs with a semaphore of value 1 around each update: P (subtract
 * 1, sleeping while it is 0) before, V (add 1) after.  With SEM_UNDO the
 * kernel gives the lock back if its holder dies, which the end shows
 * with a process killed while holding it.  The semaphore set is removed
 * at the end, unless -k keeps it for ipcs and ipcrm.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <unistd.h>

/* Errors are lines on standard output, like all the others. */
#define DEMO_NAME	"semdemo"
#define DEMO_ERR_FD	STDOUT_FILENO
#include "demo.h"

#define COUNTER_FILE	"/tmp/semdemo.counter"
#define DEFAULT_PROCS	4
#define DEFAULT_TIMES	50
#define MAX_PROCS	32
#define MAX_TIMES	10000
#define NUM_LEN		16
#define LOCK		0		/* the semaphore's number in the set */
#define HOLD_POLL_MS	1
#define NSEC_PER_MSEC	1000000L

/* semctl's argument, which the caller defines (POSIX). */
union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
	struct seminfo *__buf;
};

static int semid = -1;

static void write_counter(int fd, int value)
{
	char buf[NUM_LEN];
	int n = snprintf(buf, sizeof(buf), "%d\n", value);

	if (lseek(fd, 0, SEEK_SET) < 0 || write(fd, buf, n) != n)
		die("write " COUNTER_FILE);
}

static int read_counter(int fd)
{
	char buf[NUM_LEN] = { 0 };

	if (lseek(fd, 0, SEEK_SET) < 0 || read(fd, buf, sizeof(buf) - 1) < 0)
		die("read " COUNTER_FILE);
	return atoi(buf);
}

/* P and V: take and give back the lock, both undone if we die. */
static void lock(void)
{
	struct sembuf p = { LOCK, -1, SEM_UNDO };

	if (semop(semid, &p, 1) < 0)
		die("semop P");
}

static void unlock(void)
{
	struct sembuf v = { LOCK, 1, SEM_UNDO };

	if (semop(semid, &v, 1) < 0)
		die("semop V");
}

static _Noreturn void worker(int times, int locked)
{
	int fd = open(COUNTER_FILE, O_RDWR);

	if (fd < 0)
		die("open " COUNTER_FILE);
	for (int i = 0; i < times; i++) {
		int v;

		if (locked)
			lock();
		v = read_counter(fd);
		sched_yield();		/* the worst moment to be interrupted */
		write_counter(fd, v + 1);
		if (locked)
			unlock();
	}
	exit(0);
}

/* PROCS workers from 0; returns the final count. */
static int run(int procs, int times, int locked)
{
	int fd = open(COUNTER_FILE, O_RDWR | O_CREAT | O_TRUNC, 0644), value;

	if (fd < 0)
		die("open " COUNTER_FILE);
	write_counter(fd, 0);
	for (int i = 0; i < procs; i++) {
		pid_t pid = fork_or_die();

		if (pid == 0)
			worker(times, locked);
	}
	for (int i = 0; i < procs; i++)
		wait(NULL);
	value = read_counter(fd);
	close(fd);
	return value;
}

/* A process takes the lock and is killed: SEM_UNDO gives it back. */
static void show_undo(void)
{
	struct timespec poll = { 0, HOLD_POLL_MS * NSEC_PER_MSEC };
	pid_t pid = fork_or_die();

	if (pid == 0) {
		lock();
		for (;;)
			pause();
	}
	while (semctl(semid, LOCK, GETVAL) != 0)
		nanosleep(&poll, NULL);
	say("Process %d took the lock (value now %d) and sleeps holding it.\n",
	    pid, semctl(semid, LOCK, GETVAL));
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	say("It was killed with SIGKILL, and never called V; yet the value is\n"
	    "%d again: at its exit the kernel applied its undo record.\n",
	    semctl(semid, LOCK, GETVAL));
}

static int usage(void)
{
	fprintf(stderr, "usage: semdemo [-k] [-p PROCS] [-n TIMES]\n");
	return 1;
}

int main(int argc, char **argv)
{
	int procs = DEFAULT_PROCS, times = DEFAULT_TIMES, keep = 0, c, got;

	while ((c = getopt(argc, argv, "kp:n:")) != -1) {
		switch (c) {
		case 'k':
			keep = 1;
			break;
		case 'p':
			procs = atoi(optarg);
			break;
		case 'n':
			times = atoi(optarg);
			break;
		default:
			return usage();
		}
	}
	if (optind < argc || procs < 2 || procs > MAX_PROCS || times < 1 ||
	    times > MAX_TIMES)
		return usage();
	demo_catch_signals();
	demo_owns_path(COUNTER_FILE);

	say("%d processes each add 1 to a counter in %s, %d times:\n"
	    "read the number, yield the processor, write the number + 1.\n"
	    "The file should end at %d x %d = %d.\n\n", procs, COUNTER_FILE,
	    times, procs, times, procs * times);
	say("First without a lock.\n");
	got = run(procs, times, 0);
	if (got == procs * times)
		say("The file says %d: no update was lost this time, by luck; run\n"
		    "it again, or with more processes (-p).\n\n", got);
	else
		say("The file says %d: %d updates were lost.  Two processes read\n"
		    "the same number while the first had not written it back yet,\n"
		    "and both wrote the same number + 1.\n\n", got,
		    procs * times - got);

	semid = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
	if (semid < 0)
		die("semget");
	demo_owns(DEMO_SEM, semid);
	if (semctl(semid, LOCK, SETVAL, (union semun){ .val = 1 }) < 0)
		die("semctl SETVAL");
	say("Now with a lock: semaphore set %d, one semaphore of value 1.\n"
	    "Before each update a process does P (semop -1): it goes on if the\n"
	    "value was 1, making it 0, and sleeps while it is 0.  After the\n"
	    "update it does V (semop +1), which wakes one sleeper.  Both carry\n"
	    "SEM_UNDO.\n", semid);
	got = run(procs, times, 1);
	say("The file says %d of %d: %s.\n\n", got, procs * times,
	    got == procs * times ? "no update lost" : "updates lost - a kernel bug!");

	show_undo();
	unlink(COUNTER_FILE);
	demo_owns_path(NULL);
	if (keep) {
		demo_owns(DEMO_SEM, -1);
		say("\n-k: semaphore set %d stays.  See it with 'ipcs -s' and remove\n"
		    "it with 'ipcrm -s %d'.\n", semid, semid);
		return 0;
	}
	if (semctl(semid, 0, IPC_RMID) < 0)
		die("semctl IPC_RMID");
	demo_owns(DEMO_SEM, -1);
	say("\nsemctl IPC_RMID removed the set.\n");
	return got == procs * times ? 0 : 1;
}
