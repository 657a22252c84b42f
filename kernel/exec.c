/*
 * exec.c - execve: replace the current process's program.
 *
 * The new program is built in a fresh page directory while the old one
 * stays untouched, so that any failure (no such file, not an ELF file, no
 * memory) returns an error to a caller that is still intact.  Only when
 * everything is in place does the process switch to the new directory and
 * free the old.
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
#include "kernel/procfs.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "kernel/vfs.h"
#include "kernel/x86.h"
#include "mm/mm.h"
#include "kernel/errno.h"

#define MAX_PHDRS	16
#define AT_NULL		0
#define AT_PAGESZ	6

/* Copy n bytes into the address space of pgdir (not the current one). */
static void copy_to_pgdir(pde_t *pgdir, u32 va, const void *src, u32 n)
{
	while (n) {
		u32 off = va % PAGE_SIZE, chunk = MIN(n, PAGE_SIZE - off);
		pte_t *pte = pgdir_walk(pgdir, va, false);
		memcpy((u8 *)P2V(PTE_ADDR(*pte)) + off, src, chunk);
		va += chunk;
		src = (const u8 *)src + chunk;
		n -= chunk;
	}
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

/* Map and fill one PT_LOAD segment. */
static int load_segment(pde_t *pgdir, struct inode *ip, const struct elf_phdr *ph)
{
	u32 end = ph->vaddr + ph->memsz, flags = PTE_U;
	u8 *buf;
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
	if (!(buf = kmalloc(PAGE_SIZE)))
		return -ENOMEM;
	for (u32 done = 0; done < ph->filesz; ) {
		u32 chunk = MIN(ph->filesz - done, PAGE_SIZE);
		if ((err = read_exact(ip, buf, ph->offset + done, chunk)) < 0)
			break;
		copy_to_pgdir(pgdir, ph->vaddr + done, buf, chunk);
		done += chunk;
	}
	kfree(buf);
	return err;
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

static int count_strings(char *const v[], u32 *bytes)
{
	int n = 0;

	for (; v && v[n]; n++)
		*bytes += strlen(v[n]) + 1;
	return n;
}

/* Push the strings of v below *sp, recording their user addresses. */
static void push_strings(pde_t *pgdir, u32 *sp, char *const v[], int n, u32 *addrs)
{
	for (int i = n - 1; i >= 0; i--) {
		u32 len = strlen(v[i]) + 1;
		*sp -= len;
		copy_to_pgdir(pgdir, *sp, v[i], len);
		addrs[i] = *sp;
	}
}

/* Build the initial stack and set *esp to its top. */
static int setup_stack(pde_t *pgdir, char *const argv[], char *const envp[], u32 *esp)
{
	u32 bytes = 0, sp = USER_STACK_TOP, *words, nwords, i = 0;
	int argc = count_strings(argv, &bytes), envc = count_strings(envp, &bytes);
	int err;

	if (bytes > ARG_MAX || argc + envc > MAX_ARG_COUNT)
		return -E2BIG;
	nwords = 1 + argc + 1 + envc + 1 + 4;
	if ((err = alloc_range(pgdir, USER_STACK_TOP - USER_STACK_INIT -
			       ALIGN_UP(bytes + nwords * 4, PAGE_SIZE),
			       USER_STACK_TOP, PTE_U | PTE_W)) < 0)
		return err;
	if (!(words = kmalloc(nwords * sizeof(u32))))
		return -ENOMEM;
	words[i++] = (u32)argc;
	push_strings(pgdir, &sp, envp, envc, &words[1 + argc + 1]);
	current->arg_end = sp;		/* nothing fails from here on */
	push_strings(pgdir, &sp, argv, argc, &words[1]);
	current->arg_start = sp;
	i += argc;
	words[i++] = 0;
	i += envc;
	words[i++] = 0;
	words[i++] = AT_PAGESZ;
	words[i++] = PAGE_SIZE;
	words[i++] = AT_NULL;
	words[i++] = 0;
	sp = ALIGN_DOWN(sp - nwords * sizeof(u32), 16);
	copy_to_pgdir(pgdir, sp, words, nwords * sizeof(u32));
	kfree(words);
	*esp = sp;
	return 0;
}

static void start_user(struct trapframe *tf, u32 entry, u32 sp)
{
	memset(tf, 0, sizeof(*tf));
	tf->cs = USER_CS;
	tf->ds = tf->es = tf->fs = tf->gs = tf->ss = USER_DS;
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

/* argv, envp and their strings are kernel memory. */
int do_execve(const char *path, char *const argv[], char *const envp[])
{
	struct inode *ip;
	pde_t *pgdir, *old;
	u32 entry = 0, image_end = 0, sp = 0;
	int err;

	if ((err = namei(path, &ip)) < 0)
		return err;
	if (!S_ISREG(ip->mode))
		err = -EACCES;
	else
		err = inode_permission(ip, MAY_EXEC);
	if (err < 0 || !(pgdir = pgdir_create())) {
		inode_put(ip);
		return err < 0 ? err : -ENOMEM;
	}
	err = load_program(pgdir, ip, &entry, &image_end);
	inode_put(ip);
	if (err == 0)
		err = setup_stack(pgdir, argv, envp, &sp);
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
	procfs_exec(current, path);
	files_exec(current);
	signals_exec(current);
	start_user(current->tf, entry, sp);
	fpu_reset();
	return 0;
}
