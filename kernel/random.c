/*
 * random.c - bytes a program cannot guess: exec's AT_RANDOM (glibc takes
 * its stack protector canary and pointer guard from them).
 *
 * Not a cryptographic generator: a 64-bit state stirred with the clock
 * (the TSC behind clock_ns, which differs at every call) and, where the
 * CPU has it, rdrand, then run through the splitmix64 finaliser, whose
 * every output bit depends on every input bit.
 */
#include "kernel/random.h"
#include "kernel/string.h"
#include "kernel/time.h"

#define CPUID_FEATURES		1
#define CPUID_ECX_RDRAND	(1u << 30)
#define GOLDEN_GAMMA		0x9e3779b97f4a7c15ull

static u64 state;

static void cpuid1(u32 *ecx, u32 *edx)
{
	u32 a, b;

	asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(*ecx), "=d"(*edx) : "a"(CPUID_FEATURES));
}

u32 cpu_features_edx(void)
{
	u32 c, d;

	cpuid1(&c, &d);
	return d;
}

/* rdrand's value, or 0 when the CPU has none or it failed. */
static u32 hw_random(void)
{
	u32 c, d, v = 0;
	u8 ok = 0;

	cpuid1(&c, &d);
	if (c & CPUID_ECX_RDRAND)
		asm volatile("rdrand %0; setc %1" : "=r"(v), "=qm"(ok));
	return ok ? v : 0;
}

static u64 next(void)
{
	u64 z;

	state += GOLDEN_GAMMA ^ clock_ns() ^ ((u64)hw_random() << 32);
	z = state;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

void random_bytes(void *buf, u32 n)
{
	for (u8 *p = buf; n; ) {
		u64 r = next();
		u32 chunk = MIN(n, (u32)sizeof(r));

		memcpy(p, &r, chunk);
		p += chunk;
		n -= chunk;
	}
}
