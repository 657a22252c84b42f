/*
 * bench - measure the cost of kernel operations with the time stamp
 * counter.
 *
 * Each benchmark does its operation n times, in BATCHES batches of n /
 * BATCHES, reading the time stamp counter (rdtsc) around each batch, and
 * prints one line: name, mean counts per operation over all batches, the
 * best batch's counts per operation, and the unit.  Without -icount the
 * counter runs with the host's clock (host cycles); under QEMU's
 * `-icount shift=0` it counts guest instructions, and the figures repeat
 * exactly from run to run.  tools/bench.sh runs both and joins them.
 *
 *   bench            run every benchmark
 *   bench NAME...    run the named ones
 *
 * Setup (forking a partner, making objects) happens outside the timed
 * batches wherever the operation allows.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE_SIZE	4096
#define BATCHES		20
#define SMALL_WRITE	4096
#define BIG_WRITE	65536
#define MSG_BYTES	64
#define SHM_PAGES	64
#define FILL_BYTES	(1 << 20)
#define FIFO_PING	"/tmp/bench.ping"
#define FIFO_PONG	"/tmp/bench.pong"

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}

/* A benchmark: setup (may fork a partner), one batch of k operations,
 * teardown. */
struct benchmark {
	const char *name;
	const char *unit;
	void (*setup)(void);
	void (*batch)(int k);
	void (*teardown)(void);
	int n;
};

static pid_t partner;
static int fds[4];
static int ipc_id;
static char big_buf[BIG_WRITE];

static void reap_partner(void)
{
	if (partner > 0) {
		kill(partner, SIGKILL);
		waitpid(partner, NULL, 0);
	}
	partner = 0;
}

static void close_fds(void)
{
	for (int i = 0; i < 4; i++)
		close(fds[i]);
	reap_partner();
}

static void bench_getpid(int k)
{
	for (int i = 0; i < k; i++)
		getpid();
}

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	(void)sig;
	got++;
}

static void catch_usr1(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	if (sigaction(SIGUSR1, &sa, NULL) < 0)
		die("sigaction");
}

static void bench_signal_self(int k)
{
	pid_t me = getpid();

	for (int i = 0; i < k; i++)
		kill(me, SIGUSR1);
}

/* SIGUSR1 blocked except while waiting in sigsuspend: each side sends,
 * then waits for the answer. */
static void block_usr1(sigset_t *waitmask)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, waitmask);
	sigdelset(waitmask, SIGUSR1);
}

static void signal_pp_setup(void)
{
	sigset_t waitmask;
	pid_t parent = getpid();

	catch_usr1();
	block_usr1(&waitmask);
	if ((partner = fork()) < 0)
		die("fork");
	if (partner == 0) {
		for (;;) {
			sigsuspend(&waitmask);
			kill(parent, SIGUSR1);
		}
	}
}

static void bench_signal_pp(int k)
{
	sigset_t waitmask;

	sigprocmask(SIG_BLOCK, NULL, &waitmask);
	sigdelset(&waitmask, SIGUSR1);
	for (int i = 0; i < k; i++) {
		kill(partner, SIGUSR1);
		sigsuspend(&waitmask);
	}
}

static void signal_pp_teardown(void)
{
	sigset_t set;

	reap_partner();
	sigemptyset(&set);
	sigprocmask(SIG_SETMASK, &set, NULL);
}

/* A child that echoes each byte from fds[0] to fds[3]. */
static void echo_partner(void)
{
	char c;

	if ((partner = fork()) < 0)
		die("fork");
	if (partner == 0) {
		while (read(fds[0], &c, 1) == 1)
			write(fds[3], &c, 1);
		_exit(0);
	}
}

static void pipe_pp_setup(void)
{
	if (pipe(&fds[0]) < 0 || pipe(&fds[2]) < 0)
		die("pipe");
	echo_partner();
}

static void bench_byte_pp(int k)
{
	char c = 'x';

	for (int i = 0; i < k; i++)
		if (write(fds[1], &c, 1) != 1 || read(fds[2], &c, 1) != 1)
			die("ping-pong");
}

static void fifo_pp_setup(void)
{
	unlink(FIFO_PING);
	unlink(FIFO_PONG);
	if (mkfifo(FIFO_PING, 0600) < 0 || mkfifo(FIFO_PONG, 0600) < 0)
		die("mkfifo");
	if ((partner = fork()) < 0)
		die("fork");
	if (partner == 0) {
		char c;
		int in = open(FIFO_PING, O_RDONLY), out = open(FIFO_PONG, O_WRONLY);

		while (read(in, &c, 1) == 1)
			write(out, &c, 1);
		_exit(0);
	}
	fds[1] = open(FIFO_PING, O_WRONLY);
	fds[2] = open(FIFO_PONG, O_RDONLY);
	if (fds[1] < 0 || fds[2] < 0)
		die("open fifo");
}

