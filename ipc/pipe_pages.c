/*
 * pipe_pages.c - the memory behind a pipe's ring: its pages, its size
 * (fcntl F_GETPIPE_SZ and F_SETPIPE_SZ), and how many pages one user's
 * pipes may claim.
 *
 * The ring.  A pipe's ring is size bytes, a power of two of pages
 * (PIPE_DEF_PAGES at first: 65,536 bytes, as Linux since 2.6.11; the
 * seed's design had one page), kept as an array of page pointers.  A page
 * is allocated when a write first reaches it; when a read empties the
 * pipe, pipe_ring_trim gives back all but one (which moves to where the
 * next write goes, so ping-pong through a pipe allocates nothing).  So an
 * idle pipe holds at most one page, a busy one what it holds.  Byte
 * number pos of the stream lives at pipe_byte(p, pos): page
 * (pos % size) / PAGE_SIZE, offset pos % PAGE_SIZE.  As size is a whole
 * number of pages, a piece of the stream that stays inside one page is
 * also contiguous in the ring.
 *
 * The size (pipe(7), fcntl(2)).  F_GETPIPE_SZ returns it; F_SETPIPE_SZ
 * rounds the wish up to a power of two of pages (at least one page),
 * moves the bytes held into a ring of that size and returns the size.
 * Errors, in Linux's order: EINVAL past 2^31; EPERM for non-root growing
 * a ring past PIPE_MAX_SIZE or past the user's soft limit; EBUSY when
 * the bytes held would not fit.  PIPE_BUF stays 4096 whatever the size,
 * and no size is below it, so atomic writes keep their meaning.
 *
 * Accounting (Linux's pipe-user-pages-soft).  Every ring counts its
 * pages against the real uid that made the pipe (struct pipe_user).
 * Once a new pipe's PIPE_DEF_PAGES would take its user past the soft
 * limit - a PIPE_USER_SHARE-th of memory - the pipe gets PIPE_MIN_PAGES
 * instead, and F_SETPIPE_SZ may not grow a ring past the limit.  Root is
 * not held to either.  The table of users is small: with no entry free, a
 * pipe is counted nowhere and treated as its user past the limit.
 *
 * Everything here runs with interrupts off, like all system calls; no
 * caller sleeps between choosing a size and using it.
 */
#include "ipc/pipe.h"
#include "kernel/file.h"
#include "kernel/proc.h"
#include "kernel/string.h"
#include "mm/mm.h"
#include "kernel/errno.h"
#include <uapi/fcntl.h>

#define PIPE_USERS	32		/* users with pipes counted at once */
#define PIPE_SIZE_LIMIT	(1u << 31)	/* F_SETPIPE_SZ past this: EINVAL */

struct pipe_user {
	u32 uid;
	u32 pages;			/* 0: the entry is free */
};

static struct pipe_user pipe_users[PIPE_USERS];

long pipe_user_pages_soft(void)
{
	return (long)(frames_total() / PIPE_USER_SHARE);
}

/* Linux's CAP_SYS_RESOURCE: here, the effective uid 0. */
static bool capable_resource(void)
{
	return current->euid == 0;
}

/* uid's entry, or a free one for it; NULL if the table is full. */
static struct pipe_user *user_entry(u32 uid)
{
	struct pipe_user *spare = NULL;

	for (struct pipe_user *u = pipe_users; u < pipe_users + PIPE_USERS; u++) {
		if (u->pages && u->uid == uid)
			return u;
		if (!u->pages && !spare)
			spare = u;
	}
	if (spare)
		spare->uid = uid;
	return spare;
}

/* Would the user's pipes hold more than the soft limit with pages more? */
static bool past_soft_limit(struct pipe_user *u, u32 pages)
{
	return !u || u->pages + pages > (u32)pipe_user_pages_soft();
}

static char **pages_alloc(u32 size)
{
	return kzalloc(size / PAGE_SIZE * sizeof(char *));
}

static void pages_free(char **pages, u32 size)
{
	for (u32 i = 0; i < size / PAGE_SIZE; i++)
		if (pages[i])
			frame_put(V2P(pages[i]));
	kfree(pages);
}

/* The index in pages[] of the page holding byte number pos. */
static u32 page_index(struct pipe *p, u32 pos)
{
	return (pos & (p->size - 1)) / PAGE_SIZE;	/* pos % size */
}

