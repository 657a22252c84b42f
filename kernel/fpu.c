/*
 * fpu.c - enabling SSE and converting the FPU state between layouts.
 *
 * fpu_init checks that the CPU has fxsave and SSE, sets CR4.OSFXSR (the
 * OS saves SSE state with fxsave) and CR4.OSXMMEXCPT (SIMD exceptions
 * raise #XM).  fpu_reset makes the clean state that exec and signal
 * handlers start from: fninit's, MXCSR at its power-on value, the SSE
 * registers zero - with fninit, ldmxcsr and xorps rather than an fxrstor
 * of a saved image, which under QEMU costs a 512-byte slow-path load.
 *
 * A signal frame holds the state as Linux's i386 struct _fpstate: the
 * fsave layout first (environment and the 8 registers as 10-byte values,
 * then status and magic 0, "fxsave data follows"), then the whole fxsave
 * image, whose software area says (FP_XSTATE_MAGIC1) how large the state
 * is.  sigreturn takes the SSE part from the fxsave image and the x87
 * environment and registers from the fsave part, as Linux does, so a
 * handler can edit either; MXCSR's reserved bits are cleared (loading
 * them would fault).
 */
#include "kernel/fpu.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/x86.h"

#define CPUID_FEATURES		1
#define CPUID_EDX_FXSR		(1u << 24)
#define CPUID_EDX_SSE		(1u << 25)
#define CR0_EM			(1u << 2)	/* emulate the FPU: trap on use */
#define CR0_MP			(1u << 1)
#define CR0_NE			(1u << 5)	/* x87 errors as exception 16 */
#define CR4_OSFXSR		(1u << 9)
#define CR4_OSXMMEXCPT		(1u << 10)
#define MXCSR_DEFAULT		0x1f80		/* all exceptions masked */
#define MXCSR_MASK_DEFAULT	0xffbf		/* when the CPU reports 0 */

#define FSAVE_ENV_WORDS		7
#define FSAVE_REG_SIZE		10
#define FPSTATE_STATUS		108		/* offsets in the frame's fpstate */
#define FPSTATE_MAGIC		110
#define FPSTATE_FXSAVE		112
#define FXSR_MAGIC		0x0000		/* fxsave data follows the fsave part */
#define FP_XSTATE_MAGIC1	0x46505853u
#define FP_XSTATE_MAGIC2_SIZE	4
#define XFEATURES_FP_SSE	3

#define TAG_VALID		0
#define TAG_ZERO		1
#define TAG_SPECIAL		2
#define TAG_EMPTY		3
#define EXP_MASK		0x7fff
#define SIGNIFICAND_INT_BIT	0x80

/* Linux's struct _fpx_sw_bytes, in the fxsave image's software area. */
struct fpx_sw_bytes {
	u32 magic1;
	u32 extended_size;
	u64 xfeatures;
	u32 xstate_size;
	u32 padding[7];
};

static u32 mxcsr_mask;

static inline u32 read_cr0(void)
{
	u32 v;
	asm volatile("mov %%cr0, %0" : "=r"(v));
	return v;
}

static inline void write_cr0(u32 v)
{
	asm volatile("mov %0, %%cr0" : : "r"(v));
}

void fpu_init(void)
{
	static struct fxsave_state state __attribute__((aligned(FPU_ALIGN)));
	u32 a, b, c, d;

	asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(CPUID_FEATURES));
	if ((d & (CPUID_EDX_FXSR | CPUID_EDX_SSE)) != (CPUID_EDX_FXSR | CPUID_EDX_SSE))
		panic("this kernel needs a CPU with fxsave and SSE (Pentium III or later)");
	write_cr0((read_cr0() & ~CR0_EM) | CR0_MP | CR0_NE);
	write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	string_use_sse();
	fpu_reset();
	fpu_save((u8 *)&state);
	mxcsr_mask = state.mxcsr_mask ? state.mxcsr_mask : MXCSR_MASK_DEFAULT;
}

/* The clean state: exec, and a signal handler's start. */
void fpu_reset(void)
{
	u32 mxcsr = MXCSR_DEFAULT;

	asm volatile("fninit\n\t"
		     "ldmxcsr %0\n\t"
		     "xorps %%xmm0, %%xmm0\n\t"
		     "xorps %%xmm1, %%xmm1\n\t"
		     "xorps %%xmm2, %%xmm2\n\t"
		     "xorps %%xmm3, %%xmm3\n\t"
		     "xorps %%xmm4, %%xmm4\n\t"
		     "xorps %%xmm5, %%xmm5\n\t"
		     "xorps %%xmm6, %%xmm6\n\t"
		     "xorps %%xmm7, %%xmm7"
		     : : "m"(mxcsr));
}

