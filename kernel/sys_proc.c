/*
 * sys_proc.c - system calls about processes: exit, fork, wait, execve,
 * identities (pids, groups, sessions, user and group ids), the program
 * break, uname and the statistics calls (sysinfo, kstat).
 */
#include "kernel/syscall.h"
#include "kernel/exec.h"
#include "kernel/proc.h"
#include "kernel/rlimit.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/timer.h"
#include "kernel/vfs.h"
#include "ipc/ipc.h"
#include "ipc/pipe.h"
#include "kernel/file.h"
#include "mm/mm.h"
#include "mm/slab.h"
#include "kernel/errno.h"
#include <uapi/kstat.h>
#include <uapi/sysinfo.h>
#include <uapi/utsname.h>
#include <uapi/wait.h>

#define UTS_SYSNAME	"Relay"
#define UTS_NODENAME	"relay"
#define UTS_RELEASE	"0.1"
#define UTS_VERSION	"teaching kernel, IPC edition"
#define UTS_MACHINE	"i686"
#define BRK_MAX		SHM_BASE	/* the heap may grow up to shared memory */
#define RUSAGE_SIZE	72		/* struct rusage on i386 */

long sys_exit(int code)
{
	proc_exit((code & 0xff) << 8);
}

long sys_fork(void)
{
	return proc_fork();
}

/* wait4: resource usage is not accounted, so *rusage reads all zeros. */
long sys_wait4(int pid, int __user *status, int options, void __user *rusage)
{
	int st = 0, ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
		return -EINVAL;
	/* Checked before reaping, so that a bad pointer loses no child. */
	if ((status && check_user_writable(status, sizeof(*status)) < 0) ||
	    (rusage && check_user_writable(rusage, RUSAGE_SIZE) < 0))
		return -EFAULT;
	ret = proc_wait(pid, &st, options);
	if (ret > 0 && status && copy_to_user(status, &st, sizeof(st)) < 0)
		return -EFAULT;
	if (ret > 0 && rusage && clear_user(rusage, RUSAGE_SIZE) < 0)
		return -EFAULT;
	return ret;
}

long sys_waitpid(int pid, int __user *status, int options)
{
	return sys_wait4(pid, status, options, NULL);
}

/* The arguments go straight from the caller's memory to the new stack
 * (kernel/exec.c); only the path is copied in, into a page (getname). */
long sys_execve(const char __user *upath, char *const __user *uargv,
		char *const __user *uenvp)
{
	char *path;
	long err = getname(upath, &path);

	if (err < 0)
		return err;
	err = do_execve_user(path, uargv, uenvp);
	putname(path);
	return err;
}

long sys_getpid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	return current->parent->pid;
}

long sys_getuid(void)
{
	return current->uid;
}

long sys_geteuid(void)
{
	return current->euid;
}

long sys_getgid(void)
{
	return current->gid;
}

long sys_getegid(void)
{
	return current->egid;
}

/*
 * The user and group id calls share one rule (setresuid(2)): root may set
 * any id; anyone else may only set each of real, effective and saved to
 * one of its current real, effective or saved values.  -1 keeps a value.
 */
static bool id_allowed(int id, const int *cur)
{
	return id == -1 || id == cur[0] || id == cur[1] || id == cur[2];
}

static long set_ids(int *real, int *eff, int *saved, int r, int e, int s)
{
	int cur[3] = { *real, *eff, *saved };

	if (current->euid != 0 &&
	    !(id_allowed(r, cur) && id_allowed(e, cur) && id_allowed(s, cur)))
		return -EPERM;
	if (r != -1)
		*real = r;
	if (e != -1)
		*eff = e;
	if (s != -1)
		*saved = s;
	return 0;
}

long sys_setresuid(int r, int e, int s)
{
	return set_ids(&current->uid, &current->euid, &current->suid, r, e, s);
}

long sys_setresgid(int r, int e, int s)
{
	return set_ids(&current->gid, &current->egid, &current->sgid, r, e, s);
}

/* setreuid/setregid: a new real id, or an effective id differing from
 * the old real id, also sets the saved id to the new effective id.  A
 * non-root caller may set the real id only to its real or effective id. */
static long set_real_eff(int *real, int *eff, int *saved, int r, int e)
{
	int s = (r != -1 || (e != -1 && e != *real)) ? (e != -1 ? e : *eff) : -1;

	if (current->euid != 0 && r != -1 && r != *real && r != *eff)
		return -EPERM;
	return set_ids(real, eff, saved, r, e, s);
}

