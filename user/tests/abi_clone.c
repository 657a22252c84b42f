/*
 * abi_clone - clone (120) with the flags a C library's fork passes, and
 * vfork (190).  CLONE_PARENT_SETTID stores the child's id in the parent,
 * CLONE_CHILD_SETTID in the child's own memory; a new stack pointer is
 * the child's; thread flags without their requirements are EINVAL as in
 * Linux (CLONE_THREAD needs CLONE_SIGHAND, which needs CLONE_VM).  vfork
 * lends the child the parent's memory (what it writes there the parent
 * sees once it runs again) and the parent collects its exit status; and
 * what the child does to that memory is the parent's afterwards: the
 * break it moved, and a mapping it made, whose untouched page the parent
 * may then touch.
 */
#include <sys/syscall.h>
#include "test.h"

#define CLONE_VM		0x00000100
#define CLONE_SIGHAND		0x00000800
#define CLONE_THREAD		0x00010000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_CHILD_SETTID	0x01000000
#define STACK_WORDS		1024

static int ptid, ctid;
static unsigned int child_stack[STACK_WORDS] __attribute__((aligned(16)));

/* Raw clone: i386 order flags, stack, parent_tid, tls, child_tid.  With a
 * new stack the child cannot return through C: it exits at once, with
 * its stack pointer's distance from the top as the status. */
static int raw_clone(unsigned int flags, void *stack, int *parent_tid, int *child_tid)
{
	int ret;

	asm volatile("push %%ebx\n\t"
		     "mov %2, %%ebx\n\t"
		     "int $0x80\n\t"
		     "test %%eax, %%eax\n\t"
		     "jnz 1f\n\t"
		     "mov %%esp, %%ebx\n\t"
		     "sub %%ecx, %%ebx\n\t"
		     "neg %%ebx\n\t"
		     "mov $1, %%eax\n\t"
		     "int $0x80\n"
		     "1:\n\t"
		     "pop %%ebx"
		     : "=a"(ret)
		     : "a"(__NR_clone), "r"(flags), "c"(stack), "d"(parent_tid), "S"(0),
		       "D"(child_tid)
		     : "memory");
	return ret;
}

static volatile int lent;
static volatile long vfork_brk, vfork_map;
static long brk_target;

/* Raw vfork whose child moves the break to brk_target, maps two pages
 * (touching the first), records both results and exits 0. */
static int vfork_mm(void)
{
	int ret;

	/* The operands' addresses are taken first: the child needs every
	 * register (ebx, ebp too) for mmap2's arguments.  eax is written
	 * before they are all read, hence early-clobber. */
	asm volatile("push %%ebx\n\t"
		     "push %%ebp\n\t"
		     "lea %[got_map], %%eax\n\t"
		     "push %%eax\n\t"
		     "lea %[got_brk], %%eax\n\t"
		     "push %%eax\n\t"
		     "push %[target]\n\t"
		     "mov %[vfork], %%eax\n\t"
		     "int $0x80\n\t"
		     "test %%eax, %%eax\n\t"
		     "jnz 1f\n\t"
		     "pop %%ebx\n\t"			/* the target */
		     "mov %[brk], %%eax\n\t"
		     "int $0x80\n\t"
		     "pop %%ecx\n\t"
		     "mov %%eax, (%%ecx)\n\t"
		     "mov %[mmap2], %%eax\n\t"
		     "xor %%ebx, %%ebx\n\t"
		     "mov $0x2000, %%ecx\n\t"
		     "mov $3, %%edx\n\t"		/* PROT_READ | PROT_WRITE */
		     "mov $0x22, %%esi\n\t"		/* MAP_PRIVATE | MAP_ANONYMOUS */
		     "mov $-1, %%edi\n\t"
		     "xor %%ebp, %%ebp\n\t"
		     "int $0x80\n\t"
		     "pop %%ecx\n\t"
		     "mov %%eax, (%%ecx)\n\t"
		     "movb $0x76, (%%eax)\n\t"	/* 'v' */
		     "mov $1, %%eax\n\t"
		     "xor %%ebx, %%ebx\n\t"
		     "int $0x80\n"
		     "1:\n\t"
		     "add $12, %%esp\n\t"
		     "pop %%ebp\n\t"
		     "pop %%ebx"
		     : "=&a"(ret), [got_brk] "=m"(vfork_brk), [got_map] "=m"(vfork_map)
		     : [vfork] "i"(__NR_vfork), [brk] "i"(__NR_brk), [mmap2] "i"(__NR_mmap2),
		       [target] "m"(brk_target)
		     : "ecx", "edx", "esi", "edi", "memory");
	return ret;
}

