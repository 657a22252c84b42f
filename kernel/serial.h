/*
 * serial.h - COM1 console and COM2 control channel (kernel/serial.c).
 */
#ifndef KERNEL_SERIAL_H
#define KERNEL_SERIAL_H

void serial_init(void);
void serial_putc(char c);
void serial_control(const char *msg);
void serial_irq(void);
void serial_enable_input(void);

#endif
