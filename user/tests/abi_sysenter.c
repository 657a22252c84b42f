/*
 * abi_sysenter - the fast system call entry that exec passes as
 * AT_SYSINFO (Linux's __kernel_vsyscall; Relay's vsyscall page).
 *
 *  - it is there, and a call through it returns what int 0x80 returns;
 *  - it keeps every register but eax (ebx, ecx, edx, esi, edi, ebp);
 *  - a call with six arguments gets the sixth (ebp) right: pselect6's
 *    sixth is a struct whose bad size fails EINVAL;
 *  - a signal that interrupts a blocking call made through it runs its
 *    handler; with SA_RESTART the call is restarted and finishes with its
 *    own arguments, without it fails EINTR;
 *  - a child forked through it returns through it;
 *  - its page is shared read-only: a write to it is SIGSEGV, and one
 *    made writable with mprotect (a private copy; Linux may refuse) and
 *    overwritten changes nothing for another process;
 *  - sysenter run directly works as a call through the entry (except
 *    under a 64-bit Linux on AMD, where it is an illegal instruction);
 *  - sysenter run directly with a stack pointer (ebp) that cannot be read
 *    kills the caller with SIGSEGV - and only the caller;
 *  - sysenter run directly with the trap flag set returns, and the
 *    kernel lives (the single step may be lost or reported: Linux and
 *    Relay may differ, so either is accepted).
 */
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include "test.h"

#define NR_GETPID	20		/* Linux i386 numbers */
#define NR_READ		3
#define NR_FORK		2
#define NR_KILL		37
#define NR_PSELECT6	308
#define EFLAGS_TF	0x100
#define BAD_STACK	0x10		/* in the never-mapped first page */
#define DELAY_MS	100
#define KERNEL_SIGSET	8		/* pselect6's sigset size */
#define PAGE		4096
#define INT3		0xcc		/* a breakpoint: a call would trap */
#define NR_EXIT		1
#define EXIT_NO_MPROTECT 2		/* Linux: the vDSO may not be made writable */

/* entry_call(entry, nr, args[6]): the call through the entry. */
long entry_call(void *entry, long nr, const long args[6]);
/* regs_changed(entry): getpid through the entry with known values in
 * the other registers; a bit per register that came back changed. */
int regs_changed(void *entry);
/* direct_sysenter(frame, eflags): getpid with sysenter itself, ebp =
 * frame, which holds what the return path pops (ebp, edx, ecx, the
 * return address); eflags is or-ed into the flags first. */
long direct_sysenter(unsigned long *frame, unsigned long eflags);

