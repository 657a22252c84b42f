/*
 * timer.h - the PIT clock: preemption and uptime (kernel/timer.c).
 */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include "kernel/types.h"

#define HZ		100	/* timer interrupts per second */
#define TIME_SLICE	2	/* ticks a process runs before it must yield */

extern volatile u32 ticks;	/* since boot */

void timer_init(void);
void timer_irq(void);

#endif
