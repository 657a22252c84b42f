/*
 * pipe.h - pipes and FIFOs (ipc/pipe.c, ipc/fifo.c).
 */
#ifndef IPC_PIPE_H
#define IPC_PIPE_H

#include "kernel/proc.h"

#define PIPE_BUF	4096		/* writes up to this size are atomic */
#define PIPE_SIZE	PAGE_SIZE	/* the buffer: one page */

struct file;
struct inode;

struct pipe {
	char *buf;			/* one page, used as a ring */
	u32 head, tail;			/* free-running: head - tail bytes are in it */
	int readers, writers;		/* open read and write ends */
	u32 r_opens, w_opens;		/* FIFO opens ever made, for the rendezvous */
	struct wait_queue read_wait;	/* readers waiting for data (or for a writer) */
	struct wait_queue write_wait;	/* writers waiting for room (or for a reader) */
	struct inode *fifo;		/* the FIFO's inode, NULL for a pipe */
};

extern const struct file_ops pipe_ops;

struct pipe *pipe_alloc(void);
void pipe_free_if_unused(struct pipe *p);
void pipe_wake(struct wait_queue *wq);
int pipe_reserve(struct file *f, size_t n);
u32 pipe_live_count(void);
int fifo_open(struct inode *ip, u32 flags, struct file **out);

#endif
