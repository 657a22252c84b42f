/*
 * sched.h - the scheduler and wait queues (kernel/sched.c).
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include "kernel/proc.h"

__noreturn void scheduler(void);
void sched(void);
void yield(void);
void sched_tick(u32 elapsed);
bool sched_should_preempt(void);

void sleep_on(struct wait_queue *wq);
int interruptible_sleep_on(struct wait_queue *wq);
int sleep_timeout(struct wait_queue *wq, u32 nticks, bool interruptible);
int sleep_until(struct wait_queue *wq, u64 deadline, bool interruptible);
void wake_up(struct wait_queue *wq);
void wq_add(struct wait_queue *wq, struct proc *p);
void wake_up_process(struct proc *p);

/* kernel/swtch.asm */
void swtch(struct context **save, struct context *load);

#endif