/* The vfork child changed the address space: the parent's break and
 * mappings are what the child left. */
static void check_vfork_memory(void)
{
	long before = syscall(__NR_brk, 0);
	int pid, status;

	brk_target = before + 2 * 4096;
	fflush(stdout);
	pid = vfork_mm();
	REQUIRE(pid > 0, "vfork");
	CHECK(waitpid(pid, &status, 0) == pid && status == 0, "vfork child's status %#x", status);
	CHECK_EQ("the child's brk", vfork_brk, brk_target);
	CHECK_EQ("the parent's break after the child moved it", syscall(__NR_brk, 0), brk_target);
	REQUIRE((unsigned long)vfork_map < (unsigned long)-4095 && vfork_map % 4096 == 0,
		"the child's mmap: %#lx", vfork_map);
	CHECK_EQ("the page the child wrote", ((volatile char *)vfork_map)[0], 'v');
	((volatile char *)vfork_map)[4096] = 'p';	/* untouched: the parent's mapping now */
	CHECK_EQ("the parent's touch of the child's second page", ((volatile char *)vfork_map)[4096], 'p');
	CHECK_EQ("munmap of the child's mapping", syscall(__NR_munmap, vfork_map, 2 * 4096), 0);
	CHECK_EQ("the break back", syscall(__NR_brk, before), before);
}

/* Raw vfork whose child stores 7 in `lent' and exits with status 7 at
 * once: a vfork child may not return from the function that called
 * vfork (Linux lends it the parent's memory and stack). */
static int raw_vfork(void)
{
	int ret;

	asm volatile("push %%ebx\n\t"
		     "int $0x80\n\t"
		     "test %%eax, %%eax\n\t"
		     "jnz 1f\n\t"
		     "mov $7, %%ebx\n\t"
		     "mov %%ebx, %1\n\t"
		     "mov $1, %%eax\n\t"
		     "int $0x80\n"
		     "1:\n\t"
		     "pop %%ebx"
		     : "=a"(ret), "=m"(lent) : "a"(__NR_vfork) : "memory");
	return ret;
}

int main(void)
{
	int status, pid;

	ptid = ctid = -1;
	fflush(stdout);
	pid = (int)syscall(__NR_clone, CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |
			   CLONE_CHILD_CLEARTID | SIGCHLD, 0, &ptid, 0, &ctid);
	REQUIRE(pid >= 0, "clone");
	if (pid == 0) {
		failures = 0;
		CHECK_EQ("CLONE_CHILD_SETTID in the child", ctid, getpid());
		child_exit();
	}
	CHECK_EQ("CLONE_PARENT_SETTID in the parent", ptid, pid);
	CHECK_EQ("the parent's child_tid is untouched", ctid, -1);
	CHECK(child_ok(pid), "the clone child");

	pid = raw_clone(SIGCHLD, &child_stack[STACK_WORDS], NULL, NULL);
	REQUIRE(pid > 0, "clone with a stack");
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the child ran on the new stack (status %#x)", status);

	CHECK_ERRNO("CLONE_THREAD without CLONE_SIGHAND",
		    syscall(__NR_clone, CLONE_THREAD | SIGCHLD, 0, NULL, 0, NULL), EINVAL);
	CHECK_ERRNO("CLONE_SIGHAND without CLONE_VM",
		    syscall(__NR_clone, CLONE_SIGHAND | SIGCHLD, 0, NULL, 0, NULL), EINVAL);

	fflush(stdout);
	pid = raw_vfork();
	REQUIRE(pid > 0, "vfork");
	CHECK_EQ("vfork: the child wrote in the parent's memory", lent, 7);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 7,
	      "vfork child's status %#x", status);
	check_vfork_memory();
	return test_done("abi_clone");
}
