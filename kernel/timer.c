/*
 * timer.c - the 8253/8254 programmable interval timer, channel 0, at HZ.
 *
 * Each tick counts uptime, charges the running process, wakes processes
 * whose timed sleep has ended, and uses up the running process's time
 * slice; kernel/trap.c preempts it when the slice is gone and the tick
 * interrupted user mode (the kernel itself is never preempted).
 */
#include "kernel/timer.h"
#include "kernel/pic.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/trap.h"
#include "kernel/x86.h"

#define PIT_FREQ	1193182
#define PIT_CH0		0x40
#define PIT_CMD		0x43
#define PIT_MODE_RATE	0x34	/* channel 0, lo/hi byte, mode 2 (rate generator) */

volatile u32 ticks;

void timer_init(void)
{
	u32 divisor = PIT_FREQ / HZ;

	outb(PIT_CMD, PIT_MODE_RATE);
	outb(PIT_CH0, divisor & 0xff);
	outb(PIT_CH0, divisor >> 8);
	pic_enable(IRQ_TIMER);
}

void timer_irq(void)
{
	ticks++;
	sched_tick();
}
