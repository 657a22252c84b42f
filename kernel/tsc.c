/*
 * tsc.c - the time stamp counter (TSC) as a clock that cannot lose time.
 *
 * The TSC counts on whether interrupts are enabled or not, so time read
 * from it stays right across a long stretch of kernel code that a tick
 * counter would miss ticks in.  Its rate is reported nowhere reliable,
 * so tsc_init() measures it once against the PIT's channel 2, whose
 * input runs at a known PIT_FREQ: the channel counts down from its
 * largest value, gated on through port 0x61 with the speaker off, and
 * the TSC is sampled at two points CALIB_COUNTS PIT counts apart.  Each
 * sample reads the PIT count between two TSC reads and the tightest of
 * SAMPLE_TRIES is kept, so a delay in the middle of one (QEMU's thread
 * descheduled by the host, say) cannot skew the rate.  Under QEMU's
 * -icount both the TSC and the PIT follow the instruction count, and the
 * measurement gives that rate instead; nothing else changes.
 *
 * A TSC is used only if CPUID says it exists (and CPUID does: the ID
 * flag of EFLAGS can be toggled), the PIT is seen counting, and the rate
 * comes out at least TSC_MIN_HZ; otherwise tsc_init() returns false and
 * kernel/time.c keeps time from the PIT interrupts instead.
 *
 * Cycles become nanoseconds as (cycles * mult) >> shift, with mult a
 * 32-bit fraction chosen once, so that a reading costs two 32x32-bit
 * multiplications and no division.
 */
#include "kernel/tsc.h"
#include "kernel/printk.h"
#include "kernel/time.h"
#include "kernel/timer.h"
#include "kernel/x86.h"

#define EFLAGS_ID	0x00200000	/* toggles iff CPUID exists */
#define CPUID_FEATURES	1
#define CPUID_EDX_TSC	(1u << 4)

#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PIT_CH2_ONESHOT	0xb0	/* channel 2, lo/hi byte, mode 0 */
#define PIT_CH2_LATCH	0x80	/* latch channel 2's count */
#define PIT_COUNT_MAX	0xffff
#define PORT_SPEAKER	0x61
#define SPEAKER_GATE2	0x01	/* channel 2 counts */
#define SPEAKER_DATA	0x02	/* speaker on: keep it off */

#define CALIB_COUNTS	23864	/* 20 ms of PIT input */
#define START_COUNTS	64	/* skip the channel's first counts */
#define SAMPLE_TRIES	5
#define POLL_LIMIT	50000000u	/* reads of a PIT that never counts */
#define TSC_MIN_HZ	1000000ull
#define MAX_SHIFT	32
#define MULT_MAX	0xffffffffull	/* mult is a u32 */

static u64 tsc_base;		/* the TSC at tsc_init() */
static u32 mult, shift;

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (u64)hi << 32 | lo;
}

static bool cpu_has_tsc(void)
{
	u32 before, after, a, b, c, d;

	asm volatile("pushfl; pushfl; xorl %2, (%%esp); popfl; pushfl; popl %1; popl %0"
		     : "=r"(before), "=r"(after) : "i"(EFLAGS_ID));
	if (!((before ^ after) & EFLAGS_ID))
		return false;
	asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(CPUID_FEATURES));
	return d & CPUID_EDX_TSC;
}

static u32 pit2_count(void)
{
	u32 lo, hi;

	outb(PIT_CMD, PIT_CH2_LATCH);
	lo = inb(PIT_CH2);
	hi = inb(PIT_CH2);
	return hi << 8 | lo;
}

/* Wait for channel 2 to count down to at most target; false if it
 * does not get there within POLL_LIMIT reads. */
static bool pit2_wait(u32 target)
{
	for (u32 i = 0; i < POLL_LIMIT; i++)
		if (pit2_count() <= target)
			return true;
	return false;
}

/* The TSC at the moment channel 2 showed *count, to within the
 * narrowest of SAMPLE_TRIES brackets. */
static u64 sample(u32 *count)
{
	u64 best = ~0ull, at = 0;

	for (int i = 0; i < SAMPLE_TRIES; i++) {
		u64 t0 = rdtsc();
		u32 c = pit2_count();
		u64 t1 = rdtsc();

		if (t1 - t0 < best) {
			best = t1 - t0;
			at = t0 + best / 2;
			*count = c;
		}
	}
	return at;
}

static u64 measure_hz(void)
{
	u8 port = inb(PORT_SPEAKER);
	u32 c0, c1;
	u64 t0, t1;

	outb(PORT_SPEAKER, (port & ~SPEAKER_DATA) | SPEAKER_GATE2);
	outb(PIT_CMD, PIT_CH2_ONESHOT);
	outb(PIT_CH2, PIT_COUNT_MAX & 0xff);
	outb(PIT_CH2, PIT_COUNT_MAX >> 8);
	if (!pit2_wait(PIT_COUNT_MAX - START_COUNTS))
		return 0;
	t0 = sample(&c0);
	if (c0 <= CALIB_COUNTS || !pit2_wait(c0 - CALIB_COUNTS))
		return 0;
	t1 = sample(&c1);
	outb(PORT_SPEAKER, port);
	if (c1 >= c0 || t1 <= t0)
		return 0;
	return (t1 - t0) * PIT_FREQ / (c0 - c1);
}

/* The largest shift (up to MAX_SHIFT) whose mult fits in 32 bits. */
static void choose_scale(u64 hz)
{
	for (shift = MAX_SHIFT; shift > 0; shift--)
		if ((NSEC_PER_SEC << shift) / hz <= MULT_MAX)
			break;
	mult = (u32)((NSEC_PER_SEC << shift) / hz);
}

bool tsc_init(void)
{
	u64 hz;

	if (!cpu_has_tsc())
		return false;
	hz = measure_hz();
	if (hz < TSC_MIN_HZ) {
		printk("tsc: calibration failed, using the PIT\n");
		return false;
	}
	choose_scale(hz);
	tsc_base = rdtsc();
	printk("tsc: %u kHz\n", (u32)(hz / 1000));
	return true;
}

/* (cycles * mult) >> shift, exactly, in two 32x32-bit products. */
u64 tsc_ns(void)
{
	u64 cycles = rdtsc() - tsc_base;
	u64 lo = (u64)(u32)cycles * mult;
	u64 hi = (cycles >> 32) * mult;

	return (hi << (MAX_SHIFT - shift)) + (lo >> shift);
}
