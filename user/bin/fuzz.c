/*
 * fuzz - a system call fuzzing campaign: user space must never crash,
 * hang or leak the kernel.
 *
 *   fuzz [-n CALLS] [-s SEED] [-w WORKERS] [-H HANG_SECS] [-v]
 *
 * Shape of a campaign:
 *  - main records the kernel's counts (free frames, heap in use,
 *    processes, System V ids, pipes, open files: kstat) and the processes
 *    alive, then forks the runner and, once it ended, kills whatever the
 *    campaign left running, removes every IPC object and file it made and
 *    checks that each count is back where it was (the leak check);
 *  - the runner makes the pre-made objects the arguments are drawn from
 *    (pipes, a FIFO, a file, a directory, /dev/null, message queues,
 *    semaphore sets, shared memory segments, ids of removed objects) and
 *    a status board in shared memory, then keeps WORKERS workers running
 *    until CALLS calls are made, as root, as nobody (65534) and as uid
 *    1000 in turn.  A worker makes WORKER_LIFETIME calls then exits, and
 *    one killed by a signal (siblings send them) is replaced;
 *  - each worker (fuzz_worker.h) draws calls and arguments (fuzz_calls.h)
 *    from its own generator seeded from (SEED, slot, generation) - so a
 *    campaign's call sequences are reproducible from SEED - and records
 *    each call on the board before making it.
 *
 * Hangs: every worker keeps SIGALRM armed (ALARM_SECS, re-armed by its
 * handler, which has no SA_RESTART), and the calls that could change
 * that are fixed before or after they run (alarm, rt_sigaction of
 * SIGALRM, the signal mask, sigsuspend's mask); blocking calls mostly get
 * nonblocking flags or short timeouts.  So a worker that makes no
 * progress for HANG_SECS while inside a call is a kernel hang: the runner
 * reports the call and its arguments and the campaign fails.  A stopped
 * worker (siblings send SIGSTOP) is continued.  A worker spinning outside
 * any call is a failure too (the worker has no such loop; sigreturn is
 * made on a frame that cannot resume it).  A call that overwrites the
 * board is named; a panic names the process and its call itself
 * (kernel/panic.c).
 *
 * What workers never do, since it would escape the test: exit (a worker
 * ends by itself), exec something that succeeds, signal or wait for
 * processes outside the campaign (pids are drawn from the workers' own,
 * never -1, 1, or the runner's), change files outside FUZZ_DIR, or touch
 * the console (their descriptors 0-2 are /dev/null).  setsid, setuid,
 * setrlimit and friends are allowed: they change only the worker.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/ipc.h>
#include <sys/kstat.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "fuzz_calls.h"

#define DEFAULT_CALLS	100000
#define DEFAULT_WORKERS	12		/* blocked calls overlap: more calls per second */
#define MAX_WORKERS	16
#define DEFAULT_HANG	15		/* seconds without progress = hang */
#define WORKER_LIFETIME	2000		/* calls, then a fresh worker */
#define ALARM_SECS	1
#define TICK_MS		100		/* the runner's loop */
#define WATCH_TICKS	5		/* watchdog every this many ticks */
#define PROGRESS_STEPS	10		/* progress lines in a campaign */
#define SETTLE_MS	15000		/* for the campaign's processes to go */
#define SCRATCH_PAGES	4
#define SCRATCH_SIZE	(SCRATCH_PAGES * PAGE)
#define NOBODY		65534
#define OTHER_UID	1000
#define FUZZ_KEY	0x46755a00	/* keys FUZZ_KEY.. FUZZ_KEY+NKEYS-1 */
#define NKEYS		8
#define PREMADE		2		/* objects of each System V kind */
#define NSTALE		3
#define MAX_FDS		12
#define GC_IDS		64		/* System V ids in use that start a collection */
#define IPC_SLOTS	32		/* per kind: MSGMNI, SEMMNI, SHMMNI */
#define MAX_PROCS	256
#define RECENT		4
#define STACK_WARM	32768		/* bytes of stack touched before the baseline */
#define BOGUS_PID	0x40000000
#define MS_PER_SEC	1000
#define NS_PER_MS	1000000L
#define SLEEP_MAX_NS	(10 * NS_PER_MS)
#define RANDOM_SHARE	64		/* 1 in this many keeps a blocking flag off */
#define BOARD_ADDR	0x5a5a0000ul	/* far from what the generators give */
#define BOARD_ID_SPIN	64
#define BOARD_CANARY	0xb0a4d5afu
#define SA_RESTORER_FLAG 0x04000000ul
#define FRAME_WORDS	64
#define EXIT_CORRUPT	5		/* the board broke in this worker's call */
#define EXIT_SEEN	6		/* the board was broken before a call */
#define EXIT_SETUP	3		/* a worker could not set itself up */
#define MAX_SETUP_FAILS	100
#define EXIT_CWD	4		/* a worker could not go back to FUZZ_DIR */

