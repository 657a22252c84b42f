/*
 * rlimit.h - per-process resource limits (getrlimit(2)).
 *
 * Each process holds RLIM_NLIMITS soft/hard pairs, inherited across fork
 * and kept across exec.  The kernel enforces the soft limit (rlim_cur)
 * where it has the resource; rlimit_cur() is how it reads one.
 */
#ifndef KERNEL_RLIMIT_H
#define KERNEL_RLIMIT_H

#include "kernel/types.h"
#include <uapi/resource.h>

struct proc;

void rlimit_init(struct proc *p);
unsigned long rlimit_cur(const struct proc *p, int resource);
void rlimit_cpu_tick(struct proc *p);
int rlimit_fsize_check(u32 pos, size_t *n);
bool rlimit_as_allows(struct proc *p, unsigned long more);
bool rlimit_brk_allows(struct proc *p, u32 new_brk);
bool rlimit_stack_allows(struct proc *p, u32 va);

#endif