static void fifo_pp_teardown(void)
{
	close(fds[1]);
	close(fds[2]);
	waitpid(partner, NULL, 0);
	partner = 0;
	unlink(FIFO_PING);
	unlink(FIFO_PONG);
}

/* A child that reads the pipe dry until end of file. */
static void stream_setup(void)
{
	if (pipe(&fds[0]) < 0)
		die("pipe");
	fds[2] = fds[3] = -1;
	if ((partner = fork()) < 0)
		die("fork");
	if (partner == 0) {
		close(fds[1]);
		while (read(fds[0], big_buf, sizeof(big_buf)) > 0)
			;
		_exit(0);
	}
	close(fds[0]);
	fds[0] = -1;
}

static void stream_teardown(void)
{
	close(fds[1]);
	waitpid(partner, NULL, 0);
	partner = 0;
}

static void write_chunks(int k, size_t len)
{
	for (int i = 0; i < k; i++)
		if (write(fds[1], big_buf, len) != (ssize_t)len)
			die("write");
}

static void bench_pipe_4k(int k)
{
	write_chunks(k, SMALL_WRITE);
}

static void bench_pipe_64k(int k)
{
	write_chunks(k, BIG_WRITE);
}

struct bench_msg {
	long mtype;
	char mtext[MSG_BYTES];
};

/* Type 1 goes to the partner, type 2 comes back. */
static void msg_pp_setup(void)
{
	struct bench_msg m;

	if ((ipc_id = msgget(IPC_PRIVATE, IPC_CREAT | 0600)) < 0)
		die("msgget");
	if ((partner = fork()) < 0)
		die("fork");
	if (partner == 0) {
		while (msgrcv(ipc_id, &m, MSG_BYTES, 1, 0) >= 0) {
			m.mtype = 2;
			msgsnd(ipc_id, &m, MSG_BYTES, 0);
		}
		_exit(0);
	}
}

static void bench_msg_pp(int k)
{
	struct bench_msg m = { 1, { 0 } };

	for (int i = 0; i < k; i++) {
		m.mtype = 1;
		if (msgsnd(ipc_id, &m, MSG_BYTES, 0) < 0 ||
		    msgrcv(ipc_id, &m, MSG_BYTES, 2, 0) < 0)
			die("msg ping-pong");
	}
}

static void msg_pp_teardown(void)
{
	msgctl(ipc_id, IPC_RMID, NULL);
	waitpid(partner, NULL, 0);
	partner = 0;
}

/* Semaphore 0 wakes the partner, semaphore 1 wakes us. */
static void sem_pp_setup(void)
{
	struct sembuf down = { 0, -1, 0 }, up = { 1, 1, 0 };

	if ((ipc_id = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600)) < 0)
		die("semget");
	if ((partner = fork()) < 0)
		die("fork");
	if (partner == 0) {
		while (semop(ipc_id, &down, 1) == 0)
			semop(ipc_id, &up, 1);
		_exit(0);
	}
}

static void bench_sem_pp(int k)
{
	struct sembuf up = { 0, 1, 0 }, down = { 1, -1, 0 };

	for (int i = 0; i < k; i++)
		if (semop(ipc_id, &up, 1) < 0 || semop(ipc_id, &down, 1) < 0)
			die("sem ping-pong");
}

static void sem_pp_teardown(void)
{
	semctl(ipc_id, 0, IPC_RMID);
	waitpid(partner, NULL, 0);
	partner = 0;
}

static void bench_fork_wait(int k)
{
	for (int i = 0; i < k; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0)
			_exit(0);
		waitpid(pid, NULL, 0);
	}
}

static void bench_fork_exec_wait(int k)
{
	char *argv[] = { "true", NULL };

	for (int i = 0; i < k; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0) {
			execv("/bin/true", argv);
			_exit(127);
		}
		waitpid(pid, NULL, 0);
	}
}