long sys_setreuid(int r, int e)
{
	return set_real_eff(&current->uid, &current->euid, &current->suid, r, e);
}

long sys_setregid(int r, int e)
{
	return set_real_eff(&current->gid, &current->egid, &current->sgid, r, e);
}

/* setuid: root sets all three ids; others only the effective one. */
long sys_setuid(int uid)
{
	if (uid < 0)
		return -EINVAL;
	if (current->euid == 0)
		return sys_setresuid(uid, uid, uid);
	return sys_setresuid(-1, uid, -1);
}

long sys_setgid(int gid)
{
	if (gid < 0)
		return -EINVAL;
	if (current->euid == 0)
		return sys_setresgid(gid, gid, gid);
	return sys_setresgid(-1, gid, -1);
}

/* Store three ids of `size` bytes each: the original calls (165, 171)
 * take 16-bit ids, the ...32 calls (209, 211) 32-bit ones. */
static long put_ids(void __user *r, void __user *e, void __user *s, size_t size,
		    int a, int b, int c)
{
	if (copy_to_user(r, &a, size) < 0 || copy_to_user(e, &b, size) < 0 ||
	    copy_to_user(s, &c, size) < 0)
		return -EFAULT;
	return 0;
}

long sys_getresuid(u16 __user *r, u16 __user *e, u16 __user *s)
{
	return put_ids(r, e, s, sizeof(*r), current->uid, current->euid, current->suid);
}

long sys_getresgid(u16 __user *r, u16 __user *e, u16 __user *s)
{
	return put_ids(r, e, s, sizeof(*r), current->gid, current->egid, current->sgid);
}

long sys_getresuid32(int __user *r, int __user *e, int __user *s)
{
	return put_ids(r, e, s, sizeof(*r), current->uid, current->euid, current->suid);
}

long sys_getresgid32(int __user *r, int __user *e, int __user *s)
{
	return put_ids(r, e, s, sizeof(*r), current->gid, current->egid, current->sgid);
}

static struct proc *find_or_self(int pid)
{
	return pid == 0 ? current : proc_find(pid);
}

long sys_getpgrp(void)
{
	return current->pgid;
}

long sys_getpgid(int pid)
{
	struct proc *p = find_or_self(pid);

	return p ? p->pgid : -ESRCH;
}

long sys_getsid(int pid)
{
	struct proc *p = find_or_self(pid);

	return p ? p->sid : -ESRCH;
}

static bool group_exists_in_session(int pgid, int sid)
{
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = &proc_table[i];
		if (p->state != P_UNUSED && p->state != P_ZOMBIE &&
		    p->pgid == pgid && p->sid == sid)
			return true;
	}
	return false;
}

/* setpgid(2): move self or a child into a group of the same session. */
long sys_setpgid(int pid, int pgid)
{
	struct proc *p = find_or_self(pid);

	if (pgid < 0)
		return -EINVAL;
	if (!p || (p != current && p->parent != current))
		return -ESRCH;
	if (p->sid != current->sid || p->pid == p->sid)
		return -EPERM;
	if (pgid == 0)
		pgid = p->pid;
	if (pgid != p->pid && !group_exists_in_session(pgid, current->sid))
		return -EPERM;
	p->pgid = pgid;
	return 0;
}

long sys_setsid(void)
{
	for (int i = 0; i < NPROC; i++)
		if (proc_table[i].state != P_UNUSED && proc_table[i].pgid == current->pid)
			return -EPERM;
	current->sid = current->pgid = current->pid;
	current->ctty = NULL;
	return current->sid;
}

/* brk(2) as the raw Linux call: returns the new break, or the old one
 * when the request cannot be met. */
long sys_brk(u32 addr)
{
	struct proc *mm = mm_owner(current);	/* a vfork child moves its lender's */
	u32 old_end = ALIGN_UP(mm->brk, PAGE_SIZE);
	u32 new_end = ALIGN_UP(addr, PAGE_SIZE);

	if (addr < mm->brk_start || addr > BRK_MAX ||
	    (new_end > old_end && shm_overlaps(mm, old_end, new_end)) ||
	    (new_end > old_end && mmap_overlaps(mm, old_end, new_end)) ||
	    (new_end > old_end && !rlimit_brk_allows(mm, addr)))
		return mm->brk;
	if (new_end > old_end &&
	    alloc_range(mm->pgdir, old_end, new_end, PTE_U | PTE_W) < 0) {
		unmap_range(mm->pgdir, old_end, new_end);
		return mm->brk;
	}
	if (new_end < old_end)
		unmap_range(mm->pgdir, new_end, old_end);
	mm->brk = addr;
	return addr;
}

