/*
 * printk.h - kernel formatted output and fatal errors.
 */
#ifndef KERNEL_PRINTK_H
#define KERNEL_PRINTK_H

#include "kernel/types.h"

struct trapframe;

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

__noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
__noreturn void panic_trap(struct trapframe *tf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Stop QEMU (tools/qemu-run): report on the control channel, then write
 * the isa-debug-exit port.  Only when booted by qemu-run/selftest. */
__noreturn void qemu_exit(const char *control_line, int code);

#define BUG_ON(cond) \
	do { if (cond) panic("BUG_ON(%s) at %s:%d", #cond, __FILE__, __LINE__); } while (0)

#endif
