/*
 * tls.h - per-process thread-local storage segments (kernel/tls.c).
 */
#ifndef KERNEL_TLS_H
#define KERNEL_TLS_H

#include "boot/gdt.h"
#include "kernel/types.h"

struct proc;

u32 tls_check_selector(const struct proc *p, u32 sel);
void tls_exec(struct proc *p);

#endif
