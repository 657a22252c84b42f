/*
 * exec.c - execve: replace the current process's program.
 *
 * The new program is built in a fresh page directory while the old one
 * stays untouched, so that any failure (no such file, not an ELF file, no
 * memory) returns an error to a caller that is still intact.  Only when
 * everything is in place does the process switch to the new directory and
 * free the old.
 *
 * The arguments and environment never pass through the kernel heap: they
 * are measured where they are (the caller's user memory, or init's kernel
 * arrays), then copied straight into the new stack's page frames, while
 * the caller's address space is still current.  Program pages are read
 * from the file straight into their frames too, so exec needs no
 * contiguous kernel memory at all.
 *
 * The new user stack, as the i386 System V ABI and Linux lay it out:
 *
 *	USER_STACK_TOP ->  argument and environment strings
 *	                   auxiliary vector (AT_PAGESZ, AT_NULL)
 *	                   NULL, envp[envc - 1] ... envp[0]
 *	                   NULL, argv[argc - 1] ... argv[0]
 *	esp ->             argc
 */
#include "kernel/exec.h"
#include "boot/gdt.h"
#include "kernel/elf.h"
#include "kernel/file.h"
#include "kernel/fpu.h"
#include "ipc/ipc.h"
#include "ipc/signal.h"
#include "kernel/proc.h"
#include "kernel/string.h"
#include "kernel/tls.h"
#include "kernel/trap.h"
#include "kernel/vfs.h"
#include "kernel/x86.h"
#include "mm/mm.h"
#include "kernel/errno.h"

#define MAX_PHDRS	16
#define AT_NULL		0
#define AT_PAGESZ	6

/* The kernel address of va, a mapped page of pgdir. */
static u8 *pgdir_kaddr(pde_t *pgdir, u32 va)
{
	return (u8 *)P2V(PTE_ADDR(*pgdir_walk(pgdir, va, false))) + va % PAGE_SIZE;
}

/* Copy n bytes into the address space of pgdir (not the current one),
 * from kernel memory or, if user, from the current process's memory. */
static int copy_to_pgdir(pde_t *pgdir, u32 va, const void *src, u32 n, bool user)
{
	while (n) {
		u32 chunk = MIN(n, PAGE_SIZE - va % PAGE_SIZE);
		u8 *dst = pgdir_kaddr(pgdir, va);

		if (!user)
			memcpy(dst, src, chunk);
		else if (copy_from_user(dst, (const void __user *)src, chunk) < 0)
			return -EFAULT;
		va += chunk;
		src = (const u8 *)src + chunk;
		n -= chunk;
	}
	return 0;
}

static int read_exact(struct inode *ip, void *buf, u32 off, u32 n)
{
	return inode_read(ip, buf, off, n) == (ssize_t)n ? 0 : -ENOEXEC;
}

static int check_header(const struct elf_header *eh)
{
	if (eh->magic != ELF_MAGIC || eh->class != ELFCLASS32 ||
	    eh->data != ELFDATA2LSB || eh->type != ET_EXEC ||
	    eh->machine != EM_386 || eh->phentsize != sizeof(struct elf_phdr) ||
	    eh->phnum == 0 || eh->phnum > MAX_PHDRS)
		return -ENOEXEC;
	return 0;
}

/* Map and fill one PT_LOAD segment, reading straight into its frames. */
static int load_segment(pde_t *pgdir, struct inode *ip, const struct elf_phdr *ph)
{
	u32 end = ph->vaddr + ph->memsz, flags = PTE_U;
	int err;

	if (ph->filesz > ph->memsz || end < ph->vaddr || end > USER_STACK_TOP - USER_STACK_MAX ||
	    ph->vaddr < PAGE_SIZE || ph->offset + ph->filesz < ph->offset)
		return -ENOEXEC;
	if (ph->flags & PF_W)
		flags |= PTE_W;
	if ((err = alloc_range(pgdir, ph->vaddr, end, flags)) < 0)
		return err;
	/* A page shared with a writable segment must stay writable. */
	for (u32 va = ALIGN_DOWN(ph->vaddr, PAGE_SIZE); va < end && (flags & PTE_W);
	     va += PAGE_SIZE)
		*pgdir_walk(pgdir, va, false) |= PTE_W;
	for (u32 done = 0; done < ph->filesz; ) {
		u32 va = ph->vaddr + done;
		u32 chunk = MIN(ph->filesz - done, PAGE_SIZE - va % PAGE_SIZE);
		if ((err = read_exact(ip, pgdir_kaddr(pgdir, va), ph->offset + done, chunk)) < 0)
			return err;
		done += chunk;
	}
	return 0;
}

