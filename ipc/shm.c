/*
 * shm.c - System V shared memory.
 *
 * A segment (struct shm_segment, one slot of the shm_segments table) is
 * a size and a list of page frames, all empty when shmget makes it: no
 * memory is used until a page is touched.  shmat records an attach - a
 * region of the process's address space backed by the segment, linked
 * both into the process's list and the segment's - and maps nothing
 * either.  The first touch of a page of the region faults; the page fault
 * handler (mm/fault.c calls shm_fault) finds the attach, gives the
 * segment's page a frame if it has none yet, and maps that frame.  So
 * every process that touches the page gets the same physical page.
 *
 * Each mapping of a page holds a reference on its frame (PTE_SHARED:
 * fork maps it again instead of copying), and the segment holds one
 * more; a frame is freed when the last of them goes.
 *
 * A process has at most SHMSEG attaches (shmat fails with ENOMEM, as
 * Linux's does past vm.max_map_count), so a frame has at most NPROC *
 * SHMSEG + 1 references from shared memory, and the attach records of all
 * processes take a bounded part of the kernel heap.
 *
 * shm_nattch counts attaches: shmat and fork add one, shmdt, exec and exit
 * take one away.  IPC_RMID marks the segment SHM_DEST and frees its key at
 * once; the segment itself goes with its last attach.  A read-only attach
 * (SHM_RDONLY) maps pages without write permission, so a write is SIGSEGV.
 */
#include "ipc/ipc.h"
#include "kernel/errno.h"
#include "kernel/rlimit.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/time.h"
#include "mm/mm.h"

struct shm_segment {
	struct ipc_perm perm;
	u32 size;			/* bytes asked for (shm_segsz) */
	u32 npages;
	u32 *frames;			/* physical pages, 0 until first touched */
	int nattch;
	struct shm_attach *attaches;	/* every process's attaches */
	int cpid, lpid;
	u32 atime, dtime, ctime;
};

/* One attach: [start, end) of proc's address space shows seg. */
struct shm_attach {
	struct shm_segment *seg;
	struct proc *proc;
	u32 start, end;
	bool rdonly;
	struct shm_attach *next;	/* in proc->shm_attaches */
	struct shm_attach *seg_next;	/* in seg->attaches */
};

IPC_TABLE(shm_segments, SHMMNI);

static u32 pages_in_use;		/* of all segments, limited by SHMALL */

static struct shm_segment *find_segment(int id)
{
	return (struct shm_segment *)ipc_lookup(&shm_segments, id);
}

static int shm_create(key_t key, int flags, int size, struct ipc_perm **out)
{
	u32 npages = ALIGN_UP((u32)size, PAGE_SIZE) / PAGE_SIZE;
	struct shm_segment *seg;

	(void)key, (void)flags;
	if ((u32)size < SHMMIN || (u32)size > SHMMAX)
		return -EINVAL;
	if (pages_in_use + npages > SHMALL)
		return -ENOSPC;
	if (!(seg = kzalloc(sizeof(*seg))))
		return -ENOMEM;
	if (!(seg->frames = kzalloc(npages * sizeof(u32)))) {
		kfree(seg);
		return -ENOMEM;
	}
	seg->size = (u32)size;
	seg->npages = npages;
	seg->cpid = current->pid;
	seg->ctime = time_now();
	pages_in_use += npages;
	*out = &seg->perm;
	return 0;
}

static int shm_check(struct ipc_perm *perm, int size)
{
	return (u32)size > ((struct shm_segment *)perm)->size ? -EINVAL : 0;
}

static const struct ipc_ops shm_ops = { .create = shm_create, .check = shm_check };

long sys_shmget(key_t key, u32 size, int flags)
{
	if (size > SHMMAX)
		return -EINVAL;
	return ipc_get(&shm_segments, &shm_ops, key, flags, (int)size);
}

