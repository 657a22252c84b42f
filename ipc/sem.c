/*
 * sem.c - System V semaphores.
 *
 * A semaphore set (struct sem_set, one slot of the sem_sets table) holds
 * nsems counters, each with the pid of the last process to change it.
 * semop applies an array of operations to a set atomically - all of them
 * or none: a positive op adds to its semaphore; a negative op subtracts,
 * but only if the result stays >= 0; an op of 0 waits for the value to be
 * 0.  If any op cannot proceed, nothing is changed and the caller sleeps
 * (or fails with EAGAIN under IPC_NOWAIT).
 *
 * Sleepers wait in a list in arrival order, each with its own operations.
 * After every change to the set (semop, SETVAL, SETALL, undo at exit)
 * update_queue walks the whole list and completes - on the sleeper's
 * behalf - every sleeper whose operations can now all proceed, starting
 * over after each completion that changed values.  Because the whole list
 * is walked, a small decrement is never stuck behind a larger one that
 * cannot proceed; and a sleeper is only woken once its operations are
 * done, so there are no spurious wake-ups.  A signal ends the sleep with
 * EINTR (never restarted); IPC_RMID ends it with EIDRM.
 *
 * SEM_UNDO: for each set it touches with SEM_UNDO a process keeps an
 * undo record, one adjustment per semaphore, the negation of what it has
 * done; at exit the adjustments are applied (clamped to 0..SEMVMX,
 * without sleeping).  All records together take at most UNDO_HEAP_MAX
 * bytes of kernel heap (else ENOSPC), whatever the number of processes.
 * An adjustment must stay within -(SEMAEM + 1)..SEMAEM
 * with every op of the same semop counted, else the call fails with
 * ERANGE and changes nothing.  SETVAL and SETALL reset the adjustments of
 * the semaphores they set; removing the set drops its records.
 */
#include "ipc/ipc.h"
#include "kernel/errno.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/time.h"
#include "kernel/timer.h"
#include "mm/mm.h"

#define NSEC_PER_TICK	(1000000000u / HZ)
#define MAX_TIMEOUT_SECS 1000000	/* longer timeouts are this long */
#define SEM_WAITING	1		/* sem_waiter.status while asleep */
#define SEM_BLOCKED	1		/* try_ops: some op cannot proceed */
#define UNDO_HEAP_MAX	(512u << 10)	/* heap bytes for all undo records */

struct sem {
	int val;
	int pid;			/* last process to change it */
};

struct sem_set {
	struct ipc_perm perm;
	int nsems;
	struct sem *sems;
	u32 otime, ctime;
	struct sem_waiter *waiting;	/* sleepers, in arrival order */
	int sleepers;
};

/* A process sleeping in semop (on its own kernel stack). */
struct sem_waiter {
	struct sem_waiter *next;
	struct proc *proc;
	struct sembuf *ops;
	int nops;
	struct sem_undo *undo;		/* NULL unless an op has SEM_UNDO */
	int status;			/* SEM_WAITING, then 0 or -errno */
	int blocked_at;			/* the op that cannot proceed (GETNCNT/GETZCNT) */
	struct wait_queue wq;
};

/* A process's undo adjustments for one set (list at proc.sem_undos). */
struct sem_undo {
	struct sem_undo *next;
	int semid;
	u32 cost;			/* heap bytes, counted in undo_heap */
	short adj[];
};

IPC_TABLE(sem_sets, SEMMNI);

static int sems_in_use;		/* in all sets, limited by SEMMNS */
static u32 undo_heap;		/* heap bytes of all undo records */

static struct sem_set *find_set(int id)
{
	return (struct sem_set *)ipc_lookup(&sem_sets, id);
}

static int sem_create(key_t key, int flags, int nsems, struct ipc_perm **out)
{
	struct sem_set *s;

	(void)key, (void)flags;
	if (nsems <= 0)
		return -EINVAL;
	if (sems_in_use + nsems > SEMMNS)
		return -ENOSPC;
	if (!(s = kzalloc(sizeof(*s))))
		return -ENOMEM;
	if (!(s->sems = kzalloc((size_t)nsems * sizeof(struct sem)))) {
		kfree(s);
		return -ENOMEM;
	}
	s->nsems = nsems;
	s->ctime = time_now();
	sems_in_use += nsems;
	*out = &s->perm;
	return 0;
}

