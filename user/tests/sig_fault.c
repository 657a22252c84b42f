/*
 * sig_fault - faults caught by handlers, and faults that must kill.
 *
 * Checks, with SA_SIGINFO handlers that leave by siglongjmp:
 *   - a read of an unmapped address: SIGSEGV, SEGV_MAPERR, si_addr the
 *     address, and trapno 14 and cr2 in the context; a jump to one
 *     likewise; a write to the program text: SEGV_ACCERR;
 *   - ud2: SIGILL, ILL_ILLOPN, si_addr the instruction;
 *   - a division by zero: SIGFPE, FPE_INTDIV, si_addr the instruction;
 *   - cli: SIGSEGV with SI_KERNEL;
 * siglongjmp to a sigsetjmp(env, 1) puts the mask back, so the same
 * fault is caught again and again; after sigsetjmp(env, 0) SIGSEGV stays
 * blocked.  Handlers that fix the context and return: the faulting load
 * retried with a good address in ebx, the division retried with a
 * non-zero divisor, ud2 skipped by moving eip, int3 simply returned from.
 * In child processes: a fault whose signal is blocked, or ignored, kills
 * with that signal without running a handler, and so does a fault inside
 * the SIGSEGV handler itself.
 */
#include <setjmp.h>
#include "sig_test.h"

#define BAD_ADDR	0x1234u		/* in the never-mapped first pages */
#define BAD_CODE_ADDR	0x2000u
#define T_PGFLT		14		/* x86 page fault vector */
#define UD2_SIZE	2
#define GOOD_VALUE	0x600dbeefu
#define DIVIDEND	1000u
#define REPEATS		3
#define EXIT_HANDLED	101		/* a handler ran that should not have */

static sigjmp_buf env;
static siginfo_t info;
static unsigned long ctx_trapno, ctx_cr2, ctx_eip;
static volatile int handled;

/* Record what the fault looked like, then jump out. */
static void jump_out(int sig, siginfo_t *si, void *ctx)
{
	const struct sigcontext *sc = &((ucontext_t *)ctx)->uc_mcontext;

	(void)sig;
	info = *si;
	ctx_trapno = sc->trapno;
	ctx_cr2 = sc->cr2;
	ctx_eip = sc->eip;
	siglongjmp(env, 1);
}

static void install(int sig, void (*fn)(int, siginfo_t *, void *))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO;
	sigaction(sig, &sa, NULL);
}

/* The faulting code (not inlined: the labels must be defined once).  The
 * labelled instructions' addresses are what si_addr should say. */
#define FAULTER	static __attribute__((noinline, noclone)) void

extern char ud2_insn[], div_insn[];

FAULTER read_bad(void)
{
	(void)*(volatile int *)BAD_ADDR;
}

FAULTER jump_bad(void)
{
	((void (*)(void))BAD_CODE_ADDR)();
}

FAULTER write_text(void)
{
	*(volatile char *)(void *)read_bad = 0;
}

FAULTER do_ud2(void)
{
	asm volatile(".globl ud2_insn\nud2_insn: ud2");
}

FAULTER do_div0(void)
{
	unsigned int lo = DIVIDEND, hi = 0, zero = 0;

	asm volatile(".globl div_insn\ndiv_insn: divl %2" : "+a"(lo), "+d"(hi) : "r"(zero));
}

FAULTER do_cli(void)
{
	asm volatile("cli");
}

static int caught(void (*fn)(void), int sig)
{
	memset(&info, 0, sizeof(info));
	install(sig, jump_out);
	if (sigsetjmp(env, 1) == 0) {
		fn();
		return 0;
	}
	return info.si_signo == sig;
}

static void check_caught(void)
{
	CHECK(caught(read_bad, SIGSEGV), "bad read not caught as SIGSEGV");
	CHECK(info.si_code == SEGV_MAPERR, "bad read: si_code %d", info.si_code);
	CHECK(info.si_addr == (void *)BAD_ADDR, "bad read: si_addr %p", info.si_addr);
	CHECK(ctx_trapno == T_PGFLT && ctx_cr2 == BAD_ADDR,
	      "bad read: context trapno %lu cr2 %#lx", ctx_trapno, ctx_cr2);

	CHECK(caught(jump_bad, SIGSEGV), "jump to %#x not caught", BAD_CODE_ADDR);
	CHECK(info.si_code == SEGV_MAPERR && info.si_addr == (void *)BAD_CODE_ADDR,
	      "bad jump: si_code %d si_addr %p", info.si_code, info.si_addr);
	CHECK(ctx_eip == BAD_CODE_ADDR, "bad jump: eip %#lx", ctx_eip);

	CHECK(caught(write_text, SIGSEGV), "write to text not caught");
	CHECK(info.si_code == SEGV_ACCERR && info.si_addr == (void *)read_bad,
	      "write to text: si_code %d si_addr %p", info.si_code, info.si_addr);

	CHECK(caught(do_ud2, SIGILL), "ud2 not caught as SIGILL");
	CHECK(info.si_code == ILL_ILLOPN && info.si_addr == (void *)ud2_insn,
	      "ud2: si_code %d si_addr %p, want %d %p", info.si_code, info.si_addr,
	      ILL_ILLOPN, (void *)ud2_insn);

	CHECK(caught(do_div0, SIGFPE), "division by zero not caught as SIGFPE");
	CHECK(info.si_code == FPE_INTDIV && info.si_addr == (void *)div_insn,
	      "div: si_code %d si_addr %p, want %d %p", info.si_code, info.si_addr,
	      FPE_INTDIV, (void *)div_insn);

	CHECK(caught(do_cli, SIGSEGV), "cli not caught as SIGSEGV");
	CHECK(info.si_code == SI_KERNEL, "cli: si_code %d, want SI_KERNEL", info.si_code);

	signal(SIGSEGV, SIG_DFL);
	signal(SIGILL, SIG_DFL);
	signal(SIGFPE, SIG_DFL);
}

