/*
 * coredump.c - the `core` file a process leaves when a signal whose
 * default action is "core" kills it, for gdb to read post mortem.
 *
 * The file is an ELF core file in Linux's i386 layout, so that gdb (and
 * readelf) understand it:
 *
 *	ELF header		ET_CORE, EM_386
 *	program headers		one PT_NOTE, then one PT_LOAD per run of
 *				contiguous user pages with the same access
 *	notes			NT_PRSTATUS (signal, ids, the general registers
 *				in user_regs_struct order), NT_PRPSINFO (state,
 *				name, arguments), NT_SIGINFO, NT_PRFPREG (the
 *				x87 state as fnsave leaves it: user_i387_struct),
 *				NT_PRXFPREG (owner "LINUX": fxsave's image, SSE
 *				included)
 *	(page aligned)		the contents of each PT_LOAD, in order
 *
 * There are no memory-area records here: the page tables are the only
 * account of what a process has mapped (text, data and heap, shared
 * memory, the part of the stack touched so far), so the segments are the
 * runs of present user pages.
 *
 * Linux's rules, kept here: no core unless the process is dumpable (its
 * real, effective and saved ids agree: no set-id situation) and
 * RLIMIT_CORE is at least one page.  The file is `core` in the working
 * directory: an old one (not a directory) is first removed if the
 * directory lets us, then a new one is created mode 0600 (less the umask)
 * owned by the effective uid; an old one that stayed is used only if it
 * is a regular file with one name, owned by that uid and writable, and
 * is truncated first.  Writing stops before the byte that would pass
 * RLIMIT_CORE: the core is then cut short, but (as in Linux) it was
 * dumped, and the wait status says so.
 *
 * Memory: the file is written straight from the process's page frames,
 * one page at a time; only small headers live on the kernel stack, and
 * nothing is taken from the kernel heap (but the file's page list).
 */
#include "kernel/coredump.h"
#include "ipc/signal.h"
#include "kernel/elf.h"
#include "kernel/errno.h"
#include "kernel/fpu.h"
#include "kernel/proc.h"
#include "kernel/rlimit.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "kernel/trap.h"
#include "kernel/vfs.h"
#include "mm/mm.h"
#include <uapi/signal.h>

#define CORE_NAME	"core"
#define CORE_MODE	0600
#define CORE_MIN_LIMIT	PAGE_SIZE	/* a smaller RLIMIT_CORE: no file at all */
#define CORE_SIGNALS	(SIGBIT(SIGQUIT) | SIGBIT(SIGILL) | SIGBIT(SIGTRAP) | \
			 SIGBIT(SIGABRT) | SIGBIT(SIGBUS) | SIGBIT(SIGFPE) | \
			 SIGBIT(SIGSEGV) | SIGBIT(SIGXCPU) | SIGBIT(SIGXFSZ) | \
			 SIGBIT(SIGSYS))

/* Note types and the owner name of Linux's process notes. */
#define NT_PRSTATUS	1
#define NT_PRFPREG	2
#define NT_PRPSINFO	3
#define NT_SIGINFO	0x53494749u	/* "SIGI" */
#define NOTE_OWNER	"CORE"
#define NT_PRXFPREG	0x46e62b7fu	/* owner "LINUX" */
#define XNOTE_OWNER	"LINUX"
#define NOTE_ALIGN	4

#define ELF_NGREG	17		/* i386 user_regs_struct */
#define PRARGS_LEN	80		/* pr_psargs */
#define NO_SYSCALL	0xffffffffu	/* orig_eax outside a system call */
#define MAX_RUNS	0xffffu		/* e_phnum is 16 bits, one is the note */
#define USEC_PER_TICK	(1000000 / HZ)

struct elf_siginfo {
	int si_signo;
	int si_code;
	int si_errno;
};

struct elf_timeval {
	s32 tv_sec;
	s32 tv_usec;
};

/* Linux's i386 struct elf_prstatus: 144 bytes. */
struct elf_prstatus {
	struct elf_siginfo pr_info;
	short pr_cursig;			/* the signal that killed */
	u16 pad;
	u32 pr_sigpend;
	u32 pr_sighold;
	pid_t pr_pid, pr_ppid, pr_pgrp, pr_sid;
	struct elf_timeval pr_utime, pr_stime, pr_cutime, pr_cstime;
	u32 pr_reg[ELF_NGREG];		/* user_regs_struct */
	int pr_fpvalid;
};