static int sem_check(struct ipc_perm *perm, int nsems)
{
	return nsems > ((struct sem_set *)perm)->nsems ? -EINVAL : 0;
}

static const struct ipc_ops sem_ops = { .create = sem_create, .check = sem_check };

long sys_semget(key_t key, int nsems, int flags)
{
	if (nsems < 0 || nsems > SEMMSL)
		return -EINVAL;
	return ipc_get(&sem_sets, &sem_ops, key, flags, nsems);
}

/* ------------------------------------------------------------ undo */

static struct sem_undo *find_undo(struct proc *p, int semid)
{
	for (struct sem_undo *u = p->sem_undos; u; u = u->next)
		if (u->semid == semid)
			return u;
	return NULL;
}

/* The current process's undo record for s, made if need be: -ENOSPC when
 * all records together would pass UNDO_HEAP_MAX (the classic SEMMNU
 * error; Linux, without the limit, would fail only with ENOMEM). */
static int get_undo(struct sem_set *s, struct sem_undo **out)
{
	size_t size = sizeof(struct sem_undo) + (size_t)s->nsems * sizeof(short);
	struct sem_undo *u = find_undo(current, s->perm.id);

	if (u) {
		*out = u;
		return 0;
	}
	if (undo_heap + kmalloc_cost(size) > UNDO_HEAP_MAX)
		return -ENOSPC;
	if (!(u = kzalloc(size)))
		return -ENOMEM;
	u->semid = s->perm.id;
	u->cost = kmalloc_cost(size);
	undo_heap += u->cost;
	u->next = current->sem_undos;
	current->sem_undos = u;
	*out = u;
	return 0;
}

static void free_undo(struct sem_undo *u)
{
	undo_heap -= u->cost;
	kfree(u);
}

/* SETVAL/SETALL: forget every process's adjustment of semaphore num of
 * set id (-1: of all its semaphores). */
static void clear_undos(struct sem_set *s, int num)
{
	for (int i = 0; i < NPROC; i++) {
		struct sem_undo *u = find_undo(&proc_table[i], s->perm.id);
		if (!u)
			continue;
		if (num >= 0)
			u->adj[num] = 0;
		else
			memset(u->adj, 0, (size_t)s->nsems * sizeof(short));
	}
}

/* Removing set id: every process drops its record for it. */
static void drop_undos(int semid)
{
	for (int i = 0; i < NPROC; i++) {
		struct sem_undo **pp = &proc_table[i].sem_undos;
		while (*pp) {
			struct sem_undo *u = *pp;
			if (u->semid == semid) {
				*pp = u->next;
				free_undo(u);
			} else {
				pp = &u->next;
			}
		}
	}
}

/* ------------------------------------------------------ the operations */

/* LAB sem: has_undo and roll_back: take back the ops already applied */
/* Does op change an undo adjustment (it has SEM_UNDO and a record)? */
static bool has_undo(const struct sembuf *op, const struct sem_undo *undo)
{
	return (op->sem_flg & SEM_UNDO) && undo;
}

/* Take back ops[0..i): their values and their undo adjustments. */
static void roll_back(struct sem_set *s, const struct sembuf *ops, int i,
		      struct sem_undo *undo)
{
	while (i--) {
		s->sems[ops[i].sem_num].val -= ops[i].sem_op;
		if (has_undo(&ops[i], undo))
			undo->adj[ops[i].sem_num] = (short)(undo->adj[ops[i].sem_num] +
							    ops[i].sem_op);
	}
}
/* LAB END */

/*
 * Apply ops to s, all or none.  Each op is checked against the values
 * and undo adjustments left by the ops before it in the same call, as
 * Linux does.  Returns 0 when applied (recording pid), SEM_BLOCKED when
 * some op must wait, -ERANGE when a value would pass SEMVMX or an undo
 * adjustment leave -(SEMAEM + 1)..SEMAEM; in both cases nothing changed.
 */
static int try_ops(struct sem_set *s, const struct sembuf *ops, int n,
		   struct sem_undo *undo, int pid, int *blocked_at)
{
	/* LAB sem: all ops or none: wait (0: for zero), -ERANGE, undo adjustments */
	int i, result = 0;

