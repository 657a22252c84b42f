/*
 * vsyscall.h - fast system calls with sysenter (kernel/vsyscall.c).
 */
#ifndef KERNEL_VSYSCALL_H
#define KERNEL_VSYSCALL_H

#include "mm/mm.h"

struct trapframe;

void vsyscall_init(void);
int vsyscall_map(pde_t *pgdir);
u32 vsyscall_entry(void);
void sysenter_trap(struct trapframe *tf);
bool sysenter_debug_trap(struct trapframe *tf);

#endif
