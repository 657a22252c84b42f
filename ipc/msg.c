/*
 * msg.c - System V message queues.
 *
 * A queue (struct msg_queue, one slot of the msg_queues table) is a
 * linked list of messages in arrival order, each a type (a positive long)
 * and up to MSGMAX bytes of text.  The queue holds at most msg_qbytes
 * bytes (and as many messages as that, as Linux); msg_qbytes starts at
 * MSGMNB and only root may raise it above.  Unlike Linux, messages
 * shorter than MSG_MIN_COST bytes count as MSG_MIN_COST against a second
 * limit, which bounds the kernel heap a queue can take (msg_cost).
 *
 * Two wait queues, as in the classic design: senders sleep on `senders`
 * while the queue is full and are woken when a message is taken out;
 * receivers sleep on `receivers` while no message of the wanted type is
 * there and are woken when one arrives.  IPC_NOWAIT fails instead
 * (EAGAIN for msgsnd, ENOMSG for msgrcv).  A signal whose handler runs
 * ends the sleep with EINTR, even with SA_RESTART; one that runs no
 * handler (a stop and continue) lets the call go on.  IPC_RMID wakes everyone; a
 * sleeper that finds its queue removed fails with EIDRM.  A removed queue
 * is freed when its last sleeper has left.
 *
 * msgrcv's msgtyp picks the message: 0 the first; > 0 the first of that
 * type (with MSG_EXCEPT: the first of any other type); < 0 the first of
 * the lowest type <= |msgtyp|.  With MSG_COPY (Linux 3.8+; needs
 * IPC_NOWAIT, refuses MSG_EXCEPT) msgtyp is a position counted from 0
 * and the message is copied out but stays queued, the queue's counts and
 * times untouched.  A message longer than msgsz fails with
 * E2BIG and stays queued, unless MSG_NOERROR truncates it.  (So does one
 * that cannot be copied out, EFAULT: where Linux would lose it, this
 * kernel keeps it.)
 */
#include "ipc/ipc.h"
#include "kernel/errno.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/time.h"
#include "mm/mm.h"

struct msg {
	struct msg *next;
	long type;
	u32 size;
	char text[];
};

struct msg_queue {
	struct ipc_perm perm;
	struct msg *first, **last;	/* last points at the final next field */
	u32 qnum, cbytes, qbytes;
	u32 cost;			/* msg_cost() of all its messages */
	int lspid, lrpid;
	u32 stime, rtime, ctime;
	struct wait_queue senders, receivers;
	int sleepers;			/* processes inside msgsnd/msgrcv sleeps */
};

IPC_TABLE(msg_queues, MSGMNI);

#define LONG_MAX	0x7fffffffL
#define LONG_MIN	(-LONG_MAX - 1)
#define INT_MAX_BYTES	0x7fffffffUL
#define MSG_MIN_COST	64		/* bytes: the least a message costs */

static u32 total_bytes, total_msgs;	/* in all queues, for MSG_INFO */

/*
 * Besides Linux's limits, a queue's messages may cost at most
 * max(msg_qbytes, MSGMNB), a message costing its bytes but at least
 * MSG_MIN_COST.  A message's kernel block (a power-of-two size class, or
 * whole pages past 1 KiB: mm/slab.c) is then less than 4 times its cost
 * (the worst is a message just past 1 KiB in a page), so a queue's
 * messages take less than 4 times that allowance of kernel memory,
 * however small they are.  With Linux's limits alone, 16384 empty messages (32 bytes
 * of heap each) would fit in one queue.  Linux's limits bind first
 * unless messages under MSG_MIN_COST bytes fill a queue.
 */
static u32 msg_cost(u32 size)
{
	return MAX(size, MSG_MIN_COST);
}

static u32 cost_allowance(const struct msg_queue *q)
{
	return MAX(q->qbytes, MSGMNB);
}

static int msg_create(key_t key, int flags, int arg, struct ipc_perm **out)
{
	struct msg_queue *q = kzalloc(sizeof(*q));

	(void)key, (void)flags, (void)arg;
	if (!q)
		return -ENOMEM;
	q->last = &q->first;
	q->qbytes = MSGMNB;
	q->ctime = time_now();
	*out = &q->perm;
	return 0;
}

static const struct ipc_ops msg_ops = { .create = msg_create };

long sys_msgget(key_t key, int flags)
{
	return ipc_get(&msg_queues, &msg_ops, key, flags, 0);
}

static struct msg_queue *find_queue(int id)
{
	return (struct msg_queue *)ipc_lookup(&msg_queues, id);
}

static void free_queue(struct msg_queue *q)
{
	while (q->first) {
		struct msg *m = q->first;
		q->first = m->next;
		total_bytes -= m->size;
		total_msgs--;
		kfree(m);
	}
	kfree(q);
}