	for (i = 0; i < n; i++) {
		struct sem *sem = &s->sems[ops[i].sem_num];
		int v = sem->val + ops[i].sem_op, adj = 0;

		if (has_undo(&ops[i], undo))
			adj = undo->adj[ops[i].sem_num] - ops[i].sem_op;
		if ((ops[i].sem_op == 0 && sem->val != 0) || v < 0)
			result = SEM_BLOCKED;
		else if (v > SEMVMX || adj < -SEMAEM - 1 || adj > SEMAEM)
			result = -ERANGE;
		if (result)
			break;
		sem->val = v;
		if (has_undo(&ops[i], undo))
			undo->adj[ops[i].sem_num] = (short)adj;
	}
	if (result) {
		*blocked_at = i;
		roll_back(s, ops, i, undo);
		return result;
	}
	for (i = 0; i < n; i++)
		s->sems[ops[i].sem_num].pid = pid;
	s->otime = time_now();
	return 0;
	/* LAB END: (void)s; (void)ops; (void)n; (void)undo; (void)pid; (void)blocked_at; return -ENOSYS; */
}

static bool alters(const struct sembuf *ops, int n)
{
	for (int i = 0; i < n; i++)
		if (ops[i].sem_op)
			return true;
	return false;
}

/* Complete every sleeper whose operations can now proceed. */
static void update_queue(struct sem_set *s)
{
	/* LAB sem: complete (and wake) every sleeper whose ops can all proceed now */
	struct sem_waiter **pp = &s->waiting;

	while (*pp) {
		struct sem_waiter *w = *pp;
		int r = try_ops(s, w->ops, w->nops, w->undo, w->proc->pid, &w->blocked_at);

		if (r == SEM_BLOCKED) {
			pp = &w->next;
			continue;
		}
		*pp = w->next;
		w->status = r;
		wake_up(&w->wq);
		if (r == 0 && alters(w->ops, w->nops))
			pp = &s->waiting;	/* values changed: look again */
	}
	/* LAB END: (void)s; */
}

static void free_set(struct sem_set *s)
{
	sems_in_use -= s->nsems;
	kfree(s->sems);
	kfree(s);
}

static void unlink_waiter(struct sem_set *s, struct sem_waiter *w)
{
	for (struct sem_waiter **pp = &s->waiting; *pp; pp = &(*pp)->next) {
		if (*pp == w) {
			*pp = w->next;
			return;
		}
	}
}

/* Sleep until w is completed, a signal comes, or nticks pass (0: no limit). */
static int wait_for_ops(struct sem_set *s, struct sem_waiter *w, u32 nticks)
{
	struct sem_waiter **tail = &s->waiting;
	int err = 0;

	while (*tail)
		tail = &(*tail)->next;
	*tail = w;
	s->sleepers++;
	while (w->status == SEM_WAITING && err == 0)
		err = sleep_timeout(&w->wq, nticks, true);
	s->sleepers--;
	if (w->status == SEM_WAITING) {		/* interrupted or timed out */
		unlink_waiter(s, w);
		w->status = err == -ETIMEDOUT ? -EAGAIN : -EINTR;
	}
	if (s->perm.removed && !s->sleepers)
		free_set(s);
	return w->status;
}

static int timeout_ticks(const struct timespec64 *timeout, u32 *nticks)
{
	struct timespec64 t;

	*nticks = 0;
	if (!timeout)
		return 0;
	t = *timeout;
	if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= 1000000000LL)
		return -EINVAL;
	if (t.tv_sec > MAX_TIMEOUT_SECS)
		t.tv_sec = MAX_TIMEOUT_SECS;
	*nticks = (u32)t.tv_sec * HZ + ((u32)t.tv_nsec + NSEC_PER_TICK - 1) / NSEC_PER_TICK;
	if (*nticks == 0)
		*nticks = 1;
	return 0;
}

/* Check the operations against s: range, permission, undo record. */
static int check_ops(struct sem_set *s, const struct sembuf *ops, int n,
		     struct sem_undo **undo)
{
	bool want_undo = false;
	int err;

	for (int i = 0; i < n; i++) {
		if (ops[i].sem_num >= s->nsems)
			return -EFBIG;
		want_undo |= (ops[i].sem_flg & SEM_UNDO) != 0;
	}
	if ((err = ipc_permission(&s->perm, alters(ops, n) ? IPC_WRITE : IPC_READ)) < 0)
		return err;
	*undo = NULL;
	return want_undo ? get_undo(s, undo) : 0;
}

