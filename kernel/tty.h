/*
 * tty.h - the terminal's line discipline (kernel/tty.c).
 */
#ifndef KERNEL_TTY_H
#define KERNEL_TTY_H

#include "kernel/types.h"

void tty_init(void);
void tty_input(char c);		/* a byte from the keyboard or COM1 (IRQ) */

struct file;
struct proc;

int tty_open(struct file *f, u32 rdev, u32 flags);	/* /dev/tty, /dev/console */
void tty_exit(struct proc *p);	/* p exits: a session leader frees it */

#endif
