/*
 * procfs.c - /proc: the kernel's state as files, formatted as Linux
 * formats them, for programs such as ps and free.
 *
 *   /proc/self            a symbolic link to the caller's pid
 *   /proc/meminfo         MemTotal, MemFree, ... in kB
 *   /proc/uptime          seconds since boot, and seconds idle
 *   /proc/sys/fs/pipe-max-size         the largest pipe non-root may ask
 *   /proc/sys/fs/pipe-user-pages-soft  the pages one user's pipes may hold
 *                         (read-only here; ipc/pipe_pages.c)
 *   /proc/PID/            one directory per process (zombies included),
 *                         owned by the process's effective uid
 *   /proc/PID/stat        the one-line status (52 fields) of proc(5)
 *   /proc/PID/status      the same as "Name: value" lines
 *   /proc/PID/exe         a symbolic link to the program it runs
 *   /proc/PID/cmdline     its arguments, each ended by a NUL (empty for
 *                         a zombie)
 *
 * /proc is a directory of the root file system whose inode has proc_kind
 * set: lookups and directory reads in it come here, not to its entry
 * list.  /proc, /proc/sys and /proc/sys/fs are fixed directories
 * (fixed_dirs: a table of entries each); /proc lists the processes too.  Its nodes are ordinary inodes made on demand and kept in a
 * cache: the fixed ones for good, a process's ones per process-table
 * slot until the slot holds another pid, when they lose their name
 * (nlink 0) and go with their last user.  A file's text is made when it
 * is opened, so one open file reads one consistent snapshot.
 *
 * The program each process runs is remembered by slot (procfs_exec,
 * procfs_fork), up to EXE_LEN bytes of its path.
 */
#include "kernel/procfs.h"
#include "kernel/file.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/time.h"
#include "kernel/timer.h"
#include "kernel/vfs.h"
#include "mm/mm.h"
#include "ipc/pipe.h"
#include "kernel/errno.h"
#include <uapi/fcntl.h>
#include <uapi/signal.h>

#define PROC_TEXT_MAX	PAGE_SIZE	/* a /proc file's text */
#define EXE_LEN		128
#define PAGE_KB		(PAGE_SIZE / 1024)
#define CENTI_PER_SEC	100
#define USER_IMAGE_BASE	0x08048000u	/* where programs are linked */
#define HANDLER_IGN	1u		/* sig_action.handler of SIG_IGN */
#define STAT_FLAGS	0u		/* stat's flags: no PF_* flag applies */
#define PRIORITY	20		/* stat's priority: nice 0 */
#define NICE		0
#define RLIM_NONE	0xffffffffu	/* rsslim: unlimited */

enum proc_kind {
	PK_NONE,
	PK_ROOT,	/* /proc */
	PK_SELF,
	PK_MEMINFO,
	PK_UPTIME,
	PK_PID_DIR,
	PK_STAT,
	PK_STATUS,
	PK_EXE,
	PK_CMDLINE,
	PK_SYS,		/* /proc/sys */
	PK_SYS_FS,	/* /proc/sys/fs */
	PK_PIPE_MAX_SIZE,
	PK_PIPE_USER_PAGES_SOFT,
};

struct proc_entry {
	const char *name;
	u16 kind;
	u16 mode;
};

static const struct proc_entry root_entries[] = {
	{ "self", PK_SELF, S_IFLNK | 0777 },
	{ "meminfo", PK_MEMINFO, S_IFREG | 0444 },
	{ "uptime", PK_UPTIME, S_IFREG | 0444 },
	{ "sys", PK_SYS, S_IFDIR | 0555 },
};
#define NROOT		ARRAY_SIZE(root_entries)

static const struct proc_entry sys_entries[] = {
	{ "fs", PK_SYS_FS, S_IFDIR | 0555 },
};

static const struct proc_entry sys_fs_entries[] = {
	{ "pipe-max-size", PK_PIPE_MAX_SIZE, S_IFREG | 0444 },
	{ "pipe-user-pages-soft", PK_PIPE_USER_PAGES_SOFT, S_IFREG | 0444 },
};

static const struct proc_entry pid_entries[] = {
	{ "stat", PK_STAT, S_IFREG | 0444 },
	{ "status", PK_STATUS, S_IFREG | 0444 },
	{ "exe", PK_EXE, S_IFLNK | 0777 },
	{ "cmdline", PK_CMDLINE, S_IFREG | 0444 },
};
#define NPID		ARRAY_SIZE(pid_entries)

/* The nodes of the process in one slot. */
struct pid_nodes {
	int pid;
	struct inode *dir;
	struct inode *files[NPID];
};