static void check_mask_after_jump(void)
{
	sigset_t mask;
	volatile int n = 0;

	install(SIGSEGV, jump_out);
	for (volatile int i = 0; i < REPEATS; i++)
		if (sigsetjmp(env, 1) == 0)
			read_bad();
		else
			n++;
	CHECK(n == REPEATS, "caught %d of %d repeated faults", n, REPEATS);
	sigprocmask(SIG_BLOCK, NULL, &mask);
	CHECK(!sigismember(&mask, SIGSEGV), "SIGSEGV blocked after siglongjmp");

	if (sigsetjmp(env, 0) == 0)
		read_bad();
	sigprocmask(SIG_BLOCK, NULL, &mask);
	CHECK(sigismember(&mask, SIGSEGV) == 1,
	      "after sigsetjmp(env, 0) the handler's mask should stay");
	sigprocmask(SIG_UNBLOCK, &mask, NULL);
	signal(SIGSEGV, SIG_DFL);
}

static unsigned int good_word = GOOD_VALUE;

/* Fix the context so that the faulting instruction can go on. */
static void fix_up(int sig, siginfo_t *si, void *ctx)
{
	struct sigcontext *sc = &((ucontext_t *)ctx)->uc_mcontext;

	(void)si;
	handled++;
	if (sig == SIGSEGV)
		sc->ebx = (unsigned long)&good_word;
	else if (sig == SIGFPE)
		sc->ecx = 1;
	else if (sig == SIGILL)
		sc->eip += UD2_SIZE;
}

static void check_fix_up(void)
{
	unsigned int value, lo = DIVIDEND, hi = 0, after = 0;

	install(SIGSEGV, fix_up);
	install(SIGFPE, fix_up);
	install(SIGILL, fix_up);
	install(SIGTRAP, fix_up);

	handled = 0;
	asm volatile("movl %1, %%ebx\n\t"
		     "movl (%%ebx), %0"
		     : "=a"(value) : "i"(BAD_ADDR) : "ebx", "memory");
	CHECK(handled == 1 && value == GOOD_VALUE, "retried load gave %#x", value);

	handled = 0;
	asm volatile("xorl %%ecx, %%ecx\n\t"
		     "divl %%ecx"
		     : "+a"(lo), "+d"(hi) : : "ecx");
	CHECK(handled == 1 && lo == DIVIDEND && hi == 0, "retried division gave %u", lo);

	handled = 0;
	asm volatile("ud2\n\t"
		     "movl $1, %0" : "=r"(after));
	CHECK(handled == 1 && after == 1, "ud2 was not skipped");

	handled = 0;
	asm volatile("int3");
	CHECK(handled == 1, "int3 handler ran %d times", handled);

	signal(SIGSEGV, SIG_DFL);
	signal(SIGFPE, SIG_DFL);
	signal(SIGILL, SIG_DFL);
	signal(SIGTRAP, SIG_DFL);
}

static void must_not_run(int sig)
{
	(void)sig;
	_exit(EXIT_HANDLED);
}

/* In a child: fault with sig blocked (block) or ignored (!block). */
static void check_fault_kills(void (*fn)(void), int sig, int block)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		sigset_t set;

		if (block) {
			signal(sig, must_not_run);
			sigemptyset(&set);
			sigaddset(&set, sig);
			sigprocmask(SIG_BLOCK, &set, NULL);
		} else {
			signal(sig, SIG_IGN);
		}
		fn();
		_exit(EXIT_SURVIVED);
	}
	CHECK(child_killed_by(pid, sig), "fault with signal %d %s did not kill", sig,
	      block ? "blocked" : "ignored");
}

static void fault_again(int sig)
{
	(void)sig;
	read_bad();
}

static void check_nested_fault(void)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		signal(SIGSEGV, fault_again);
		read_bad();
		_exit(EXIT_SURVIVED);
	}
	CHECK(child_killed_by(pid, SIGSEGV), "a fault in the SIGSEGV handler did not kill");
}

int main(void)
{
	check_caught();
	check_mask_after_jump();
	check_fix_up();
	check_fault_kills(read_bad, SIGSEGV, 1);
	check_fault_kills(read_bad, SIGSEGV, 0);
	check_fault_kills(do_ud2, SIGILL, 1);
	check_fault_kills(do_div0, SIGFPE, 0);
	check_nested_fault();
	return test_done("sig_fault");
}
