/*
 * sig_regs - a handler may run between any two instructions, and after
 * sigreturn the interrupted code finds every register as it was.
 *
 * reg_loop (assembly below) loads known values into eax, ebx, ecx, edx,
 * esi, edi and ebp, sets CF PF AF ZF SF DF OF, puts two values on the
 * x87 stack, and loops checking them all (and esp) until a handler
 * points reg_next at its exit.  A child sends it SIGUSR1 and SIGUSR2
 * after random delays, so the signals land at random points (on Relay,
 * wherever the timer preempted the loop):
 *   - SIGUSR1 runs a C SA_SIGINFO handler (rt_sigreturn), which also
 *     checks the registers saved in its ucontext when the loop was hit,
 *     and does x87 arithmetic;
 *   - SIGUSR2 runs an assembly handler (sigreturn) that trashes every
 *     general register, sets DF and other flags, and leaves junk on the
 *     x87 stack before it returns.
 * Both check that DF is clear when they start.
 *
 * Then: a handler that edits its ucontext changes what the interrupted
 * code sees (eax, CF, DF), but cannot give it IOPL 3; and system calls
 * made with DF set (getpid, fork) work and keep DF set.
 */
#include <sched.h>
#include <uapi/unistd_32.h>
#include "sig_test.h"

#define V_EAX		0x11111111
#define V_EBX		0x22222222
#define V_ECX		0x33333333
#define V_EDX		0x44444444
#define V_ESI		0x55555555
#define V_EDI		0x66666666
#define V_EBP		0x77777777
#define JUNK		0xdeadbeef

#define EFLAGS_CF	0x0001
#define EFLAGS_FIXED	0x0002		/* bit 1 always reads 1 */
#define EFLAGS_PF	0x0004
#define EFLAGS_AF	0x0010
#define EFLAGS_ZF	0x0040
#define EFLAGS_SF	0x0080
#define EFLAGS_IF	0x0200
#define EFLAGS_DF	0x0400
#define EFLAGS_OF	0x0800
#define EFLAGS_IOPL	0x3000
/* Plain numbers, for the assembly: the flags the loop sets, and what
 * pushfl then reads (interrupts are always enabled in user mode). */
#define LOOP_FLAGS	0x0cd5
#define LOOP_EFLAGS	0x0ed7
_Static_assert(LOOP_FLAGS == (EFLAGS_CF | EFLAGS_PF | EFLAGS_AF | EFLAGS_ZF | EFLAGS_SF |
			      EFLAGS_DF | EFLAGS_OF), "LOOP_FLAGS");
_Static_assert(LOOP_EFLAGS == (LOOP_FLAGS | EFLAGS_IF | EFLAGS_FIXED), "LOOP_EFLAGS");

#define SIGNALS		60		/* sent by the child */
#define MAX_SPIN	200000		/* longest random delay, in loop turns */
#define TIME_LIMIT	20		/* seconds before SIGALRM ends a hang */
#define LCG_MUL		1103515245u
#define LCG_ADD		12345u
#define FP_A		1234.5678
#define FP_B		-0.001953125
#define CTX_EAX		0x5a5a5a5a

#define STR_(x)		#x
#define STR(x)		STR_(x)

/* reg_loop's results: 0, or which check failed (numbers, for the asm). */
#define LOOP_OK		0
#define BAD_FLAGS	1
#define BAD_EAX		2
#define BAD_EBX		3
#define BAD_ECX		4
#define BAD_EDX		5
#define BAD_ESI		6
#define BAD_EDI		7
#define BAD_EBP		8
#define BAD_ESP		9
#define N_RESULTS	10

static const char *const result_names[N_RESULTS] = {
	"ok", "eflags", "eax", "ebx", "ecx", "edx", "esi", "edi", "ebp", "esp",
};

/* Shared with the assembly (hence not static). */
void *volatile reg_next;		/* where the loop jumps next */
volatile unsigned long reg_esp_check;	/* esp inside the check */
volatile double reg_fp_in[2] = { FP_A, FP_B };
volatile double reg_fp_out[2];
volatile int usr2_hits;
volatile int df_set_in_handler;
extern char reg_loop_head[], reg_loop_end[], reg_loop_done[];
int reg_loop(void);
void trash_handler(int sig);

