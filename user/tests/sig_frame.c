/*
 * sig_frame - signal frames that cannot be written or read back.
 *
 * Each case runs in a child, which must die of SIGSEGV; the test itself
 * goes on, and forks a normal child at the end to show the system is
 * fine.  Checks:
 *   - a signal with a handler arrives while esp is garbage (unmapped,
 *     in the kernel half, zero, or in the read-only program text): the
 *     kernel cannot push the frame and kills with SIGSEGV - also when
 *     SIGSEGV has a handler too; both when the process raises the signal
 *     itself (kill from inline assembly) and when another process sends
 *     it while the bad-esp process spins;
 *   - rt_sigreturn and sigreturn with esp pointing at unmapped memory;
 *   - a handler that writes the kernel's code selector into its saved
 *     context does not get ring 0: the privileged cli after sigreturn
 *     still faults.
 */
#include <uapi/unistd_32.h>
#include "sig_test.h"

#define UNMAPPED_SP	0x00100000u
#define KERNEL_SP	0xc0001000u
#define PAGE_SIZE	4096u
#define KERNEL_CS	0x08		/* Relay's; on Linux also a ring-0 selector */
#define SPIN_START_MS	50		/* time for the child to start spinning */
#define DEATH_WAIT_MS	2000		/* how long a child may take to die */

static void handler(int sig)
{
	(void)sig;
}

static void install_handlers(void)
{
	signal(SIGUSR1, handler);
	signal(SIGSEGV, handler);
}

/* esp = sp, then kill(self, SIGUSR1); exit if that returns. */
static _Noreturn void raise_with_sp(unsigned long sp)
{
	asm volatile("movl %0, %%esp\n\t"
		     "int $0x80\n\t"
		     "movl %4, %%eax\n\t"
		     "movl %5, %%ebx\n\t"
		     "int $0x80"
		     : : "r"(sp), "a"(__NR_kill), "b"(getpid()), "c"(SIGUSR1),
		       "i"(__NR_exit), "i"(EXIT_SURVIVED) : "memory");
	__builtin_unreachable();
}

/* esp = sp, then spin until a signal comes. */
static _Noreturn void spin_with_sp(unsigned long sp)
{
	asm volatile("movl %0, %%esp\n\t"
		     "1: jmp 1b" : : "r"(sp) : "memory");
	__builtin_unreachable();
}

/* rt_sigreturn or sigreturn with esp = sp. */
static _Noreturn void sigreturn_with_sp(long nr, unsigned long sp)
{
	asm volatile("movl %0, %%esp\n\t"
		     "int $0x80\n\t"
		     "movl %2, %%eax\n\t"
		     "movl %3, %%ebx\n\t"
		     "int $0x80"
		     : : "r"(sp), "a"(nr), "i"(__NR_exit), "i"(EXIT_SURVIVED) : "memory");
	__builtin_unreachable();
}

/* The top of the page that holds this function: a frame pushed below it
 * lands in read-only text. */
static unsigned long text_sp(void)
{
	return ((unsigned long)text_sp & ~(PAGE_SIZE - 1)) + PAGE_SIZE;
}

/* Wait up to DEATH_WAIT_MS for pid to die of sig; kill it if it lives. */
static int dies_of(pid_t pid, int sig)
{
	int status;

	for (int waited = 0; waited < DEATH_WAIT_MS; waited += POLL_MS) {
		pid_t got = waitpid(pid, &status, WNOHANG);

		if (got == pid)
			return WIFSIGNALED(status) && WTERMSIG(status) == sig;
		if (got < 0)
			return 0;
		sleep_ms(POLL_MS);
	}
	kill(pid, SIGKILL);
	wait_status(pid);
	return 0;
}

static void check_raise_with(unsigned long sp)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		install_handlers();
		raise_with_sp(sp);
	}
	CHECK(dies_of(pid, SIGSEGV), "signal with esp %#lx: no SIGSEGV", sp);
}

static void check_sent_to(unsigned long sp)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		install_handlers();
		spin_with_sp(sp);
	}
	sleep_ms(SPIN_START_MS);
	kill(pid, SIGUSR1);
	CHECK(dies_of(pid, SIGSEGV), "signal sent while esp %#lx: no SIGSEGV", sp);
}

static void check_sigreturn(long nr, const char *name)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		install_handlers();
		sigreturn_with_sp(nr, UNMAPPED_SP);
	}
	CHECK(dies_of(pid, SIGSEGV), "%s with esp %#x: no SIGSEGV", name, UNMAPPED_SP);
}

static void kernel_cs(int sig, siginfo_t *info, void *ctx)
{
	struct sigcontext *sc = &((ucontext_t *)ctx)->uc_mcontext;

	(void)sig, (void)info;
	sc->cs = KERNEL_CS;
}

static void check_kernel_cs(void)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = kernel_cs;
		sa.sa_flags = SA_SIGINFO;
		sigaction(SIGUSR1, &sa, NULL);
		raise(SIGUSR1);
		asm volatile("cli");
		_exit(EXIT_SURVIVED);
	}
	CHECK(dies_of(pid, SIGSEGV), "sigreturn to a kernel code selector: no SIGSEGV");
}

int main(void)
{
	const unsigned long bad_sps[] = { UNMAPPED_SP, KERNEL_SP, 0, text_sp() };
	pid_t pid;

	for (unsigned i = 0; i < sizeof(bad_sps) / sizeof(bad_sps[0]); i++) {
		check_raise_with(bad_sps[i]);
		check_sent_to(bad_sps[i]);
	}
	check_sigreturn(__NR_rt_sigreturn, "rt_sigreturn");
	check_sigreturn(__NR_sigreturn, "sigreturn");
	check_kernel_cs();

	pid = test_fork();
	if (pid == 0)
		_exit(0);
	CHECK(child_ok(pid), "a normal child afterwards failed");
	return test_done("sig_frame");
}
