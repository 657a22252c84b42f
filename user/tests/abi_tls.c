/*
 * abi_tls - set_thread_area (243) and get_thread_area (244) as Linux i386
 * has them: three TLS slots, 6..8 (selectors 0x33, 0x3b, 0x43); entry
 * -1 picks the first free slot and writes it back; only 32-bit present
 * data segments; EINVAL, ESRCH, EFAULT as Linux.  A segment loaded into
 * %gs reads memory at its base; it survives a switch, is inherited by
 * fork, is kept for a signal handler and put back by sigreturn (glibc
 * reads its canary at %gs:0x14 in handlers), and exec clears the slots.
 */
#include <sched.h>
#include <sys/syscall.h>
#include "test.h"

#define TLS_MIN		6
#define TLS_MAX		8
#define SEL(idx)	((idx) << 3 | 3)

/* Linux's struct user_desc (asm/ldt.h). */
struct tls_desc {
	unsigned int entry_number;
	unsigned int base_addr;
	unsigned int limit;
	unsigned int seg_32bit:1;
	unsigned int contents:2;
	unsigned int read_exec_only:1;
	unsigned int limit_in_pages:1;
	unsigned int seg_not_present:1;
	unsigned int useable:1;
};

static unsigned int block[8] = { 0x11111111, 0x22222222, 0x33333333, 0x44444444,
				 0x55555555, 0x66666666, 0x77777777, 0x88888888 };
static volatile unsigned int handler_read, handler_gs;

static long set_area(struct tls_desc *d)
{
	return syscall(__NR_set_thread_area, d);
}

static long get_area(struct tls_desc *d)
{
	return syscall(__NR_get_thread_area, d);
}

static struct tls_desc data_desc(unsigned int entry, void *base)
{
	struct tls_desc d;

	memset(&d, 0, sizeof(d));
	d.entry_number = entry;
	d.base_addr = (unsigned int)base;
	d.limit = 0xfffff;
	d.seg_32bit = 1;
	d.limit_in_pages = 1;
	d.useable = 1;
	return d;
}

static unsigned int read_gs(void)
{
	unsigned int sel;

	asm volatile("mov %%gs, %0" : "=r"(sel));
	return sel & 0xffff;
}

static void load_gs(unsigned int sel)
{
	asm volatile("mov %0, %%gs" : : "r"(sel));
}

/* The word at %gs:off. */
static unsigned int gs_word(unsigned int off)
{
	unsigned int v;

	asm volatile("movl %%gs:(%1), %0" : "=r"(v) : "r"(off));
	return v;
}

static void on_usr1(int sig)
{
	(void)sig;
	handler_gs = read_gs();
	handler_read = gs_word(0x14);
	load_gs(0);			/* sigreturn puts the interrupted one back */
}

static unsigned int first;	/* the first TLS slot: 6 on i386 */
static unsigned int mine;	/* the first one the C library leaves free */

/* Raw calls, which use no TLS (glibc's wrappers do, and %gs is ours). */
static int raw_fork(void)
{
	int ret;

	asm volatile("int $0x80" : "=a"(ret) : "a"(__NR_fork) : "memory");
	return ret;
}

static int raw_call2(int nr, int a, int b)
{
	int ret;

	asm volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a), "c"(b) : "memory");
	return ret;
}

static _Noreturn void raw_exit(int code)
{
	asm volatile("int $0x80" : : "a"(__NR_exit), "b"(code));
	for (;;)
		;
}

static void check_errors(void)
{
	struct tls_desc d = data_desc(mine, block);

	CHECK_ERRNO("set_thread_area(NULL)", set_area(NULL), EFAULT);
	CHECK_ERRNO("get_thread_area(NULL)", get_area(NULL), EFAULT);
	d.entry_number = first - 1;
	CHECK_ERRNO("set the slot below", set_area(&d), EINVAL);
	d.entry_number = first + 3;
	CHECK_ERRNO("set the slot above", set_area(&d), EINVAL);
	d.entry_number = 0;
	CHECK_ERRNO("set slot 0", set_area(&d), EINVAL);
	d = data_desc(mine, block);
	d.contents = 2;
	CHECK_ERRNO("a code segment", set_area(&d), EINVAL);
	d = data_desc(mine, block);
	d.seg_32bit = 0;
	CHECK_ERRNO("a 16-bit segment", set_area(&d), EINVAL);
	d = data_desc(mine, block);
	d.seg_not_present = 1;
	CHECK_ERRNO("a segment not present", set_area(&d), EINVAL);
	d.entry_number = first - 1;
	CHECK_ERRNO("get the slot below", get_area(&d), EINVAL);
	d.entry_number = first + 3;
	CHECK_ERRNO("get the slot above", get_area(&d), EINVAL);
}

/* entry -1 takes the free slots in order, then ESRCH; an empty
 * descriptor frees a slot. */
static void check_allocation(void)
{
	struct tls_desc d, empty;

	for (unsigned int want = mine; want <= first + 2; want++) {
		d = data_desc((unsigned int)-1, block);
		CHECK_EQ("set_thread_area(-1)", set_area(&d), 0);
		CHECK_EQ("slot written back", d.entry_number, want);
	}
	d = data_desc((unsigned int)-1, block);
	CHECK_ERRNO("no slot left", set_area(&d), ESRCH);
	memset(&empty, 0, sizeof(empty));
	empty.read_exec_only = 1;
	empty.seg_not_present = 1;
	for (unsigned int i = mine; i <= first + 2; i++) {
		empty.entry_number = i;
		CHECK_EQ("clear a slot", set_area(&empty), 0);
	}
	memset(&d, 0, sizeof(d));
	d.entry_number = first + 2;
	CHECK_EQ("get an empty slot", get_area(&d), 0);
	CHECK(d.base_addr == 0 && d.limit == 0 && d.seg_not_present == 1 &&
	      d.read_exec_only == 1 && d.seg_32bit == 0,
	      "an empty slot reads back as empty (base %#x limit %#x)", d.base_addr, d.limit);
}

