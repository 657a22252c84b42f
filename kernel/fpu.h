/*
 * fpu.h - saving the x87 floating-point state of user programs.
 *
 * The kernel itself never uses the FPU (it is built with
 * -mgeneral-regs-only), so the registers always belong to the running
 * process.  sched() saves them with fnsave before switching away and
 * reloads them with frstor when the process runs again; a new process
 * starts from a copy of its parent's state (fork) or a clean one (exec).
 */
#ifndef KERNEL_FPU_H
#define KERNEL_FPU_H

#include "kernel/types.h"

#define FPU_STATE_SIZE	108	/* fnsave's 32-bit protected-mode image */

static inline void fpu_save(u8 *state)
{
	asm volatile("fnsave (%0)" : : "r"(state) : "memory");
}

/*
 * frstor waits for pending x87 exceptions first: an unmasked one the
 * program left (a signal handler may return with one) would fault here,
 * in the kernel.  fninit drops it; the state loaded then has its own.
 */
static inline void fpu_restore(const u8 *state)
{
	asm volatile("fninit\n\tfrstor (%0)" : : "r"(state) : "memory");
}

static inline void fpu_reset(void)
{
	asm volatile("fninit");
}

#endif
