/*
 * sig_return_state - what sigreturn restores, and what it refuses to.
 *
 * Checks:
 *  - a handler that sets EFLAGS.NT (nested task) in its saved registers
 *    does not get it back: sigreturn restores only the flags a program
 *    may change itself (arithmetic flags, TF, DF, AC, RF), as Linux does;
 *    the arithmetic flags it sets (CF) are restored;
 *  - a handler that leaves an unmasked x87 exception pending (division
 *    by zero with ZE unmasked) returns cleanly: the interrupted code gets
 *    its own FPU state back, computes on, and no SIGFPE is raised.
 * The saved registers are found through the ucontext of an SA_SIGINFO
 * handler, at the offsets of the i386 ABI (struct sigcontext).
 */
#include "test.h"

#define EFLAGS_CF	0x0001u
#define EFLAGS_NT	0x4000u
#define X87_CW_ZE	0x0004u		/* zero-divide exception mask bit */
#define X87_CW_DEFAULT	0x037fu		/* as after fninit */
#define UC_EFLAGS	21		/* ucontext word: uc_mcontext.eflags */

static volatile sig_atomic_t fpe_seen, handled;

static unsigned read_eflags(void)
{
	unsigned f;

	asm volatile("pushfl; popl %0" : "=r"(f));
	return f;
}

static void set_nt_and_cf(int sig, siginfo_t *info, void *ctx)
{
	unsigned *uc = ctx;

	(void)sig, (void)info;
	uc[UC_EFLAGS] |= EFLAGS_NT | EFLAGS_CF;
	handled++;
}

/* Leave a zero-divide pending: unmasked, raised, never cleared. */
static void leave_fpu_exception(int sig, siginfo_t *info, void *ctx)
{
	unsigned short cw = X87_CW_DEFAULT & ~X87_CW_ZE;

	(void)sig, (void)info, (void)ctx;
	asm volatile("fldcw %0\n\tfld1\n\tfldz\n\tfdivrp %%st, %%st(1)"
		     : : "m"(cw));			/* no x87 instruction after */
	handled++;
}

static void on_fpe(int sig)
{
	(void)sig;
	fpe_seen++;
	_exit(2);
}

static void install(int sig, void (*fn)(int, siginfo_t *, void *))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO;
	REQUIRE(sigaction(sig, &sa, NULL) == 0, "sigaction");
}

static void check_eflags(void)
{
	unsigned after;
	unsigned char carry;

	install(SIGUSR1, set_nt_and_cf);
	handled = 0;
	asm volatile("clc\n\t"
		     "movl %[nr], %%eax\n\t"
		     "int $0x80\n\t"		/* kill(getpid(), SIGUSR1) */
		     "setc %[cf]"
		     : [cf] "=q"(carry)
		     : [nr] "i"(37), "b"(getpid()), "c"(SIGUSR1)
		     : "eax", "memory", "cc");
	after = read_eflags();
	CHECK_EQ("the handler ran", handled, 1);
	CHECK_EQ("CF from the saved registers", carry, 1);
	CHECK(!(after & EFLAGS_NT), "EFLAGS.NT came back from the signal frame "
	      "(eflags %#x)", after);
}

static void check_fpu(void)
{
	volatile double x = 3.0, y;

	signal(SIGFPE, on_fpe);
	install(SIGUSR2, leave_fpu_exception);
	handled = 0;
	raise(SIGUSR2);
	y = x / 2.0 + 1.0;
	asm volatile("fwait");
	CHECK_EQ("the handler ran", handled, 1);
	CHECK(y == 2.5, "the FPU computes on after the handler");
	CHECK_EQ("SIGFPE after the handler returned", fpe_seen, 0);
}

int main(void)
{
	check_eflags();
	check_fpu();
	return test_done("sig_return_state");
}
