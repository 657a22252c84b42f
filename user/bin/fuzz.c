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
 *  - each worker draws calls and arguments (fuzz_calls.h) from its own
 *    generator seeded from (SEED, slot, generation) - so a campaign's
 *    call sequences are reproducible from SEED - and records each call
 *    on the board before making it.
 *
 * Hangs: every worker keeps SIGALRM armed (ALARM_SECS, re-armed by its
 * handler, which has no SA_RESTART), and the calls that could change
 * that are fixed before or after they run (alarm, rt_sigaction of
 * SIGALRM, the signal mask, sigsuspend's mask); blocking calls mostly get
 * nonblocking flags or short timeouts.  So a worker that makes no
 * progress for HANG_SECS while inside a call is a kernel hang: the runner
 * reports the call and its arguments and the campaign fails.  A stopped
 * worker (siblings send SIGSTOP) is continued.  A worker spinning outside
 * a call after sigreturn/rt_sigreturn (which load registers from
 * garbage) has left the fuzzer's control: it is killed and counted.
 * A panic names the process and its call itself (kernel/panic.c).
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
#define DEFAULT_WORKERS	6
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

/* ------------------------------------------------------------ worker */

/* A worker's own state (each worker is a process of its own). */
static struct {
	unsigned rng;
	int slot;
	int pid;
	char *scratch;
	unsigned long heap_end;		/* the scratch area ends here */
	int recent_ids[NKINDS][RECENT];
	unsigned long recent_at[RECENT];	/* shmat addresses */
	int child;			/* last child of a fork call */
} w;

static unsigned rnd(void)
{
	w.rng ^= w.rng << 13;
	w.rng ^= w.rng >> 17;
	w.rng ^= w.rng << 5;
	return w.rng;
}

static unsigned below(unsigned n)
{
	return rnd() % n;
}

#define PICK(table)	((table)[below(sizeof(table) / sizeof((table)[0]))])

static unsigned mix(unsigned x)
{
	x ^= x >> 16;
	x *= 0x7feb352du;
	x ^= x >> 15;
	x *= 0x846ca68bu;
	x ^= x >> 16;
	return x ? x : 1;
}

static bool in_scratch(long p, unsigned long len)
{
	unsigned long a = (unsigned long)p, base = (unsigned long)w.scratch;

	return a >= base && a <= w.heap_end && len <= w.heap_end - a;
}

static long small_step(void)
{
	static const long steps[] = { 1, 2, 3, 4, 7, 8, 16, 64, 100, PAGE - 1 };

	return PICK(steps);
}

static void on_alarm(int sig)
{
	(void)sig;
	alarm(ALARM_SECS);
}

/* A handler workers may install for any signal: it only returns. */
static void benign_handler(int sig)
{
	(void)sig;
}

static long gen_ptr(void)
{
	unsigned r = below(32);

	if (r < 14)
		return (long)(w.scratch + below(SCRATCH_SIZE - 256));
	if (r < 16)
		return 0;
	if (r < 19)
		return PICK(bad_addrs);
	if (r < 22)
		return (long)(w.heap_end - small_step());
	if (r < 25)
		return (long)(KERNBASE_ADDR - small_step());
	if (r < 26)
		return (long)rnd();
	if (r < 27)
		return (long)&gen_ptr;		/* read-only text */
	if (r < 29 && w.recent_at[0])
		return (long)(w.recent_at[below(RECENT)] + below(PAGE));
	return (long)w.scratch;
}

static long gen_int(void)
{
	switch (below(4)) {
	case 0:
		return PICK(edge_ints);
	case 1:
		return below(64);
	case 2:
		return (long)rnd();
	default:
		return 1L << below(31);
	}
}

static long gen_size(void)
{
	unsigned r = below(8);

	if (r < 4)
		return PICK(edge_ints);
	if (r < 7)
		return below(512);
	return below(2 * PAGE);
}

static long gen_fd(void)
{
	static const long bad_fds[] = { -1, 256, 1023, 0x7fffffff, (long)0x80000000, 60 };
	unsigned r = below(16);

	if (r < 11)
		return fds[below(nfds)];
	if (r < 14)
		return below(32);
	return PICK(bad_fds);
}

/* A string of length len ending at the end of the scratch area, without
 * its NUL: the kernel has to stop at the unmapped page after it. */
static long unterminated_path(unsigned len)
{
	char *s = (char *)w.heap_end - len;

	memset(s, 'a', len);
	return (long)s;
}

/* A path of len bytes in the scratch area under prefix. */
static long long_path(const char *prefix, unsigned len)
{
	char *s = w.scratch;
	size_t n = strlen(prefix);

	memcpy(s, prefix, n);
	memset(s + n, 'a', len - n);
	for (unsigned i = n + 200; i < len; i += 200)
		s[i] = '/';
	s[len] = '\0';
	return (long)s;
}

static long gen_bad_path(void)
{
	switch (below(4)) {
	case 0:
		return 0;
	case 1:
		return PICK(bad_addrs);
	case 2:
		return unterminated_path(1 + below(PAGE));
	default:		/* the last bytes of the stack: no NUL */
		return (long)(KERNBASE_ADDR - 1 - below(3));
	}
}

static long gen_path(const char *const *paths, unsigned n, const char *prefix)
{
	unsigned r = below(16);

	if (r < 12)
		return (long)paths[below(n)];
	if (r < 14)
		return gen_bad_path();
	return long_path(prefix, 250 + below(2 * PAGE));
}

#define GEN_PATH(table, prefix) \
	gen_path(table, sizeof(table) / sizeof(table[0]), prefix)

static long gen_open_flags(void)
{
	static const long bits[] = { O_CREAT, O_EXCL, O_TRUNC, O_APPEND,
				     O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC, O_NOCTTY };
	long flags = below(4);

	for (unsigned i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (below(4) == 0)
			flags |= bits[i];
	if (below(16) == 0)
		flags |= (long)rnd();
	return flags;
}

static long gen_mode(void)
{
	static const long modes[] = {
		0, 0777, 0644, 0600, 07777, -1, S_IFIFO | 0666, S_IFREG | 0644,
		S_IFDIR | 0755, S_IFCHR | 0666, S_IFBLK | 0600, 0170777,
	};

	return below(4) ? PICK(modes) : (long)(rnd() & 0177777);
}

static long gen_pid(void)
{
	static const long bogus[] = { 0x7fffffff, (long)0x80000000, -0x7fffffff,
				      BOGUS_PID, -BOGUS_PID };
	unsigned r = below(16);
	long pid;

	if (r < 2)
		return 0;
	if (r < 5)
		pid = w.pid;
	else if (r < 9)
		pid = board->slots[below(nworkers)].pid;
	else if (r < 11)
		pid = -board->slots[below(nworkers)].pid;
	else if (r < 12)
		pid = -w.pid;
	else if (r < 13)
		pid = w.child;
	else
		pid = PICK(bogus);
	return pid == -1 || pid == 1 ? BOGUS_PID : pid;
}

static long gen_sig(void)
{
	static const long sigs[] = {
		0, SIGSTOP, SIGCONT, SIGKILL, SIGTERM, SIGUSR1, SIGUSR2, SIGCHLD,
		SIGALRM, SIGSEGV, SIGTSTP, SIGPIPE, SIGHUP, 32, 33, 64, 65, -1, 1000,
	};

	return below(2) ? PICK(sigs) : (long)below(32);
}

static long gen_uid(void)
{
	static const long uids[] = { 0, NOBODY, OTHER_UID, -1, 0xffff, 0x10000, 1 };

	return below(8) ? PICK(uids) : (long)rnd();
}

static long gen_addr(void)
{
	static const long addrs[] = {
		0, 0x40000000, (long)0xbf000000, (long)(KERNBASE_ADDR - PAGE),
		(long)KERNBASE_ADDR, 0x08048000, 0x1000, -1,
	};

	switch (below(8)) {
	case 0:
	case 1:
		return (long)w.recent_at[below(RECENT)];
	case 2:
		return (long)(w.heap_end + PAGE * below(16));
	case 3:
		return (long)w.scratch;
	case 4:
		return 0x40000000 + (long)(PAGE * below(64)) + (below(4) ? 0 : 1);
	case 5:
		return (long)rnd();
	default:
		return PICK(addrs);
	}
}

static long gen_dev(void)
{
	static const long devs[] = { 0, 0x103, 0x105, 0x163, 0x6300, -1, 0x10003 };

	return PICK(devs);
}

/* An id of System V kind k: pre-made, another kind's, one this worker
 * made, a removed object's, or a bad one. */
static long gen_id(int k)
{
	static const long bad_ids[] = { -1, 0x7fffffff, (long)0x80000000, IPC_SLOTS, 0 };
	unsigned r = below(16);

	if (r < 9)
		return board->ids[k][below(PREMADE)];
	if (r < 10)
		return board->ids[below(NKINDS)][below(PREMADE)];
	if (r < 12)
		return w.recent_ids[k][below(RECENT)];
	if (r < 13)
		return board->stale[k][below(NSTALE)];
	if (r < 15)
		return PICK(bad_ids);
	return below(IPC_SLOTS * 2);
}

static long gen_key(void)
{
	unsigned r = below(32);

	if (r < 10)
		return IPC_PRIVATE;
	if (r < 31)
		return FUZZ_KEY + below(NKEYS);
	return (long)rnd();
}

static long gen_ipc_cmd(void)
{
	static const long odd[] = { -1, 99, 0x7fffffff, 21, 30, IPC_RMID | IPC_64 };
	unsigned r = below(32);

	if (r < 1)
		return IPC_RMID;
	if (r < 3)
		return IPC_SET;
	if (r < 9)
		return IPC_STAT;
	if (r < 11)
		return IPC_INFO;
	if (r < 26)
		return 11 + below(10);
	if (r < 29)
		return (long)below(21) | IPC_64;
	return PICK(odd);
}

static long gen_any(void)
{
	switch (below(4)) {
	case 0:
		return gen_ptr();
	case 1:
		return (long)rnd();
	default:
		return gen_int();
	}
}

static long gen_arg(char kind)
{
	switch (kind) {
	case 'f': return gen_fd();
	case 'p': return gen_ptr();
	case 'n': return gen_size();
	case 's': return GEN_PATH(read_paths, "/");
	case 'w': return GEN_PATH(write_paths, FUZZ_DIR "/");
	case 'e': return GEN_PATH(exec_paths, "/");
	case 'o': return gen_open_flags();
	case 'm': return gen_mode();
	case 'i': return gen_int();
	case 'l': return below(2) ? PICK(edge_ints) : (long)rnd();
	case 'd': return gen_pid();
	case 'g': return gen_sig();
	case 'u': return gen_uid();
	case 'r': return below(8) ? (long)below(17) : -1;
	case 'a': return gen_addr();
	case 'D': return gen_dev();
	case 'Q': return gen_id(K_MSG);
	case 'S': return gen_id(K_SEM);
	case 'M': return gen_id(K_SHM);
	case 'k': return gen_key();
	case 'c': return gen_ipc_cmd();
	case 'v': return below(2) ? gen_ptr() : gen_int();
	default: return gen_any();
	}
}

/* ---------------------------------------------- fixing calls that block */

/* A timespec of up to SLEEP_MAX_NS (or now and then an invalid one). */
static long short_timeout(void)
{
	struct timespec *ts = (struct timespec *)(w.scratch + SCRATCH_SIZE - PAGE);

	ts->tv_sec = 0;
	ts->tv_nsec = (long)below(SLEEP_MAX_NS);
	if (below(16) == 0)
		ts->tv_nsec = below(2) ? -1 : 1000000000L;
	return (long)ts;
}

/* A timeout a blocking call reads: NULL and kernel addresses are kept,
 * any other pointer mostly becomes a short timeout. */
static long tame_timeout(long p)
{
	if (p == 0 || (unsigned long)p >= KERNBASE_ADDR || below(8) == 0)
		return p;
	return short_timeout();
}

/* Semaphore operations at p get IPC_NOWAIT (most of the time). */
static void tame_sembufs(long p, long nsops)
{
	struct sembuf *ops = (struct sembuf *)p;

	if (below(RANDOM_SHARE) == 0)
		return;
	for (long i = 0; i < nsops && i < SEMOPM; i++) {
		if (!in_scratch((long)&ops[i], sizeof(ops[i])))
			return;
		ops[i].sem_flg |= IPC_NOWAIT;
	}
}

static long with_nowait(long flags)
{
	return below(RANDOM_SHARE) ? flags | IPC_NOWAIT : flags;
}

/* The mask words at p must not block SIGALRM. */
static long tame_mask(long p)
{
	if (!in_scratch(p, sizeof(sigset_t)))
		return p == 0 || (unsigned long)p >= KERNBASE_ADDR ? p : 0;
	*(sigset_t *)p &= ~(1ul << (SIGALRM - 1));
	return p;
}

/* What rt_sigaction installs: a handler that returns, SIG_DFL, SIG_IGN,
 * or an address that faults - never a random address in the worker. */
static long tame_sigaction(long p)
{
	static const long handlers[] = { (long)SIG_DFL, (long)SIG_IGN,
					 (long)KERNBASE_ADDR, 0x10 };

	if (!in_scratch(p, 2 * sizeof(long)))
		return p == 0 || (unsigned long)p >= KERNBASE_ADDR ? p : 0;
	((long *)p)[0] = below(2) ? (long)&benign_handler : PICK(handlers);
	((long *)p)[1] &= ~SA_RESTORER_FLAG;	/* the kernel's return code */
	return p;
}

/* Is path one of read_paths that names something outside the sandbox?
 * (Paths in the scratch area cannot: they are relative, or absolute
 * with a 200-character first name that does not exist.) */
static bool outside_sandbox(long path)
{
	for (unsigned i = 0; i < sizeof(read_paths) / sizeof(read_paths[0]); i++) {
		const char *s = read_paths[i];

		if ((long)s == path)
			return strncmp(s, FUZZ_DIR "/", sizeof(FUZZ_DIR)) != 0 &&
			       (s[0] == '/' || strcmp(s, "..") == 0);
	}
	return false;
}

/* The ipc() multiplexer: the same fixes as the calls it stands for. */
static void tame_ipc(long *a)
{
	switch (a[0] & 0xffff) {
	case 1:				/* semop(first, ptr, second) */
	case 4:				/* semtimedop(..., fifth) */
		tame_sembufs(a[4], a[2]);
		a[5] = tame_timeout(a[5]);
		break;
	case 11:			/* msgsnd(first, ptr, second, third) */
	case 12:			/* msgrcv */
		a[3] = with_nowait(a[3]);
		break;
	}
}

/* Fix the arguments of calls that could block for good or disarm the
 * worker's alarm; bound what a path outside the sandbox may do. */
static void tame(long nr, long *a)
{
	switch (nr) {
	case __NR_open:
		a[1] |= O_NONBLOCK;
		if (outside_sandbox(a[0]))
			a[1] &= ~(O_CREAT | O_TRUNC | O_ACCMODE);
		break;
	case __NR_msgsnd:
		a[3] = with_nowait(a[3]);
		break;
	case __NR_msgrcv:
		a[4] = with_nowait(a[4]);
		break;
	case __NR_semtimedop:
		tame_sembufs(a[1], a[2]);
		a[3] = tame_timeout(a[3]);
		break;
	case __NR_nanosleep:
		a[0] = tame_timeout(a[0]);
		break;
	case __NR_waitpid:
	case __NR_wait4:
		if (below(8))
			a[2] |= WNOHANG;
		break;
	case __NR_sigsuspend:
		a[2] &= ~(1l << (SIGALRM - 1));
		break;
	case __NR_rt_sigsuspend:
		a[0] = tame_mask(a[0]);
		break;
	case __NR_rt_sigaction:
		if (a[0] == SIGALRM)
			a[0] = SIGUSR2;
		a[1] = tame_sigaction(a[1]);
		break;
	case __NR_ipc:
		a[0] = PICK(ipc_calls);
		a[1] = gen_id(below(NKINDS));
		tame_ipc(a);
		break;
	case __NR_ioctl:
		if (below(2))
			a[1] = PICK(ioctl_cmds);
		break;
	case __NR_fcntl:
		if (below(4))
			a[1] = PICK(fcntl_cmds);
		break;
	}
}

static void set_nonblock(long fd)
{
	if (fd >= 0 && fd < 1024)
		fcntl((int)fd, F_SETFL, O_NONBLOCK);
}

static void remember_id(int k, long id)
{
	if (id >= 0)
		w.recent_ids[k][below(RECENT)] = (int)id;
}

/* Put back what the worker needs after a call: its alarm, SIGALRM
 * unblocked, its scratch area, its directory, nonblocking descriptors;
 * remember what the call made. */
static void after(long nr, const long *a, long ret)
{
	sigset_t alrm = 1ul << (SIGALRM - 1);

	switch (nr) {
	case __NR_fork:
		if (ret == 0)
			_exit(0);
		if (ret > 0)
			w.child = (int)ret;
		break;
	case __NR_alarm:
		alarm(ALARM_SECS);
		break;
	case __NR_sigprocmask:
	case __NR_rt_sigprocmask:
		sigprocmask(SIG_UNBLOCK, &alrm, NULL);
		break;
	case __NR_brk:
		syscall(__NR_brk, w.heap_end);
		break;
	case __NR_chdir:		/* relative paths must stay in the sandbox */
		if (chdir(FUZZ_DIR) < 0)
			_exit(EXIT_CWD);
		break;
	case __NR_pipe:
	case __NR_pipe2:
		if (ret == 0 && in_scratch(a[0], 2 * sizeof(int))) {
			set_nonblock(((int *)a[0])[0]);
			set_nonblock(((int *)a[0])[1]);
		}
		break;
	case __NR_open:
	case __NR_creat:
	case __NR_dup:
	case __NR_dup2:
	case __NR_fcntl:
	case __NR_ioctl:
		set_nonblock(ret);
		set_nonblock(a[0]);
		set_nonblock(a[1]);
		break;
	case __NR_msgget:
		remember_id(K_MSG, ret);
		break;
	case __NR_semget:
		remember_id(K_SEM, ret);
		break;
	case __NR_shmget:
		remember_id(K_SHM, ret);
		break;
	case __NR_shmat:
		if (ret != -1)
			w.recent_at[below(RECENT)] = (unsigned long)ret;
		break;
	}
}

/* Numbers outside the table, none of them a call that could leave the
 * test (exit, clone, vfork, reboot, the thread-signal calls). */
static long unknown_nr(void)
{
	static const long never[] = { __NR_exit, __NR_exit_group, 120, 190, 88,
				      238, 270, 178, 335, 26 };
	long nr = below(2) ? (long)below(460) : PICK(unknown_nrs);

	for (unsigned i = 0; i < sizeof(never) / sizeof(never[0]); i++)
		if (nr == never[i])
			return 999;
	for (int i = 0; i < NCALLS; i++)
		if (fuzz_calls[i].nr == nr)
			return 999;
	return nr;
}

static int total_weight;

static const struct fuzz_call *pick_call(void)
{
	int r = (int)below((unsigned)total_weight);

	for (int i = 0; i < NCALLS; i++) {
		r -= fuzz_calls[i].weight;
		if (r < 0)
			return &fuzz_calls[i];
	}
	return &fuzz_calls[0];
}

static bool board_ok(void)
{
	return board->canary == BOARD_CANARY && board->end_canary == BOARD_CANARY;
}

/*
 * sigreturn and rt_sigreturn load every register from the stack.  Called
 * from the fuzzer's own stack they would resume it anywhere in its code
 * with its own pointers in its registers (and write to the board, say).
 * So they are made on a frame of values that are all unmapped addresses,
 * bad or odd selectors and eflags: the kernel has to refuse the frame or
 * resume at a fault, and the worker dies either way.
 */
static _Noreturn void contained_sigreturn(struct slot *s, long nr)
{
	static const unsigned long values[] = {
		0, 0x10, 0x1b, 0x23, 0x2b, 0x08, 0x3202, 0x1000, 0xfffffff0,
		KERNBASE_ADDR + PAGE,
	};
	unsigned long *frame = (unsigned long *)(w.scratch + SCRATCH_SIZE / 2);

	for (int i = 0; i < FRAME_WORDS; i++)
		frame[i] = PICK(values);
	s->nr = nr;
	s->in_call = 1;
	asm volatile("movl %0, %%esp\n\tint $0x80\n\tud2"
		     : : "r"(frame), "a"(nr) : "memory");
	__builtin_unreachable();
}

static void fuzz_one(struct slot *s)
{
	const struct fuzz_call *c = NULL;
	const char *sig = FUZZ_SIG FUZZ_SIG FUZZ_SIG FUZZ_SIG FUZZ_SIG FUZZ_SIG;
	long nr, a[6] = { 0 }, ret;

	if (below(UNKNOWN_SHARE) == 0) {
		nr = unknown_nr();
	} else {
		c = pick_call();
		nr = c->nr;
		sig = c->sig;
	}
	if (nr == __NR_sigreturn || nr == __NR_rt_sigreturn)
		contained_sigreturn(s, nr);
	for (int i = 0; i < 6 && sig[i]; i++)
		a[i] = gen_arg(sig[i]);
	tame(nr, a);
	s->nr = nr;
	for (int i = 0; i < 6; i++)
		s->args[i] = a[i];
	s->in_call = 1;
	if (!board_ok())
		_exit(EXIT_SEEN);		/* someone else broke the board */
	ret = syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	if (!board_ok())
		_exit(EXIT_CORRUPT);	/* most likely in this call */
	s->in_call = 0;
	after(nr, a, ret);
	s->calls++;
}

/* The scratch area: the last SCRATCH_PAGES pages of the heap, with an
 * unmapped page after them. */
static void make_scratch(void)
{
	unsigned long end = (unsigned long)syscall(__NR_brk, 0);

	end = (end + PAGE - 1) / PAGE * PAGE + SCRATCH_SIZE;
	if ((unsigned long)syscall(__NR_brk, end) != end)
		_exit(EXIT_SETUP);
	w.heap_end = end;
	w.scratch = (char *)(end - SCRATCH_SIZE);
	for (unsigned i = 0; i < SCRATCH_SIZE; i++)
		w.scratch[i] = (char)rnd();
}

/* Descriptors 0-2 become /dev/null: the console stays out of reach. */
static void leave_console(void)
{
	int fd = open("/dev/null", O_RDWR);

	if (fd < 0)
		_exit(EXIT_SETUP);
	for (int i = 0; i < 3; i++)
		dup2(fd, i);
	if (fd > 2)
		close(fd);
}

static void become(int uid)
{
	if (uid != 0 && (setresgid(uid, uid, uid) < 0 || setresuid(uid, uid, uid) < 0))
		_exit(EXIT_SETUP);
}

static _Noreturn void worker(int slot)
{
	struct slot *s = &board->slots[slot];
	struct sigaction sa;

	memset(&w, 0, sizeof(w));
	w.slot = slot;
	w.pid = getpid();
	w.rng = mix(board->seed ^ mix((unsigned)slot * 0x9e3779b9u ^ (unsigned)ctl[slot].gen));
	for (int i = 0; i < NCALLS; i++)
		total_weight += fuzz_calls[i].weight;
	setpgid(0, 0);
	leave_console();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	become(ctl[slot].uid);
	make_scratch();
	alarm(ALARM_SECS);
	for (int i = 0; i < WORKER_LIFETIME && s->calls < ctl[slot].quota; i++)
		fuzz_one(s);
	_exit(0);
}

/* ------------------------------------------------------------ runner */

static const int worker_uids[] = { 0, NOBODY, OTHER_UID };

static struct {
	unsigned long calls;		/* the campaign's total */
	int hang_secs;
	bool verbose;
	int started, killed, continued, lost, runaway, hangs, setup_failed;
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

static bool lost_control(long nr)
{
	return nr == __NR_sigreturn || nr == __NR_rt_sigreturn;
}

/* A worker that made no call for hang_secs: a hang if it sits in a call. */
static void stalled(int i, const struct kstat_proc *p)
{
	struct slot *s = &board->slots[i];

	if (s->in_call && !lost_control(s->nr)) {
		print_call("HANG", i);
		printf("fuzz: no progress for %d s, process state %d\n",
		       run.hang_secs, p->state);
		run.hangs++;
	} else if (lost_control(s->nr)) {
		run.lost++;
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

static void progress(void)
{
	printf("fuzz: %lu/%lu calls, %ld s, %d workers started (%d killed by "
	       "signals), %d continued, %d lost control\n", calls_made(),
	       run.calls, (now_ms() - run.start_ms) / MS_PER_SEC, run.started,
	       run.killed, run.continued, run.lost);
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