/* Per page: attach a fresh segment of k pages and write each page once. */
static void bench_shm_touch(int k)
{
	int id = shmget(IPC_PRIVATE, (size_t)k * PAGE_SIZE, IPC_CREAT | 0600);
	char *p;

	if (id < 0 || (p = shmat(id, NULL, 0)) == (void *)-1)
		die("shm");
	shmctl(id, IPC_RMID, NULL);
	for (int i = 0; i < k; i++)
		p[(size_t)i * PAGE_SIZE] = 1;
	shmdt(p);
}

/* Per page: write every byte of fresh brk memory, then (a second
 * benchmark) of memory already written once. */
static char *fill_area;

static void bench_fill_fresh(int k)
{
	char *p = sbrk((intptr_t)k * PAGE_SIZE);

	if (p == (void *)-1)
		die("sbrk");
	memset(p, 1, (size_t)k * PAGE_SIZE);
	sbrk(-(intptr_t)k * PAGE_SIZE);
}

static void fill_setup(void)
{
	if ((fill_area = sbrk(FILL_BYTES)) == (void *)-1)
		die("sbrk");
	memset(fill_area, 1, FILL_BYTES);
}

static void bench_fill_again(int k)
{
	for (int i = 0; i < k; i++)
		memset(fill_area + (size_t)(i % (FILL_BYTES / PAGE_SIZE)) * PAGE_SIZE, 2, PAGE_SIZE);
}

static void fill_teardown(void)
{
	sbrk(-FILL_BYTES);
}

static void bench_shm_cycle(int k)
{
	for (int i = 0; i < k; i++) {
		int id = shmget(IPC_PRIVATE, PAGE_SIZE, IPC_CREAT | 0600);
		char *p;

		if (id < 0 || (p = shmat(id, NULL, 0)) == (void *)-1)
			die("shm cycle");
		*p = 1;
		shmdt(p);
		shmctl(id, IPC_RMID, NULL);
	}
}

static void nothing(void)
{
}

static const struct benchmark benchmarks[] = {
	{ "signal_self", "kill+handler+sigreturn", catch_usr1, bench_signal_self, nothing, 4000 },
	{ "pipe_4k", "4 KiB write", stream_setup, bench_pipe_4k, stream_teardown, 2000 },
	{ "pipe_64k", "64 KiB write", stream_setup, bench_pipe_64k, stream_teardown, 400 },
	{ "signal_pingpong", "round trip", signal_pp_setup, bench_signal_pp, signal_pp_teardown, 2000 },
	{ "msg_pingpong", "64 B round trip", msg_pp_setup, bench_msg_pp, msg_pp_teardown, 2000 },
	{ "getpid", "call", nothing, bench_getpid, nothing, 20000 },
	{ "pipe_pingpong", "round trip", pipe_pp_setup, bench_byte_pp, close_fds, 2000 },
	{ "fifo_pingpong", "round trip", fifo_pp_setup, bench_byte_pp, fifo_pp_teardown, 2000 },
	{ "sem_pingpong", "round trip", sem_pp_setup, bench_sem_pp, sem_pp_teardown, 2000 },
	{ "fork_wait", "fork+exit+wait", nothing, bench_fork_wait, nothing, 200 },
	{ "fork_exec_wait", "fork+exec+wait", nothing, bench_fork_exec_wait, nothing, 100 },
	{ "shm_touch", "page first touched", nothing, bench_shm_touch, nothing, 2000 },
	{ "fill_fresh", "page written, fresh", nothing, bench_fill_fresh, nothing, 2000 },
	{ "fill_again", "page written, again", fill_setup, bench_fill_again, fill_teardown, 2000 },
	{ "shm_cycle", "shmget+shmat+touch+shmdt+RMID", nothing, bench_shm_cycle, nothing, 400 },
};

static void run(const struct benchmark *b)
{
	int k = b->n / BATCHES;
	uint64_t total = 0, best = UINT64_MAX;

	b->setup();
	for (int i = 0; i < BATCHES; i++) {
		uint64_t start = rdtsc(), t;

		b->batch(k);
		t = rdtsc() - start;
		total += t;
		if (t < best)
			best = t;
	}
	b->teardown();
	printf("%-16s %12llu %12llu  per %s\n", b->name,
	       (unsigned long long)(total / ((uint64_t)k * BATCHES)),
	       (unsigned long long)(best / (uint64_t)k), b->unit);
}

static bool selected(const char *name, int argc, char **argv)
{
	if (argc < 2)
		return true;
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	for (size_t i = 0; i < sizeof(benchmarks) / sizeof(benchmarks[0]); i++)
		if (selected(benchmarks[i].name, argc, argv))
			run(&benchmarks[i]);
	return 0;
}
