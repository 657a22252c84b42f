/*
 * kstack.h - kernel stacks of processes (kernel/kstack.c).
 *
 * Each process table slot owns a fixed window of kernel virtual memory
 * above the map of physical memory: an unmapped guard page, then
 * KSTACK_SIZE bytes of stack mapped to page frames while the slot is in
 * use.  A kernel stack overflow runs into the guard page and faults.
 */
#ifndef KERNEL_KSTACK_H
#define KERNEL_KSTACK_H

#include "kernel/types.h"

void kstack_init(void);
u8 *kstack_alloc(int slot);
void kstack_free(u8 *stack);
unsigned kstack_overflow(unsigned depth);
bool kstack_mapped(u32 va);
bool kstack_guard(u32 va);

#endif
