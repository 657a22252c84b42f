/*
 * console.h - the system console: output mirrored to VGA and COM1
 * (kernel/console.c).  printk and the terminal both write through it.
 */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include "kernel/types.h"

void console_init(void);
void console_putc(char c);
void console_write(const char *buf, size_t n);

/* Set by the "quiet" boot option: printk stays silent (panics still print). */
extern bool console_quiet;

#endif
