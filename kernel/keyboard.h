/*
 * keyboard.h - PS/2 keyboard driver (kernel/keyboard.c).
 */
#ifndef KERNEL_KEYBOARD_H
#define KERNEL_KEYBOARD_H

void keyboard_init(void);
void keyboard_irq(void);

#endif
