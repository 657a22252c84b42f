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
 * The program: a static ELF executable (ET_EXEC), or a static-pie one
 * (ET_DYN), placed at ET_DYN_BASE as Linux places it.  A program that
 * asks for an interpreter (PT_INTERP: dynamically linked) is refused with
 * ENOENT, as Linux does when that interpreter is missing - there is none
 * here.  Pages that hold file contents are read in at once.  The rest of
 * a segment (its bss) is mapped at once too if small (BSS_EAGER_MAX: no
 * faults later, and a program's memory use stays what it was at exec),
 * else it is a mapping whose pages come on first touch (mm/mmap.c), as
 * in Linux, so that a huge bss costs nothing until used.  A file that
 * starts with "#!" is a script: its interpreter is run instead, with the
 * optional argument and the script's path before the original arguments
 * (after argv[0]); an interpreter may itself be a script, up to
 * MAX_SCRIPT_DEPTH levels (then ELOOP).
 *
 * The new user stack, as the i386 System V ABI and Linux lay it out:
 *
 *	USER_STACK_TOP ->  argument and environment strings
 *	                   the program's path (AT_EXECFN), "i686" (AT_PLATFORM)
 *	                   16 random bytes (AT_RANDOM)
 *	                   auxiliary vector (type, value pairs; AT_NULL last)
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
#include "kernel/random.h"
#include "kernel/string.h"
#include "kernel/tls.h"
#include "kernel/trap.h"
#include "kernel/vfs.h"
#include "kernel/vsyscall.h"
#include "kernel/x86.h"
#include <uapi/auxvec.h>
#include "mm/mm.h"
#include "kernel/errno.h"
#include <uapi/mman.h>

#define MAX_PHDRS	64
#define MAX_BSS		4		/* lazily mapped segment tails */
#define BSS_EAGER_MAX	(1u << 20)	/* a bss up to this is mapped at once */
#define ET_DYN_BASE	0x00400000u	/* Linux i386's ELF_ET_DYN_BASE */
#define PT_INTERP	3
#define PT_PHDR		6
#define SCRIPT_LINE	256		/* Linux's BINPRM_BUF_SIZE */
#define MAX_SCRIPT_DEPTH 5		/* scripts run by scripts, as Linux */
#define PLATFORM	"i686"
#define RANDOM_BYTES	16
#define CLOCK_TICKS	100		/* AT_CLKTCK: times()'s unit, as Linux's USER_HZ */

#define AUXV_PAIRS	19		/* the pairs setup_stack writes, AT_NULL included */

/* What the loader learned about the program, for the stack and the
 * process. */
struct exec_image {
	u32 entry;			/* where it starts */
	u32 end;			/* end of its highest segment */
	u32 phdr, phnum;		/* its program headers in memory */
	struct vm_area bss[MAX_BSS];	/* segment tails mapped on first touch */
	int nbss;
};

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
	    eh->data != ELFDATA2LSB || (eh->type != ET_EXEC && eh->type != ET_DYN) ||
	    eh->machine != EM_386 || eh->phentsize != sizeof(struct elf_phdr) ||
	    eh->phnum == 0 || eh->phnum > MAX_PHDRS)
		return -ENOEXEC;
	return 0;
}

/* Map and fill one PT_LOAD segment, moved by base: the pages holding
 * file contents at once, read straight into their frames; the tail
 * (bss) on first touch. */
static int load_segment(pde_t *pgdir, struct inode *ip, const struct elf_phdr *ph, u32 base,
			struct exec_image *im)
{
	u32 va = ph->vaddr + base, end = va + ph->memsz, flags = PTE_U, now_end;
	int err;

