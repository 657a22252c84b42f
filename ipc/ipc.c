/*
 * ipc.c - the machinery System V message queues, semaphores and shared
 * memory share.
 *
 * Each kind keeps its objects in a fixed table of slots.  An object is
 * found by its id, which encodes the slot and the slot's sequence number
 * at the time the object was made: id = seq * table size + slot.  When an
 * object is removed its slot's sequence number advances, so a stale id -
 * of a removed object, even if the slot now holds a newer one - finds
 * nothing (EINVAL) instead of reaching the wrong object.
 *
 * A key names an object across processes: get with IPC_PRIVATE always
 * makes a new object; with another key it finds the object made with that
 * key, or makes one if IPC_CREAT is given (EEXIST if IPC_EXCL is given
 * too; ENOENT without IPC_CREAT; ENOSPC when the table is full).
 *
 * Access is checked like a file's: root passes; otherwise the owner or
 * creator gets the owner bits, a member of the owner's or creator's group
 * the group bits, anyone else the other bits, and every bit asked for
 * must be granted (EACCES).  Changing or removing an object (IPC_SET,
 * IPC_RMID) needs the owner, the creator or root (EPERM).
 *
 * The kinds' limits (table sizes, MSGMNB and the message cost, SEMMNS and
 * the undo records' heap, SHMALL, SHMSEG attaches per process) together
 * bound the kernel heap all objects can take to under 2 MiB, so that no
 * user can starve the rest of the kernel of it (docs/ipc.md, "Kernel
 * memory").
 */
#include "ipc/ipc.h"
#include "kernel/errno.h"
#include "kernel/syscall.h"
#include "kernel/time.h"
#include "mm/mm.h"

static u32 ipc_objects;		/* ids in use in all the kinds' tables (kstat) */

u32 ipc_object_count(void)
{
	return ipc_objects;
}

static int make_id(struct ipc_table *t, int slot)
{
	return t->seq[slot] * t->size + slot;
}

struct ipc_perm *ipc_lookup(struct ipc_table *t, int id)
{
	struct ipc_perm *perm;

	if (id < 0)
		return NULL;
	perm = t->slots[id % t->size];
	return perm && perm->id == id ? perm : NULL;
}

struct ipc_perm *ipc_at_index(struct ipc_table *t, int index)
{
	return index >= 0 && index < t->size ? t->slots[index] : NULL;
}

/* The highest slot in use, as MSG_INFO/SEM_INFO/SHM_INFO return it. */
int ipc_highest_index(struct ipc_table *t)
{
	int top = 0;

	for (int i = 0; i < t->size; i++)
		if (t->slots[i])
			top = i;
	return top;
}

static struct ipc_perm *find_key(struct ipc_table *t, key_t key)
{
	for (int i = 0; i < t->size; i++)
		if (t->slots[i] && t->slots[i]->key == key)
			return t->slots[i];
	return NULL;
}

/* Put a new object's perm in a free slot; returns its id or -ENOSPC. */
static int ipc_add(struct ipc_table *t, struct ipc_perm *perm, key_t key, int flags)
{
	for (int slot = 0; slot < t->size; slot++) {
		if (t->slots[slot])
			continue;
		perm->key = key;
		perm->uid = perm->cuid = current->euid;
		perm->gid = perm->cgid = current->egid;
		perm->mode = (u16)(flags & IPC_MODE_MASK);
		perm->seq = t->seq[slot];
		perm->id = make_id(t, slot);
		perm->removed = false;
		t->slots[slot] = perm;
		t->in_use++;
		ipc_objects++;
		return perm->id;
	}
	return -ENOSPC;
}

/* Take perm's object out of the table: its id and key stop working. */
void ipc_remove(struct ipc_table *t, struct ipc_perm *perm)
{
	int slot = perm->id % t->size;

	t->slots[slot] = NULL;
	t->seq[slot]++;			/* wraps at 65536: ids stay positive ints */
	t->in_use--;
	ipc_objects--;
	perm->removed = true;
	perm->key = IPC_PRIVATE;
}

/* want: IPC_READ and/or IPC_WRITE (0 asks only that the object exists). */
int ipc_permission(const struct ipc_perm *perm, int want)
{
	int granted = perm->mode;

	if (current->euid == 0)
		return 0;
	if (current->euid == perm->uid || current->euid == perm->cuid)
		granted >>= 6;
	else if (current->egid == perm->gid || current->egid == perm->cgid)
		granted >>= 3;
	return (granted & want & 7) == want ? 0 : -EACCES;
}

int ipc_may_change(const struct ipc_perm *perm)
{
	if (current->euid == 0 || current->euid == perm->uid || current->euid == perm->cuid)
		return 0;
	return -EPERM;
}

/* The get calls: msgget, semget, shmget. */
int ipc_get(struct ipc_table *t, const struct ipc_ops *ops, key_t key, int flags, int arg)
{
	/* the access asked for: any class's bits in the flags count */
	int want = ((flags >> 6) | (flags >> 3) | flags) & 7;
	struct ipc_perm *perm;
	int err;

	if (key != IPC_PRIVATE && (perm = find_key(t, key))) {
		if ((flags & IPC_CREAT) && (flags & IPC_EXCL))
			return -EEXIST;
		if (ops->check && (err = ops->check(perm, arg)) < 0)
			return err;
		if ((err = ipc_permission(perm, want)) < 0)
			return err;
		return perm->id;
	}
	if (key != IPC_PRIVATE && !(flags & IPC_CREAT))
		return -ENOENT;
	if (t->in_use >= t->size)
		return -ENOSPC;
	if ((err = ops->create(key, flags, arg, &perm)) < 0)
		return err;
	return ipc_add(t, perm, key, flags);
}

