/*
 * serial.c - the 16550 UARTs: COM1 is a console (output and input),
 * COM2 is the control channel to tools/qemu-run (exit status, panic).
 *
 * COM1 raises IRQ 4 when a byte arrives; the handler hands each byte to
 * the terminal (tty_input), so a headless session is fully usable.
 */
#include "kernel/serial.h"
#include "kernel/pic.h"
#include "kernel/trap.h"
#include "kernel/tty.h"
#include "kernel/x86.h"

#define COM1		0x3f8
#define COM2		0x2f8
#define UART_DATA	0	/* receive / transmit buffer (DLAB=0) */
#define UART_IER	1	/* interrupt enable (DLAB=0) */
#define UART_DLL	0	/* divisor low byte (DLAB=1) */
#define UART_DLH	1	/* divisor high byte (DLAB=1) */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define IER_RX		0x01	/* interrupt when data arrives */
#define FCR_NO_FIFO	0x00	/* no FIFO: an interrupt per byte, and bytes that
				   arrived before boot are kept */
#define MCR_OUT2	0x0b	/* DTR, RTS and OUT2 (routes the IRQ) */
#define LSR_DATA	0x01	/* a byte is waiting */
#define LSR_THR_EMPTY	0x20	/* ready to transmit */
#define BAUD_DIVISOR	1	/* 115200 baud */

static void uart_init(u16 port, u8 ier)
{
	outb(port + UART_IER, 0);
	outb(port + UART_LCR, LCR_DLAB);
	outb(port + UART_DLL, BAUD_DIVISOR);
	outb(port + UART_DLH, 0);
	outb(port + UART_LCR, LCR_8N1);
	outb(port + UART_FCR, FCR_NO_FIFO);
	outb(port + UART_MCR, MCR_OUT2);
	outb(port + UART_IER, ier);
}

void serial_init(void)
{
	uart_init(COM1, IER_RX);
	uart_init(COM2, 0);
}

static void uart_putc(u16 port, char c)
{
	while (!(inb(port + UART_LSR) & LSR_THR_EMPTY))
		;
	outb(port + UART_DATA, (u8)c);
}

void serial_putc(char c)
{
	uart_putc(COM1, c);
}

void serial_control(const char *msg)
{
	while (*msg)
		uart_putc(COM2, *msg++);
}

/*
 * Let COM1 input in, once the terminal exists.  Bytes may have arrived
 * since serial_init; the UART then holds its interrupt line raised, and
 * the PIC (edge triggered, and reset since) would never see a new edge:
 * take them now, which lowers the line for the next byte.
 */
void serial_enable_input(void)
{
	pic_enable(IRQ_COM1);
	serial_irq();
}

/* IRQ 4: move every received byte to the terminal.  A terminal sends CR
 * for the Enter key; the tty's ICRNL turns it into NL. */
void serial_irq(void)
{
	while (inb(COM1 + UART_LSR) & LSR_DATA)
		tty_input((char)inb(COM1 + UART_DATA));
}