asm(".text\n"
    ".globl entry_call\n"
    "entry_call:\n"
    "	push %ebp\n"
    "	push %ebx\n"
    "	push %esi\n"
    "	push %edi\n"
    "	mov 28(%esp), %edi\n"
    "	mov 0(%edi), %ebx\n"
    "	mov 4(%edi), %ecx\n"
    "	mov 8(%edi), %edx\n"
    "	mov 12(%edi), %esi\n"
    "	mov 20(%edi), %ebp\n"
    "	mov 16(%edi), %edi\n"
    "	mov 24(%esp), %eax\n"
    "	call *20(%esp)\n"
    "	pop %edi\n"
    "	pop %esi\n"
    "	pop %ebx\n"
    "	pop %ebp\n"
    "	ret\n"
    ".globl regs_changed\n"
    "regs_changed:\n"
    "	push %ebp\n"
    "	push %ebx\n"
    "	push %esi\n"
    "	push %edi\n"
    "	mov $0x11111111, %ebx\n"
    "	mov $0x22222222, %ecx\n"
    "	mov $0x33333333, %edx\n"
    "	mov $0x44444444, %esi\n"
    "	mov $0x55555555, %edi\n"
    "	mov $0x66666666, %ebp\n"
    "	mov $20, %eax\n"
    "	call *20(%esp)\n"
    "	xor %eax, %eax\n"
    "	cmp $0x11111111, %ebx\n"
    "	je 1f\n"
    "	or $1, %eax\n"
    "1:	cmp $0x22222222, %ecx\n"
    "	je 1f\n"
    "	or $2, %eax\n"
    "1:	cmp $0x33333333, %edx\n"
    "	je 1f\n"
    "	or $4, %eax\n"
    "1:	cmp $0x44444444, %esi\n"
    "	je 1f\n"
    "	or $8, %eax\n"
    "1:	cmp $0x55555555, %edi\n"
    "	je 1f\n"
    "	or $16, %eax\n"
    "1:	cmp $0x66666666, %ebp\n"
    "	je 1f\n"
    "	or $32, %eax\n"
    "1:	pop %edi\n"
    "	pop %esi\n"
    "	pop %ebx\n"
    "	pop %ebp\n"
    "	ret\n"
    ".globl direct_sysenter\n"
    "direct_sysenter:\n"
    "	push %ebp\n"
    "	push %ebx\n"
    "	push %esi\n"
    "	push %edi\n"
    "	mov 20(%esp), %ecx\n"
    "	mov 24(%esp), %edx\n"
    "	cmp $0x1000, %ecx\n"
    "	jb 2f\n"
    "	mov %esp, 0(%ecx)\n"
    "	movl $1f, 12(%ecx)\n"
    "2:	mov %ecx, %ebp\n"
    "	pushf\n"
    "	or %edx, (%esp)\n"
    "	mov $20, %eax\n"
    "	popf\n"
    "	sysenter\n"
    "1:	mov %ebp, %esp\n"
    "	pop %edi\n"
    "	pop %esi\n"
    "	pop %ebx\n"
    "	pop %ebp\n"
    "	ret\n");

static void *entry;
static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

static void check_basics(void)
{
	long args[6] = { 0 };

	CHECK_EQ("getpid through the entry", entry_call(entry, NR_GETPID, args), getpid());
	CHECK_EQ("registers changed by a call (bit per ebx ecx edx esi edi ebp)",
		 regs_changed(entry), 0);
	args[0] = -1;
	CHECK_EQ("read of fd -1 through the entry", entry_call(entry, NR_READ, args), -EBADF);
}

/* pselect6's sixth argument: { sigset pointer, its size }. */
static void check_sixth_argument(void)
{
	struct timespec zero = { 0, 0 };
	unsigned long mask[2] = { 0, 0 };
	struct { unsigned long *set; unsigned long size; } sig = { mask, KERNEL_SIGSET };
	long args[6] = { 0, 0, 0, 0, (long)&zero, (long)&sig };

	CHECK_EQ("pselect6 with a good sixth argument", entry_call(entry, NR_PSELECT6, args), 0);
	sig.size = KERNEL_SIGSET - 1;
	CHECK_EQ("pselect6 with a bad sigset size in the sixth",
		 entry_call(entry, NR_PSELECT6, args), -EINVAL);
}

/* A read through the entry, interrupted by SIGUSR1 from a child, which
 * then writes "ok".  The raw result. */
static long interrupted_read(int flags, char *buf)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = flags };
	int fds[2];
	long args[6] = { 0 }, ret;
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	REQUIRE(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction");
	handled = 0;
	pid = test_fork();
	if (pid == 0) {
		sleep_ms(DELAY_MS);
		kill(getppid(), SIGUSR1);
		sleep_ms(DELAY_MS);
		_exit(write(fds[1], "ok", 2) == 2 ? 0 : 1);
	}
	args[0] = fds[0];
	args[1] = (long)buf;
	args[2] = 16;
	ret = entry_call(entry, NR_READ, args);
	CHECK(child_ok(pid), "writer child failed");
	CHECK_EQ("handler runs", handled, 1);
	close(fds[0]);
	close(fds[1]);
	return ret;
}