/* LAB shm: free_segment: drop the segment's frames, its page count, then it */
static void free_segment(struct shm_segment *seg)
{
	for (u32 i = 0; i < seg->npages; i++)
		if (seg->frames[i])
			frame_put(seg->frames[i]);
	pages_in_use -= seg->npages;
	kfree(seg->frames);
	kfree(seg);
}
/* LAB END */

/* The segment is gone when removed and no longer attached anywhere. */
static void destroy_if_unused(struct shm_segment *seg)
{
	/* LAB shm: deferred removal: free it once marked SHM_DEST and attached nowhere */
	if ((seg->perm.mode & SHM_DEST) && seg->nattch == 0) {
		if (!seg->perm.removed)
			ipc_remove(&shm_segments, &seg->perm);
		free_segment(seg);
	}
	/* LAB END: (void)seg; */
}

/* ------------------------------------------------------------ attach */

/* LAB shm: find_attach: p's attach whose [start, end) holds va, or NULL */
static struct shm_attach *find_attach(struct proc *p, u32 va)
{
	for (struct shm_attach *a = p->shm_attaches; a; a = a->next)
		if (va >= a->start && va < a->end)
			return a;
	return NULL;
}
/* LAB END */

bool shm_overlaps(struct proc *p, u32 start, u32 end)
{
	for (struct shm_attach *a = p->shm_attaches; a; a = a->next)
		if (start < a->end && a->start < end)
			return true;
	return false;
}

/* Is [start, end) free for an attach: inside the user area below the
 * stack, clear of the program and its heap, of other attaches and of any
 * mapped page? */
static bool region_free(u32 start, u32 end)
{
	if (start < PAGE_SIZE || end > USER_STACK_TOP - USER_STACK_MAX || end <= start)
		return false;
	if (start < ALIGN_UP(current->brk, PAGE_SIZE) && end > current->brk_start)
		return false;
	if (shm_overlaps(current, start, end))
		return false;
	for (u32 va = start; va < end; va += PAGE_SIZE) {
		pte_t *pte = pgdir_walk(current->pgdir, va, false);
		if (pte && (*pte & PTE_P))
			return false;
	}
	return true;
}

/* The lowest free region of len bytes in the shared memory area. */
static u32 choose_address(u32 len)
{
	for (u32 va = SHM_BASE; va + len <= SHM_TOP && va + len > va; va += PAGE_SIZE) {
		struct shm_attach *a;
		if (!shm_overlaps(current, va, va + len))
			return va;
		/* skip past the attach in the way */
		for (a = current->shm_attaches; a; a = a->next)
			if (va < a->end && a->start < va + len)
				va = a->end - PAGE_SIZE;
	}
	return 0;
}

static int count_attaches(struct proc *p)
{
	int n = 0;

	for (struct shm_attach *a = p->shm_attaches; a; a = a->next)
		n++;
	return n;
}

static struct shm_attach *add_attach(struct shm_segment *seg, struct proc *p,
				     u32 start, bool rdonly)
{
	struct shm_attach *a = kzalloc(sizeof(*a));

	if (!a)
		return NULL;
	a->seg = seg;
	a->proc = p;
	a->start = start;
	a->end = start + seg->npages * PAGE_SIZE;
	a->rdonly = rdonly;
	a->next = p->shm_attaches;
	p->shm_attaches = a;
	a->seg_next = seg->attaches;
	seg->attaches = a;
	seg->nattch++;
	return a;
}