enum { K_MSG, K_SEM, K_SHM, NKINDS };

/* One worker slot on the board: who runs it and what it calls now.
 * The runner trusts none of it but the counts (a worker may write
 * anywhere in its memory): it keeps its own truth in `ctl`. */
struct slot {
	volatile int pid;
	volatile unsigned calls;	/* made so far, over all generations */
	volatile unsigned succeeded;	/* of them, those that did not fail */
	volatile int in_call;		/* between recording and return */
	volatile long nr;
	volatile long args[6];
};

/* The status board, shared by the runner and every worker. */
struct board {
	unsigned canary;		/* BOARD_CANARY: the board is intact */
	unsigned seed;
	volatile int ids[NKINDS][PREMADE];
	volatile int stale[NKINDS][NSTALE];
	struct slot slots[MAX_WORKERS];
	unsigned end_canary;
};

static struct board *board;

/* The runner's record of each slot; a worker reads its own from its
 * copy of the runner's memory. */
static struct {
	int pid;
	int uid;
	int gen;
	unsigned quota;			/* calls this slot makes in all */
} ctl[MAX_WORKERS];
static int nworkers;
static int nfds, fds[MAX_FDS];		/* the pre-made descriptors */

#include "fuzz_worker.h"

/* ------------------------------------------------------------ runner */

static const int worker_uids[] = { 0, NOBODY, OTHER_UID };

static struct {
	unsigned long calls;		/* the campaign's total */
	int hang_secs;
	bool verbose;
	int started, killed, continued, runaway, hangs, setup_failed;
	bool corrupt;
	long start_ms;
} run;

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * MS_PER_SEC + ts.tv_nsec / NS_PER_MS;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / MS_PER_SEC, (ms % MS_PER_SEC) * NS_PER_MS };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static const char *call_name(long nr)
{
	for (int i = 0; i < NCALLS; i++)
		if (fuzz_calls[i].nr == nr)
			return fuzz_calls[i].name;
	return "(unknown number)";
}

static void print_call(const char *what, int i)
{
	struct slot *s = &board->slots[i];

	printf("fuzz: %s: worker %d (pid %d, uid %d, generation %d, seed %u), "
	       "call %u: %s [%ld](%#lx, %#lx, %#lx, %#lx, %#lx, %#lx)\n",
	       what, i, ctl[i].pid, ctl[i].uid, ctl[i].gen, board->seed, s->calls,
	       call_name(s->nr), s->nr, s->args[0], s->args[1], s->args[2],
	       s->args[3], s->args[4], s->args[5]);
}

static int make_object(int k, key_t key, int mode)
{
	switch (k) {
	case K_MSG:
		return msgget(key, IPC_CREAT | mode);
	case K_SEM:
		return semget(key, 4, IPC_CREAT | mode);
	default:
		return shmget(key, 5 * PAGE + 100, IPC_CREAT | mode);
	}
}

static int ctl_object(int k, int id, int cmd, void *buf)
{
	switch (k) {
	case K_MSG:
		return msgctl(id, cmd, buf);
	case K_SEM:
		return semctl(id, 0, cmd, buf);
	default:
		return shmctl(id, cmd, buf);
	}
}

/* Pre-made object j of kind k: the first is open to all, the second
 * to root only (others get EACCES). */
static void make_premade(int k, int j)
{
	int id = make_object(k, FUZZ_KEY + k * PREMADE + j, j ? 0600 : 0666);

	if (id < 0)
		return;			/* the table is full: next time */
	board->ids[k][j] = id;
}

/* Ids of objects made and removed, for the workers' stale ids. */
static void make_stale(void)
{
	for (int k = 0; k < NKINDS; k++)
		for (int j = 0; j < NSTALE; j++) {
			int id = make_object(k, IPC_PRIVATE, 0600);

			board->stale[k][j] = id;
			ctl_object(k, id, IPC_RMID, NULL);
		}
}

