/*
 * dev.h - character devices (kernel/dev.c) and the terminal (kernel/tty.c).
 *
 * Device numbers are Linux's: /dev/null 1,3  /dev/zero 1,5
 * /dev/tty 5,0  /dev/console 5,1.
 */
#ifndef KERNEL_DEV_H
#define KERNEL_DEV_H

#include "kernel/types.h"

#define MEM_MAJOR	1
#define NULL_MINOR	3
#define ZERO_MINOR	5
#define TTYAUX_MAJOR	5
#define TTY_MINOR	0
#define CONSOLE_MINOR	1

struct file;
struct file_ops;

void dev_init(void);
const struct file_ops *dev_ops(u32 rdev);
int dev_open(struct file *f, u32 rdev, u32 flags);

extern const struct file_ops tty_ops;

#endif