static struct inode *proc_root;
static struct inode *root_nodes[NROOT];
static struct inode *sys_nodes[ARRAY_SIZE(sys_entries)];
static struct inode *sys_fs_nodes[ARRAY_SIZE(sys_fs_entries)];

/* A directory whose entries never change, and their nodes. */
struct fixed_dir {
	u16 kind;
	u16 n;
	const struct proc_entry *entries;
	struct inode **nodes;
};

static const struct fixed_dir fixed_dirs[] = {
	{ PK_ROOT, NROOT, root_entries, root_nodes },
	{ PK_SYS, ARRAY_SIZE(sys_entries), sys_entries, sys_nodes },
	{ PK_SYS_FS, ARRAY_SIZE(sys_fs_entries), sys_fs_entries, sys_fs_nodes },
};
static struct pid_nodes pid_cache[NPROC];
static char exe_paths[NPROC][EXE_LEN];

static struct inode *make_node(const struct proc_entry *e, int pid)
{
	struct inode *ip = inode_new(e->mode);

	if (!ip)
		return NULL;
	ip->nlink = 1;
	ip->uid = ip->gid = 0;
	ip->proc_kind = e->kind;
	ip->proc_pid = pid;
	return ip;
}

static const struct fixed_dir *fixed_dir(u16 kind)
{
	for (u32 i = 0; i < ARRAY_SIZE(fixed_dirs); i++)
		if (fixed_dirs[i].kind == kind)
			return &fixed_dirs[i];
	return NULL;
}

/* The nodes of fixed directory d (inode dir), and of those below it. */
static void make_fixed(const struct fixed_dir *d, struct inode *dir)
{
	for (u32 i = 0; i < d->n; i++) {
		struct inode *ip = make_node(&d->entries[i], 0);

		if (!(d->nodes[i] = ip))
			panic("procfs: no memory");
		if (S_ISDIR(ip->mode)) {
			ip->nlink = 2;
			ip->parent = dir;
			inode_get(dir);
			make_fixed(fixed_dir(ip->proc_kind), ip);
		}
	}
}

void procfs_init(void)
{
	if (vfs_create("/proc", S_IFDIR | 0555, 0, &proc_root) < 0)
		panic("procfs: cannot make /proc");
	proc_root->uid = proc_root->gid = 0;
	proc_root->proc_kind = PK_ROOT;
	make_fixed(fixed_dir(PK_ROOT), proc_root);
}

/* ---------------------------------------------------------- the cache */

/* A node leaves the cache: it has no name now, and goes with its last user. */
static void drop_node(struct inode *ip)
{
	if (!ip)
		return;
	ip->nlink = 0;
	inode_put(ip);
}

static void drop_pid_nodes(struct pid_nodes *c)
{
	drop_node(c->dir);
	for (u32 i = 0; i < NPID; i++)
		drop_node(c->files[i]);
	memset(c, 0, sizeof(*c));
}

static bool proc_visible(const struct proc *p)
{
	return p && p->state != P_UNUSED && p->state != P_EMBRYO;
}

/* The /proc/PID directory of p, made if need be; NULL if out of memory. */
static struct inode *pid_dir(struct proc *p)
{
	struct pid_nodes *c = &pid_cache[p - proc_table];
	static const struct proc_entry dir_entry = { "", PK_PID_DIR, S_IFDIR | 0555 };

	if (c->dir && c->pid != p->pid)
		drop_pid_nodes(c);
	if (!c->dir) {
		c->pid = p->pid;
		if (!(c->dir = make_node(&dir_entry, p->pid)))
			return NULL;
		c->dir->nlink = 2;
		c->dir->parent = proc_root;
		inode_get(proc_root);
		for (u32 i = 0; i < NPID; i++)
			if (!(c->files[i] = make_node(&pid_entries[i], p->pid))) {
				drop_pid_nodes(c);
				return NULL;
			}
	}
	c->dir->uid = (u16)p->euid;
	c->dir->gid = (u16)p->egid;
	return c->dir;
}

/* The process a /proc/PID node is about, if it is still that pid's. */
static struct proc *node_proc(const struct inode *ip)
{
	struct proc *p = proc_find(ip->proc_pid);

	if (!proc_visible(p) || pid_cache[p - proc_table].pid != ip->proc_pid)
		return NULL;
	return p;
}

static int parse_pid(const char *name)
{
	int pid = 0;

	if (!*name || *name == '0')
		return -1;
	for (; *name; name++) {
		if (*name < '0' || *name > '9' || pid > 99999999)
			return -1;
		pid = pid * 10 + (*name - '0');
	}
	return pid;
}