/* LAB msg: queue_sleep: sleep on wq, then EIDRM if removed meanwhile (last sleeper frees it) */
/* Sleep on wq; afterwards tell whether the queue is still there. */
static int queue_sleep(struct msg_queue *q, struct wait_queue *wq)
{
	int err;

	q->sleepers++;
	err = interruptible_sleep_on(wq);
	q->sleepers--;
	if (q->perm.removed) {
		if (!q->sleepers)
			free_queue(q);
		return -EIDRM;
	}
	return err < 0 ? -ERESTARTNOHAND : 0;
}
/* LAB END */

/* Linux's rule (bytes, and as many messages as bytes), and the cost. */
static bool has_room(struct msg_queue *q, u32 size)
{
	return q->cbytes + size <= q->qbytes && q->qnum + 1 <= q->qbytes &&
	       q->cost + msg_cost(size) <= cost_allowance(q);
}

/* The message is made only once there is room for it: a sleeping sender
 * holds no kernel memory. */
long sys_msgsnd(int id, const void __user *umsg, long size, int flags)
{
	const char __user *text = (const char __user *)umsg + sizeof(long);
	struct msg_queue *q;
	struct msg *m;
	long type;
	int err;

	if (size < 0 || size > MSGMAX)
		return -EINVAL;
	if (copy_from_user(&type, umsg, sizeof(type)) < 0)
		return -EFAULT;
	if (type < 1)
		return -EINVAL;
	if (check_user_readable(text, (size_t)size) < 0)
		return -EFAULT;
	if (!(q = find_queue(id)))
		return -EINVAL;
	if ((err = ipc_permission(&q->perm, IPC_WRITE)) < 0)
		return err;
	/* LAB msg: wait for room: EAGAIN under IPC_NOWAIT, else sleep on senders */
	while (!has_room(q, (u32)size)) {
		if (flags & IPC_NOWAIT)
			return -EAGAIN;
		if ((err = queue_sleep(q, &q->senders)) < 0)
			return err;
	}
	/* LAB END: (void)flags; if (!has_room(q, (u32)size)) return -EAGAIN; */
	if (!(m = kmalloc(sizeof(*m) + (size_t)size + 1)))
		return -ENOMEM;
	if (copy_from_user(m->text, text, (size_t)size) < 0) {
		kfree(m);
		return -EFAULT;
	}
	m->type = type;
	m->size = (u32)size;
	m->next = NULL;
	*q->last = m;
	q->last = &m->next;
	q->qnum++;
	q->cbytes += m->size;
	q->cost += msg_cost(m->size);
	total_msgs++;
	total_bytes += m->size;
	q->lspid = current->pid;
	q->stime = time_now();
	/* LAB msg: a message arrived: wake the receivers */
	wake_up(&q->receivers);
	/* LAB END */
	return 0;
}

/* The link pointing at the message msgrcv(type, flags) takes, or NULL. */
static struct msg **pick(struct msg_queue *q, long type, int flags)
{
	/* LAB msg: pick by type: 0 the first; > 0 that type (MSG_EXCEPT: not it); < 0 lowest <= -type */
	long limit = type == LONG_MIN ? LONG_MAX : -type;	/* for type < 0 */
	struct msg **best = NULL;

	for (struct msg **pp = &q->first; *pp; pp = &(*pp)->next) {
		long t = (*pp)->type;
		if (type == 0)
			return pp;
		if (type > 0 && ((flags & MSG_EXCEPT) ? t != type : t == type))
			return pp;
		if (type < 0 && t <= limit && (!best || t < (*best)->type))
			best = pp;
	}
	return best;
	/* LAB END: (void)q; (void)type; (void)flags; return NULL; */
}

/* MSG_COPY: the link pointing at the message at position index, or NULL. */
static struct msg **pick_nth(struct msg_queue *q, long index)
{
	struct msg **pp = &q->first;

	if (index < 0)
		return NULL;
	while (*pp && index--)
		pp = &(*pp)->next;
	return *pp ? pp : NULL;
}

/* The message msgrcv(type, flags) takes (or copies), or NULL. */
static struct msg **find_msg(struct msg_queue *q, long type, int flags)
{
	return (flags & MSG_COPY) ? pick_nth(q, type) : pick(q, type, flags);
}

static void unlink_msg(struct msg_queue *q, struct msg **pp)
{
	struct msg *m = *pp;

	*pp = m->next;
	if (q->last == &m->next)
		q->last = pp;
	q->qnum--;
	q->cbytes -= m->size;
	q->cost -= msg_cost(m->size);
	total_msgs--;
	total_bytes -= m->size;
}