long sys_shmat(int id, u32 addr, int flags)
{
	struct shm_segment *seg = find_segment(id);
	bool rdonly = flags & SHM_RDONLY;
	u32 len;
	int err;

	if (!seg)
		return -EINVAL;
	if ((err = ipc_permission(&seg->perm, rdonly ? IPC_READ : IPC_READ | IPC_WRITE)) < 0)
		return err;
	if (count_attaches(current) >= SHMSEG)
		return -ENOMEM;		/* as Linux past vm.max_map_count */
	len = seg->npages * PAGE_SIZE;
	if (flags & SHM_RND)
		addr = ALIGN_DOWN(addr, SHMLBA);	/* down to 0: the kernel chooses */
	if (addr == 0) {
		if (!(addr = choose_address(len)))
			return -ENOMEM;
	} else if (addr % SHMLBA || !region_free(addr, addr + len)) {
		return -EINVAL;
	}
	if (!rlimit_as_allows(current, len))
		return -ENOMEM;
	if (!add_attach(seg, current, addr, rdonly))
		return -ENOMEM;
	seg->atime = time_now();
	seg->lpid = current->pid;
	return (long)addr;
}

/* The bytes of p's address space its attaches take (RLIMIT_AS). */
u32 shm_attached_bytes(const struct proc *p)
{
	u32 n = 0;

	for (struct shm_attach *a = p->shm_attaches; a; a = a->next)
		n += a->end - a->start;
	return n;
}

/* Take a out of its process's and its segment's lists and count it off. */
static void remove_attach(struct shm_attach *a)
{
	struct shm_segment *seg = a->seg;
	struct shm_attach **pp;

	for (pp = &a->proc->shm_attaches; *pp != a; pp = &(*pp)->next)
		;
	*pp = a->next;
	for (pp = &seg->attaches; *pp != a; pp = &(*pp)->seg_next)
		;
	*pp = a->seg_next;
	seg->nattch--;
	seg->dtime = time_now();
	seg->lpid = a->proc->pid;
	kfree(a);
	destroy_if_unused(seg);
}

long sys_shmdt(u32 addr)
{
	/* LAB shm: detach the attach starting at addr: unmap it, then remove_attach */
	struct shm_attach *a;

	for (a = current->shm_attaches; a && a->start != addr; a = a->next)
		;
	if (!a)
		return -EINVAL;
	unmap_range(current->pgdir, a->start, a->end);
	remove_attach(a);
	return 0;
	/* LAB END: (void)addr; return -ENOSYS; */
}

/* fork: the child has the same attaches (pgdir_copy shares the pages).
 * An attach there is no memory to record is taken out of the child's
 * address space, so that its pages and its attaches always agree. */
void shm_fork(struct proc *child, struct proc *parent)
{
	for (struct shm_attach *a = parent->shm_attaches; a; a = a->next) {
		struct shm_attach *c = add_attach(a->seg, child, a->start, a->rdonly);
		if (c)
			c->end = a->end;
		else
			unmap_range(child->pgdir, a->start, a->end);
	}
}

/* exec and exit: detach everything.  The caller frees the page
 * directory, which drops the mappings' frame references. */
void shm_exit(struct proc *p)
{
	while (p->shm_attaches)
		remove_attach(p->shm_attaches);
}

/* The page fault handler's part: map the segment page behind va. */
bool shm_fault(u32 va, bool write)
{
	/* LAB shm: first touch: find the attach, give the page a frame once, map it here */
	struct shm_attach *a = find_attach(current, va);
	struct shm_segment *seg;
	u32 idx, flags = PTE_U | PTE_SHARED;

	if (!a || (write && a->rdonly))
		return false;
	seg = a->seg;
	idx = (ALIGN_DOWN(va, PAGE_SIZE) - a->start) / PAGE_SIZE;
	if (!seg->frames[idx] && !(seg->frames[idx] = frame_alloc()))
		return false;
	if (!a->rdonly)
		flags |= PTE_W;
	if (frame_get(seg->frames[idx]) < 0)	/* the mapping's reference */
		return false;
	if (map_page(current->pgdir, ALIGN_DOWN(va, PAGE_SIZE), seg->frames[idx], flags) < 0) {
		frame_put(seg->frames[idx]);
		return false;
	}
	return true;
	/* LAB END: (void)va; (void)write; return false; */
}

/* ------------------------------------------------------------ shmctl */