struct inode *procfs_lookup(struct inode *dir, const char *name)
{
	const struct fixed_dir *d = fixed_dir(dir->proc_kind);
	struct proc *p;
	int pid;

	if (d) {
		for (u32 i = 0; i < d->n; i++)
			if (!strcmp(name, d->entries[i].name))
				return d->nodes[i];
		if (d->kind != PK_ROOT || (pid = parse_pid(name)) < 0 ||
		    !proc_visible(p = proc_find(pid)))
			return NULL;
		return pid_dir(p);
	}
	if (dir->proc_kind != PK_PID_DIR || !node_proc(dir))
		return NULL;
	for (u32 i = 0; i < NPID; i++)
		if (!strcmp(name, pid_entries[i].name))
			return pid_cache[node_proc(dir) - proc_table].files[i];
	return NULL;
}

/* getdents in /proc: positions 2.. are the fixed entries, then (in /proc
 * itself) one per process-table slot. */
bool procfs_entry(struct inode *dir, u32 *pos, const char **name, struct inode **ip)
{
	static char pid_name[12];
	const struct fixed_dir *d = fixed_dir(dir->proc_kind);
	u32 idx = *pos - DIR_FIRST_POS;
	struct proc *p;

	if (dir->proc_kind == PK_PID_DIR) {
		if (idx >= NPID || !(p = node_proc(dir)))
			return false;
		*name = pid_entries[idx].name;
		*ip = pid_cache[p - proc_table].files[idx];
		return true;
	}
	if (!d)
		return false;
	if (idx < d->n) {
		*name = d->entries[idx].name;
		*ip = d->nodes[idx];
		return true;
	}
	if (d->kind != PK_ROOT || idx - NROOT >= (u32)proc_slots)
		return false;
	for (int i = (int)(idx - NROOT); i < proc_slots; i++) {
		p = &proc_table[i];
		if (!proc_visible(p) || !(*ip = pid_dir(p)))
			continue;
		snprintf(pid_name, sizeof(pid_name), "%d", p->pid);
		*name = pid_name;
		*pos = DIR_FIRST_POS + NROOT + (u32)i;
		return true;
	}
	return false;
}

/* ---------------------------------------------------------- links */

int procfs_readlink(struct inode *link, char *buf)
{
	struct proc *p;

	if (link->proc_kind == PK_SELF)
		return snprintf(buf, PATH_MAX, "%d", current->pid);
	if (link->proc_kind != PK_EXE || !(p = node_proc(link)))
		return -ENOENT;
	if (!exe_paths[p - proc_table][0])
		return -ENOENT;
	return (int)strlcpy(buf, exe_paths[p - proc_table], PATH_MAX);
}

/* exec: remember the program's path, made absolute (p is current). */
void procfs_exec(struct proc *p, const char *path)
{
	char *cwd;

	strlcpy(exe_paths[p - proc_table], path, EXE_LEN);
	if (path[0] == '/' || !(cwd = path_buf()))
		return;
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	if (cwd_path(cwd) > 0)
		snprintf(exe_paths[p - proc_table], EXE_LEN, "%s%s%s", cwd,
			 cwd[1] ? "/" : "", path);
	putname(cwd);
}

void procfs_fork(struct proc *child, const struct proc *parent)
{
	memcpy(exe_paths[child - proc_table], exe_paths[parent - proc_table], EXE_LEN);
}

/* ---------------------------------------------------------- file text */

struct proc_text {
	u32 len;
	char buf[PROC_TEXT_MAX];
};

static char state_letter(const struct proc *p)
{
	switch (p->state) {
	case P_SLEEPING:
		return p->interruptible ? 'S' : 'D';
	case P_STOPPED:
		return 'T';
	case P_ZOMBIE:
		return 'Z';
	default:
		return 'R';
	}
}

static const char *state_name(char letter)
{
	switch (letter) {
	case 'S':	return "S (sleeping)";
	case 'D':	return "D (disk sleep)";
	case 'T':	return "T (stopped)";
	case 'Z':	return "Z (zombie)";
	}
	return "R (running)";
}

static int ppid_of(const struct proc *p)
{
	return p->parent && p->parent != p ? p->parent->pid : 0;
}

/* The process's memory in bytes: program and heap (from the usual
 * link address up to the break) and the stack mapped at exec. */
static u32 vm_bytes(const struct proc *p)
{
	return (p->brk > USER_IMAGE_BASE ? p->brk - USER_IMAGE_BASE : 0) + USER_STACK_INIT;
}

