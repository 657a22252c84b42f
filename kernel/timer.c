/*
 * timer.c - the 8253/8254 programmable interval timer, channel 0, at HZ.
 *
 * Each interrupt brings `ticks` up to the clock (kernel/time.c) and hands
 * the ticks that passed to sched_tick(), which charges the running
 * process, wakes processes whose timed sleep has ended and uses up the
 * running process's time slice; kernel/trap.c preempts it when the slice
 * is gone and the tick interrupted user mode (the kernel itself is never
 * preempted).  With interrupts off for longer than a tick the PIT's
 * interrupts are lost, but the clock is not, so the next interrupt
 * counts every tick that passed.
 *
 * Without a TSC the interrupts are the clock: timer_pit_ns() counts
 * them, plus the part of the current period read from the channel's
 * counter.  That clock does lose the interrupts that are lost.
 */
#include "kernel/timer.h"
#include "kernel/pic.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/time.h"
#include "kernel/trap.h"
#include "kernel/x86.h"

#define PIT_CH0		0x40
#define PIT_CMD		0x43
#define PIT_MODE_RATE	0x34	/* channel 0, lo/hi byte, mode 2 (rate generator) */
#define PIT_CH0_LATCH	0x00	/* latch channel 0's count */
#define PIT_DIVISOR	(PIT_FREQ / HZ)

volatile u64 ticks;
static u64 interrupts;		/* timer interrupts handled */

void timer_init(void)
{
	outb(PIT_CMD, PIT_MODE_RATE);
	outb(PIT_CH0, PIT_DIVISOR & 0xff);
	outb(PIT_CH0, PIT_DIVISOR >> 8);
	pic_enable(IRQ_TIMER);
}

void timer_irq(void)
{
	u64 now, elapsed;

	interrupts++;
	now = clock_ticks();
	elapsed = now > ticks ? now - ticks : 0;
	ticks = now;
	sched_tick((u32)elapsed);
}

/* Counts since the current period began (mode 2 counts down from the
 * divisor to 1, then reloads). */
static u32 pit_period_counts(void)
{
	u32 lo, hi, count;

	outb(PIT_CMD, PIT_CH0_LATCH);
	lo = inb(PIT_CH0);
	hi = inb(PIT_CH0);
	count = hi << 8 | lo;
	return count && count <= PIT_DIVISOR ? PIT_DIVISOR - count : 0;
}

u64 timer_pit_ns(void)
{
	return interrupts * NSEC_PER_TICK + pit_period_counts() * NSEC_PER_SEC / PIT_FREQ;
}