/* Linux's i386 struct elf_prpsinfo: 124 bytes (16-bit ids). */
struct elf_prpsinfo {
	char pr_state, pr_sname, pr_zomb, pr_nice;
	u32 pr_flag;
	u16 pr_uid, pr_gid;
	pid_t pr_pid, pr_ppid, pr_pgrp, pr_sid;
	char pr_fname[PROC_NAME_LEN];
	char pr_psargs[PRARGS_LEN];
};

/* A note's header with its owner name, padded to NOTE_ALIGN. */
struct note_header {
	u32 namesz;
	u32 descsz;
	u32 type;
	char name[ALIGN_UP(sizeof(NOTE_OWNER), NOTE_ALIGN)];
};

_Static_assert(sizeof(struct elf_prstatus) == 144, "i386 elf_prstatus");
_Static_assert(sizeof(struct elf_prpsinfo) == 124, "i386 elf_prpsinfo");
_Static_assert(sizeof(siginfo_t) == 128, "siginfo_t");

#define NOTE_SIZE(desc)	(sizeof(struct note_header) + ALIGN_UP((desc), NOTE_ALIGN))
#define NOTES_SIZE	(NOTE_SIZE(sizeof(struct elf_prstatus)) + \
			 NOTE_SIZE(sizeof(struct elf_prpsinfo)) + \
			 NOTE_SIZE(sizeof(siginfo_t)) + NOTE_SIZE(FSAVE_SIZE) + \
			 NOTE_SIZE(FPU_STATE_SIZE))

/* The file being written: everything goes through emit and skip_to,
 * which keep pos <= limit. */
struct core_file {
	struct inode *ip;
	u32 pos;
	u32 limit;
};

/* A run of contiguous present user pages with the same flags (PF_*). */
struct run {
	u32 start, end;
	u32 flags;
};

static bool emit(struct core_file *cf, const void *buf, u32 n)
{
	if (n > cf->limit - cf->pos || inode_write(cf->ip, buf, cf->pos, n) != (ssize_t)n)
		return false;
	cf->pos += n;
	return true;
}

/* Move on to offset pos, leaving a hole (it reads as zeros). */
static bool skip_to(struct core_file *cf, u32 pos)
{
	if (pos > cf->limit)
		return false;
	cf->pos = pos;
	return true;
}

/* ------------------------------------------------------------ memory */

/* The PF_* flags of the user page at va, or 0 if none is there. */
static u32 page_flags(pde_t *pgdir, u32 va)
{
	pte_t *pte = pgdir_walk(pgdir, va, false);

	if (!pte || (*pte & (PTE_P | PTE_U)) != (PTE_P | PTE_U))
		return 0;
	return (*pte & (PTE_W | PTE_COW)) ? PF_R | PF_W : PF_R | PF_X;
}

/* The first run at or above va into *r; false if there is none. */
static bool next_run(pde_t *pgdir, u32 va, struct run *r)
{
	r->flags = 0;
	while (va < USER_TOP) {
		u32 flags;

		if (!(pgdir[PDX(va)] & PTE_P)) {	/* a whole empty table */
			if (r->flags)
				break;
			va = ALIGN_DOWN(va, LARGE_PAGE_SIZE) + LARGE_PAGE_SIZE;
			continue;
		}
		flags = page_flags(pgdir, va);
		if (r->flags && flags != r->flags)
			break;
		if (flags && !r->flags) {
			r->start = va;
			r->flags = flags;
		}
		va += PAGE_SIZE;
	}
	r->end = va;
	return r->flags != 0;
}

static bool write_pages(struct core_file *cf, pde_t *pgdir, const struct run *r)
{
	for (u32 va = r->start; va < r->end; va += PAGE_SIZE)
		if (!emit(cf, P2V(PTE_ADDR(*pgdir_walk(pgdir, va, false))), PAGE_SIZE))
			return false;
	return true;
}

/* ------------------------------------------------------------ headers */

static bool write_elf_header(struct core_file *cf, u16 phnum)
{
	struct elf_header eh;

	memset(&eh, 0, sizeof(eh));
	eh.magic = ELF_MAGIC;
	eh.class = ELFCLASS32;
	eh.data = ELFDATA2LSB;
	eh.version = EV_CURRENT;
	eh.type = ET_CORE;
	eh.machine = EM_386;
	eh.version2 = EV_CURRENT;
	eh.phoff = sizeof(eh);
	eh.ehsize = sizeof(eh);
	eh.phentsize = sizeof(struct elf_phdr);
	eh.phnum = phnum;
	return emit(cf, &eh, sizeof(eh));
}

