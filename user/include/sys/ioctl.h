/*
 * sys/ioctl.h - ioctl() and the terminal request numbers.
 */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <uapi/termios.h>

int ioctl(int fd, unsigned long request, ...);

#endif
