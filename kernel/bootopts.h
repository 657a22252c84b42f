/*
 * bootopts.h - options from the boot command line (kernel/main.c).
 *
 *   quiet        printk prints nothing (user programs still do)
 *   selftest     run the kernel self-tests before starting init
 *   kstack_overflow  init overflows its kernel stack at once, which must
 *                panic (the test of the guard page, tools/tests/kstack_overflow.sh)
 *   -- CMD...    run CMD through init and the shell, then leave QEMU
 *                with its exit status (tools/qemu-run)
 */
#ifndef KERNEL_BOOTOPTS_H
#define KERNEL_BOOTOPTS_H

#include "kernel/types.h"

#define CMDLINE_MAX	1024

extern bool boot_selftest;
extern bool boot_kstack_overflow;
extern bool boot_automated;		/* qemu-run or selftest: exit QEMU at the end */
extern char boot_command[CMDLINE_MAX];	/* the part after "--", or "" */

void bootopts_parse(const char *cmdline);

#endif
