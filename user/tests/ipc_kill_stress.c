/*
 * ipc_kill_stress - records survive workers being stopped, continued and
 * killed on every IPC kind.
 *
 * Four channels carry records: a pipe, a FIFO (opened by path by each
 * worker), a message queue, and a ring of RING_SLOTS records in shared
 * memory guarded by semaphores.  Each channel has NPROD producers and
 * NCONS consumers.  A record holds its channel, producer slot and
 * sequence number, a payload derived from them and a checksum.  Meanwhile
 * the parent, the killer, sends random SIGSTOP and SIGCONT to workers and
 * SIGKILL to some (up to MAX_KILLS), which it replaces.
 *
 * Bookkeeping, in shared memory: a producer notes the number it is about
 * to send (inflight) and, once sent, the next one; a consumer notes that
 * it holds a record from before it reads until it has counted it.  A
 * replacement producer starts after the killed one's inflight number.
 * So afterwards, for each channel: every record received was intact and
 * received once; a record never received is either one a killed producer
 * was sending, or one of at most as many as consumers were killed while
 * holding one.
 *
 * The shared memory ring: acquiring takes a token (empty or full) and
 * the mutex in one semop with SEM_UNDO; releasing, also in one semop,
 * gives the mutex back, hands the token to the other side, cancels the
 * undo of the token taken, and counts the record in `produced` or
 * `consumed` - which say where the ring's head and tail are.  So a
 * worker killed at any point leaves the ring as it was.  Afterwards:
 * empty = RING_SLOTS, full = 0, mutex = 1, produced = consumed.
 *
 * When every producer is done the killer continues everyone and stops;
 * the parent sends one stop record per consumer after all others, and
 * the consumers drain the channels.  Then nothing may have leaked: the
 * kernel's frames, heap, processes, System V ids, pipes and open files.
 */
#include <stddef.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include "test.h"

#define NPROD		2
#define NCONS		2
#define PER_PROD	10000		/* records each producer slot sends: the ring's
				   counters must stay within SEMVMX */
#define RING_SLOTS	8
#define MAX_KILLS	40
#define TICK_MIN_MS	1
#define STOP_SHARE	5		/* of 16 ticks: stop one, continue all, */
#define CONT_SHARE	5		/* or else kill one */
#define TICK_SPAN_MS	6
#define STOP_SEQ	0xffffffffu
#define PAYLOAD_WORDS	11
#define FIFO_PATH	"/tmp/ipc_kill_stress.fifo"
#define SEM_VALUE_MAX	32767		/* SEMVMX, as on Linux */
#define DEADLINE_MS	25000		/* the test's own bound, far above need */

enum { CH_PIPE, CH_FIFO, CH_MSG, CH_SHM, NCHAN };
enum { SEM_EMPTY, SEM_FULL, SEM_MUTEX, SEM_PRODUCED, SEM_CONSUMED, NSEMS };
enum { PRODUCER, CONSUMER };

static const char *const chan_names[NCHAN] = { "pipe", "FIFO", "msg queue", "shm ring" };

struct record {
	unsigned seq;
	unsigned short chan, slot;
	unsigned payload[PAYLOAD_WORDS];
	unsigned sum;
};

struct msg_record {
	long mtype;
	struct record r;
};

struct prod_state {
	volatile int inflight;		/* -1, or the number being sent */
	volatile int next;
};

struct cons_state {
	volatile int holding;		/* from before a read until counted */
	volatile int bad;		/* records that failed the checks */
};

struct shared {
	struct prod_state prod[NCHAN][NPROD];
	struct cons_state cons[NCHAN][NCONS];
	volatile unsigned char received[NCHAN][NPROD][PER_PROD];
	volatile unsigned char maybe_lost[NCHAN][NPROD][PER_PROD];
	volatile int ring_bad;		/* a ring operation failed */
	struct record ring[RING_SLOTS];
};

static struct shared *sh;
static int pipe_fds[2], msqid, semid;

/* ------------------------------------------------------------ records */