static bool write_phdr(struct core_file *cf, u32 type, u32 offset, u32 vaddr, u32 size,
		       u32 flags, u32 align)
{
	struct elf_phdr ph = { type, offset, vaddr, 0, size, type == PT_LOAD ? size : 0,
			       flags, align };

	return emit(cf, &ph, sizeof(ph));
}

/* ------------------------------------------------------------- notes */

static bool write_owned_note(struct core_file *cf, const char *owner, u32 type,
			     const void *desc, u32 size)
{
	struct note_header nh = { (u32)strlen(owner) + 1, size, type, "" };

	strlcpy(nh.name, owner, sizeof(nh.name));
	return emit(cf, &nh, sizeof(nh)) && emit(cf, desc, size) &&
	       skip_to(cf, cf->pos + ALIGN_UP(size, NOTE_ALIGN) - size);
}

static bool write_note(struct core_file *cf, u32 type, const void *desc, u32 size)
{
	return write_owned_note(cf, NOTE_OWNER, type, desc, size);
}

static void fill_regs(u32 *reg, const struct trapframe *tf)
{
	u32 orig_eax = tf->trapno == T_SYSCALL ? (u32)current->syscall_nr : NO_SYSCALL;
	const u32 regs[ELF_NGREG] = {
		tf->ebx, tf->ecx, tf->edx, tf->esi, tf->edi, tf->ebp, tf->eax,
		tf->ds, tf->es, tf->fs, tf->gs, orig_eax,
		tf->eip, tf->cs, tf->eflags, tf->esp, tf->ss,
	};

	memcpy(reg, regs, sizeof(regs));
}

static bool write_prstatus(struct core_file *cf, int sig)
{
	struct elf_prstatus st;
	struct proc *p = current;

	memset(&st, 0, sizeof(st));
	st.pr_info.si_signo = sig;
	st.pr_cursig = (short)sig;
	st.pr_sigpend = p->sig_pending;
	st.pr_sighold = p->sig_blocked;
	st.pr_pid = p->pid;
	st.pr_ppid = p->parent->pid;
	st.pr_pgrp = p->pgid;
	st.pr_sid = p->sid;
	st.pr_utime.tv_sec = (s32)(p->ticks / HZ);
	st.pr_utime.tv_usec = (s32)(p->ticks % HZ * USEC_PER_TICK);
	fill_regs(st.pr_reg, p->tf);
	st.pr_fpvalid = 1;
	return write_note(cf, NT_PRSTATUS, &st, sizeof(st));
}

/* The command line, its arguments separated by spaces (as ps shows it). */
static void fill_args(char *args, const struct proc *p)
{
	u32 len = MIN(p->arg_end - p->arg_start, PRARGS_LEN - 1);

	if (p->arg_end <= p->arg_start ||
	    copy_from_user(args, (const void __user *)p->arg_start, len) < 0) {
		strlcpy(args, p->name, PRARGS_LEN);
		return;
	}
	for (u32 i = 0; i < len; i++)
		if (!args[i])
			args[i] = ' ';
	while (len && args[len - 1] == ' ')
		len--;
	args[len] = '\0';
}

static bool write_prpsinfo(struct core_file *cf)
{
	struct elf_prpsinfo ps;
	struct proc *p = current;

	memset(&ps, 0, sizeof(ps));
	ps.pr_sname = 'R';			/* it is running: it is dumping */
	ps.pr_uid = (u16)p->uid;
	ps.pr_gid = (u16)p->gid;
	ps.pr_pid = p->pid;
	ps.pr_ppid = p->parent->pid;
	ps.pr_pgrp = p->pgid;
	ps.pr_sid = p->sid;
	strlcpy(ps.pr_fname, p->name, sizeof(ps.pr_fname));
	fill_args(ps.pr_psargs, p);
	return write_note(cf, NT_PRPSINFO, &ps, sizeof(ps));
}

/* The siginfo_t the killing signal would have given a handler. */
static bool write_siginfo(struct core_file *cf, int sig)
{
	const struct sig_origin *o = &current->sig_from[sig];
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = o->code;
	if (o->code != SI_USER && o->code != SI_KERNEL) {
		info.si_addr = (void *)o->addr;
	} else {
		info.si_pid = o->pid;
		info.si_uid = (unsigned)o->uid;
	}
	return write_note(cf, NT_SIGINFO, &info, sizeof(info));
}

