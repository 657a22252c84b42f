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
struct user_desc;
long tls_clone_check(struct user_desc __user *uinfo);
void tls_set_child(struct proc *child, struct user_desc __user *uinfo);

#endif
