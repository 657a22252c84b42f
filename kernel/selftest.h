/*
 * selftest.h - the kernel's self-tests (kernel/selftest.c), run before
 * init when the boot command line says "selftest".
 */
#ifndef KERNEL_SELFTEST_H
#define KERNEL_SELFTEST_H

void selftest_run(void);

#endif