static void add_fd(int fd)
{
	if (fd >= 0 && nfds < MAX_FDS)
		fds[nfds++] = fd;
}

/* The sandbox and the descriptors every worker inherits. */
static void make_files(void)
{
	int p[2];

	mkdir(FUZZ_DIR, 0777);
	chmod(FUZZ_DIR, 0777);
	mkdir(FUZZ_DIR "/dir", 0777);
	mkfifo(FUZZ_DIR "/fifo", 0666);
	add_fd(open(FUZZ_DIR "/fifo", O_RDONLY | O_NONBLOCK));
	add_fd(open(FUZZ_DIR "/fifo", O_WRONLY | O_NONBLOCK));
	add_fd(open(FUZZ_DIR "/file", O_RDWR | O_CREAT | O_NONBLOCK, 0666));
	write(fds[nfds - 1], "fuzz", 4);
	add_fd(open(FUZZ_DIR "/dir", O_RDONLY | O_DIRECTORY));
	add_fd(open("/dev/zero", O_RDONLY));
	for (int i = 0; i < 2; i++)
		if (pipe2(p, O_NONBLOCK) == 0) {
			add_fd(p[0]);
			add_fd(p[1]);
		}
	if (pipe2(p, O_NONBLOCK) == 0) {	/* a pipe with no reader */
		close(p[0]);
		add_fd(p[1]);
	}
	if (pipe2(p, O_NONBLOCK) == 0) {	/* a pipe with no writer */
		close(p[1]);
		add_fd(p[0]);
	}
}

/*
 * The board is a System V segment, removed at once so that it goes with
 * the last detach - but root may still attach a removed segment by its
 * id (as on Linux), and root workers try small ids.  So the board's slot
 * is first cycled BOARD_ID_SPIN times, which gives it an id far above
 * any a worker tries.
 */
static struct board *make_board(void)
{
	int id;
	struct board *b;

	for (int i = 0; i < BOARD_ID_SPIN; i++)
		shmctl(shmget(IPC_PRIVATE, PAGE, 0600), IPC_RMID, NULL);
	id = shmget(IPC_PRIVATE, sizeof(struct board), 0600);
	b = id < 0 ? (void *)-1 : shmat(id, (void *)BOARD_ADDR, 0);

	if (b == (void *)-1) {
		printf("fuzz: FAIL: no shared memory for the board (errno %d)\n", errno);
		exit(1);
	}
	shmctl(id, IPC_RMID, NULL);	/* goes with the last detach */
	if (id < IPC_SLOTS * BOARD_ID_SPIN / 2)
		printf("fuzz: the board has the small id %d: workers may reach it\n", id);
	memset(b, 0, sizeof(*b));
	b->canary = b->end_canary = BOARD_CANARY;
	return b;
}

static void spawn(int i)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return;			/* out of memory or processes: retry */
	if (pid == 0)
		worker(i);
	setpgid(pid, pid);
	ctl[i].pid = pid;
	board->slots[i].pid = pid;
	run.started++;
	if (run.verbose)
		printf("fuzz: worker %d generation %d: pid %d uid %d\n", i,
		       ctl[i].gen, pid, ctl[i].uid);
}

static int slot_of(pid_t pid)
{
	for (int i = 0; i < nworkers; i++)
		if (ctl[i].pid == pid)
			return i;
	return -1;
}

/* Reap ended workers (and their children given to us); start the next
 * generation where calls remain.  True when every slot is done. */
static bool reap_and_respawn(void)
{
	bool done = true;
	int status, i;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if ((i = slot_of(pid)) < 0)
			continue;
		if (WIFSIGNALED(status))
			run.killed++;
		else if (WEXITSTATUS(status) == EXIT_SETUP)
			run.setup_failed++;
		else if (WEXITSTATUS(status) == EXIT_CORRUPT)
			print_call("the board was overwritten by", i);
		ctl[i].pid = 0;
		ctl[i].gen++;
		board->slots[i].pid = 0;
		board->slots[i].in_call = 0;
	}
	for (i = 0; i < nworkers; i++) {
		if (board->slots[i].calls < ctl[i].quota) {
			done = false;
			if (ctl[i].pid == 0)
				spawn(i);
		} else if (ctl[i].pid) {
			done = false;
		}
	}
	return done;
}