void ipc_fill_perm(const struct ipc_perm *perm, struct ipc64_perm *out)
{
	out->key = perm->key;
	out->uid = (unsigned)perm->uid;
	out->gid = (unsigned)perm->gid;
	out->cuid = (unsigned)perm->cuid;
	out->cgid = (unsigned)perm->cgid;
	out->mode = perm->mode;
	out->seq = perm->seq;
}

/* IPC_SET: a new owner and mode, by the owner, creator or root. */
int ipc_set_perm(struct ipc_perm *perm, const struct ipc64_perm *in)
{
	int err = ipc_may_change(perm);

	if (err < 0)
		return err;
	perm->uid = (int)in->uid;
	perm->gid = (int)in->gid;
	perm->mode = (u16)((perm->mode & ~IPC_MODE_MASK) | (in->mode & IPC_MODE_MASK));
	return 0;
}

/* The ctl calls accept IPC_64 in cmd (old libcs pass it); layouts are
 * always the 64-bit ones. */
int ipc_strip_cmd(int cmd)
{
	return cmd & ~IPC_64;
}

/*
 * ipc(2), call 117: the single entry through which older i386 C libraries
 * reach all of System V IPC.  `call` picks the operation (its high 16
 * bits are a version) and the other arguments move into place; the
 * direct calls (393..402, 420) are the ones this kernel's libc uses.
 */
#define IPCCALL_SEMOP		1
#define IPCCALL_SEMGET		2
#define IPCCALL_SEMCTL		3
#define IPCCALL_SEMTIMEDOP	4
#define IPCCALL_MSGSND		11
#define IPCCALL_MSGRCV		12
#define IPCCALL_MSGGET		13
#define IPCCALL_MSGCTL		14
#define IPCCALL_SHMAT		21
#define IPCCALL_SHMDT		22
#define IPCCALL_SHMGET		23
#define IPCCALL_SHMCTL		24

/* msgrcv, version 0: the buffer and type come through this structure. */
struct ipc_kludge {
	u32 msgp;
	long msgtyp;
};

/* semtimedop through ipc() takes the 32-bit timespec: widen it. */
static long semtimedop32(int id, void __user *ops, unsigned nops, const s32 __user *uts)
{
	struct timespec64 t;
	s32 ts[2];

	if (!uts)
		return do_semtimedop(id, ops, nops, NULL);
	if (copy_from_user(ts, uts, sizeof(ts)) < 0)
		return -EFAULT;
	t.tv_sec = ts[0];
	t.tv_nsec = ts[1];
	return do_semtimedop(id, ops, nops, &t);
}

static long ipc_msgrcv(int id, void __user *ptr, long size, int flags, int version,
		       long type)
{
	struct ipc_kludge k;

	if (version != 0)
		return sys_msgrcv(id, ptr, size, type, flags);
	if (copy_from_user(&k, ptr, sizeof(k)) < 0)
		return -EFAULT;
	return sys_msgrcv(id, (void __user *)k.msgp, size, k.msgtyp, flags);
}

static long ipc_shmat(int id, void __user *addr, int flags, u32 __user *result)
{
	long r = sys_shmat(id, (u32)addr, flags);

	if (r < 0 && r >= -MAX_ERRNO)
		return r;
	if (copy_to_user(result, &r, sizeof(u32)) < 0)
		return -EFAULT;
	return 0;
}

long sys_ipc(u32 call, int first, int second, int third, void __user *ptr, long fifth)
{
	int version = (int)(call >> 16);
	u32 arg;

	switch (call & 0xffff) {
	case IPCCALL_SEMOP:
		return do_semtimedop(first, ptr, (unsigned)second, NULL);
	case IPCCALL_SEMTIMEDOP:
		return semtimedop32(first, ptr, (unsigned)second, (const s32 __user *)fifth);
	case IPCCALL_SEMGET:
		return sys_semget(first, second, third);
	case IPCCALL_SEMCTL:
		if (!ptr)
			return -EINVAL;
		if (copy_from_user(&arg, ptr, sizeof(arg)) < 0)
			return -EFAULT;
		return sys_semctl(first, second, third, arg);
	case IPCCALL_MSGSND:
		return sys_msgsnd(first, ptr, second, third);
	case IPCCALL_MSGRCV:
		return ipc_msgrcv(first, ptr, second, third, version, fifth);
	case IPCCALL_MSGGET:
		return sys_msgget(first, second);
	case IPCCALL_MSGCTL:
		return sys_msgctl(first, second, ptr);
	case IPCCALL_SHMAT:
		return ipc_shmat(first, ptr, second, (u32 __user *)third);
	case IPCCALL_SHMDT:
		return sys_shmdt((u32)ptr);
	case IPCCALL_SHMGET:
		return sys_shmget(first, (u32)second, third);
	case IPCCALL_SHMCTL:
		return sys_shmctl(first, second, ptr);
	}
	return -ENOSYS;
}