	if (ph->filesz > ph->memsz || end < va || va < ph->vaddr ||
	    end > VSYSCALL_ADDR || va < PAGE_SIZE ||
	    ph->offset + ph->filesz < ph->offset)
		return -ENOEXEC;
	if (ph->flags & PF_W)
		flags |= PTE_W;
	now_end = MIN(MAX(ALIGN_UP(va + ph->filesz, PAGE_SIZE), ALIGN_UP(va, PAGE_SIZE)),
		      ALIGN_UP(end, PAGE_SIZE));
	if (ALIGN_UP(end, PAGE_SIZE) - now_end <= BSS_EAGER_MAX)
		now_end = ALIGN_UP(end, PAGE_SIZE);
	if ((err = alloc_range(pgdir, va, now_end, flags)) < 0)
		return err;
	/* A page shared with a writable segment must stay writable. */
	for (u32 v = ALIGN_DOWN(va, PAGE_SIZE); v < now_end && (flags & PTE_W); v += PAGE_SIZE)
		*pgdir_walk(pgdir, v, false) |= PTE_W;
	if (now_end < ALIGN_UP(end, PAGE_SIZE)) {
		if (im->nbss == MAX_BSS)
			return -ENOEXEC;
		im->bss[im->nbss++] = (struct vm_area){ now_end, ALIGN_UP(end, PAGE_SIZE),
			PROT_READ | PROT_EXEC | ((ph->flags & PF_W) ? PROT_WRITE : 0) };
	}
	for (u32 done = 0; done < ph->filesz; ) {
		u32 v = va + done;
		u32 chunk = MIN(ph->filesz - done, PAGE_SIZE - v % PAGE_SIZE);
		if ((err = read_exact(ip, pgdir_kaddr(pgdir, v), ph->offset + done, chunk)) < 0)
			return err;
		done += chunk;
	}
	return 0;
}

static int read_phdr(struct inode *ip, const struct elf_header *eh, int i, struct elf_phdr *ph)
{
	return read_exact(ip, ph, eh->phoff + (u32)i * sizeof(*ph), sizeof(*ph));
}

/* Check the program headers: no interpreter, at least one PT_LOAD.  Set
 * *lo to the lowest page they load, *phdr to where the headers
 * themselves will be (before moving by the base), 0 if not loaded. */
static int scan_phdrs(struct inode *ip, const struct elf_header *eh, u32 *lo, u32 *phdr)
{
	struct elf_phdr ph;
	bool loads = false;
	int err;

	*lo = ~0u;
	*phdr = 0;
	for (int i = 0; i < eh->phnum; i++) {
		if ((err = read_phdr(ip, eh, i, &ph)) < 0)
			return err;
		if (ph.type == PT_INTERP)
			return -ENOENT;		/* no dynamic linker here */
		if (ph.type == PT_PHDR)
			*phdr = ph.vaddr;
		if (ph.type != PT_LOAD)
			continue;
		loads = true;
		*lo = MIN(*lo, ALIGN_DOWN(ph.vaddr, PAGE_SIZE));
		if (!*phdr && eh->phoff >= ph.offset && eh->phoff - ph.offset < ph.filesz)
			*phdr = ph.vaddr + (eh->phoff - ph.offset);
	}
	return loads ? 0 : -ENOEXEC;
}

/* Load every PT_LOAD segment of ip into pgdir. */
static int load_program(pde_t *pgdir, struct inode *ip, struct exec_image *im)
{
	struct elf_header eh;
	struct elf_phdr ph;
	u32 lo, phdr, base = 0;
	int err;

	if ((err = read_exact(ip, &eh, 0, sizeof(eh))) < 0 || (err = check_header(&eh)) < 0 ||
	    (err = scan_phdrs(ip, &eh, &lo, &phdr)) < 0)
		return err;
	if (eh.type == ET_DYN && lo < ET_DYN_BASE)
		base = ET_DYN_BASE - lo;
	for (int i = 0; i < eh.phnum; i++) {
		if ((err = read_phdr(ip, &eh, i, &ph)) < 0)
			return err;
		if (ph.type != PT_LOAD)
			continue;
		if ((err = load_segment(pgdir, ip, &ph, base, im)) < 0)
			return err;
		im->end = MAX(im->end, ph.vaddr + base + ph.memsz);
	}
	im->entry = eh.entry + base;
	if (im->entry < lo + base || im->entry >= im->end)
		return -ENOEXEC;
	im->phdr = phdr ? phdr + base : 0;
	im->phnum = eh.phnum;
	return 0;
}