static unsigned payload_word(const struct record *r, int i)
{
	unsigned x = r->seq * 2654435761u ^ (unsigned)(r->chan << 24) ^
		     (unsigned)(r->slot << 16) ^ (unsigned)i * 40503u;

	return x ^ (x >> 13);
}

static unsigned checksum(const struct record *r)
{
	const unsigned char *p = (const unsigned char *)r;
	unsigned h = 2166136261u;

	for (size_t i = 0; i < offsetof(struct record, sum); i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

static void make_record(struct record *r, int chan, int slot, unsigned seq)
{
	memset(r, 0, sizeof(*r));
	r->seq = seq;
	r->chan = (unsigned short)chan;
	r->slot = (unsigned short)slot;
	for (int i = 0; i < PAYLOAD_WORDS; i++)
		r->payload[i] = payload_word(r, i);
	r->sum = checksum(r);
}

static bool record_ok(const struct record *r, int chan)
{
	if (r->sum != checksum(r) || r->chan != chan)
		return false;
	if (r->seq == STOP_SEQ)
		return true;
	if (r->slot >= NPROD || r->seq >= PER_PROD)
		return false;
	for (int i = 0; i < PAYLOAD_WORDS; i++)
		if (r->payload[i] != payload_word(r, i))
			return false;
	return true;
}

/* ------------------------------------------------------- the shm ring */

static int sem_ops(struct sembuf *ops, size_t n)
{
	int ret;

	while ((ret = semop(semid, ops, n)) < 0 && errno == EINTR)
		;
	return ret;
}

/* Take a token (SEM_EMPTY to put, SEM_FULL to take) and the mutex. */
static void ring_enter(int token)
{
	struct sembuf ops[] = {
		{ (unsigned short)token, -1, SEM_UNDO },
		{ SEM_MUTEX, -1, SEM_UNDO },
	};

	if (sem_ops(ops, 2) < 0)
		sh->ring_bad = 1;
}

/* Give the mutex back and the other token out, count the record. */
static void ring_leave(int token, int other, int counter)
{
	struct sembuf ops[] = {
		{ (unsigned short)token, 1, SEM_UNDO },
		{ (unsigned short)token, -1, 0 },
		{ SEM_MUTEX, 1, SEM_UNDO },
		{ (unsigned short)other, 1, 0 },
		{ (unsigned short)counter, 1, 0 },
	};

	if (sem_ops(ops, 5) < 0)
		sh->ring_bad = 1;
}

static void ring_put(const struct record *r)
{
	ring_enter(SEM_EMPTY);
	sh->ring[semctl(semid, SEM_PRODUCED, GETVAL) % RING_SLOTS] = *r;
	ring_leave(SEM_EMPTY, SEM_FULL, SEM_PRODUCED);
}

static void ring_get(struct record *r)
{
	ring_enter(SEM_FULL);
	*r = sh->ring[semctl(semid, SEM_CONSUMED, GETVAL) % RING_SLOTS];
	ring_leave(SEM_FULL, SEM_EMPTY, SEM_CONSUMED);
}

/* ----------------------------------------------------------- workers */

/* A FIFO end, opened by path (the parent holds both ends open, so
 * neither open waits). */
static int fifo_end(int flags)
{
	int fd;

	while ((fd = open(FIFO_PATH, flags)) < 0 && errno == EINTR)
		;
	return fd;
}

static bool send_record(int chan, int fd, const struct record *r)
{
	struct msg_record m;

	switch (chan) {
	case CH_MSG:
		m.mtype = 1;
		m.r = *r;
		while (msgsnd(msqid, &m, sizeof(m.r), 0) < 0)
			if (errno != EINTR)
				return false;
		return true;
	case CH_SHM:
		ring_put(r);
		return true;
	default:
		while (write(fd, r, sizeof(*r)) != sizeof(*r))
			if (errno != EINTR)
				return false;
		return true;
	}
}

static bool receive_record(int chan, int fd, struct record *r)
{
	struct msg_record m;
	ssize_t n;

	switch (chan) {
	case CH_MSG:
		while ((n = msgrcv(msqid, &m, sizeof(m.r), 0, 0)) < 0)
			if (errno != EINTR)
				return false;
		*r = m.r;
		return n == sizeof(m.r);
	case CH_SHM:
		ring_get(r);
		return true;
	default:
		while ((n = read(fd, r, sizeof(*r))) < 0)
			if (errno != EINTR)
				return false;
		return n == sizeof(*r);
	}
}

static int channel_fd(int chan, int role)
{
	if (chan == CH_PIPE)
		return pipe_fds[role == PRODUCER ? 1 : 0];
	if (chan == CH_FIFO)
		return fifo_end(role == PRODUCER ? O_WRONLY : O_RDONLY);
	return -1;
}

static _Noreturn void producer(int chan, int slot)
{
	struct prod_state *st = &sh->prod[chan][slot];
	int fd = channel_fd(chan, PRODUCER);
	struct record r;

	if (chan == CH_FIFO && fd < 0)
		_exit(2);
	while (st->next < PER_PROD) {
		int k = st->next;

		make_record(&r, chan, slot, (unsigned)k);
		st->inflight = k;
		if (!send_record(chan, fd, &r))
			_exit(3);
		st->next = k + 1;
		st->inflight = -1;
	}
	_exit(0);
}

static _Noreturn void consumer(int chan, int slot)
{
	struct cons_state *st = &sh->cons[chan][slot];
	int fd = channel_fd(chan, CONSUMER);
	struct record r;

	if (chan == CH_FIFO && fd < 0)
		_exit(2);
	for (;;) {
		st->holding = 1;
		if (!receive_record(chan, fd, &r) || !record_ok(&r, chan)) {
			st->bad++;
			st->holding = 0;
			continue;
		}
		if (r.seq == STOP_SEQ) {
			st->holding = 0;
			_exit(0);
		}
		sh->received[chan][r.slot][r.seq]++;
		st->holding = 0;
	}
}

/* ------------------------------------------------------------ killer */

#define NWORKERS	(NCHAN * (NPROD + NCONS))

struct worker {
	pid_t pid;
	int chan, role, slot;
	bool done;			/* a producer that finished */
	bool stopped;
};

static struct worker workers[NWORKERS];
static int kills, stops;
static int consumer_kills[NCHAN];	/* killed while holding a record */
static unsigned rng = 12345;

static unsigned rnd(unsigned n)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 8) % n;
}