/* A new pipe's ring, sized and counted as the rules above say. */
int pipe_ring_alloc(struct pipe *p)
{
	u32 pages = PIPE_DEF_PAGES;

	p->user = user_entry(current->uid);
	if (past_soft_limit(p->user, pages) && !capable_resource())
		pages = PIPE_MIN_PAGES;
	if (!(p->pages = pages_alloc(pages * PAGE_SIZE)))
		return -ENOMEM;
	p->size = pages * PAGE_SIZE;
	if (p->user)
		p->user->pages += pages;
	return 0;
}

void pipe_ring_free(struct pipe *p)
{
	pages_free(p->pages, p->size);
	if (p->user)
		p->user->pages -= p->size / PAGE_SIZE;
}

/* Where byte number pos of the stream lives in the ring, its page made
 * if this is the first write to reach it; NULL if out of memory. */
char *pipe_byte(struct pipe *p, u32 pos)
{
	char **page = &p->pages[page_index(p, pos)];
	u32 pa;

	if (!*page) {
		if (!(pa = frame_alloc_raw()))	/* written before it is read */
			return NULL;
		*page = P2V(pa);
		p->npages++;
	}
	return *page + pos % PAGE_SIZE;
}

/* The pipe is empty: keep one page, where the next write goes, and give
 * back the others.  O(1) unless more than one page is held. */
void pipe_ring_trim(struct pipe *p)
{
	char **keep = &p->pages[page_index(p, p->head)];

	for (u32 i = 0; i < p->size / PAGE_SIZE && (p->npages > 1 || !*keep); i++) {
		if (!p->pages[i] || &p->pages[i] == keep)
			continue;
		if (!*keep) {
			*keep = p->pages[i];
		} else {
			frame_put(V2P(p->pages[i]));
			p->npages--;
		}
		p->pages[i] = NULL;
	}
}

/* Move the bytes held into a fresh ring of size bytes, the oldest at 0. */
static int pipe_resize(struct pipe *p, u32 size)
{
	struct pipe old = *p;
	u32 held = p->head - p->tail, piece;

	if (!(p->pages = pages_alloc(size))) {
		p->pages = old.pages;
		return -ENOMEM;
	}
	p->size = size;
	p->npages = 0;
	p->tail = 0;
	p->head = 0;
	for (u32 pos = old.tail; p->head < held; pos += piece, p->head += piece) {
		char *dst = pipe_byte(p, p->head);

		piece = MIN(held - p->head, PAGE_SIZE - pos % PAGE_SIZE);
		piece = MIN(piece, PAGE_SIZE - p->head % PAGE_SIZE);
		if (!dst) {
			pages_free(p->pages, size);
			*p = old;
			return -ENOMEM;
		}
		memcpy(dst, pipe_byte(&old, pos), piece);
	}
	pages_free(old.pages, old.size);
	return 0;
}

/* Round a wished size up to a power of two of pages; 0 if too big. */
static u32 round_pipe_size(u32 wish)
{
	u32 size = PAGE_SIZE;

	if (wish > PIPE_SIZE_LIMIT)
		return 0;
	while (size < wish)
		size <<= 1;
	return size;
}

static long pipe_set_size(struct pipe *p, u32 wish)
{
	u32 size = round_pipe_size(wish), old_pages = p->size / PAGE_SIZE, more;
	bool root = capable_resource();
	int err;

	if (!size)
		return -EINVAL;
	if (size > p->size && size > PIPE_MAX_SIZE && !root)
		return -EPERM;
	more = size > p->size ? (size - p->size) / PAGE_SIZE : 0;
	if (more && past_soft_limit(p->user, more) && !root)
		return -EPERM;
	if (p->head - p->tail > size)
		return -EBUSY;
	if ((err = pipe_resize(p, size)) < 0)
		return err;
	if (p->user)
		p->user->pages = p->user->pages - old_pages + size / PAGE_SIZE;
	return (long)size;
}

long pipe_fcntl(struct file *f, int cmd, u32 arg)
{
	struct pipe *p = f->priv;

	if (f->ops != &pipe_ops)
		return -EBADF;
	if (cmd == F_GETPIPE_SZ)
		return (long)p->size;
	return pipe_set_size(p, arg);
}