/* Load every PT_LOAD segment of ip into pgdir; find entry and image end. */
static int load_program(pde_t *pgdir, struct inode *ip, u32 *entry, u32 *image_end)
{
	struct elf_header eh;
	struct elf_phdr ph;
	int err;

	if ((err = read_exact(ip, &eh, 0, sizeof(eh))) < 0 || (err = check_header(&eh)) < 0)
		return err;
	for (int i = 0; i < eh.phnum; i++) {
		if ((err = read_exact(ip, &ph, eh.phoff + i * sizeof(ph), sizeof(ph))) < 0)
			return err;
		if (ph.type != PT_LOAD)
			continue;
		if ((err = load_segment(pgdir, ip, &ph)) < 0)
			return err;
		*image_end = MAX(*image_end, ph.vaddr + ph.memsz);
	}
	if (!*image_end || eh.entry >= *image_end)
		return -ENOEXEC;
	*entry = eh.entry;
	return 0;
}

/*
 * Where the new program's strings come from: vec[ARGV] and vec[ENVP],
 * NULL-terminated arrays of string pointers, in kernel memory (init's)
 * or, if user, in the calling process's memory (execve's).  A NULL array
 * is an empty one.
 */
enum { ARGV, ENVP, NVECS };

struct exec_strings {
	char *const *vec[NVECS];
	bool user;
	int count[NVECS];
	u32 bytes;			/* all strings, NULs included */
};

/* *s = string i of vector v (NULL after the last). */
static int get_string(const struct exec_strings *e, int v, int i, const char **s)
{
	if (!e->vec[v]) {
		*s = NULL;
		return 0;
	}
	if (!e->user) {
		*s = e->vec[v][i];
		return 0;
	}
	return copy_from_user(s, (char *const __user *)&e->vec[v][i], sizeof(*s));
}

/* The size of string s, NUL included: -E2BIG if more than max. */
static long string_size(const struct exec_strings *e, const char *s, u32 max)
{
	long len = e->user ? strnlen_user((const char __user *)s, max) : (long)strlen(s);

	if (len == -ENAMETOOLONG || (len >= 0 && (u32)len + 1 > max))
		return -E2BIG;
	return len < 0 ? len : len + 1;
}

/* Count the strings and their bytes, within MAX_ARG_COUNT and ARG_MAX. */
static int measure_strings(struct exec_strings *e)
{
	const char *s;
	long size;
	int err;

	e->bytes = 0;
	for (int v = 0; v < NVECS; v++) {
		for (e->count[v] = 0; ; e->count[v]++) {
			if (e->count[ARGV] + e->count[ENVP] > MAX_ARG_COUNT)
				return -E2BIG;
			if ((err = get_string(e, v, e->count[v], &s)) < 0)
				return err;
			if (!s)
				break;
			if ((size = string_size(e, s, ARG_MAX - e->bytes)) < 0)
				return (int)size;
			e->bytes += (u32)size;
		}
	}
	return 0;
}

/* Put one word of the new stack at *sp and advance *sp past it. */
static void put_word(pde_t *pgdir, u32 *sp, u32 word)
{
	copy_to_pgdir(pgdir, *sp, &word, sizeof(word), false);
	*sp += sizeof(word);
}

/* Copy vector v's strings from *str on, and their addresses from *sp on. */
static int put_strings(pde_t *pgdir, const struct exec_strings *e, int v, u32 *sp,
		       u32 *str)
{
	const char *s;
	long size;
	int err;

	for (int i = 0; i < e->count[v]; i++) {
		if ((err = get_string(e, v, i, &s)) < 0)
			return err;
		if ((size = string_size(e, s, USER_STACK_TOP - *str)) < 0)
			return (int)size;
		if ((err = copy_to_pgdir(pgdir, *str, s, (u32)size, e->user)) < 0)
			return err;
		*pgdir_kaddr(pgdir, *str + (u32)size - 1) = '\0';
		put_word(pgdir, sp, *str);
		*str += (u32)size;
	}
	put_word(pgdir, sp, 0);
	return 0;
}

