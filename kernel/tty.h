/*
 * tty.h - the terminal's line discipline (kernel/tty.c).
 */
#ifndef KERNEL_TTY_H
#define KERNEL_TTY_H

void tty_init(void);
void tty_input(char c);		/* a byte from the keyboard or COM1 (IRQ) */

#endif
