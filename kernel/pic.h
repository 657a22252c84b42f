/*
 * pic.h - 8259A interrupt controllers (kernel/pic.c).
 */
#ifndef KERNEL_PIC_H
#define KERNEL_PIC_H

void pic_init(void);
void pic_enable(int irq);
void pic_eoi(int irq);

#endif