static struct kstat_proc procs[MAX_PROCS];

static const struct kstat_proc *find_proc(int nprocs, int pid)
{
	for (int i = 0; i < nprocs; i++)
		if (procs[i].pid == pid)
			return &procs[i];
	return NULL;
}

/* A worker that made no call for hang_secs: a hang if it sits in a call. */
static void stalled(int i, const struct kstat_proc *p)
{
	struct slot *s = &board->slots[i];

	if (s->in_call) {
		print_call("HANG", i);
		printf("fuzz: no progress for %d s, process state %d\n",
		       run.hang_secs, p->state);
		run.hangs++;
	} else {
		print_call("RUNAWAY (spinning outside a call)", i);
		run.runaway++;
	}
	kill(ctl[i].pid, SIGKILL);
}

/* The board is in every worker's memory, and nothing there writes to
 * it but the workers' own bookkeeping - unless the kernel writes where
 * it should not, or lets a frame go while it is still mapped. */
static bool board_intact(void)
{
	if (board->canary == BOARD_CANARY && board->end_canary == BOARD_CANARY)
		return true;
	printf("fuzz: FAIL: the status board was overwritten (canaries %#x %#x); "
	       "the workers' last calls:\n", board->canary, board->end_canary);
	for (int i = 0; i < nworkers; i++)
		print_call("last call", i);
	return false;
}

/* Continue stopped processes of the campaign; find stalled workers. */
static void watchdog(long *last_ms, unsigned *last_calls)
{
	int n = kstat(KSTAT_PROCS, procs, sizeof(procs));
	int me = getpid();
	long now = now_ms();

	for (int j = 0; j < n; j++)
		if (procs[j].state == KPROC_STOPPED &&
		    (procs[j].ppid == me || slot_of(procs[j].ppid) >= 0)) {
			kill(procs[j].pid, SIGCONT);
			run.continued++;
		}
	for (int i = 0; i < nworkers; i++) {
		struct slot *s = &board->slots[i];
		const struct kstat_proc *p;

		if (s->calls != last_calls[i] || !ctl[i].pid) {
			last_calls[i] = s->calls;
			last_ms[i] = now;
			continue;
		}
		p = find_proc(n, ctl[i].pid);
		if (!p || p->state == KPROC_ZOMBIE || p->state == KPROC_STOPPED) {
			last_ms[i] = now;
			continue;
		}
		if (now - last_ms[i] >= run.hang_secs * MS_PER_SEC) {
			stalled(i, p);
			last_ms[i] = now;
		}
	}
}

/* Put back removed pre-made objects; remove the workers' own objects
 * when the tables fill, so that gets keep succeeding. */
static void tend_objects(void)
{
	struct kstat_objects o;
	char buf[256];

	mkdir(FUZZ_DIR, 0777);			/* a worker may have removed */
	chmod(FUZZ_DIR, 0777);			/* or closed it */
	for (int k = 0; k < NKINDS; k++)
		for (int j = 0; j < PREMADE; j++)
			if (ctl_object(k, board->ids[k][j], IPC_STAT, buf) < 0)
				make_premade(k, j);
	if (kstat(KSTAT_OBJECTS, &o, sizeof(o)) < 0 || o.sysv_ids < GC_IDS)
		return;
	for (int k = 0; k < NKINDS; k++)
		for (int index = 0; index < IPC_SLOTS; index++) {
			int id = ctl_object(k, index, k == K_MSG ? MSG_STAT :
					    k == K_SEM ? SEM_STAT : SHM_STAT, buf);
			bool premade = false;

			for (int j = 0; j < PREMADE; j++)
				premade |= id == board->ids[k][j];
			if (id >= 0 && !premade)
				ctl_object(k, id, IPC_RMID, NULL);
		}
}

static unsigned long calls_made(void)
{
	unsigned long n = 0;

	for (int i = 0; i < nworkers; i++)
		n += board->slots[i].calls < ctl[i].quota ? board->slots[i].calls :
		     ctl[i].quota;
	return n;
}

static unsigned long calls_succeeded(void)
{
	unsigned long n = 0;

	for (int i = 0; i < nworkers; i++)
		n += board->slots[i].succeeded;
	return n;
}

