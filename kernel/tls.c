/*
 * tls.c - thread-local storage segments: set_thread_area, get_thread_area.
 *
 * As in Linux i386, each process has three segment descriptors of its own
 * (p->tls), which occupy GDT slots SEG_TLS_MIN..SEG_TLS_MAX (selectors
 * 0x33, 0x3b, 0x43) while it runs: sched.c installs them on every switch.
 * glibc points %gs at one of them (its thread control block: the stack
 * protector's canary is at %gs:0x14), musl too.  fork copies them, exec
 * clears them.
 *
 * A user_desc describes a segment as fields; only 32-bit, present data
 * segments are accepted, and an all-empty or all-zero one clears the slot.
 * Every descriptor is made with DPL 3, so a TLS selector never grants more
 * than ring 3.  Invariant: a user data segment selector saved in a
 * trapframe is null, the user data selector, or a TLS selector whose slot
 * is present - so that trapret can always reload it (tls_check_selector).
 */
#include "kernel/tls.h"
#include "kernel/errno.h"
#include "kernel/proc.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "mm/mm.h"

/* struct user_desc's flag bits (asm/ldt.h), after the three words. */
#define UD_SEG_32BIT		0x01
#define UD_CONTENTS_SHIFT	1
#define UD_CONTENTS_MASK	0x3
#define UD_READ_EXEC_ONLY	0x08
#define UD_LIMIT_IN_PAGES	0x10
#define UD_SEG_NOT_PRESENT	0x20
#define UD_USEABLE		0x40
#define UD_FLAGS		0x7f
#define UD_EMPTY		(UD_READ_EXEC_ONLY | UD_SEG_NOT_PRESENT)
#define CONTENTS_CODE		2	/* contents 2, 3: code segments */

/* Descriptor high-word bits (Intel SDM vol. 3, figure 3-8). */
#define D_WRITABLE		(1u << 9)
#define D_TYPE_SHIFT		10	/* expand-down (1), code (2) */
#define D_USER_SEGMENT		0x7000u	/* S = 1, DPL = 3 */
#define D_PRESENT		(1u << 15)
#define D_AVL			(1u << 20)
#define D_DB			(1u << 22)
#define D_GRANULARITY		(1u << 23)

struct user_desc {
	u32 entry_number;
	u32 base_addr;
	u32 limit;
	u32 flags;			/* the bitfields, UD_* */
};

static bool desc_empty(const struct seg_desc *d)
{
	return d->lo == 0 && d->hi == 0;
}

/* An all-zero user_desc, or the "empty" one, asks to clear the slot. */
static bool ud_clears(const struct user_desc *u)
{
	u32 f = u->flags & UD_FLAGS;

	return u->base_addr == 0 && u->limit == 0 && (f == 0 || f == UD_EMPTY);
}

/* Linux accepts only 32-bit, present data segments. */
static bool ud_valid(const struct user_desc *u)
{
	u32 contents = (u->flags >> UD_CONTENTS_SHIFT) & UD_CONTENTS_MASK;

	if (ud_clears(u))
		return true;
	return (u->flags & UD_SEG_32BIT) && contents < CONTENTS_CODE &&
	       !(u->flags & UD_SEG_NOT_PRESENT);
}

static struct seg_desc ud_to_desc(const struct user_desc *u)
{
	struct seg_desc d = { 0, 0 };
	u32 f = u->flags;

	if (ud_clears(u))
		return d;
	d.lo = (u->base_addr << 16) | (u->limit & 0xffff);
	d.hi = (u->base_addr & 0xff000000) | ((u->base_addr >> 16) & 0xff) |
	       (u->limit & 0xf0000) | D_USER_SEGMENT | D_PRESENT | D_DB |
	       (((f >> UD_CONTENTS_SHIFT) & UD_CONTENTS_MASK) << D_TYPE_SHIFT) |
	       ((f & UD_READ_EXEC_ONLY) ? 0 : D_WRITABLE) |
	       ((f & UD_LIMIT_IN_PAGES) ? D_GRANULARITY : 0) |
	       ((f & UD_USEABLE) ? D_AVL : 0);
	return d;
}

static void desc_to_ud(const struct seg_desc *d, u32 idx, struct user_desc *u)
{
	memset(u, 0, sizeof(*u));
	u->entry_number = idx;
	u->base_addr = (d->lo >> 16) | ((d->hi & 0xff) << 16) | (d->hi & 0xff000000);
	u->limit = (d->lo & 0xffff) | (d->hi & 0xf0000);
	u->flags = ((d->hi & D_DB) ? UD_SEG_32BIT : 0) |
		   (((d->hi >> D_TYPE_SHIFT) & UD_CONTENTS_MASK) << UD_CONTENTS_SHIFT) |
		   ((d->hi & D_WRITABLE) ? 0 : UD_READ_EXEC_ONLY) |
		   ((d->hi & D_GRANULARITY) ? UD_LIMIT_IN_PAGES : 0) |
		   ((d->hi & D_PRESENT) ? 0 : UD_SEG_NOT_PRESENT) |
		   ((d->hi & D_AVL) ? UD_USEABLE : 0);
}