static void start(struct worker *w)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		if (w->role == PRODUCER)
			producer(w->chan, w->slot);
		consumer(w->chan, w->slot);
	}
	w->pid = pid;
	w->stopped = false;
}

/* A killed worker's bookkeeping, settled before its replacement starts. */
static void account_kill(struct worker *w)
{
	if (w->role == PRODUCER) {
		struct prod_state *st = &sh->prod[w->chan][w->slot];

		if (st->inflight >= 0) {
			sh->maybe_lost[w->chan][w->slot][st->inflight] = 1;
			st->next = st->inflight + 1;
			st->inflight = -1;
		}
	} else if (sh->cons[w->chan][w->slot].holding) {
		consumer_kills[w->chan]++;
		sh->cons[w->chan][w->slot].holding = 0;
	}
}

static void kill_one(struct worker *w)
{
	int status;

	kill(w->pid, SIGKILL);
	status = wait_status(w->pid);
	kills++;
	if (WIFEXITED(status)) {	/* it ended before the signal */
		w->done = w->role == PRODUCER && WEXITSTATUS(status) == 0;
		CHECK(WEXITSTATUS(status) == 0, "%s worker exit status %d",
		      chan_names[w->chan], WEXITSTATUS(status));
		if (w->done)
			return;
	}
	account_kill(w);
	start(w);
}

