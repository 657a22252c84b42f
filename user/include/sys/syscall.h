/*
 * sys/syscall.h - the system call numbers (__NR_name, uapi/unistd_32.h),
 * for syscall(2).
 */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <uapi/unistd_32.h>

#endif