static u32 resident_pages(void)
{
	u32 n = 0;

	for (int i = 0; i < SHMMNI; i++) {
		struct shm_segment *seg = (struct shm_segment *)ipc_at_index(&shm_segments, i);
		for (u32 j = 0; seg && j < seg->npages; j++)
			n += seg->frames[j] != 0;
	}
	return n;
}

static long shm_info(int cmd, void __user *buf)
{
	struct shminfo64 info = {
		.shmmax = SHMMAX, .shmmin = SHMMIN, .shmmni = SHMMNI,
		.shmseg = SHMSEG, .shmall = SHMALL,
	};
	struct shm_info usage = {
		.used_ids = shm_segments.in_use, .shm_tot = pages_in_use,
		.shm_rss = resident_pages(),
	};
	int err = cmd == SHM_INFO ? copy_to_user(buf, &usage, sizeof(usage))
				  : copy_to_user(buf, &info, sizeof(info));

	return err < 0 ? err : ipc_highest_index(&shm_segments);
}

static long shm_stat(struct shm_segment *seg, int cmd, void __user *buf)
{
	struct shmid64_ds ds;
	int err;

	if (cmd != SHM_STAT_ANY && (err = ipc_permission(&seg->perm, IPC_READ)) < 0)
		return err;
	memset(&ds, 0, sizeof(ds));
	ipc_fill_perm(&seg->perm, &ds.shm_perm);
	ds.shm_segsz = seg->size;
	ds.shm_atime = seg->atime;
	ds.shm_dtime = seg->dtime;
	ds.shm_ctime = seg->ctime;
	ds.shm_cpid = seg->cpid;
	ds.shm_lpid = seg->lpid;
	ds.shm_nattch = (unsigned long)seg->nattch;
	if (copy_to_user(buf, &ds, sizeof(ds)) < 0)
		return -EFAULT;
	return cmd == IPC_STAT ? 0 : seg->perm.id;
}

static long shm_set(struct shm_segment *seg, void __user *buf)
{
	struct shmid64_ds ds;
	int err;

	if (copy_from_user(&ds, buf, sizeof(ds)) < 0)
		return -EFAULT;
	if ((err = ipc_set_perm(&seg->perm, &ds.shm_perm)) < 0)
		return err;
	seg->ctime = time_now();
	return 0;
}

/* IPC_RMID: the key is free at once (the id keeps working while the
 * segment is attached); the memory goes with the last detach. */
static long shm_remove(struct shm_segment *seg)
{
	int err = ipc_may_change(&seg->perm);

	if (err < 0)
		return err;
	seg->perm.mode |= SHM_DEST;
	seg->perm.key = IPC_PRIVATE;
	seg->ctime = time_now();
	destroy_if_unused(seg);
	return 0;
}

static long shm_lock(struct shm_segment *seg, bool lock)
{
	if (current->euid != 0)
		return -EPERM;
	if (lock)
		seg->perm.mode |= SHM_LOCKED;
	else
		seg->perm.mode &= (u16)~SHM_LOCKED;
	return 0;
}

long sys_shmctl(int id, int cmd, void __user *buf)
{
	struct shm_segment *seg;

	cmd = ipc_strip_cmd(cmd);
	if (cmd == IPC_INFO || cmd == SHM_INFO)
		return shm_info(cmd, buf);
	if (cmd == SHM_STAT || cmd == SHM_STAT_ANY)
		seg = (struct shm_segment *)ipc_at_index(&shm_segments, id);
	else
		seg = find_segment(id);
	if (!seg)
		return -EINVAL;
	switch (cmd) {
	case IPC_STAT:
	case SHM_STAT:
	case SHM_STAT_ANY:
		return shm_stat(seg, cmd, buf);
	case IPC_SET:
		return shm_set(seg, buf);
	case IPC_RMID:
		return shm_remove(seg);
	case SHM_LOCK:
	case SHM_UNLOCK:
		return shm_lock(seg, cmd == SHM_LOCK);
	}
	return -EINVAL;
}
