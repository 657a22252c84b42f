/*
 * sys/syscount.h - this kernel's per-process system call counts
 * (uapi/syscount.h): syscount(list, n) fills list[i].calls for each
 * list[i].pid (0: the caller); returns 0, or -1 with errno.
 */
#ifndef _SYS_SYSCOUNT_H
#define _SYS_SYSCOUNT_H

#include <uapi/syscount.h>

int syscount(struct syscount *list, unsigned int n);

#endif
