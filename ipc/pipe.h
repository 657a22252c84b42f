/*
 * pipe.h - pipes and FIFOs (ipc/pipe.c, ipc/fifo.c) and the pages behind
 * their rings (ipc/pipe_pages.c).
 */
#ifndef IPC_PIPE_H
#define IPC_PIPE_H

#include "kernel/proc.h"

#define PIPE_BUF	4096		/* writes up to this size are atomic */
#define PIPE_DEF_PAGES	16		/* a new pipe's ring: 65,536 bytes, as Linux */
#define PIPE_MIN_PAGES	2		/* ... once its user is past the soft limit */
#define PIPE_MAX_SIZE	(1u << 20)	/* the most non-root may ask for (Linux's
					   /proc/sys/fs/pipe-max-size) */
#define PIPE_USER_SHARE	8		/* soft limit: one user's pipes, 1/8 of memory */

struct file;
struct inode;

struct pipe_user;

struct pipe {
	char **pages;			/* the ring: size / PAGE_SIZE pages, each
					   allocated when a write first reaches it */
	u32 size;			/* bytes in the ring, a power of two of pages */
	u32 npages;			/* pages allocated, at most size / PAGE_SIZE */
	u32 head, tail;			/* free-running: head - tail bytes are in it */
	int readers, writers;		/* open read and write ends */
	u32 r_opens, w_opens;		/* FIFO opens ever made, for the rendezvous */
	struct wait_queue read_wait;	/* readers waiting for data (or for a writer) */
	struct wait_queue write_wait;	/* writers waiting for room (or for a reader) */
	struct inode *fifo;		/* the FIFO's inode, NULL for a pipe */
	struct pipe_user *user;		/* whose pages the ring counts against */
};

extern const struct file_ops pipe_ops;

struct pipe *pipe_alloc(void);
void pipe_free_if_unused(struct pipe *p);
void pipe_wake(struct wait_queue *wq);
int pipe_reserve(struct file *f, size_t n);
u32 pipe_live_count(void);
int fifo_open(struct inode *ip, u32 flags, struct file **out);
void pipe_init(void);

/* pipe_pages.c */
int pipe_ring_alloc(struct pipe *p);
void pipe_ring_free(struct pipe *p);
char *pipe_byte(struct pipe *p, u32 pos);
void pipe_ring_trim(struct pipe *p);
long pipe_fcntl(struct file *f, int cmd, u32 arg);
long pipe_user_pages_soft(void);

#endif