asm(".text\n"
    ".globl reg_loop\n"
    "reg_loop:\n"
    "	pushl %ebp\n"
    "	pushl %ebx\n"
    "	pushl %esi\n"
    "	pushl %edi\n"
    "	pushfl\n"
    "	fldl reg_fp_in\n"
    "	fldl reg_fp_in + 8\n"
    "	leal -4(%esp), %eax\n"
    "	movl %eax, reg_esp_check\n"
    "	movl $" STR(V_EAX) ", %eax\n"
    "	movl $" STR(V_EBX) ", %ebx\n"
    "	movl $" STR(V_ECX) ", %ecx\n"
    "	movl $" STR(V_EDX) ", %edx\n"
    "	movl $" STR(V_ESI) ", %esi\n"
    "	movl $" STR(V_EDI) ", %edi\n"
    "	movl $" STR(V_EBP) ", %ebp\n"
    "	pushl $" STR(LOOP_FLAGS) "\n"
    "	popfl\n"
    ".globl reg_loop_head\n"
    "reg_loop_head:\n"
    "	pushfl\n"
    "	cmpl $" STR(LOOP_EFLAGS) ", (%esp)\n"
    "	jne 1f\n"
    "	cmpl $" STR(V_EAX) ", %eax\n"
    "	jne 2f\n"
    "	cmpl $" STR(V_EBX) ", %ebx\n"
    "	jne 3f\n"
    "	cmpl $" STR(V_ECX) ", %ecx\n"
    "	jne 4f\n"
    "	cmpl $" STR(V_EDX) ", %edx\n"
    "	jne 5f\n"
    "	cmpl $" STR(V_ESI) ", %esi\n"
    "	jne 6f\n"
    "	cmpl $" STR(V_EDI) ", %edi\n"
    "	jne 7f\n"
    "	cmpl $" STR(V_EBP) ", %ebp\n"
    "	jne 8f\n"
    "	cmpl reg_esp_check, %esp\n"
    "	jne 9f\n"
    "	popfl\n"
    "	.rept 64\n"
    "	nop\n"
    "	.endr\n"
    "	jmp *reg_next\n"
    ".globl reg_loop_end\n"
    "reg_loop_end:\n"
    "1:	movl $" STR(BAD_FLAGS) ", %eax\n"
    "	jmp 10f\n"
    "2:	movl $" STR(BAD_EAX) ", %eax\n"
    "	jmp 10f\n"
    "3:	movl $" STR(BAD_EBX) ", %eax\n"
    "	jmp 10f\n"
    "4:	movl $" STR(BAD_ECX) ", %eax\n"
    "	jmp 10f\n"
    "5:	movl $" STR(BAD_EDX) ", %eax\n"
    "	jmp 10f\n"
    "6:	movl $" STR(BAD_ESI) ", %eax\n"
    "	jmp 10f\n"
    "7:	movl $" STR(BAD_EDI) ", %eax\n"
    "	jmp 10f\n"
    "8:	movl $" STR(BAD_EBP) ", %eax\n"
    "	jmp 10f\n"
    "9:	movl $" STR(BAD_ESP) ", %eax\n"
    "10:	addl $4, %esp\n"		/* the flags pushed for the check */
    "	jmp 11f\n"
    ".globl reg_loop_done\n"
    "reg_loop_done:\n"
    "	movl $" STR(LOOP_OK) ", %eax\n"
    "11:	fstpl reg_fp_out + 8\n"
    "	fstpl reg_fp_out\n"
    "	popfl\n"
    "	popl %edi\n"
    "	popl %esi\n"
    "	popl %ebx\n"
    "	popl %ebp\n"
    "	ret\n"
    "\n"
    /* SIGUSR2: leaves every register, the flags and the x87 stack in a mess. */
    ".globl trash_handler\n"
    "trash_handler:\n"
    "	pushfl\n"
    "	testl $" STR(EFLAGS_DF) ", (%esp)\n"
    "	jz 1f\n"
    "	incl df_set_in_handler\n"
    "1:	addl $4, %esp\n"
    "	incl usr2_hits\n"
    "	fldz\n"
    "	fld1\n"
    "	fldpi\n"
    "	movl $" STR(JUNK) ", %eax\n"
    "	movl %eax, %ebx\n"
    "	movl %eax, %ecx\n"
    "	movl %eax, %edx\n"
    "	movl %eax, %esi\n"
    "	movl %eax, %edi\n"
    "	movl %eax, %ebp\n"
    "	std\n"
    "	xorl %eax, %eax\n"		/* ZF set, CF clear */
    "	ret\n");

static volatile int usr1_hits, usr1_in_loop, context_wrong;
static volatile double fp_scratch;

static int dflag_set(void)
{
	unsigned long flags;

	asm volatile("pushfl; popl %0" : "=r"(flags));
	return (flags & EFLAGS_DF) != 0;
}

/* SIGUSR1: if the loop was interrupted, its registers are in the frame. */
static void check_handler(int sig, siginfo_t *info, void *ctx)
{
	const struct sigcontext *sc = &((ucontext_t *)ctx)->uc_mcontext;

	(void)sig, (void)info;
	if (dflag_set())
		df_set_in_handler++;
	usr1_hits++;
	if (sc->eip >= (unsigned long)reg_loop_head && sc->eip < (unsigned long)reg_loop_end) {
		usr1_in_loop++;
		if (sc->eax != V_EAX || sc->ebx != V_EBX || sc->ecx != V_ECX ||
		    sc->edx != V_EDX || sc->esi != V_ESI || sc->edi != V_EDI ||
		    sc->ebp != V_EBP || (sc->eflags & EFLAGS_DF) == 0)
			context_wrong++;
	}
	fp_scratch = fp_scratch * FP_B + FP_A;
}

static void stop_loop(int sig)
{
	(void)sig;
	reg_next = reg_loop_done;
}

