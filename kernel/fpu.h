/*
 * fpu.h - the x87 and SSE state of user programs (kernel/fpu.c).
 *
 * The kernel's own code keeps no value in the FPU or SSE registers (it is
 * built with -mgeneral-regs-only; kernel/string.c's large copies borrow
 * four SSE registers and put them back), so they always belong to the
 * running process.
 * sched() saves them with fxsave before switching away and reloads them
 * with fxrstor when the process runs again; a new process starts from a
 * copy of its parent's state (fork) or the clean initial one (exec, and
 * a signal handler).  fpu_init turns SSE on (CR4.OSFXSR, OSXMMEXCPT), so
 * that programs may use it: glibc picks its SSE2 string functions when
 * CPUID offers them.
 *
 * The state is fxsave's 512-byte image, 16-byte aligned.  Signal frames
 * and core dumps also carry the older fsave layout, converted from it.
 */
#ifndef KERNEL_FPU_H
#define KERNEL_FPU_H

#include "kernel/types.h"

#define FPU_STATE_SIZE	512	/* fxsave's image */
#define FPU_ALIGN	16
#define FSAVE_SIZE	108	/* fnsave's 32-bit image: env and 8 registers */
#define FPU_FRAME_SIZE	(112 + FPU_STATE_SIZE)	/* Linux's i386 struct _fpstate */
#define FPU_FRAME_ALIGN	64

/* fxsave's image (Intel SDM vol. 1, table 10-2). */
struct fxsave_state {
	u16 cwd, swd;
	u16 twd;			/* abridged: one bit per register, 1 = valid */
	u16 fop;
	u32 fip, fcs, foo, fos;
	u32 mxcsr, mxcsr_mask;
	u8 st[8][16];			/* 80-bit registers in 16-byte slots */
	u8 xmm[8][16];
	u8 reserved[176];
	u8 sw_avail[48];		/* free for software: Linux's sw_reserved */
};

void fpu_init(void);
void fpu_reset(void);
void fpu_to_fsave(const struct fxsave_state *fx, u8 fsave[FSAVE_SIZE]);
void fpu_to_frame(const struct fxsave_state *fx, u8 frame[FPU_FRAME_SIZE]);
void fpu_from_frame(struct fxsave_state *fx, const u8 frame[FPU_FRAME_SIZE]);

static inline void fpu_save(u8 *state)
{
	asm volatile("fxsave (%0)" : : "r"(state) : "memory");
}

/* fxrstor raises no pending x87 exception (the next x87 instruction of
 * the program will); the caller has checked the MXCSR of a state that
 * came from user space (fpu_from_frame), which would fault here. */
static inline void fpu_restore(const u8 *state)
{
	asm volatile("fxrstor (%0)" : : "r"(state) : "memory");
}

#endif