/*
 * Where the new program's strings come from: vec[ARGV] and vec[ENVP],
 * NULL-terminated arrays of string pointers, in kernel memory (init's)
 * or, if user, in the calling process's memory (execve's).  A NULL array
 * is an empty one.  A script puts kernel strings (pre: interpreter,
 * argument, path) before the arguments, in place of argv[0] (skip).
 */
enum { ARGV, ENVP, NVECS };
#define MAX_PRE		(3 + 2 * (MAX_SCRIPT_DEPTH - 1))

struct exec_strings {
	char *const *vec[NVECS];
	bool user;
	const char *pre[MAX_PRE];	/* kernel strings before argv */
	int npre;
	int skip;			/* argv entries left out (argv[0]) */
	int count[NVECS];
	u32 bytes;			/* all strings, NULs included */
};

/* *s = string i of vector v (NULL after the last); *user: whether it is
 * in user memory. */
static int get_string(const struct exec_strings *e, int v, int i, const char **s, bool *user)
{
	*user = false;
	if (v == ARGV && i < e->npre) {
		*s = e->pre[i];
		return 0;
	}
	if (v == ARGV)
		i += e->skip - e->npre;
	if (!e->vec[v]) {
		*s = NULL;
		return 0;
	}
	if (!e->user) {
		*s = e->vec[v][i];
		return 0;
	}
	*user = true;
	return copy_from_user(s, (char *const __user *)&e->vec[v][i], sizeof(*s));
}

/* The size of string s, NUL included: -E2BIG if more than max. */
static long string_size(bool user, const char *s, u32 max)
{
	long len = user ? strnlen_user((const char __user *)s, max) : (long)strlen(s);

	if (len == -ENAMETOOLONG || (len >= 0 && (u32)len + 1 > max))
		return -E2BIG;
	return len < 0 ? len : len + 1;
}

