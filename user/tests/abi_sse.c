/*
 * abi_sse - SSE registers belong to each process, as on Linux: xmm and
 * MXCSR survive a switch to another process that uses them, fork copies
 * them, exec resets them (MXCSR 0x1f80, x87 control word 0x37f); a signal
 * handler starts with a clean state, finds the interrupted one in its
 * frame in Linux's i386 layout (fsave part with magic 0, then the fxsave
 * image with FP_XSTATE_MAGIC1 in its software bytes), and what it changes
 * there is what sigreturn puts back; reserved MXCSR bits in the frame are
 * dropped (as i386 Linux does) instead of faulting in the kernel.
 */
#include <sched.h>
#include <stdint.h>
#include "test.h"

#define MXCSR_DEFAULT	0x1f80
#define MXCSR_RZ	0x6000		/* round toward zero */
#define CW_DEFAULT	0x037f
#define CW_SINGLE	0x007f		/* single precision */
#define UC_FPSTATE	96		/* ucontext: flags, link, stack_t, 19 registers */
#define FP_MAGIC	110		/* in struct _fpstate */
#define FP_FXSAVE	112
#define FX_MXCSR	24
#define FX_XMM0		160
#define FX_SW_BYTES	464
#define XSTATE_MAGIC1	0x46505853u

static const uint32_t pattern[4] = { 0x01234567, 0x89abcdef, 0xdeadbeef, 0x5555aaaa };
static const uint32_t pattern2[4] = { 0x11112222, 0x33334444, 0x55556666, 0x77778888 };
static const uint32_t other[4] = { 0xffffffff, 0, 0xffffffff, 0 };
static volatile int handler_ok, handler_cw, handler_mxcsr, handler_magic;
static volatile uint32_t handler_sw, handler_xmm[4];
static volatile int bad_mxcsr;

static void set_xmm0(const uint32_t v[4])
{
	asm volatile("movdqu (%0), %%xmm0" : : "r"(v) : "memory");
}

static void get_xmm0(uint32_t v[4])
{
	asm volatile("movdqu %%xmm0, (%0)" : : "r"(v) : "memory");
}

static unsigned int get_mxcsr(void)
{
	unsigned int m;

	asm volatile("stmxcsr %0" : "=m"(m));
	return m;
}

static void set_mxcsr(unsigned int m)
{
	asm volatile("ldmxcsr %0" : : "m"(m));
}

static unsigned int get_cw(void)
{
	unsigned short cw;

	asm volatile("fnstcw %0" : "=m"(cw));
	return cw;
}

static void set_cw(unsigned int v)
{
	unsigned short cw = (unsigned short)v;

	asm volatile("fldcw %0" : : "m"(cw));
}

static void on_usr1(int sig, siginfo_t *info, void *ucv)
{
	unsigned char *fp = *(unsigned char **)((char *)ucv + UC_FPSTATE);
	unsigned short magic;
	uint32_t sw;

	(void)sig;
	(void)info;
	handler_cw = (int)get_cw();
	handler_mxcsr = (int)get_mxcsr();
	memcpy(&magic, fp + FP_MAGIC, sizeof(magic));
	memcpy(&sw, fp + FP_FXSAVE + FX_SW_BYTES, sizeof(sw));
	handler_magic = magic;
	handler_sw = sw;
	memcpy((void *)handler_xmm, fp + FP_FXSAVE + FX_XMM0, 16);
	memcpy(fp + FP_FXSAVE + FX_XMM0, pattern2, 16);
	if (bad_mxcsr) {
		uint32_t all = 0xffffffff;
		memcpy(fp + FP_FXSAVE + FX_MXCSR, &all, sizeof(all));
	}
	set_xmm0(other);
	handler_ok = 1;
}

static bool same(const uint32_t *a, const volatile uint32_t *b)
{
	for (int i = 0; i < 4; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

int main(int argc, char **argv)
{
	uint32_t v[4];
	struct sigaction sa;
	pid_t pid;

	if (argc == 2 && strcmp(argv[1], "after-exec") == 0) {
		CHECK_EQ("MXCSR after exec", get_mxcsr(), MXCSR_DEFAULT);
		CHECK_EQ("x87 control word after exec", get_cw(), CW_DEFAULT);
		return failures ? 1 : 0;
	}

	/* Another process using xmm0 in between does not disturb ours. */
	pid = test_fork();
	if (pid == 0) {
		set_mxcsr(MXCSR_DEFAULT);
		for (int i = 0; i < 50; i++) {
			set_xmm0(other);
			sched_yield();
		}
		child_exit();
	}
	set_xmm0(pattern);
	set_mxcsr(MXCSR_DEFAULT | MXCSR_RZ);
	for (int i = 0; i < 50; i++)
		sched_yield();
	get_xmm0(v);
	CHECK(same(pattern, v), "xmm0 after switches: %08x %08x", v[0], v[1]);
	CHECK_EQ("MXCSR after switches", get_mxcsr(), MXCSR_DEFAULT | MXCSR_RZ);
	CHECK(child_ok(pid), "the other process");

	/* fork copies the state. */
	set_xmm0(pattern);
	pid = test_fork();
	if (pid == 0) {
		get_xmm0(v);
		CHECK(same(pattern, v), "xmm0 in the child: %08x", v[0]);
		CHECK_EQ("MXCSR in the child", get_mxcsr(), MXCSR_DEFAULT | MXCSR_RZ);
		child_exit();
	}
	CHECK(child_ok(pid), "fork copies xmm0 and MXCSR");

	/* A handler: clean state, the old one in the frame, edits kept. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	set_cw(CW_SINGLE);
	set_xmm0(pattern);
	kill(getpid(), SIGUSR1);
	get_xmm0(v);
	CHECK(handler_ok, "the handler ran");
	CHECK_EQ("x87 control word in the handler", handler_cw, CW_DEFAULT);
	CHECK_EQ("MXCSR in the handler", handler_mxcsr, MXCSR_DEFAULT);
	CHECK_EQ("fpstate magic (fxsave data follows)", handler_magic, 0);
	CHECK_EQ("FP_XSTATE_MAGIC1 in the software bytes", handler_sw, XSTATE_MAGIC1);
	CHECK(same(pattern, handler_xmm), "xmm0 in the frame: %08x", handler_xmm[0]);
	CHECK(same(pattern2, v), "xmm0 after sigreturn is the frame's: %08x", v[0]);
	CHECK_EQ("x87 control word after sigreturn", get_cw(), CW_SINGLE);
	CHECK_EQ("MXCSR after sigreturn", get_mxcsr(), MXCSR_DEFAULT | MXCSR_RZ);

	/* Reserved MXCSR bits in the frame: an i386 Linux kernel (and Relay)
	 * drops them, an x86-64 one refuses the frame (SIGSEGV). */
	pid = test_fork();
	if (pid == 0) {
		bad_mxcsr = 1;
		kill(getpid(), SIGUSR1);
		CHECK_EQ("MXCSR reserved bits from the frame are dropped", get_mxcsr() >> 16, 0);
		child_exit();
	}
	int status = wait_status(pid);
	CHECK(status == 0 || (WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV),
	      "a frame with reserved MXCSR bits: status %#x", status);

	pid = test_fork();
	if (pid == 0) {
		char *args[] = { argv[0], "after-exec", NULL };
		execv(argv[0], args);
		_exit(99);
	}
	CHECK(child_ok(pid), "exec resets the FPU and SSE state");
	return test_done("abi_sse");
}