/* The FPU and SSE registers: still the process's own, as the kernel
 * never uses them.  gdb reads the x87 ones from NT_PRFPREG, SSE from
 * NT_PRXFPREG. */
static bool write_fpregs(struct core_file *cf)
{
	u8 fsave[FSAVE_SIZE];

	fpu_save(current->fpu);
	fpu_to_fsave((const struct fxsave_state *)current->fpu, fsave);
	return write_note(cf, NT_PRFPREG, fsave, sizeof(fsave)) &&
	       write_owned_note(cf, XNOTE_OWNER, NT_PRXFPREG, current->fpu, FPU_STATE_SIZE);
}

/* ------------------------------------------------------------ the file */

static bool write_core(struct core_file *cf, int sig)
{
	pde_t *pgdir = current->pgdir;
	u32 nruns = 0, data, off;
	struct run r;

	for (u32 va = 0; next_run(pgdir, va, &r); va = r.end)
		nruns++;
	if (nruns >= MAX_RUNS)
		return false;
	data = sizeof(struct elf_header) + (1 + nruns) * sizeof(struct elf_phdr);
	if (!write_elf_header(cf, (u16)(1 + nruns)) ||
	    !write_phdr(cf, PT_NOTE, data, 0, NOTES_SIZE, 0, NOTE_ALIGN))
		return false;
	off = ALIGN_UP(data + NOTES_SIZE, PAGE_SIZE);
	for (u32 va = 0; next_run(pgdir, va, &r); va = r.end) {
		if (!write_phdr(cf, PT_LOAD, off, r.start, r.end - r.start, r.flags, PAGE_SIZE))
			return false;
		off += r.end - r.start;
	}
	if (!write_prstatus(cf, sig) || !write_prpsinfo(cf) || !write_siginfo(cf, sig) ||
	    !write_fpregs(cf) || !skip_to(cf, ALIGN_UP(cf->pos, PAGE_SIZE)))
		return false;
	for (u32 va = 0; next_run(pgdir, va, &r); va = r.end)
		if (!write_pages(cf, pgdir, &r))
			return false;
	return true;
}

/* Linux's "dumpable": no set-id situation, where memory may hold what the
 * real user must not read. */
static bool dumpable(const struct proc *p)
{
	return p->uid == p->euid && p->uid == p->suid &&
	       p->gid == p->egid && p->gid == p->sgid;
}

/* Remove an old ./core that is not a directory, if we may (as Linux
 * does, so that a file of someone else's is not written into). */
static void unlink_old_core(void)
{
	char name[NAME_MAX + 1];
	struct inode *dir, *ip;

	if (nameiparent(CORE_NAME, &dir, name) < 0)
		return;
	ip = dir_lookup(dir, name);
	if (ip && !S_ISDIR(ip->mode) && inode_permission(dir, MAY_WRITE | MAY_EXEC) == 0)
		dir_unlink(dir, name);
	inode_put(dir);
}

/* Create ./core; or, if the old one could not be removed, take it over
 * when that is safe: a regular file with one name, owned by us, that we
 * may write.  A symbolic link named core is not followed (Linux opens
 * the core O_NOFOLLOW): it is no regular file, so no core is written. */
static int open_core(struct inode **out)
{
	struct inode *ip;
	int err;

	unlink_old_core();
	if ((err = namei_at(NULL, CORE_NAME, 0, &ip)) == -ENOENT)
		return vfs_create(CORE_NAME, S_IFREG | (CORE_MODE & ~current->umask), 0, out);
	if (err < 0)
		return err;
	if (!S_ISREG(ip->mode) || ip->nlink != 1 || ip->uid != (u16)current->euid)
		err = -EPERM;
	else if ((err = inode_permission(ip, MAY_WRITE)) == 0)
		err = inode_truncate(ip, 0);
	if (err < 0) {
		inode_put(ip);
		return err;
	}
	*out = ip;
	return 0;
}

bool coredump(int sig)
{
	unsigned long limit = rlimit_cur(current, RLIMIT_CORE);
	struct core_file cf = { NULL, 0, (u32)limit };

	if (sig < 1 || sig >= NSIG || !(CORE_SIGNALS & SIGBIT(sig)) ||
	    limit < CORE_MIN_LIMIT || !dumpable(current) || open_core(&cf.ip) < 0)
		return false;
	write_core(&cf, sig);		/* cut short at the limit: still a core */
	inode_put(cf.ip);
	return true;
}