/* sel as the trapframe may hold it: a null, user data or present TLS
 * selector of p with RPL 3 (or null); anything else becomes null, as
 * Linux loads a null selector when a saved one no longer loads. */
u32 tls_check_selector(const struct proc *p, u32 sel)
{
	u32 idx = SEL_INDEX(sel & 0xffff);

	if ((sel & 0xffff) == USER_DS)
		return sel & 0xffff;
	if ((sel & 3) != DPL_USER || (sel & SEL_TI_LDT) || idx < SEG_TLS_MIN ||
	    idx > SEG_TLS_MAX || desc_empty(&p->tls[idx - SEG_TLS_MIN]))
		return 0;
	return sel & 0xffff;
}

/* Read and check the user_desc at uinfo for p; *idx, *d: the slot and
 * descriptor it asks for.  An entry_number of -1 picks a free slot and
 * reports it, if can_pick. */
static long read_area(struct proc *p, struct user_desc __user *uinfo, bool can_pick,
		      u32 *idx, struct seg_desc *d)
{
	struct user_desc u;

	if (copy_from_user(&u, uinfo, sizeof(u)) < 0)
		return -EFAULT;
	if (!ud_valid(&u))
		return -EINVAL;
	*idx = u.entry_number;
	if (*idx == (u32)-1 && can_pick) {
		for (*idx = SEG_TLS_MIN; *idx <= SEG_TLS_MAX; (*idx)++)
			if (desc_empty(&p->tls[*idx - SEG_TLS_MIN]))
				break;
		if (*idx > SEG_TLS_MAX)
			return -ESRCH;
		if (copy_to_user(&uinfo->entry_number, idx, sizeof(*idx)) < 0)
			return -EFAULT;
	}
	if (*idx < SEG_TLS_MIN || *idx > SEG_TLS_MAX)
		return -EINVAL;
	*d = ud_to_desc(&u);
	return 0;
}

/* Put d in p's slot idx.  A program may have loaded that slot's
 * selector into any data segment register: one that would no longer load
 * becomes null (%ss: the user data segment, as a null one cannot be),
 * so that the return to user mode never faults in the kernel. */
static void set_area(struct proc *p, u32 idx, struct seg_desc d)
{
	struct trapframe *tf = p->tf;

	p->tls[idx - SEG_TLS_MIN] = d;
	if (p == current)
		gdt_set_tls(p->tls);
	tf->ds = tls_check_selector(p, tf->ds);
	tf->es = tls_check_selector(p, tf->es);
	tf->fs = tls_check_selector(p, tf->fs);
	tf->gs = tls_check_selector(p, tf->gs);
	if (tls_check_selector(p, tf->ss) == 0)
		tf->ss = USER_DS;
}

long sys_set_thread_area(struct user_desc __user *uinfo)
{
	struct seg_desc d;
	u32 idx;
	long err = read_area(current, uinfo, true, &idx, &d);

	if (err == 0)
		set_area(current, idx, d);
	return err;
}

/* clone's CLONE_SETTLS, checked before the child is made (check) and
 * then given to it: a slot must be named. */
long tls_clone_check(struct user_desc __user *uinfo)
{
	struct seg_desc d;
	u32 idx;

	return read_area(current, uinfo, false, &idx, &d);
}

void tls_set_child(struct proc *child, struct user_desc __user *uinfo)
{
	struct seg_desc d;
	u32 idx;

	if (read_area(child, uinfo, false, &idx, &d) == 0)
		set_area(child, idx, d);
}

long sys_get_thread_area(struct user_desc __user *uinfo)
{
	struct user_desc u;
	u32 idx;

	if (copy_from_user(&idx, &uinfo->entry_number, sizeof(idx)) < 0)
		return -EFAULT;
	if (idx < SEG_TLS_MIN || idx > SEG_TLS_MAX)
		return -EINVAL;
	desc_to_ud(&current->tls[idx - SEG_TLS_MIN], idx, &u);
	return copy_to_user(uinfo, &u, sizeof(u)) < 0 ? -EFAULT : 0;
}

/* exec: no TLS segments; %fs and %gs null, as Linux starts a program. */
void tls_exec(struct proc *p)
{
	memset(p->tls, 0, sizeof(p->tls));
	gdt_set_tls(p->tls);
}
