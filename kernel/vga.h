/*
 * vga.h - VGA text-mode console (kernel/vga.c).
 */
#ifndef KERNEL_VGA_H
#define KERNEL_VGA_H

#include "kernel/types.h"

#define VGA_DEFAULT_ATTR	0x07	/* light grey on black */
#define VGA_PANIC_ATTR		0x4f	/* white on red */

void vga_clear(void);
void vga_putc(char c);
void vga_set_attr(u8 attr);
/* Move the view lines back into the scrollback (negative: forward);
 * it stops at the oldest line kept and at the live screen. */
void vga_scrollback(int lines);
#define VGA_SCROLL_STEP	12	/* lines per Shift-PageUp/PageDown: half a screen */

#endif