/* Count the strings and their bytes, within MAX_ARG_COUNT and ARG_MAX. */
static int measure_strings(struct exec_strings *e)
{
	const char *s;
	bool user;
	long size;
	int err;

	e->bytes = 0;
	for (int v = 0; v < NVECS; v++) {
		for (e->count[v] = 0; ; e->count[v]++) {
			if (e->count[ARGV] + e->count[ENVP] > MAX_ARG_COUNT)
				return -E2BIG;
			if ((err = get_string(e, v, e->count[v], &s, &user)) < 0)
				return err;
			if (!s)
				break;
			if ((size = string_size(user, s, ARG_MAX - e->bytes)) < 0)
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

static void put_aux(pde_t *pgdir, u32 *sp, u32 type, u32 value)
{
	put_word(pgdir, sp, type);
	put_word(pgdir, sp, value);
}

/* Copy vector v's strings from *str on, and their addresses from *sp on. */
static int put_strings(pde_t *pgdir, const struct exec_strings *e, int v, u32 *sp,
		       u32 *str)
{
	const char *s;
	bool user;
	long size;
	int err;

	for (int i = 0; i < e->count[v]; i++) {
		if ((err = get_string(e, v, i, &s, &user)) < 0)
			return err;
		if ((size = string_size(user, s, USER_STACK_TOP - *str)) < 0)
			return (int)size;
		if ((err = copy_to_pgdir(pgdir, *str, s, (u32)size, user)) < 0)
			return err;
		*pgdir_kaddr(pgdir, *str + (u32)size - 1) = '\0';
		put_word(pgdir, sp, *str);
		*str += (u32)size;
	}
	put_word(pgdir, sp, 0);
	return 0;
}

/* The auxiliary vector Linux gives a static program: AT_SYSINFO is the
 * vsyscall page's sysenter entry (kernel/vsyscall.c); there is no
 * AT_SYSINFO_EHDR, as the page is not an ELF image (no vDSO). */
static void put_auxv(pde_t *pgdir, u32 *sp, const struct exec_image *im, u32 execfn,
		     u32 platform, u32 random)
{
	if (vsyscall_entry())
		put_aux(pgdir, sp, AT_SYSINFO, vsyscall_entry());
	put_aux(pgdir, sp, AT_HWCAP, cpu_features_edx());
	put_aux(pgdir, sp, AT_PAGESZ, PAGE_SIZE);
	put_aux(pgdir, sp, AT_CLKTCK, CLOCK_TICKS);
	put_aux(pgdir, sp, AT_PHDR, im->phdr);
	put_aux(pgdir, sp, AT_PHENT, sizeof(struct elf_phdr));
	put_aux(pgdir, sp, AT_PHNUM, im->phnum);
	put_aux(pgdir, sp, AT_BASE, 0);
	put_aux(pgdir, sp, AT_FLAGS, 0);
	put_aux(pgdir, sp, AT_ENTRY, im->entry);
	put_aux(pgdir, sp, AT_UID, (u32)current->uid);
	put_aux(pgdir, sp, AT_EUID, (u32)current->euid);
	put_aux(pgdir, sp, AT_GID, (u32)current->gid);
	put_aux(pgdir, sp, AT_EGID, (u32)current->egid);
	put_aux(pgdir, sp, AT_SECURE, 0);	/* set-id files are not honoured */
	put_aux(pgdir, sp, AT_RANDOM, random);
	put_aux(pgdir, sp, AT_EXECFN, execfn);
	put_aux(pgdir, sp, AT_PLATFORM, platform);
	put_aux(pgdir, sp, AT_NULL, 0);
}

/* Build the initial stack for the measured strings e and the program
 * im run as path; set *esp to its top and args[0..1] to where the
 * argument strings begin and end (for a core dump's command line). */
static int setup_stack(pde_t *pgdir, const struct exec_strings *e, const struct exec_image *im,
		       const char *path, u32 *esp, u32 args[2])
{
	u32 path_size = (u32)strlen(path) + 1, nwords, str, sp, execfn, platform, random;
	u8 bytes[RANDOM_BYTES];
	int err;

	if (path_size > ARG_MAX)
		return -E2BIG;
	str = USER_STACK_TOP - e->bytes;
	execfn = str - path_size;
	platform = execfn - sizeof(PLATFORM);
	random = ALIGN_DOWN(platform - RANDOM_BYTES, sizeof(u32));
	nwords = 1 + e->count[ARGV] + 1 + e->count[ENVP] + 1 + 2 * AUXV_PAIRS;
	sp = ALIGN_DOWN(random - nwords * sizeof(u32), 16);
	if ((err = alloc_range(pgdir, sp - USER_STACK_INIT, USER_STACK_TOP, PTE_U | PTE_W)) < 0)
		return err;
	random_bytes(bytes, sizeof(bytes));
	copy_to_pgdir(pgdir, random, bytes, sizeof(bytes), false);
	copy_to_pgdir(pgdir, platform, PLATFORM, sizeof(PLATFORM), false);
	copy_to_pgdir(pgdir, execfn, path, path_size, false);
	*esp = sp;
	put_word(pgdir, &sp, (u32)e->count[ARGV]);
	args[0] = str;
	if ((err = put_strings(pgdir, e, ARGV, &sp, &str)) < 0)
		return err;
	args[1] = str;
	if ((err = put_strings(pgdir, e, ENVP, &sp, &str)) < 0)
		return err;
	put_auxv(pgdir, &sp, im, execfn, platform, random);
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

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * If ip is a script ("#!interpreter [argument]" on its first line), put
 * the interpreter, the argument if any, and path before the arguments
 * in e, with line as their storage, and set *interp.  0 if it is one,
 * 1 if it is not, else -ENOEXEC (no interpreter, or a name cut short by
 * the line limit).
 */
static int parse_script(struct inode *ip, const char *path, char line[SCRIPT_LINE],
			struct exec_strings *e, const char **interp)
{
	ssize_t n = inode_read(ip, line, 0, SCRIPT_LINE - 1);
	char *p, *arg, *end;
	const char *add[3];
	int nadd = 0;

	if (n < 2 || line[0] != '#' || line[1] != '!')
		return 1;
	line[n] = '\0';
	for (end = line; end < line + n && *end != '\n'; end++)
		;
	if (end == line + n)
		end = NULL;
	if (!end && n < SCRIPT_LINE - 1)
		end = line + n;
	for (p = line + 2; is_blank(*p); p++)
		;
	for (arg = p; *arg && *arg != '\n' && !is_blank(*arg); arg++)
		;
	if (arg == p || (!end && !*arg))
		return -ENOEXEC;		/* none, or its name cut short */
	if (!end)
		end = line + n;
	*end = '\0';
	while (end > arg && is_blank(end[-1]))
		*--end = '\0';
	if (*arg)
		*arg++ = '\0';
	while (is_blank(*arg))
		arg++;
	if (e->npre + 3 > MAX_PRE)
		return -ELOOP;
	add[nadd++] = p;
	if (*arg)
		add[nadd++] = arg;
	if (e->npre == 0) {		/* the first script: argv[0] makes way */
		add[nadd++] = path;
		e->skip = e->count[ARGV] > 0;
	}
	memmove(&e->pre[nadd], e->pre, (size_t)e->npre * sizeof(e->pre[0]));
	memcpy(e->pre, add, (size_t)nadd * sizeof(add[0]));
	e->npre += nadd;
	*interp = p;
	return 0;
}

/* The file to load: path, or the interpreter of the script it is,
 * repeatedly.  *ipp is it, checked as Linux checks it (a regular file
 * it may execute), referenced. */
static int open_program(const char *path, struct exec_strings *e,
			char lines[MAX_SCRIPT_DEPTH][SCRIPT_LINE], struct inode **ipp)
{
	const char *file = path;
	int err;

	for (int depth = 0; ; depth++) {
		struct inode *ip;

		if ((err = namei(file, &ip)) < 0)
			return err;
		if (!S_ISREG(ip->mode))
			err = -EACCES;
		else
			err = inode_permission(ip, MAY_EXEC);
		if (err == 0 && depth == 0)
			err = measure_strings(e);
		if (err == 0 && depth == MAX_SCRIPT_DEPTH)
			err = -ELOOP;
		if (err == 0 && (err = parse_script(ip, path, lines[depth], e, &file)) == 1) {
			*ipp = ip;
			return 0;
		}
		inode_put(ip);
		if (err < 0)
			return err;
		if ((err = measure_strings(e)) < 0)
			return err;
	}
}

/* As Linux, the file is checked first (ENOENT, EACCES), then the strings
 * (E2BIG, EFAULT), then the program (ENOEXEC). */
static int exec_program(const char *path, struct exec_strings *e)
{
	char lines[MAX_SCRIPT_DEPTH][SCRIPT_LINE];
	struct exec_image im;
	struct inode *ip;
	pde_t *pgdir, *old;
	u32 sp = 0, args[2] = { 0, 0 };
	int err;

	if ((err = open_program(path, e, lines, &ip)) < 0)
		return err;
	if (!(pgdir = pgdir_create())) {
		inode_put(ip);
		return -ENOMEM;
	}
	memset(&im, 0, sizeof(im));
	err = load_program(pgdir, ip, &im);
	inode_put(ip);
	if (err == 0)
		err = vsyscall_map(pgdir);
	if (err == 0)
		err = setup_stack(pgdir, e, &im, path, &sp, args);
	if (err < 0) {
		pgdir_free(pgdir);
		return err;
	}
	shm_exit(current);
	old = current->pgdir;
	current->pgdir = pgdir;
	switch_pgdir(pgdir);
	if (!current->mm_borrowed)
		pgdir_free(old);
	proc_vfork_release(current);	/* vfork: the parent may go on */
	mmap_exec(current, im.bss, im.nbss);
	current->brk_start = current->brk = ALIGN_UP(im.end, PAGE_SIZE);
	set_name(path);
	current->arg_start = args[0];
	current->arg_end = args[1];
	procfs_exec(current, path);
	files_exec(current);
	signals_exec(current);
	tls_exec(current);
	start_user(current->tf, im.entry, sp);
	fpu_reset();
	return 0;
}

/* argv, envp and their strings are kernel memory (init). */
int do_execve(const char *path, char *const argv[], char *const envp[])
{
	struct exec_strings e = { .vec = { argv, envp }, .user = false };

	return exec_program(path, &e);
}

/* argv, envp and their strings are the calling process's memory. */
int do_execve_user(const char *path, char *const __user *argv, char *const __user *envp)
{
	struct exec_strings e = { .vec = { (char *const *)argv, (char *const *)envp },
				  .user = true };

	return exec_program(path, &e);
}
