/*
 * ipc.h - what System V message queues, semaphore sets and shared memory
 * segments have in common (ipc/ipc.c): the permission record, the
 * per-kind table of objects, ids, keys and access checks.
 */
#ifndef IPC_IPC_H
#define IPC_IPC_H

#include "kernel/proc.h"
#include <uapi/ipc.h>

/* Every object starts with one of these. */
struct ipc_perm {
	key_t key;		/* IPC_PRIVATE once removed: the key is free */
	int uid, gid;		/* owner */
	int cuid, cgid;		/* creator */
	u16 mode;		/* low 9 bits: rwx for owner, group, other */
	u16 seq;		/* the slot's sequence number when made */
	int id;			/* seq * table size + slot */
	bool removed;		/* IPC_RMID done: sleepers fail with EIDRM */
};

/* One kind's objects: a fixed vector of slots (msgque, semary, shm_segs). */
struct ipc_table {
	struct ipc_perm **slots;
	u16 *seq;		/* per slot, advanced when the slot is freed */
	int size;		/* slots in the table (MSGMNI, SEMMNI, SHMMNI) */
	int in_use;
};

#define IPC_TABLE(name, n) \
	static struct ipc_perm *name##_slots[n]; \
	static u16 name##_seq[n]; \
	static struct ipc_table name = { name##_slots, name##_seq, n, 0 }

#define IPC_MODE_MASK	0777
#define IPC_READ	4	/* permission bits asked for, as in rwx */
#define IPC_WRITE	2

struct ipc_ops {
	/* make a new object for key with the get call's flags and argument */
	int (*create)(key_t key, int flags, int arg, struct ipc_perm **out);
	/* check an existing object against the get call's argument */
	int (*check)(struct ipc_perm *perm, int arg);
};

int ipc_get(struct ipc_table *t, const struct ipc_ops *ops, key_t key, int flags, int arg);
void ipc_remove(struct ipc_table *t, struct ipc_perm *perm);
u32 ipc_object_count(void);
struct ipc_perm *ipc_lookup(struct ipc_table *t, int id);
struct ipc_perm *ipc_at_index(struct ipc_table *t, int index);
int ipc_highest_index(struct ipc_table *t);
int ipc_permission(const struct ipc_perm *perm, int want);
int ipc_may_change(const struct ipc_perm *perm);
void ipc_fill_perm(const struct ipc_perm *perm, struct ipc64_perm *out);
int ipc_set_perm(struct ipc_perm *perm, const struct ipc64_perm *in);
int ipc_strip_cmd(int cmd);

struct sembuf;
long do_semtimedop(int id, struct sembuf __user *ops, unsigned nops,
		   const struct timespec64 *timeout);

/* Hooks into the rest of the kernel. */
void sem_exit(struct proc *p);			/* apply SEM_UNDO records */
void shm_fork(struct proc *child, struct proc *parent);
void shm_exit(struct proc *p);			/* exec and exit: detach all */
bool shm_fault(u32 va, bool write);		/* first touch of a page */
bool shm_overlaps(struct proc *p, u32 start, u32 end);
u32 shm_attached_bytes(const struct proc *p);	/* for RLIMIT_AS */

#endif
