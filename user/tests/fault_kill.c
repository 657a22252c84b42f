/*
 * fault_kill - a process that faults is killed with the signal Linux
 * sends for that fault, and nothing else is disturbed.
 *
 * Each child does one forbidden thing: a NULL dereference, a write to the
 * kernel half, a write to its own code, a jump to an unmapped address,
 * privileged instructions (cli, hlt, in, out), ud2, a division by zero,
 * int3, into with overflow set, a software interrupt through a kernel-only
 * gate, runaway recursion.  The parent checks that waitpid reports
 * WIFSIGNALED with the expected WTERMSIG for each, then that it can still
 * fork and reap a normal child.
 */
#include "test.h"

#define KERNEL_ADDR	0xC0100000u
#define UNMAPPED_ADDR	0x50000000u
#define RECURSION_PAD	1024

struct fault {
	const char *name;
	void (*fn)(void);
	int sig;
};

static void null_read(void)
{
	(void)*(volatile int *)0;
}

static void kernel_write(void)
{
	*(volatile int *)KERNEL_ADDR = 1;
}

static void text_write(void)
{
	*(volatile unsigned char *)(void *)null_read = 0xc3;
}

static void jump_unmapped(void)
{
	((void (*)(void))UNMAPPED_ADDR)();
}

static void do_cli(void)
{
	asm volatile("cli");
}

static void do_hlt(void)
{
	asm volatile("hlt");
}

static void do_in(void)
{
	unsigned char v;

	asm volatile("inb $0x60, %0" : "=a"(v));
}

static void do_out(void)
{
	asm volatile("outb %0, $0x80" : : "a"((unsigned char)0));
}

static void do_ud2(void)
{
	asm volatile("ud2");
}

static void divide_by_zero(void)
{
	unsigned int lo = 1, hi = 0, zero = 0;

	asm volatile("divl %2" : "+a"(lo), "+d"(hi) : "r"(zero));
}

static void do_int3(void)
{
	asm volatile("int3");
}

static void do_into(void)
{
	/* 0x7fffffff + 1 sets OF; into then raises the overflow trap. */
	asm volatile("movl $0x7fffffff, %%eax\n\t"
		     "addl $1, %%eax\n\t"
		     ".byte 0xce" : : : "eax", "cc");
}

static void int_kernel_gate(void)
{
	asm volatile("int $0x0d");	/* DPL 0 gate: general protection */
}

/* Far deeper than any stack may grow; volatile so it is not folded. */
static volatile int recursion_limit = 1 << 30;

static int recurse(int n)
{
	volatile char pad[RECURSION_PAD];

	if (n == recursion_limit)
		return 0;
	pad[0] = (char)n;
	return recurse(n + 1) + pad[0];
}

static void stack_overflow(void)
{
	recurse(0);
}

static const struct fault faults[] = {
	{ "NULL read", null_read, SIGSEGV },
	{ "kernel address write", kernel_write, SIGSEGV },
	{ "write to program text", text_write, SIGSEGV },
	{ "jump to unmapped address", jump_unmapped, SIGSEGV },
	{ "cli", do_cli, SIGSEGV },
	{ "hlt", do_hlt, SIGSEGV },
	{ "in", do_in, SIGSEGV },
	{ "out", do_out, SIGSEGV },
	{ "ud2", do_ud2, SIGILL },
	{ "divide by zero", divide_by_zero, SIGFPE },
	{ "int3", do_int3, SIGTRAP },
	{ "into", do_into, SIGSEGV },
	{ "int 0x0d", int_kernel_gate, SIGSEGV },
	{ "stack overflow", stack_overflow, SIGSEGV },
};

#define NFAULTS	(sizeof(faults) / sizeof(faults[0]))

static void run_fault(void *f)
{
	((const struct fault *)f)->fn();
}

/* Run f in a child; check that it dies of the expected signal. */
static void check_fault(const struct fault *f)
{
	int status = run_child(run_fault, (void *)f);

	CHECK(status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == f->sig,
	      "%s (got status %#x, expected killed by signal %d)", f->name,
	      status, f->sig);
}

static void check_normal_child(void)
{
	pid_t pid = test_fork();

	if (pid == 0)
		_exit(0);
	CHECK_EXIT("normal child afterwards", pid, 0);
}

int main(void)
{
	for (unsigned i = 0; i < NFAULTS; i++)
		check_fault(&faults[i]);
	check_normal_child();
	return test_done("fault_kill");
}