/* Standard signals 1..31 whose handler is `ignored` (SIG_IGN) or, if not,
 * a function (caught). */
static u32 handler_set(const struct proc *p, bool ignored)
{
	u32 set = 0;

	for (int sig = 1; sig < SIGRTMIN; sig++) {
		u32 h = p->sig_action[sig].handler;
		if (ignored ? h == HANDLER_IGN : h > HANDLER_IGN)
			set |= 1u << (sig - 1);
	}
	return set;
}

/*
 * proc(5)'s stat line: pid (comm) state ppid pgrp session tty_nr tpgid
 * flags minflt cminflt majflt cmajflt utime stime cutime cstime priority
 * nice num_threads itrealvalue starttime vsize rss rsslim startcode
 * endcode startstack kstkesp kstkeip signal blocked sigignore sigcatch
 * wchan nswap cnswap exit_signal processor rt_priority policy
 * delayacct_blkio_ticks guest_time cguest_time start_data end_data
 * start_brk arg_start arg_end env_start env_end exit_code: 52 fields.
 */
static u32 format_stat(const struct proc *p, char *buf, u32 size)
{
	return (u32)snprintf(buf, size,
		"%d (%s) %c %d %d %d 0 -1 %u 0 0 0 0 %u 0 0 0 %d %d 1 0 0 %u %u "
		"%u %u %u %u 0 0 %u %u %u %u 0 0 0 %d 0 0 0 0 0 0 0 0 %u %u %u 0 0 %d\n",
		p->pid, p->name, state_letter(p), ppid_of(p), p->pgid, p->sid,
		STAT_FLAGS, p->ticks, PRIORITY, NICE,
		vm_bytes(p), vm_bytes(p) / PAGE_SIZE, RLIM_NONE, USER_IMAGE_BASE,
		p->brk_start, USER_STACK_TOP, (u32)p->sig_pending, (u32)p->sig_blocked,
		handler_set(p, true), handler_set(p, false), SIGCHLD,
		p->brk_start, p->arg_start, p->arg_end,
		p->state == P_ZOMBIE ? p->exit_status : 0);
}

static u32 format_status(const struct proc *p, char *buf, u32 size)
{
	return (u32)snprintf(buf, size,
		"Name:\t%s\nUmask:\t%04o\nState:\t%s\nTgid:\t%d\nNgid:\t0\nPid:\t%d\n"
		"PPid:\t%d\nTracerPid:\t0\nUid:\t%d\t%d\t%d\t%d\nGid:\t%d\t%d\t%d\t%d\n"
		"FDSize:\t%d\nGroups:\t\nVmSize:\t%8u kB\nThreads:\t1\n"
		"SigPnd:\t%08x%08x\nShdPnd:\t0000000000000000\nSigBlk:\t%08x%08x\n"
		"SigIgn:\t00000000%08x\nSigCgt:\t00000000%08x\n",
		p->name, p->umask, state_name(state_letter(p)), p->pid, p->pid, ppid_of(p),
		p->uid, p->euid, p->suid, p->euid, p->gid, p->egid, p->sgid, p->egid,
		NOFILE, vm_bytes(p) / 1024,
		(u32)(p->sig_pending >> 32), (u32)p->sig_pending,
		(u32)(p->sig_blocked >> 32), (u32)p->sig_blocked,
		handler_set(p, true), handler_set(p, false));
}

/* Linux's meminfo lines: the name and colon in 16 columns, the value in 8. */
static u32 meminfo_line(char *buf, u32 size, const char *name, u32 kb)
{
	char label[20];

	snprintf(label, sizeof(label), "%s:", name);
	return (u32)snprintf(buf, size, "%-16s%8u kB\n", label, kb);
}

static u32 format_meminfo(char *buf, u32 size)
{
	static const char *const zero[] = { "Buffers", "Cached", "SwapCached", "SwapTotal",
					    "SwapFree", "Shmem", "Slab", "SReclaimable",
					    "SUnreclaim" };	/* no caches, no swap */
	u32 free_kb = (u32)frames_free() * PAGE_KB, n = 0;

	n += meminfo_line(buf + n, size - n, "MemTotal", (u32)frames_total() * PAGE_KB);
	n += meminfo_line(buf + n, size - n, "MemFree", free_kb);
	n += meminfo_line(buf + n, size - n, "MemAvailable", free_kb);
	for (u32 i = 0; i < ARRAY_SIZE(zero); i++)
		n += meminfo_line(buf + n, size - n, zero[i], 0);
	return n;
}