static void check_restart(void)
{
	char buf[16] = "";

	CHECK_EQ("SA_RESTART read through the entry", interrupted_read(SA_RESTART, buf), 2);
	CHECK(memcmp(buf, "ok", 2) == 0, "restarted read: wrong data");
	CHECK_EQ("read through the entry without SA_RESTART", interrupted_read(0, buf), -EINTR);
}

static void check_fork(void)
{
	long args[6] = { 0 }, pid = entry_call(entry, NR_FORK, args);

	if (pid == 0)
		_exit(regs_changed(entry) == 0 ? 0 : 1);
	REQUIRE(pid > 0, "fork through the entry: %ld", pid);
	CHECK(child_ok((pid_t)pid), "child forked through the entry failed");
}

static unsigned char *entry_page(void)
{
	return (unsigned char *)((unsigned long)entry & ~(unsigned long)(PAGE - 1));
}

static void write_child(void *arg)
{
	(void)arg;
	*(volatile unsigned char *)entry = INT3;
	_exit(0);
}

/* Overwrite a private copy of the page, and exit with int 0x80 (the
 * entry is breakpoints now).  Linux may refuse the mprotect: exit 2. */
static void overwrite_child(void *arg)
{
	(void)arg;
	if (mprotect(entry_page(), PAGE, PROT_READ | PROT_WRITE | PROT_EXEC) < 0)
		_exit(EXIT_NO_MPROTECT);
	memset(entry_page(), INT3, PAGE);
	asm volatile("int $0x80" : : "a"(NR_EXIT), "b"(0));
}

/* The page is one for all: no process may change it for another. */
static void check_page_shared(void)
{
	long args[6] = { 0 };
	int status = run_child(write_child, NULL);

	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "a write to the entry's page: wait status %#x, not SIGSEGV", status);
	status = run_child(overwrite_child, NULL);
	CHECK(WIFEXITED(status) && (WEXITSTATUS(status) == 0 ||
				    (WEXITSTATUS(status) == EXIT_NO_MPROTECT && free_frames() < 0)),
	      "overwriting a private copy of the page: wait status %#x", status);
	CHECK_EQ("getpid through the entry after another process overwrote it",
		 entry_call(entry, NR_GETPID, args), getpid());
}

static void bad_stack_child(void *arg)
{
	(void)arg;
	direct_sysenter((unsigned long *)BAD_STACK, 0);
	_exit(0);
}

static void trap_flag_child(void *arg)
{
	static unsigned long frame[4];

	(void)arg;
	signal(SIGTRAP, SIG_DFL);
	CHECK_EQ("getpid by sysenter with the trap flag set",
		 direct_sysenter(frame, EFLAGS_TF), getpid());
}

static void direct_child(void *arg)
{
	static unsigned long frame[4];

	(void)arg;
	CHECK_EQ("getpid by sysenter itself", direct_sysenter(frame, 0), getpid());
}

/* sysenter itself.  A 32-bit process under a 64-bit Linux on an AMD CPU
 * cannot run it (SIGILL; its vsyscall uses syscall instead): there only,
 * these checks cannot be made. */
static void check_direct(void)
{
	int status = run_child(direct_child, NULL);

	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGILL && free_frames() < 0) {
		printf("sysenter is an illegal instruction here (a 64-bit Linux "
		       "on AMD?): the direct sysenter checks cannot run\n");
		return;
	}
	CHECK(status == 0, "sysenter itself: wait status %#x", status);
	status = run_child(bad_stack_child, NULL);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "sysenter with an unreadable stack: wait status %#x, not SIGSEGV", status);
	status = run_child(trap_flag_child, NULL);
	CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0) ||
	      (WIFSIGNALED(status) && WTERMSIG(status) == SIGTRAP),
	      "sysenter with the trap flag: wait status %#x", status);
}

int main(void)
{
	entry = (void *)getauxval(AT_SYSINFO);
	REQUIRE(entry != NULL, "no AT_SYSINFO in the auxiliary vector");
	check_basics();
	check_sixth_argument();
	check_restart();
	check_fork();
	check_page_shared();
	check_direct();
	return test_done("abi_sysenter");
}