/* Reap producers that finished; true when all have. */
static bool producers_done(void)
{
	bool all = true;

	for (int i = 0; i < NWORKERS; i++) {
		struct worker *w = &workers[i];
		int status;

		if (w->role != PRODUCER || w->done)
			continue;
		if (waitpid(w->pid, &status, WNOHANG) == w->pid) {
			CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
			      "%s producer: wait status %#x", chan_names[w->chan], status);
			w->done = true;
		} else {
			all = false;
		}
	}
	return all;
}

static void continue_all(void)
{
	for (int i = 0; i < NWORKERS; i++)
		if (workers[i].stopped && !workers[i].done) {
			kill(workers[i].pid, SIGCONT);
			workers[i].stopped = false;
		}
}

/* Stop, continue and kill workers at random until the producers are done. */
static void killer(void)
{
	long deadline = now_ms() + DEADLINE_MS;

	while (!producers_done() && now_ms() < deadline) {
		struct worker *w = &workers[rnd(NWORKERS)];
		unsigned action = rnd(16);

		sleep_ms(TICK_MIN_MS + rnd(TICK_SPAN_MS));
		if (w->done)
			continue;
		if (action < STOP_SHARE) {
			kill(w->pid, SIGSTOP);
			w->stopped = true;
			stops++;
		} else if (action < STOP_SHARE + CONT_SHARE) {
			continue_all();
		} else if (kills < MAX_KILLS) {
			kill_one(w);
		}
	}
	continue_all();
	if (now_ms() >= deadline) {
		FAIL("producers not done after %d ms", DEADLINE_MS);
		for (int c = 0; c < NCHAN; c++)
			for (int p = 0; p < NPROD; p++)
				printf("%s producer %d: %d sent\n", chan_names[c], p,
				       sh->prod[c][p].next);
	}
}

/* ------------------------------------------------------ the checks */

static void send_stops(void)
{
	struct record stop;
	int fifo_w = fifo_end(O_WRONLY);

	for (int chan = 0; chan < NCHAN; chan++) {
		make_record(&stop, chan, 0, STOP_SEQ);
		for (int i = 0; i < NCONS; i++)
			CHECK(send_record(chan, chan == CH_FIFO ? fifo_w : pipe_fds[1], &stop),
			      "stop record on the %s", chan_names[chan]);
	}
	close(fifo_w);
}

static void check_channel(int chan)
{
	int lost = 0, allowed = 0, dup = 0, bad = 0;

	for (int p = 0; p < NPROD; p++)
		for (int k = 0; k < PER_PROD; k++) {
			int got = sh->received[chan][p][k];

			dup += got > 1;
			if (got == 0 && sh->maybe_lost[chan][p][k])
				allowed++;
			else if (got == 0)
				lost++;
		}
	for (int c = 0; c < NCONS; c++)
		bad += sh->cons[chan][c].bad;
	CHECK(dup == 0, "%s: %d records received twice", chan_names[chan], dup);
	CHECK(bad == 0, "%s: %d records corrupt or short", chan_names[chan], bad);
	CHECK(lost <= consumer_kills[chan],
	      "%s: %d records lost, but only %d consumers were killed holding one",
	      chan_names[chan], lost, consumer_kills[chan]);
	printf("%s: %d lost (%d being sent by killed producers, %d held by "
	       "killed consumers at most)\n", chan_names[chan], lost + allowed,
	       allowed, consumer_kills[chan]);
}

static void check_sems(void)
{
	static const int want[NSEMS] = { RING_SLOTS, 0, 1, -1, -1 };
	static const char *const names[NSEMS] = { "empty", "full", "mutex",
						  "produced", "consumed" };

	for (int i = 0; i < SEM_PRODUCED; i++)
		CHECK_EQ(names[i], semctl(semid, i, GETVAL), want[i]);
	CHECK_EQ("produced - consumed", semctl(semid, SEM_PRODUCED, GETVAL) -
		 semctl(semid, SEM_CONSUMED, GETVAL), 0);
	for (int i = 0; i < NSEMS; i++)
		CHECK_EQ("waiters", semctl(semid, i, GETNCNT) + semctl(semid, i, GETZCNT), 0);
	CHECK(!sh->ring_bad, "a semop of the ring failed");
}