/* Build the initial stack for the measured strings e; set *esp to its
 * top and args[0..1] to where the argument strings begin and end (for
 * a core dump's command line). */
static int setup_stack(pde_t *pgdir, const struct exec_strings *e, u32 *esp, u32 args[2])
{
	u32 nwords, str, sp;
	int err;

	nwords = 1 + e->count[ARGV] + 1 + e->count[ENVP] + 1 + 4;
	str = USER_STACK_TOP - e->bytes;
	sp = ALIGN_DOWN(str - nwords * sizeof(u32), 16);
	if ((err = alloc_range(pgdir, sp - USER_STACK_INIT, USER_STACK_TOP, PTE_U | PTE_W)) < 0)
		return err;
	*esp = sp;
	put_word(pgdir, &sp, (u32)e->count[ARGV]);
	args[0] = str;
	if ((err = put_strings(pgdir, e, ARGV, &sp, &str)) < 0)
		return err;
	args[1] = str;
	if ((err = put_strings(pgdir, e, ENVP, &sp, &str)) < 0)
		return err;
	put_word(pgdir, &sp, AT_PAGESZ);
	put_word(pgdir, &sp, PAGE_SIZE);
	put_word(pgdir, &sp, AT_NULL);
	put_word(pgdir, &sp, 0);
	return 0;
}

static void start_user(struct trapframe *tf, u32 entry, u32 sp)
{
	memset(tf, 0, sizeof(*tf));
	tf->cs = USER_CS;
	tf->ds = tf->es = tf->ss = USER_DS;	/* %fs, %gs null, as in Linux */
	tf->eflags = EFLAGS_IF;
	tf->eip = entry;
	tf->esp = sp;
}

static void set_name(const char *path)
{
	const char *base = path;

	for (const char *p = path; *p; p++)
		if (*p == '/' && p[1])
			base = p + 1;
	strlcpy(current->name, base, sizeof(current->name));
}

/* As Linux, the file is checked first (ENOENT, EACCES), then the strings
 * (E2BIG, EFAULT), then the program (ENOEXEC). */
static int exec_program(const char *path, struct exec_strings *e)
{
	struct inode *ip;
	pde_t *pgdir, *old;
	u32 entry = 0, image_end = 0, sp = 0, args[2] = { 0, 0 };
	int err;

	if ((err = namei(path, &ip)) < 0)
		return err;
	if (!S_ISREG(ip->mode))
		err = -EACCES;
	else
		err = inode_permission(ip, MAY_EXEC);
	if (err == 0)
		err = measure_strings(e);
	if (err < 0 || !(pgdir = pgdir_create())) {
		inode_put(ip);
		return err < 0 ? err : -ENOMEM;
	}
	err = load_program(pgdir, ip, &entry, &image_end);
	inode_put(ip);
	if (err == 0)
		err = setup_stack(pgdir, e, &sp, args);
	if (err < 0) {
		pgdir_free(pgdir);
		return err;
	}
	shm_exit(current);
	old = current->pgdir;
	current->pgdir = pgdir;
	switch_pgdir(pgdir);
	pgdir_free(old);
	current->brk_start = current->brk = ALIGN_UP(image_end, PAGE_SIZE);
	set_name(path);
	current->arg_start = args[0];
	current->arg_end = args[1];
	files_exec(current);
	signals_exec(current);
	tls_exec(current);
	start_user(current->tf, entry, sp);
	fpu_reset();
	return 0;
}

/* argv, envp and their strings are kernel memory (init). */
int do_execve(const char *path, char *const argv[], char *const envp[])
{
	struct exec_strings e = { { argv, envp }, false, { 0, 0 }, 0 };

	return exec_program(path, &e);
}

/* argv, envp and their strings are the calling process's memory. */
int do_execve_user(const char *path, char *const __user *argv, char *const __user *envp)
{
	struct exec_strings e = { { (char *const *)argv, (char *const *)envp }, true,
				  { 0, 0 }, 0 };

	return exec_program(path, &e);
}
