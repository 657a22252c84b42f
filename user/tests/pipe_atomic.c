/*
 * pipe_atomic - writes of at most PIPE_BUF bytes are atomic, larger
 * writes arrive whole and in order.
 *
 *  - NWRITERS children write NRECORDS records each into one pipe at the
 *    same time.  Every byte of a record is the writer's id; the sizes run
 *    from 1 to PIPE_BUF (every SIZE_MAX_EVERY-th record exactly PIPE_BUF)
 *    and follow a pseudo-random sequence seeded with the id, which the
 *    reading parent replays.  So at each record boundary the parent
 *    knows, from the first byte, whose record starts and how long it
 *    must be, and any interleaving shows up as a foreign byte inside a
 *    record.  Each record must be written with one write() call that
 *    returns its full size.
 *  - a child writes NBIG writes of BIG_LEN bytes (several pipe buffers
 *    each) of a counting pattern; every write returns BIG_LEN and the
 *    parent, reading with sizes that do not match the writes, gets every
 *    byte in order.
 */
#include <limits.h>
#include "test.h"

#define NWRITERS	4
#define NRECORDS	500
#define SIZE_MAX_EVERY	8	/* every 8th record is exactly PIPE_BUF */
#define ID_BASE		'A'	/* writer i fills its records with 'A' + i */
#define READ_BUF	8192
#define NBIG		4
#define BIG_LEN		(5 * PIPE_BUF + 321)
#define LCG_MUL		1103515245u
#define LCG_ADD		12345u
#define LCG_SHIFT	16

static const size_t read_sizes[] = { 1, 100, PIPE_BUF + 1, 777, 2 * PIPE_BUF, 3 };
#define NREAD_SIZES	(sizeof(read_sizes) / sizeof(read_sizes[0]))

/* The record sizes of one writer: a sequence both sides can replay. */
struct sizer {
	unsigned int state;
	int count;		/* records sized so far */
};

static void sizer_init(struct sizer *s, int id)
{
	s->state = (unsigned int)id + 1;
	s->count = 0;
}

static size_t next_size(struct sizer *s)
{
	s->state = s->state * LCG_MUL + LCG_ADD;
	if (++s->count % SIZE_MAX_EVERY == 0)
		return PIPE_BUF;
	return (s->state >> LCG_SHIFT) % PIPE_BUF + 1;
}

static void record_writer(int fd, int id)
{
	static char rec[PIPE_BUF];
	struct sizer s;

	memset(rec, ID_BASE + id, sizeof(rec));
	sizer_init(&s, id);
	for (int i = 0; i < NRECORDS; i++) {
		size_t len = next_size(&s);
		ssize_t n = write(fd, rec, len);

		if (n != (ssize_t)len) {
			FAIL("writer %d record %d: write of %zu returned %zd",
			     id, i, len, n);
			child_exit();
		}
	}
	_exit(0);
}

/* The reader's view of the record stream. */
struct stream {
	struct sizer sizers[NWRITERS];
	int cur;		/* writer of the record being read */
	size_t left;		/* its bytes still to come; 0 at a boundary */
	long offset;		/* bytes seen so far */
	int records;		/* records completed */
	bool broken;		/* stop checking after the first error */
};

/* Check one chunk of the stream; false once an error was reported. */
static bool check_chunk(struct stream *st, const unsigned char *p, size_t n)
{
	while (n > 0 && !st->broken) {
		if (st->left == 0) {
			int id = *p - ID_BASE;

			if (id < 0 || id >= NWRITERS ||
			    st->sizers[id].count == NRECORDS) {
				FAIL("byte %ld: %#x starts no record (interleaved?)",
				     st->offset, *p);
				st->broken = true;
				break;
			}
			st->cur = id;
			st->left = next_size(&st->sizers[id]);
		}
		if (*p != ID_BASE + st->cur) {
			FAIL("byte %ld: %c inside a record of %c (interleaved write)",
			     st->offset, *p, ID_BASE + st->cur);
			st->broken = true;
			break;
		}
		if (--st->left == 0)
			st->records++;
		p++, n--, st->offset++;
	}
	return !st->broken;
}

static void check_concurrent_records(void)
{
	static unsigned char buf[READ_BUF];
	struct stream st = { 0 };
	pid_t pids[NWRITERS];
	int fds[2], status;
	ssize_t n;

	if (pipe(fds) < 0) {
		FAIL("pipe");
		return;
	}
	for (int id = 0; id < NWRITERS; id++) {
		pids[id] = test_fork();
		if (pids[id] == 0) {
			close(fds[0]);
			record_writer(fds[1], id);
		}
	}
	close(fds[1]);
	for (int id = 0; id < NWRITERS; id++)
		sizer_init(&st.sizers[id], id);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0)
		check_chunk(&st, buf, (size_t)n);
	if (n < 0)
		FAIL("read");
	close(fds[0]);
	if (!st.broken && (st.left || st.records != NWRITERS * NRECORDS))
		FAIL("%d whole records arrived, expected %d", st.records,
		     NWRITERS * NRECORDS);
	for (int id = 0; id < NWRITERS; id++)
		if (waitpid(pids[id], &status, 0) != pids[id] || status != 0)
			FAIL("record writer %d: wait status %#x", id, status);
}

static unsigned char pattern(long pos)
{
	return (unsigned char)(pos * 7 + pos / 251);
}

static void big_writer(int fd)
{
	static unsigned char buf[BIG_LEN];
	long pos = 0;

	for (int i = 0; i < NBIG; i++) {
		ssize_t n;

		for (int j = 0; j < BIG_LEN; j++)
			buf[j] = pattern(pos + j);
		n = write(fd, buf, BIG_LEN);
		if (n != BIG_LEN) {
			FAIL("big write %d returned %zd", i, n);
			child_exit();
		}
		pos += BIG_LEN;
	}
	_exit(0);
}

static void check_big_writes(void)
{
	static unsigned char buf[2 * PIPE_BUF];
	long pos = 0;
	int fds[2], status, turn = 0;
	ssize_t n;
	pid_t pid;

	if (pipe(fds) < 0) {
		FAIL("pipe");
		return;
	}
	pid = test_fork();
	if (pid == 0) {
		close(fds[0]);
		big_writer(fds[1]);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, read_sizes[turn++ % NREAD_SIZES])) > 0) {
		for (ssize_t i = 0; i < n; i++, pos++) {
			if (buf[i] != pattern(pos)) {
				FAIL("big writes: byte %ld is %#x, expected %#x",
				     pos, buf[i], pattern(pos));
				goto out;
			}
		}
	}
	if (pos != (long)NBIG * BIG_LEN)
		FAIL("big writes: %ld bytes arrived, expected %ld", pos,
		     (long)NBIG * BIG_LEN);
out:
	close(fds[0]);
	if (waitpid(pid, &status, 0) != pid || status != 0)
		FAIL("big writer: wait status %#x", status);
}

int main(void)
{
	check_concurrent_records();
	check_big_writes();
	return test_done("pipe_atomic");
}