_Static_assert(NPROD * PER_PROD <= SEM_VALUE_MAX, "the ring's counters overflow");

static void setup(void)
{
	int shmid = shmget(IPC_PRIVATE, sizeof(struct shared), 0600);
	unsigned short init[NSEMS] = { RING_SLOTS, 0, 1, 0, 0 };

	REQUIRE(shmid >= 0, "shmget");
	sh = shmat(shmid, NULL, 0);
	REQUIRE(sh != (void *)-1, "shmat");
	shmctl(shmid, IPC_RMID, NULL);
	memset(sh, 0, sizeof(*sh));
	for (int c = 0; c < NCHAN; c++)
		for (int p = 0; p < NPROD; p++)
			sh->prod[c][p].inflight = -1;
	REQUIRE(pipe(pipe_fds) == 0, "pipe");
	unlink(FIFO_PATH);
	REQUIRE(mkfifo(FIFO_PATH, 0600) == 0, "mkfifo");
	REQUIRE((msqid = msgget(IPC_PRIVATE, 0600)) >= 0, "msgget");
	REQUIRE((semid = semget(IPC_PRIVATE, NSEMS, 0600)) >= 0, "semget");
	REQUIRE(semctl(semid, 0, SETALL, init) == 0, "semctl SETALL");
}

static void teardown(int fifo_r, int fifo_w)
{
	close(fifo_r);
	close(fifo_w);
	close(pipe_fds[0]);
	close(pipe_fds[1]);
	unlink(FIFO_PATH);
	msgctl(msqid, IPC_RMID, NULL);
	semctl(semid, 0, IPC_RMID);
	shmdt(sh);
}

/*
 * The kernel's object counts (kstat KSTAT_OBJECTS) must come back too.
 * Linux has no kstat (ENOSYS): there only CHECK_LEAKS's counts are
 * compared.
 */
static struct kstat_objects objects_before;

static void mark_objects(void)
{
	if (kstat(KSTAT_OBJECTS, &objects_before, sizeof(objects_before)) < 0)
		objects_before.files = (unsigned long)-1;
}

static void check_objects(void)
{
	struct kstat_objects now;

	if (objects_before.files == (unsigned long)-1 ||
	    kstat(KSTAT_OBJECTS, &now, sizeof(now)) < 0)
		return;
	CHECK_EQ("System V ids", now.sysv_ids, objects_before.sysv_ids);
	CHECK_EQ("pipes", now.pipes, objects_before.pipes);
	CHECK_EQ("open files", now.files, objects_before.files);
}

int main(void)
{
	struct leak_mark mark;
	int fifo_r, fifo_w, w = 0;

	mark_leaks(&mark);
	mark_objects();
	setup();
	fifo_r = fifo_end(O_RDONLY | O_NONBLOCK);	/* held for the whole run */
	fifo_w = fifo_end(O_WRONLY);
	REQUIRE(fifo_r >= 0 && fifo_w >= 0, "FIFO ends");
	for (int chan = 0; chan < NCHAN; chan++)
		for (int role = PRODUCER; role <= CONSUMER; role++)
			for (int slot = 0; slot < (role == PRODUCER ? NPROD : NCONS); slot++) {
				workers[w] = (struct worker){ 0, chan, role, slot, false, false };
				start(&workers[w++]);
			}
	killer();
	send_stops();
	for (int i = 0; i < NWORKERS; i++)
		if (workers[i].role == CONSUMER)
			CHECK_EXIT("consumer after the stop records", workers[i].pid, 0);
	printf("%d stops, %d kills\n", stops, kills);
	for (int chan = 0; chan < NCHAN; chan++)
		check_channel(chan);
	check_sems();
	teardown(fifo_r, fifo_w);
	CHECK_LEAKS("after the run", &mark);
	check_objects();
	return test_done("ipc_kill_stress");
}