static void progress(void)
{
	printf("fuzz: %lu/%lu calls (%lu succeeded), %ld s, %d workers started "
	       "(%d killed by signals), %d stopped ones continued\n", calls_made(),
	       run.calls, calls_succeeded(), (now_ms() - run.start_ms) / MS_PER_SEC,
	       run.started, run.killed, run.continued);
}

static void set_quotas(void)
{
	unsigned long share = run.calls / (unsigned long)nworkers;

	for (int i = 0; i < nworkers; i++) {
		ctl[i].uid = worker_uids[i % 3];
		ctl[i].quota = (unsigned)share;
	}
	ctl[0].quota += (unsigned)(run.calls - share * (unsigned long)nworkers);
}

/* The campaign: returns 0 if no worker hung or ran away. */
static int runner(unsigned seed)
{
	long last_ms[MAX_WORKERS] = { 0 };
	unsigned last_calls[MAX_WORKERS] = { 0 };
	unsigned long step = run.calls / PROGRESS_STEPS + 1, next = step;
	int ticks = 0;

	board = make_board();
	board->seed = seed;
	set_quotas();
	make_files();
	if (chdir(FUZZ_DIR) < 0) {		/* the workers' directory */
		printf("fuzz: FAIL: cannot enter %s (errno %d)\n", FUZZ_DIR, errno);
		return 1;
	}
	for (int k = 0; k < NKINDS; k++)
		for (int j = 0; j < PREMADE; j++)
			make_premade(k, j);
	make_stale();
	run.start_ms = now_ms();
	while (!reap_and_respawn() && !run.hangs && !run.runaway &&
	       run.setup_failed < MAX_SETUP_FAILS && !(run.corrupt = !board_intact())) {
		sleep_ms(TICK_MS);
		if (++ticks % WATCH_TICKS == 0) {
			watchdog(last_ms, last_calls);
			tend_objects();
		}
		if (calls_made() >= next) {
			progress();
			next += step;
		}
	}
	for (int i = 0; i < nworkers; i++)
		if (ctl[i].pid)
			kill(ctl[i].pid, SIGKILL);
	progress();
	if (run.setup_failed >= MAX_SETUP_FAILS)
		printf("fuzz: FAIL: %d workers could not set themselves up\n",
		       run.setup_failed);
	return run.hangs || run.runaway || run.corrupt ||
	       run.setup_failed >= MAX_SETUP_FAILS;
}

/* ------------------------------------------ the leak check around it */

struct baseline {
	struct kstat_info info;
	struct kstat_objects objects;
	int nprocs;
	int pids[MAX_PROCS];
	int ids[NKINDS][IPC_SLOTS];
};

static int list_ids(int k, int *ids)
{
	char buf[256];
	int n = 0;

	for (int index = 0; index < IPC_SLOTS; index++) {
		int id = ctl_object(k, index, k == K_MSG ? MSG_STAT_ANY :
				    k == K_SEM ? SEM_STAT_ANY : SHM_STAT_ANY, buf);

		ids[index] = id;
		n += id >= 0;
	}
	return n;
}

static bool take_baseline(struct baseline *b)
{
	int n = kstat(KSTAT_PROCS, procs, sizeof(procs));

	if (n < 0 || kstat(KSTAT_INFO, &b->info, sizeof(b->info)) < 0 ||
	    kstat(KSTAT_OBJECTS, &b->objects, sizeof(b->objects)) < 0)
		return false;
	b->nprocs = n;
	for (int i = 0; i < n; i++)
		b->pids[i] = procs[i].pid;
	for (int k = 0; k < NKINDS; k++)
		list_ids(k, b->ids[k]);
	return true;
}

static bool in_baseline(const struct baseline *b, int pid)
{
	for (int i = 0; i < b->nprocs; i++)
		if (b->pids[i] == pid)
			return true;
	return false;
}

/* Kill every process the campaign left (a worker's children, stopped
 * ones included) and wait until init has reaped them all. */
static bool settle(const struct baseline *b)
{
	long deadline = now_ms() + SETTLE_MS;
	struct kstat_info info;

	for (;;) {
		int n = kstat(KSTAT_PROCS, procs, sizeof(procs)), left = 0;

		for (int i = 0; i < n; i++)
			if (!in_baseline(b, procs[i].pid)) {
				kill(procs[i].pid, SIGKILL);
				left++;
			}
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		kstat(KSTAT_INFO, &info, sizeof(info));
		if (!left && info.nprocs == b->info.nprocs)
			return true;
		if (now_ms() > deadline)
			return false;
		sleep_ms(TICK_MS);
	}
}