/* Seconds since boot and seconds idle, to the hundredth. */
static u32 format_uptime(char *buf, u32 size)
{
	u32 centi = (u32)(clock_ns() / (NSEC_PER_SEC / CENTI_PER_SEC));
	u32 busy = 0;

	for (int i = 0; i < proc_slots; i++)
		busy += proc_table[i].ticks;
	busy = MIN(busy * (CENTI_PER_SEC / HZ), centi);
	return (u32)snprintf(buf, size, "%u.%02u %u.%02u\n", centi / CENTI_PER_SEC,
			     centi % CENTI_PER_SEC, (centi - busy) / CENTI_PER_SEC,
			     (centi - busy) % CENTI_PER_SEC);
}

/* Up to size bytes of p's memory at va (stopping at a page that is not
 * there), through p's own page table; the count copied. */
static u32 copy_from_proc(const struct proc *p, u32 va, char *buf, u32 size)
{
	u32 done = 0;

	while (done < size && va + done < USER_TOP) {
		u32 at = va + done, chunk = MIN(size - done, PAGE_SIZE - at % PAGE_SIZE);
		pte_t *pte = pgdir_walk(p->pgdir, at, false);

		if (!pte || !(*pte & PTE_P) || !(*pte & PTE_U))
			break;
		memcpy(buf + done, (char *)P2V(PTE_ADDR(*pte)) + at % PAGE_SIZE, chunk);
		done += chunk;
	}
	return done;
}

/* The argument strings exec put on the stack, NULs included. */
static u32 format_cmdline(const struct proc *p, char *buf, u32 size)
{
	if (p->state == P_ZOMBIE || !p->pgdir || p->arg_end <= p->arg_start)
		return 0;
	return copy_from_proc(p, p->arg_start, buf, MIN(size, p->arg_end - p->arg_start));
}

static int format_node(const struct inode *ip, struct proc_text *t)
{
	struct proc *p = NULL;

	switch (ip->proc_kind) {	/* the files about no process */
	case PK_MEMINFO:
		t->len = format_meminfo(t->buf, sizeof(t->buf));
		return 0;
	case PK_UPTIME:
		t->len = format_uptime(t->buf, sizeof(t->buf));
		return 0;
	case PK_PIPE_MAX_SIZE:
		t->len = (u32)snprintf(t->buf, sizeof(t->buf), "%u\n", PIPE_MAX_SIZE);
		return 0;
	case PK_PIPE_USER_PAGES_SOFT:
		t->len = (u32)snprintf(t->buf, sizeof(t->buf), "%ld\n", pipe_user_pages_soft());
		return 0;
	}
	if (!(p = node_proc(ip)))
		return -ENOENT;
	switch (ip->proc_kind) {
	case PK_STAT:
		t->len = format_stat(p, t->buf, sizeof(t->buf));
		return 0;
	case PK_STATUS:
		t->len = format_status(p, t->buf, sizeof(t->buf));
		return 0;
	case PK_CMDLINE:
		t->len = format_cmdline(p, t->buf, sizeof(t->buf));
		return 0;
	}
	return -ENXIO;
}

static ssize_t text_read(struct file *f, char __user *buf, size_t n)
{
	struct proc_text *t = f->priv;
	u32 len;

	if (f->pos >= t->len)
		return 0;
	len = MIN((u32)n, t->len - f->pos);
	if (copy_to_user(buf, t->buf + f->pos, len) < 0)
		return -EFAULT;
	f->pos += len;
	return (ssize_t)len;
}

static long text_lseek(struct file *f, long off, int whence)
{
	struct proc_text *t = f->priv;
	long base = whence == SEEK_CUR ? (long)f->pos : whence == SEEK_END ? (long)t->len : 0;

	if ((whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) || base + off < 0)
		return -EINVAL;
	f->pos = (u32)(base + off);
	return (long)f->pos;
}

static void text_release(struct file *f)
{
	kfree(f->priv);
}

static const struct file_ops text_ops = {
	.read = text_read,
	.lseek = text_lseek,
	.release = text_release,
};

/* Open a /proc file (its mode has allowed it): its text is made now. */
int procfs_open(struct inode *ip, u32 flags, struct file **out)
{
	struct proc_text *t;
	int err;

	if (!(t = kzalloc(sizeof(*t))))
		return -ENOMEM;
	if ((err = format_node(ip, t)) < 0 || !(*out = file_alloc(ip, flags, &text_ops))) {
		kfree(t);
		return err < 0 ? err : -ENOMEM;
	}
	(*out)->priv = t;
	return 0;
}
