/*
 * random.h - unpredictable bytes for programs (kernel/random.c).
 */
#ifndef KERNEL_RANDOM_H
#define KERNEL_RANDOM_H

#include "kernel/types.h"

void random_bytes(void *buf, u32 n);
u32 cpu_features_edx(void);		/* CPUID leaf 1's edx, for AT_HWCAP */

#endif