static void remove_tree(const char *path)
{
	char sub[512];
	struct dirent *d;
	DIR *dir = opendir(path);

	if (dir) {
		while ((d = readdir(dir))) {
			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", path, d->d_name);
			remove_tree(sub);
		}
		closedir(dir);
		rmdir(path);
	} else {
		unlink(path);
	}
}

/* In a child (its memory does not count): remove the objects and files
 * the campaign made. */
static void clean_up(const struct baseline *b)
{
	int ids[IPC_SLOTS];
	pid_t pid = fork();

	if (pid == 0) {
		for (int k = 0; k < NKINDS; k++) {
			list_ids(k, ids);
			for (int i = 0; i < IPC_SLOTS; i++)
				if (ids[i] >= 0 && ids[i] != b->ids[k][i])
					ctl_object(k, ids[i], IPC_RMID, NULL);
		}
		remove_tree(FUZZ_DIR);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
}

static int compare(const char *what, unsigned long now, unsigned long then)
{
	if (now == then)
		return 0;
	printf("fuzz: LEAK: %s: %lu now, %lu before the campaign\n", what, now, then);
	return 1;
}

static int check_leaks(const struct baseline *b)
{
	struct kstat_info i;
	struct kstat_objects o;
	int leaks = 0;

	if (kstat(KSTAT_INFO, &i, sizeof(i)) < 0 || kstat(KSTAT_OBJECTS, &o, sizeof(o)) < 0)
		return 1;
	leaks += compare("free frames", i.free_frames, b->info.free_frames);
	leaks += compare("kernel heap bytes in use", i.heap_used, b->info.heap_used);
	leaks += compare("processes", i.nprocs, b->info.nprocs);
	leaks += compare("System V ids", o.sysv_ids, b->objects.sysv_ids);
	leaks += compare("pipes", o.pipes, b->objects.pipes);
	leaks += compare("open files", o.files, b->objects.files);
	return leaks;
}

/* Grow the stack and stdio's buffer now, so that they do not count as
 * leaks; a first round of the sandbox's kind of files, likewise. */
static void warm_up(void)
{
	volatile char stack[STACK_WARM];

	memset((char *)stack, 0, sizeof(stack));
	fflush(stdout);
	mkdir(FUZZ_DIR, 0777);
	remove_tree(FUZZ_DIR);
}

static void usage(void)
{
	fprintf(stderr, "usage: fuzz [-n CALLS] [-s SEED] [-w WORKERS] [-H HANG_SECS] [-v]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct baseline base;
	unsigned seed = (unsigned)time(NULL);
	int opt, status, failed = 0;
	pid_t pid;

	run.calls = DEFAULT_CALLS;
	nworkers = DEFAULT_WORKERS;
	run.hang_secs = DEFAULT_HANG;
	while ((opt = getopt(argc, argv, "n:s:w:H:v")) != -1) {
		switch (opt) {
		case 'n': run.calls = strtoul(optarg, NULL, 0); break;
		case 's': seed = (unsigned)strtoul(optarg, NULL, 0); break;
		case 'w': nworkers = atoi(optarg); break;
		case 'H': run.hang_secs = atoi(optarg); break;
		case 'v': run.verbose = true; break;
		default: usage();
		}
	}
	if (nworkers < 1 || nworkers > MAX_WORKERS || run.hang_secs < 1)
		usage();
	printf("fuzz: seed %u, %lu calls, %d workers, hang limit %d s\n", seed,
	       run.calls, nworkers, run.hang_secs);
	warm_up();
	if (!take_baseline(&base)) {
		printf("fuzz: FAIL: kstat (errno %d)\n", errno);
		return 1;
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		exit(runner(seed));
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0) {
		printf("fuzz: the campaign failed (wait status %#x)\n", status);
		failed = 1;
	}
	if (!settle(&base)) {
		printf("fuzz: FAIL: processes of the campaign still there after %d ms\n",
		       SETTLE_MS);
		return 1;
	}
	clean_up(&base);
	failed |= check_leaks(&base) != 0;
	printf("fuzz: %s: seed %u, %lu calls: %s\n", failed ? "FAIL" : "PASS", seed,
	       run.calls, failed ? "see above" : "no panic, hang or leak");
	return failed;
}