long sys_sched_yield(void)
{
	yield();
	return 0;
}

long sys_uname(struct utsname __user *u)
{
	struct utsname k;

	memset(&k, 0, sizeof(k));
	strlcpy(k.sysname, UTS_SYSNAME, sizeof(k.sysname));
	strlcpy(k.nodename, UTS_NODENAME, sizeof(k.nodename));
	strlcpy(k.release, UTS_RELEASE, sizeof(k.release));
	strlcpy(k.version, UTS_VERSION, sizeof(k.version));
	strlcpy(k.machine, UTS_MACHINE, sizeof(k.machine));
	return copy_to_user(u, &k, sizeof(k));
}

long sys_sysinfo(struct sysinfo __user *info)
{
	struct sysinfo k;

	memset(&k, 0, sizeof(k));
	k.uptime = (long)uptime_seconds();
	k.totalram = frames_total();
	k.freeram = frames_free();
	k.procs = (u16)proc_count();
	k.mem_unit = PAGE_SIZE;
	return copy_to_user(info, &k, sizeof(k));
}

static int kstat_state(const struct proc *p)
{
	switch (p->state) {
	case P_RUNNING:
		return KPROC_RUNNING;
	case P_SLEEPING:
		return p->interruptible ? KPROC_SLEEPING : KPROC_BLOCKED;
	case P_STOPPED:
		return KPROC_STOPPED;
	case P_ZOMBIE:
		return KPROC_ZOMBIE;
	default:
		return KPROC_RUNNABLE;
	}
}

static long kstat_procs(struct kstat_proc __user *buf, u32 len)
{
	u32 max = len / sizeof(struct kstat_proc), n = 0;

	for (int i = 0; i < NPROC && n < max; i++) {
		struct proc *p = &proc_table[i];
		struct kstat_proc k;

		if (p->state == P_UNUSED || p->state == P_EMBRYO)
			continue;
		memset(&k, 0, sizeof(k));
		k.pid = p->pid;
		k.ppid = p->parent ? p->parent->pid : 0;
		k.pgid = p->pgid;
		k.sid = p->sid;
		k.uid = p->uid;
		k.euid = p->euid;
		k.gid = p->gid;
		k.state = kstat_state(p);
		k.pending = p->sig_pending;
		k.blocked = p->sig_blocked;
		k.mem_pages = p->pgdir ? pgdir_user_pages(p->pgdir) : 0;
		k.ticks = p->ticks;
		strlcpy(k.name, p->name, sizeof(k.name));
		if (copy_to_user(&buf[n], &k, sizeof(k)) < 0)
			return -EFAULT;
		n++;
	}
	return n;
}

static long kstat_objects(void __user *buf, u32 len)
{
	struct kstat_objects k;

	if (len < sizeof(k))
		return -EINVAL;
	memset(&k, 0, sizeof(k));
	k.sysv_ids = ipc_object_count();
	k.pipes = pipe_live_count();
	k.files = file_count();
	return copy_to_user(buf, &k, sizeof(k));
}

static long kstat_caches(struct kstat_cache __user *buf, u32 len)
{
	struct kstat_cache k;
	long n = 0;

	while (n < (long)(len / sizeof(k)) && kmem_cache_stat((int)n, &k)) {
		if (copy_to_user(&buf[n], &k, sizeof(k)) < 0)
			return -EFAULT;
		n++;
	}
	return n;
}

long sys_kstat(int what, void __user *buf, u32 len)
{
	struct kstat_info k;

	switch (what) {
	case KSTAT_INFO:
		if (len < sizeof(k))
			return -EINVAL;
		memset(&k, 0, sizeof(k));
		k.free_frames = frames_free();
		k.total_frames = frames_total();
		k.heap_used = heap_used();
		k.heap_size = heap_size();
		k.nprocs = proc_count();
		k.max_procs = NPROC;
		k.ticks = ticks;
		k.hz = HZ;
		k.cr3_loads = cr3_loads;
		return copy_to_user(buf, &k, sizeof(k));
	case KSTAT_PROCS:
		return kstat_procs(buf, len);
	case KSTAT_OBJECTS:
		return kstat_objects(buf, len);
	case KSTAT_CACHES:
		return kstat_caches(buf, len);
	}
	return -EINVAL;
}