/* The child: SIGNALS signals at random moments, then SIGHUP. */
static _Noreturn void send_signals(int ready_fd)
{
	unsigned int seed = (unsigned int)getpid();
	pid_t parent = getppid();
	char c;

	if (read(ready_fd, &c, 1) != 1)
		_exit(EXIT_CHILD_FAILED);
	for (int i = 0; i < SIGNALS; i++) {
		seed = seed * LCG_MUL + LCG_ADD;
		for (volatile unsigned int n = seed % MAX_SPIN; n; n--)
			;
		kill(parent, i % 2 ? SIGUSR2 : SIGUSR1);
		sched_yield();
	}
	kill(parent, SIGHUP);
	_exit(0);
}

static void check_register_loop(void)
{
	struct sigaction sa;
	int fds[2], result;
	pid_t pid;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = check_handler;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGUSR2, trash_handler);
	signal(SIGHUP, stop_loop);
	reg_next = reg_loop_head;
	if (pipe(fds) < 0) {
		CHECK(0, "pipe");
		return;
	}
	pid = test_fork();
	if (pid == 0) {
		close(fds[1]);
		send_signals(fds[0]);
	}
	close(fds[0]);
	alarm(TIME_LIMIT);
	write(fds[1], "go", 1);
	result = reg_loop();
	alarm(0);
	close(fds[1]);
	CHECK(child_ok(pid), "the signalling child failed");
	CHECK(result == LOOP_OK, "after a handler the loop found %s wrong",
	      result >= 0 && result < N_RESULTS ? result_names[result] : "?");
	CHECK(reg_fp_out[0] == FP_A && reg_fp_out[1] == FP_B,
	      "x87 registers changed: %f %f", reg_fp_out[0], reg_fp_out[1]);
	CHECK(usr1_hits > 0 && usr2_hits > 0, "handlers ran %d and %d times", usr1_hits,
	      usr2_hits);
	CHECK(usr1_in_loop > 0, "no SIGUSR1 interrupted the loop (%d handled)", usr1_hits);
	CHECK(!context_wrong, "%d ucontexts had wrong loop registers", context_wrong);
	CHECK(!df_set_in_handler, "DF was set on entry to %d handlers", df_set_in_handler);
	printf("sig_regs: %d + %d signals handled, %d in the loop\n", usr1_hits, usr2_hits,
	       usr1_in_loop);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
}

/* Sets eax, CF and DF (and tries IOPL 3) in the interrupted context. */
static void edit_context(int sig, siginfo_t *info, void *ctx)
{
	struct sigcontext *sc = &((ucontext_t *)ctx)->uc_mcontext;

	(void)sig, (void)info;
	sc->eax = CTX_EAX;
	sc->eflags |= EFLAGS_CF | EFLAGS_DF | EFLAGS_IOPL;
}

static void check_context_edit(void)
{
	struct sigaction sa;
	unsigned long eax, flags;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = edit_context;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	/* kill(getpid(), SIGUSR1) straight from here, with CF and DF clear. */
	asm volatile("cld\n\t"
		     "clc\n\t"
		     "int $0x80\n\t"
		     "pushfl\n\t"
		     "popl %1\n\t"
		     "cld"
		     : "=a"(eax), "=r"(flags)
		     : "a"(__NR_kill), "b"(getpid()), "c"(SIGUSR1)
		     : "memory", "cc");
	CHECK(eax == CTX_EAX, "eax %#lx, want the %#x set in the context", eax, CTX_EAX);
	CHECK((flags & (EFLAGS_CF | EFLAGS_DF)) == (EFLAGS_CF | EFLAGS_DF),
	      "CF/DF from the context not applied: eflags %#lx", flags);
	CHECK((flags & EFLAGS_IOPL) == 0, "sigreturn raised IOPL: eflags %#lx", flags);
	signal(SIGUSR1, SIG_DFL);
}

/* System calls with DF set: the kernel must not trip over it, nor
 * clear it for us. */
static void check_syscall_df(void)
{
	long ret, pid;
	unsigned long flags;
	int status;

	asm volatile("std\n\t"
		     "int $0x80\n\t"
		     "pushfl\n\t"
		     "popl %1\n\t"
		     "cld"
		     : "=a"(ret), "=r"(flags) : "a"(__NR_getpid) : "memory", "cc");
	CHECK(ret == getpid(), "getpid with DF set gave %ld", ret);
	CHECK(flags & EFLAGS_DF, "a system call cleared the caller's DF");

	fflush(stdout);
	asm volatile("std\n\t"
		     "int $0x80\n\t"
		     "cld"
		     : "=a"(pid) : "a"(__NR_fork) : "memory", "cc");
	if (pid == 0)
		_exit(0);
	CHECK(pid > 0, "fork with DF set failed: %ld", pid);
	if (pid > 0) {
		status = wait_status((pid_t)pid);
		CHECK(status == 0, "child forked with DF set: status %#x", status);
	}
}

int main(void)
{
	check_register_loop();
	check_context_edit();
	check_syscall_df();
	return test_done("sig_regs");
}