/* semop with an optional timeout (kernel memory; NULL: none). */
long do_semtimedop(int id, struct sembuf __user *uops, unsigned nops,
		   const struct timespec64 *timeout)
{
	struct sembuf ops[SEMOPM];
	struct sem_waiter w;
	struct sem_set *s;
	u32 nticks;
	int err, at;

	if (nops < 1)
		return -EINVAL;
	if (nops > SEMOPM)
		return -E2BIG;
	if (copy_from_user(ops, uops, nops * sizeof(ops[0])) < 0)
		return -EFAULT;
	if ((err = timeout_ticks(timeout, &nticks)) < 0)
		return err;
	if (!(s = find_set(id)))
		return -EINVAL;
	memset(&w, 0, sizeof(w));
	if ((err = check_ops(s, ops, (int)nops, &w.undo)) < 0)
		return err;
	err = try_ops(s, ops, (int)nops, w.undo, current->pid, &at);
	if (err == 0)
		update_queue(s);
	if (err != SEM_BLOCKED)
		return err;
	if (ops[at].sem_flg & IPC_NOWAIT)	/* the op that must wait says don't */
		return -EAGAIN;
	w.blocked_at = at;
	w.proc = current;
	w.ops = ops;
	w.nops = (int)nops;
	w.status = SEM_WAITING;
	return wait_for_ops(s, &w, nticks);
}

long sys_semtimedop(int id, struct sembuf __user *ops, unsigned nops,
		    const struct timespec64 __user *utimeout)
{
	struct timespec64 t;

	if (utimeout && copy_from_user(&t, utimeout, sizeof(t)) < 0)
		return -EFAULT;
	return do_semtimedop(id, ops, nops, utimeout ? &t : NULL);
}

/* exit: apply the process's undo records, then drop them. */
void sem_exit(struct proc *p)
{
	while (p->sem_undos) {
		struct sem_undo *u = p->sem_undos;
		struct sem_set *s = find_set(u->semid);

		p->sem_undos = u->next;
		/* LAB sem: SEM_UNDO at exit: apply each adjustment (clamped), wake sleepers */
		for (int i = 0; s && i < s->nsems; i++) {
			if (!u->adj[i])
				continue;
			s->sems[i].val = MAX(0, MIN(SEMVMX, s->sems[i].val + u->adj[i]));
			s->sems[i].pid = p->pid;
		}
		if (s)
			update_queue(s);
		/* LAB END: (void)s; */
		free_undo(u);
	}
}

/* ------------------------------------------------------------ semctl */

/* Sleepers blocked by an op on semaphore num that waits for a decrease
 * (zero = false) or for zero (zero = true).  As in Linux, a sleeper counts
 * once, for the op that stopped it. */
static int count_waiting(struct sem_set *s, int num, bool zero)
{
	int n = 0;

	for (struct sem_waiter *w = s->waiting; w; w = w->next) {
		const struct sembuf *op = &w->ops[w->blocked_at];
		if (op->sem_num == num && (zero ? op->sem_op == 0 : op->sem_op < 0))
			n++;
	}
	return n;
}

static long sem_info(int cmd, void __user *buf)
{
	struct seminfo info = {
		.semmap = SEMMNS, .semmni = SEMMNI, .semmns = SEMMNS, .semmnu = SEMMNS,
		.semmsl = SEMMSL, .semopm = SEMOPM, .semume = SEMOPM,
		.semusz = (int)sizeof(struct sem_undo), .semvmx = SEMVMX, .semaem = SEMAEM,
	};

	if (cmd == SEM_INFO) {		/* usage, as Linux reports it */
		info.semusz = sem_sets.in_use;
		info.semaem = sems_in_use;
	}
	if (copy_to_user(buf, &info, sizeof(info)) < 0)
		return -EFAULT;
	return ipc_highest_index(&sem_sets);
}

static long sem_stat(struct sem_set *s, int cmd, void __user *buf)
{
	struct semid64_ds ds;
	int err;

	if (cmd != SEM_STAT_ANY && (err = ipc_permission(&s->perm, IPC_READ)) < 0)
		return err;
	memset(&ds, 0, sizeof(ds));
	ipc_fill_perm(&s->perm, &ds.sem_perm);
	ds.sem_otime = s->otime;
	ds.sem_ctime = s->ctime;
	ds.sem_nsems = (unsigned long)s->nsems;
	if (copy_to_user(buf, &ds, sizeof(ds)) < 0)
		return -EFAULT;
	return cmd == IPC_STAT ? 0 : s->perm.id;
}