/* The full x87 tag of physical register i, which the abridged tag only
 * marks valid or empty: look at the value (register st(i - top)). */
static u32 full_tag(const struct fxsave_state *fx, int i)
{
	const u8 *r = fx->st[(i - ((fx->swd >> 11) & 7)) & 7];
	u32 exp = (r[8] | r[9] << 8) & EXP_MASK;
	bool zero = true;

	if (!(fx->twd & (1u << i)))
		return TAG_EMPTY;
	for (int k = 0; k < 8; k++)
		zero = zero && r[k] == 0;
	if (exp == EXP_MASK)
		return TAG_SPECIAL;
	if (exp == 0)
		return zero ? TAG_ZERO : TAG_SPECIAL;
	return (r[7] & SIGNIFICAND_INT_BIT) ? TAG_VALID : TAG_SPECIAL;
}

/* fnsave's image of the state fx: the environment (unused high halves
 * set, as fnsave stores them) and the registers st(0)..st(7). */
void fpu_to_fsave(const struct fxsave_state *fx, u8 fsave[FSAVE_SIZE])
{
	u32 env[FSAVE_ENV_WORDS], tag = 0xffff0000u;

	if (!fx->twd)
		tag = 0xffffffffu;	/* no register valid (the usual case): all empty */
	else
		for (int i = 0; i < 8; i++)
			tag |= full_tag(fx, i) << (2 * i);
	env[0] = fx->cwd | 0xffff0000u;
	env[1] = fx->swd | 0xffff0000u;
	env[2] = tag;
	env[3] = fx->fip;
	env[4] = (fx->fcs & 0xffff) | ((u32)fx->fop << 16);
	env[5] = fx->foo;
	env[6] = fx->fos | 0xffff0000u;
	memcpy(fsave, env, sizeof(env));
	for (int i = 0; i < 8; i++)
		memcpy(fsave + sizeof(env) + i * FSAVE_REG_SIZE, fx->st[i], FSAVE_REG_SIZE);
}

/* The state fx as a signal frame's struct _fpstate. */
void fpu_to_frame(const struct fxsave_state *fx, u8 frame[FPU_FRAME_SIZE])
{
	struct fxsave_state *out = (struct fxsave_state *)(frame + FPSTATE_FXSAVE);
	struct fpx_sw_bytes sw = {
		.magic1 = FP_XSTATE_MAGIC1,
		.extended_size = FPU_FRAME_SIZE + FP_XSTATE_MAGIC2_SIZE,
		.xfeatures = XFEATURES_FP_SSE,
		.xstate_size = FPU_STATE_SIZE,
	};
	u16 status = fx->swd, magic = FXSR_MAGIC;

	fpu_to_fsave(fx, frame);
	memcpy(frame + FPSTATE_STATUS, &status, sizeof(status));
	memcpy(frame + FPSTATE_MAGIC, &magic, sizeof(magic));
	memcpy(out, fx, sizeof(*fx));
	memcpy(out->sw_avail, &sw, sizeof(sw));
}

/* Back from a signal frame: SSE from the fxsave image, the x87
 * environment and registers from the fsave part. */
void fpu_from_frame(struct fxsave_state *fx, const u8 frame[FPU_FRAME_SIZE])
{
	u32 env[FSAVE_ENV_WORDS];

	memcpy(fx, frame + FPSTATE_FXSAVE, sizeof(*fx));
	memcpy(env, frame, sizeof(env));
	fx->cwd = (u16)env[0];
	fx->swd = (u16)env[1];
	fx->twd = 0;
	for (int i = 0; i < 8; i++)
		if (((env[2] >> (2 * i)) & 3) != TAG_EMPTY)
			fx->twd |= (u16)(1u << i);
	fx->fip = env[3];
	fx->fcs = env[4] & 0xffff;
	fx->fop = (u16)(env[4] >> 16);
	fx->foo = env[5];
	fx->fos = env[6] & 0xffff;
	for (int i = 0; i < 8; i++)
		memcpy(fx->st[i], frame + sizeof(env) + i * FSAVE_REG_SIZE, FSAVE_REG_SIZE);
	fx->mxcsr &= mxcsr_mask;
}
