/*
 * timer.h - the PIT: the periodic tick, and the clock when there is no
 * TSC (kernel/timer.c).
 */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include "kernel/types.h"

#define HZ		100	/* timer interrupts per second */
#define TIME_SLICE	2	/* ticks a process runs before it must yield */
#define PIT_FREQ	1193182	/* the PIT's input clock, Hz */
#define NSEC_PER_TICK	(1000000000u / HZ)

/* Whole ticks since boot as of the last timer interrupt, counted from
 * the clock (kernel/time.c), so never short however long interrupts were
 * off; clock_ticks() gives the tick now. */
extern volatile u64 ticks;

void timer_init(void);
void timer_irq(void);
u64 timer_pit_ns(void);		/* a clock from the interrupts alone */

#endif
