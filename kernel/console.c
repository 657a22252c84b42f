/*
 * console.c - the system console.  Every byte goes to both the VGA screen
 * and COM1, so the same session is visible in a QEMU window and on a
 * headless terminal.  The serial side turns "\n" into "\r\n".
 */
#include "kernel/console.h"
#include "kernel/serial.h"
#include "kernel/vga.h"

bool console_quiet;

void console_init(void)
{
	serial_init();
	vga_clear();
}

void console_putc(char c)
{
	vga_putc(c);
	if (c == '\n')
		serial_putc('\r');
	serial_putc(c);
}

void console_write(const char *buf, size_t n)
{
	while (n--)
		console_putc(*buf++);
}
