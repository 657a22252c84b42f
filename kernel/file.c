/*
 * file.c - open file objects and per-process descriptor tables.
 *
 * A file is reference-counted: each descriptor that refers to it (in any
 * process) holds one reference.  Files come from their own object cache
 * (file_cache, mm/slab.c).  The last file_put() calls the kind's
 * release operation (a pipe end counts down its readers or writers) and
 * drops the inode reference.
 *
 * New descriptors are numbered below fd_limit(): the table's size or the
 * process's RLIMIT_NOFILE, whichever is lower.
 */
#include "kernel/file.h"
#include "kernel/string.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/rlimit.h"
#include "kernel/vfs.h"
#include "kernel/errno.h"
#include <uapi/fcntl.h>
#include "mm/slab.h"

static struct kmem_cache file_cache;

void file_init(void)
{
	kmem_cache_init(&file_cache, "file", sizeof(struct file));
}

static u32 open_files;		/* struct files allocated (kstat) */

u32 file_count(void)
{
	return open_files;
}

struct file *file_alloc(struct inode *ip, u32 flags, const struct file_ops *ops)
{
	struct file *f = kmem_cache_alloc(&file_cache);

	if (!f)
		return NULL;
	memset(f, 0, sizeof(*f));
	f->refs = 1;
	open_files++;
	f->flags = flags;
	f->inode = ip;
	f->ops = ops;
	if (ip)
		inode_get(ip);
	return f;
}

void file_get(struct file *f)
{
	f->refs++;
}

void file_put(struct file *f)
{
	if (--f->refs > 0)
		return;
	if (f->refs < 0)
		panic("file_put: negative refs");
	if (f->ops->release)
		f->ops->release(f);
	if (f->inode)
		inode_put(f->inode);
	kmem_cache_free(&file_cache, f);
	open_files--;
}

bool file_readable(struct file *f)
{
	return (f->flags & O_ACCMODE) != O_WRONLY;
}

bool file_writable(struct file *f)
{
	return (f->flags & O_ACCMODE) != O_RDONLY;
}

/* One more than the highest descriptor a new file may get. */
int fd_limit(void)
{
	return (int)MIN((unsigned long)NOFILE, rlimit_cur(current, RLIMIT_NOFILE));
}

/* Put f in the lowest free descriptor >= min_fd, or fail with EMFILE.
 * Takes over the caller's reference on success. */
int fd_install(struct file *f, int min_fd)
{
	int limit = fd_limit();

	for (int fd = min_fd; fd < limit; fd++) {
		if (!current->files[fd]) {
			current->files[fd] = f;
			current->cloexec &= ~(1ull << fd);
			return fd;
		}
	}
	return -EMFILE;
}

struct file *fd_get(int fd)
{
	if (fd < 0 || fd >= NOFILE)
		return NULL;
	return current->files[fd];
}

int fd_close(int fd)
{
	struct file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	current->files[fd] = NULL;
	current->cloexec &= ~(1ull << fd);
	file_put(f);
	return 0;
}

void files_fork(struct proc *child, struct proc *parent)
{
	for (int fd = 0; fd < NOFILE; fd++) {
		child->files[fd] = parent->files[fd];
		if (child->files[fd])
			file_get(child->files[fd]);
	}
	child->cloexec = parent->cloexec;
	child->cwd = parent->cwd;
	inode_get(child->cwd);
	child->umask = parent->umask;
}

void files_exit(struct proc *p)
{
	for (int fd = 0; fd < NOFILE; fd++) {
		if (p->files[fd]) {
			file_put(p->files[fd]);
			p->files[fd] = NULL;
		}
	}
	if (p->cwd) {
		inode_put(p->cwd);
		p->cwd = NULL;
	}
}

/* execve: close the descriptors marked close-on-exec. */
void files_exec(struct proc *p)
{
	for (int fd = 0; fd < NOFILE; fd++) {
		if (p->files[fd] && (p->cloexec & (1ull << fd))) {
			file_put(p->files[fd]);
			p->files[fd] = NULL;
		}
	}
	p->cloexec = 0;
}

/* Descriptors 0, 1 and 2 of the first process: /dev/console. */
int files_open_console(struct proc *p)
{
	struct file *f;
	int err = file_open("/dev/console", O_RDWR | O_NOCTTY, 0, &f);

	if (err < 0)
		return err;
	for (int fd = 0; fd < 3; fd++) {
		p->files[fd] = f;
		if (fd)
			file_get(f);
	}
	return 0;
}
