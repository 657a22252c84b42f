/*
 * time_ticks - the clock keeps time while the kernel works with
 * interrupts off.
 *
 * The time stamp counter counts on through everything, so over any
 * stretch of time its count divided by what CLOCK_MONOTONIC advanced is
 * the same number, the TSC's rate.  The rate is measured first over a
 * plain sleep, then over writes of BUF_MB MiB to a file, each one call -
 * long work in the kernel, which runs with interrupts off.  A clock that
 * counts timer interrupts misses the ticks that fall in such a call
 * (under QEMU's emulation it ran at a third of the speed here), so the
 * second rate would come out far higher; the two must agree within
 * 1/RATE_TOLERANCE.  Each reading pairs the clock with the TSC read
 * just before and after it, keeping the narrowest of a few pairs, so a
 * preemption between the two reads cannot skew it.
 */
#include <stdint.h>
#include "test.h"

#define BUF_MB		32
#define WRITES		6
#define SLEEP_MS	300
#define RATE_TOLERANCE	10		/* rates agree within 1/10 */
#define PAIR_TRIES	8
#define NS_PER_SEC	1000000000ULL
#define PATH		"/tmp/time_ticks"

struct reading {
	uint64_t tsc;
	uint64_t ns;
};

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static struct reading read_both(void)
{
	struct reading r = { 0, 0 };
	uint64_t best = UINT64_MAX;

	for (int i = 0; i < PAIR_TRIES; i++) {
		struct timespec ts;
		uint64_t t0 = rdtsc(), t1;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		t1 = rdtsc();
		if (t1 - t0 < best) {
			best = t1 - t0;
			r.tsc = t0 + best / 2;
			r.ns = (uint64_t)ts.tv_sec * NS_PER_SEC + (uint64_t)ts.tv_nsec;
		}
	}
	return r;
}

/* TSC cycles per millisecond of CLOCK_MONOTONIC from a to b. */
static uint64_t rate(struct reading a, struct reading b)
{
	uint64_t ms = (b.ns - a.ns) / 1000000;

	return ms ? (b.tsc - a.tsc) / ms : 0;
}

int main(void)
{
	size_t len = (size_t)BUF_MB << 20;
	struct reading a, b;
	uint64_t idle_rate, busy_rate;
	char *buf = malloc(len);
	int fd;

	REQUIRE(buf, "malloc %d MiB", BUF_MB);
	memset(buf, 'x', len);
	fd = open(PATH, O_CREAT | O_TRUNC | O_RDWR, 0600);
	REQUIRE(fd >= 0, "open " PATH);

	a = read_both();
	sleep_ms(SLEEP_MS);
	b = read_both();
	idle_rate = rate(a, b);

	a = read_both();
	for (int i = 0; i < WRITES; i++) {
		REQUIRE(lseek(fd, 0, SEEK_SET) == 0, "lseek");
		REQUIRE(write(fd, buf, len) == (ssize_t)len, "write %d MiB", BUF_MB);
	}
	b = read_both();
	busy_rate = rate(a, b);

	CHECK(idle_rate > 0, "the TSC or the clock did not advance over a sleep");
	CHECK(busy_rate <= idle_rate + idle_rate / RATE_TOLERANCE &&
	      busy_rate >= idle_rate - idle_rate / RATE_TOLERANCE,
	      "TSC cycles per clock ms: %llu over a sleep, %llu over long system "
	      "calls (the clock lost time)", (unsigned long long)idle_rate,
	      (unsigned long long)busy_rate);
	close(fd);
	unlink(PATH);
	free(buf);
	return test_done("time_ticks");
}