/*
 * A flat TLS segment loaded into %ds, %es and %ss, then its slot cleared:
 * the kernel must still return to user mode (Relay: %ds, %es null, %ss
 * the user data segment; an x86-64 Linux kills with SIGSEGV instead).
 * All in one block, as memory cannot be reached through a null %ds.
 */
static void clear_loaded_segments(void)
{
	struct tls_desc flat = data_desc(mine, NULL), empty;
	int ret;

	memset(&empty, 0, sizeof(empty));
	empty.entry_number = mine;
	if (set_area(&flat) != 0)
		_exit(2);
	asm volatile("push %%ds\n\t"
		     "push %%es\n\t"
		     "mov %%ss, %%edi\n\t"
		     "push %%ebx\n\t"
		     "mov %3, %%ebx\n\t"
		     "mov %%ecx, %%ds\n\t"
		     "mov %%ecx, %%es\n\t"
		     "mov %%ecx, %%ss\n\t"
		     "int $0x80\n\t"
		     "mov %%edi, %%ss\n\t"
		     "pop %%ebx\n\t"
		     "pop %%es\n\t"
		     "pop %%ds"
		     : "=a"(ret)
		     : "a"(__NR_set_thread_area), "c"(SEL(mine)), "r"(&empty)
		     : "edi", "memory");
	_exit(ret == 0 ? 0 : 3);
}

int main(int argc, char **argv)
{
	struct tls_desc d, back;
	struct sigaction sa;
	unsigned int gs0 = read_gs();
	int pid, in_child = 0, status;

	/* Relay's libc uses no TLS: %gs starts null, as Linux leaves it. */
	first = gs0 ? gs0 >> 3 : TLS_MIN;
	mine = gs0 ? first + 1 : first;
	if (argc == 2 && strcmp(argv[1], "after-exec") == 0) {
		memset(&d, 0, sizeof(d));
		d.entry_number = mine;
		CHECK_EQ("get after exec", get_area(&d), 0);
		CHECK(d.seg_not_present == 1 && d.base_addr == 0,
		      "exec clears the slots (base %#x)", d.base_addr);
		return failures ? 1 : 0;
	}
	check_errors();
	check_allocation();

	d = data_desc((unsigned int)-1, block);
	REQUIRE(set_area(&d) == 0, "set_thread_area");
	CHECK_EQ("first free slot", d.entry_number, mine);
	memset(&back, 0, sizeof(back));
	back.entry_number = d.entry_number;
	CHECK_EQ("get_thread_area", get_area(&back), 0);
	CHECK_EQ("base read back", back.base_addr, (unsigned int)block);
	CHECK_EQ("limit read back", back.limit, 0xfffff);
	CHECK(back.seg_32bit && back.limit_in_pages && back.useable && !back.contents &&
	      !back.read_exec_only && !back.seg_not_present, "flags read back");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	fflush(stdout);

	/* While %gs is ours, only raw calls: glibc keeps its own data there. */
	load_gs(SEL(mine));
	unsigned int at14 = gs_word(0x14);
	raw_call2(__NR_sched_yield, 0, 0);
	unsigned int gs_switch = read_gs(), at4 = gs_word(4);
	raw_call2(__NR_kill, raw_call2(__NR_getpid, 0, 0), SIGUSR1);
	unsigned int gs_sigret = read_gs();
	pid = raw_fork();
	if (pid == 0)
		raw_exit(read_gs() == SEL(mine) && gs_word(8) == block[2] ? 0 : 1);
	load_gs(gs0);
	CHECK_EQ("%gs:0x14 reads the block", at14, block[5]);
	CHECK_EQ("%gs after a switch", gs_switch, SEL(mine));
	CHECK_EQ("%gs:4 after a switch", at4, block[1]);
	CHECK_EQ("%gs in the handler", handler_gs, SEL(mine));
	CHECK_EQ("%gs:0x14 in the handler", handler_read, block[5]);
	CHECK_EQ("%gs after sigreturn", gs_sigret, SEL(mine));
	REQUIRE(pid > 0, "fork");
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "fork keeps the TLS segment and %%gs (status %#x)", status);

	/* Clearing the slot %fs uses makes the saved %fs null. */
	asm volatile("mov %0, %%fs" : : "r"(SEL(mine)));
	memset(&d, 0, sizeof(d));
	d.entry_number = mine;
	CHECK_EQ("clear the slot in use", set_area(&d), 0);
	unsigned int fs;
	asm volatile("mov %%fs, %0" : "=r"(fs));
	CHECK_EQ("%fs after its slot was cleared", fs & 0xffff, 0);

	pid = test_fork();
	if (pid == 0)
		clear_loaded_segments();
	status = wait_status(pid);
	CHECK(WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0),
	      "clearing a slot loaded in %%ds, %%es and %%ss: status %#x", status);

	d = data_desc(mine, block);
	CHECK_EQ("set again", set_area(&d), 0);
	pid = test_fork();
	if (pid == 0) {
		char *args[] = { argv[0], "after-exec", NULL };
		in_child = 1;
		execv(argv[0], args);
		_exit(99);
	}
	CHECK(child_ok(pid) && !in_child, "exec clears the TLS slots");
	return test_done("abi_tls");
}
