/*
 * initrd.h - unpacking the boot archive into the root (kernel/initrd.c).
 */
#ifndef KERNEL_INITRD_H
#define KERNEL_INITRD_H

void initrd_unpack(void);

#endif
