/*
 * file.h - open files and descriptor tables (kernel/file.c).
 *
 * A struct file is one open of an inode: access mode and status flags,
 * the offset, and the operations for that kind of file.  Descriptors
 * are indexes into the process's files[]; dup and fork share one struct
 * file (and so its offset and flags), as in Unix.
 */
#ifndef KERNEL_FILE_H
#define KERNEL_FILE_H

#include "kernel/types.h"

struct file;
struct inode;
struct proc;

struct file_ops {
	ssize_t (*read)(struct file *f, char __user *buf, size_t n);
	ssize_t (*write)(struct file *f, const char __user *buf, size_t n);
	int (*ioctl)(struct file *f, u32 cmd, u32 arg);
	long (*lseek)(struct file *f, long off, int whence);	/* NULL: ESPIPE */
	void (*release)(struct file *f);	/* last close */
	u32 (*poll)(struct file *f);	/* POLL* ready now; NULL: always (kernel/poll.h) */
};

struct file {
	int refs;
	u32 flags;			/* O_ACCMODE | O_APPEND | O_NONBLOCK ... */
	u32 pos;
	struct inode *inode;
	const struct file_ops *ops;
	void *priv;			/* the kind of file's own data */
	u32 version;			/* FIFO read end: no POLLHUP while the pipe's
				   w_opens equals it (ipc/pipe.c, pipe_poll) */
};

void file_init(void);			/* the cache of file objects */
struct file *file_alloc(struct inode *ip, u32 flags, const struct file_ops *ops);
void file_get(struct file *f);
void file_put(struct file *f);
u32 file_count(void);
bool file_readable(struct file *f);
bool file_writable(struct file *f);

long generic_lseek(struct file *f, long off, int whence);
long null_lseek(struct file *f, long off, int whence);

int fd_limit(void);
int fd_install(struct file *f, int min_fd);
struct file *fd_get(int fd);
int fd_close(int fd);

void files_fork(struct proc *child, struct proc *parent);
void files_exit(struct proc *p);
void files_exec(struct proc *p);
int files_open_console(struct proc *p);
int file_open(const char *path, u32 flags, u16 mode, struct file **out);
int file_open_at(struct inode *start, const char *path, u32 flags, u16 mode,
		 struct file **out);

#endif