static long sem_set_perm(struct sem_set *s, void __user *buf)
{
	struct semid64_ds ds;
	int err;

	if (copy_from_user(&ds, buf, sizeof(ds)) < 0)
		return -EFAULT;
	if ((err = ipc_set_perm(&s->perm, &ds.sem_perm)) < 0)
		return err;
	s->ctime = time_now();
	return 0;
}

static long sem_remove(struct sem_set *s)
{
	int err = ipc_may_change(&s->perm);

	if (err < 0)
		return err;
	drop_undos(s->perm.id);
	ipc_remove(&sem_sets, &s->perm);
	for (struct sem_waiter *w = s->waiting; w; w = w->next) {
		w->status = -EIDRM;
		wake_up(&w->wq);
	}
	s->waiting = NULL;
	if (!s->sleepers)
		free_set(s);
	return 0;
}

static long get_all(struct sem_set *s, u16 __user *buf)
{
	u16 vals[SEMMSL];

	for (int i = 0; i < s->nsems; i++)
		vals[i] = (u16)s->sems[i].val;
	return copy_to_user(buf, vals, (size_t)s->nsems * sizeof(u16));
}

static long set_all(struct sem_set *s, const u16 __user *buf)
{
	u16 vals[SEMMSL];

	if (copy_from_user(vals, buf, (size_t)s->nsems * sizeof(u16)) < 0)
		return -EFAULT;
	for (int i = 0; i < s->nsems; i++)
		if (vals[i] > SEMVMX)
			return -ERANGE;
	for (int i = 0; i < s->nsems; i++) {
		s->sems[i].val = vals[i];
		s->sems[i].pid = current->pid;
	}
	clear_undos(s, -1);
	s->ctime = time_now();
	update_queue(s);
	return 0;
}

static long set_val(struct sem_set *s, int num, int val)
{
	if (val < 0 || val > SEMVMX)
		return -ERANGE;
	s->sems[num].val = val;
	s->sems[num].pid = current->pid;
	clear_undos(s, num);
	s->ctime = time_now();
	update_queue(s);
	return 0;
}

/* The commands about single semaphores: semnum must be in range. */
static long sem_one(struct sem_set *s, int num, int cmd, u32 arg)
{
	if (num < 0 || num >= s->nsems)
		return -EINVAL;
	switch (cmd) {
	case GETVAL:
		return s->sems[num].val;
	case GETPID:
		return s->sems[num].pid;
	case GETNCNT:
		return count_waiting(s, num, false);
	case GETZCNT:
		return count_waiting(s, num, true);
	}
	return set_val(s, num, (int)arg);
}

/* semctl(id, semnum, cmd, arg): arg is the union semun, passed by value. */
long sys_semctl(int id, int num, int cmd, u32 arg)
{
	void __user *buf = (void __user *)arg;
	struct sem_set *s;
	int err;

	cmd = ipc_strip_cmd(cmd);
	if (cmd == IPC_INFO || cmd == SEM_INFO)
		return sem_info(cmd, buf);
	if (cmd == SEM_STAT || cmd == SEM_STAT_ANY)
		s = (struct sem_set *)ipc_at_index(&sem_sets, id);
	else
		s = find_set(id);
	if (!s)
		return -EINVAL;
	switch (cmd) {
	case IPC_STAT:
	case SEM_STAT:
	case SEM_STAT_ANY:
		return sem_stat(s, cmd, buf);
	case IPC_SET:
		return sem_set_perm(s, buf);
	case IPC_RMID:
		return sem_remove(s);
	case GETVAL: case GETPID: case GETNCNT: case GETZCNT: case GETALL:
		if ((err = ipc_permission(&s->perm, IPC_READ)) < 0)
			return err;
		return cmd == GETALL ? get_all(s, buf) : sem_one(s, num, cmd, arg);
	case SETVAL:
	case SETALL:
		if ((err = ipc_permission(&s->perm, IPC_WRITE)) < 0)
			return err;
		return cmd == SETALL ? set_all(s, buf) : sem_one(s, num, cmd, arg);
	}
	return -EINVAL;
}