long sys_msgrcv(int id, void __user *umsg, long size, long type, int flags)
{
	struct msg_queue *q;
	struct msg **pp, *m;
	u32 n;
	int err;

	if (size < 0)
		return -EINVAL;
	if ((flags & MSG_COPY) && ((flags & MSG_EXCEPT) || !(flags & IPC_NOWAIT)))
		return -EINVAL;
	if (!(q = find_queue(id)))
		return -EINVAL;
	if ((err = ipc_permission(&q->perm, IPC_READ)) < 0)
		return err;
	/* LAB msg: wait for a message: ENOMSG under IPC_NOWAIT, else sleep on receivers */
	while (!(pp = find_msg(q, type, flags))) {
		if (flags & IPC_NOWAIT)
			return -ENOMSG;
		if ((err = queue_sleep(q, &q->receivers)) < 0)
			return err;
	}
	/* LAB END: if (!(pp = find_msg(q, type, flags))) return -ENOMSG; */
	m = *pp;
	if (m->size > (u32)size && !(flags & MSG_NOERROR))
		return -E2BIG;			/* it stays in the queue */
	if (m->size > (u32)size && (flags & MSG_COPY))
		return -EINVAL;			/* Linux: a copy is never truncated */
	n = MIN(m->size, (u32)size);
	if (copy_to_user(umsg, &m->type, sizeof(long)) < 0 ||
	    copy_to_user((char __user *)umsg + sizeof(long), m->text, n) < 0)
		return -EFAULT;			/* nothing lost: it stays too */
	if (flags & MSG_COPY)
		return (long)n;			/* a copy changes nothing */
	unlink_msg(q, pp);
	kfree(m);
	q->lrpid = current->pid;
	q->rtime = time_now();
	/* LAB msg: a message left the queue: wake the senders waiting for room */
	wake_up(&q->senders);
	/* LAB END */
	return (long)n;
}

static void fill_ds(struct msg_queue *q, struct msqid64_ds *ds)
{
	memset(ds, 0, sizeof(*ds));
	ipc_fill_perm(&q->perm, &ds->msg_perm);
	ds->msg_stime = q->stime;
	ds->msg_rtime = q->rtime;
	ds->msg_ctime = q->ctime;
	ds->msg_cbytes = q->cbytes;
	ds->msg_qnum = q->qnum;
	ds->msg_qbytes = q->qbytes;
	ds->msg_lspid = q->lspid;
	ds->msg_lrpid = q->lrpid;
}

static long msg_info(int cmd, void __user *buf)
{
	struct msginfo info = {
		.msgpool = MSGMNI * MSGMNB / 1024, .msgmap = MSGTQL, .msgmax = MSGMAX,
		.msgmnb = MSGMNB, .msgmni = MSGMNI, .msgssz = 16, .msgtql = MSGTQL,
		.msgseg = 0xffff,
	};

	if (cmd == MSG_INFO) {		/* usage instead of some limits, as Linux */
		info.msgpool = msg_queues.in_use;
		info.msgmap = (int)total_msgs;
		info.msgtql = (int)total_bytes;
	}
	if (copy_to_user(buf, &info, sizeof(info)) < 0)
		return -EFAULT;
	return ipc_highest_index(&msg_queues);
}

static long msg_set(struct msg_queue *q, void __user *buf)
{
	struct msqid64_ds ds;
	int err;

	if (copy_from_user(&ds, buf, sizeof(ds)) < 0)
		return -EFAULT;
	if ((err = ipc_may_change(&q->perm)) < 0)
		return err;
	if (ds.msg_qbytes > MSGMNB && current->euid != 0)
		return -EPERM;
	if (ds.msg_qbytes > INT_MAX_BYTES)
		return -EINVAL;
	ipc_set_perm(&q->perm, &ds.msg_perm);
	q->qbytes = (u32)ds.msg_qbytes;
	q->ctime = time_now();
	wake_up(&q->senders);		/* there may be room now */
	return 0;
}

static void msg_remove(struct msg_queue *q)
{
	ipc_remove(&msg_queues, &q->perm);
	wake_up(&q->senders);
	wake_up(&q->receivers);
	if (!q->sleepers)
		free_queue(q);
}

long sys_msgctl(int id, int cmd, void __user *buf)
{
	struct msqid64_ds ds;
	struct msg_queue *q;
	int err;

	cmd = ipc_strip_cmd(cmd);
	if (cmd == IPC_INFO || cmd == MSG_INFO)
		return msg_info(cmd, buf);
	if (cmd == MSG_STAT || cmd == MSG_STAT_ANY)
		q = (struct msg_queue *)ipc_at_index(&msg_queues, id);
	else
		q = find_queue(id);
	if (!q)
		return -EINVAL;
	switch (cmd) {
	case IPC_STAT:
	case MSG_STAT:
	case MSG_STAT_ANY:
		if (cmd != MSG_STAT_ANY && (err = ipc_permission(&q->perm, IPC_READ)) < 0)
			return err;
		fill_ds(q, &ds);
		if (copy_to_user(buf, &ds, sizeof(ds)) < 0)
			return -EFAULT;
		return cmd == IPC_STAT ? 0 : q->perm.id;
	case IPC_SET:
		return msg_set(q, buf);
	case IPC_RMID:
		if ((err = ipc_may_change(&q->perm)) < 0)
			return err;
		msg_remove(q);
		return 0;
	}
	return -EINVAL;
}
