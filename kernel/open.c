/*
 * open.c - opening a path: permission checks, O_CREAT/O_EXCL/O_TRUNC,
 * O_NOFOLLOW, and the file operations of regular files and directories.
 * Devices get their operations from kernel/dev.c, /proc's files from
 * kernel/procfs.c.  A final symbolic link is followed, except with
 * O_NOFOLLOW (ELOOP) or O_CREAT|O_EXCL (EEXIST, as the name exists);
 * O_CREAT through a dangling link makes the file it names.
 */
#include "kernel/file.h"
#include "ipc/pipe.h"
#include "kernel/dev.h"
#include "kernel/proc.h"
#include "kernel/procfs.h"
#include "kernel/rlimit.h"
#include "kernel/string.h"
#include "kernel/vfs.h"
#include "mm/mm.h"
#include "kernel/errno.h"
#include <uapi/fcntl.h>

static ssize_t reg_read(struct file *f, char __user *buf, size_t n)
{
	ssize_t r = inode_read_user(f->inode, buf, f->pos, (u32)n);

	if (r > 0)
		f->pos += (u32)r;
	return r;
}

static ssize_t reg_write(struct file *f, const char __user *buf, size_t n)
{
	ssize_t r;

	if (f->flags & O_APPEND)
		f->pos = f->inode->size;
	if ((r = rlimit_fsize_check(f->pos, &n)) < 0)
		return r;
	r = inode_write_user(f->inode, buf, f->pos, (u32)n);
	if (r > 0)
		f->pos += (u32)r;
	return r;
}

static ssize_t dir_read(struct file *f, char __user *buf, size_t n)
{
	(void)f, (void)buf, (void)n;
	return -EISDIR;
}

static const struct file_ops reg_ops = {
	.read = reg_read,
	.write = reg_write,
	.lseek = generic_lseek,
};

const struct file_ops dir_ops = {
	.read = dir_read,
	.lseek = generic_lseek,
};

static int may_open(struct inode *ip, u32 flags)
{
	u32 acc = flags & O_ACCMODE;
	int mask = 0;

	if (S_ISDIR(ip->mode) && acc != O_RDONLY)
		return -EISDIR;
	if (!S_ISDIR(ip->mode) && (flags & O_DIRECTORY))
		return -ENOTDIR;
	if (acc != O_WRONLY)
		mask |= MAY_READ;
	if (acc != O_RDONLY)
		mask |= MAY_WRITE;
	return inode_permission(ip, mask);
}

static const struct file_ops *ops_for(struct inode *ip)
{
	if (S_ISREG(ip->mode))
		return &reg_ops;
	if (S_ISDIR(ip->mode))
		return &dir_ops;
	if (S_ISCHR(ip->mode))
		return dev_ops(ip->rdev);
	return NULL;
}

/* Flags that act at open time and are not kept in the open file. */
#define OPEN_ONLY_FLAGS	(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC)

/* O_CREAT of "dir/name/": EISDIR (it makes files, never directories) if
 * dir exists, else the lookup's own error. */
static int creat_dir_error(struct inode *start, const char *path)
{
	char name[NAME_MAX + 1];
	struct inode *dir;
	int err = nameiparent_at(start, path, &dir, name);

	if (err < 0)
		return err;
	inode_put(dir);
	return -EISDIR;
}

#define MAX_CREATE_LINKS	40

/*
 * O_CREAT of a name that is a dangling symbolic link makes the file the
 * link names (through more links if need be), as Linux does.  Anything
 * else that is missing is ENOENT.
 */
static int create_through_links(struct inode *start, const char *path, u16 mode,
				struct inode **ip)
{
	char name[NAME_MAX + 1], *target = path_buf();
	struct inode *dir = NULL, *link;
	int err = -ENOENT;

	if (!target)
		return -ENOMEM;
	for (int links = 0; links <= MAX_CREATE_LINKS; links++) {
		struct inode *prev = dir;

		err = nameiparent_at(start, path, &dir, name);
		if (prev)
			inode_put(prev);
		if (err < 0) {
			dir = NULL;
			break;
		}
		link = dir_lookup(dir, name);
		if (!link) {
			err = vfs_create_at(dir, name, mode, 0, ip);
			break;
		}
		err = -ENOENT;
		if (!S_ISLNK(link->mode) || (err = link_target(link, target)) < 0)
			break;
		start = dir;
		path = target;
		err = -ELOOP;
	}
	if (dir)
		inode_put(dir);
	putname(target);
	return err;
}

/* Find path (from start), or with O_CREAT make it a new regular file;
 * *ip gets a reference. */
static int lookup_or_create(struct inode *start, const char *path, u32 flags, u16 mode,
			    struct inode **ip)
{
	bool excl = (flags & O_CREAT) && (flags & O_EXCL);
	int follow = (flags & O_NOFOLLOW) || excl ? 0 : LOOKUP_FOLLOW;
	int err = namei_at(start, path, follow, ip);

	if (err == -ENOENT && (flags & O_CREAT)) {
		if (path[strlen(path) - 1] == '/')
			return creat_dir_error(start, path);
		return create_through_links(start, path,
					    S_IFREG | (mode & 07777 & ~current->umask), ip);
	}
	if (err == 0 && (excl || S_ISLNK((*ip)->mode))) {
		err = S_ISLNK((*ip)->mode) && !excl ? -ELOOP : -EEXIST;
		inode_put(*ip);
	}
	return err;
}

/* A new open file on ip with the kind's operations. */
static int open_inode(struct inode *ip, u32 flags, struct file **out)
{
	const struct file_ops *ops;
	int err = may_open(ip, flags);

	if (err < 0)
		return err;
	if (S_ISFIFO(ip->mode))
		return fifo_open(ip, flags & ~OPEN_ONLY_FLAGS, out);
	if (ip->proc_kind && !S_ISDIR(ip->mode))
		return procfs_open(ip, flags & ~OPEN_ONLY_FLAGS, out);
	if (!(ops = ops_for(ip)))
		return -ENXIO;
	if ((flags & O_TRUNC) && S_ISREG(ip->mode) && (flags & O_ACCMODE) != O_RDONLY)
		inode_truncate(ip, 0);
	if (!(*out = file_alloc(ip, flags & ~OPEN_ONLY_FLAGS, ops)))
		return -ENOMEM;
	if (S_ISCHR(ip->mode) && (err = dev_open(*out, ip->rdev, flags)) < 0)
		file_put(*out);
	return err;
}

/* Open (and with O_CREAT perhaps create) path from start (NULL: the
 * working directory); *out gets a new file. */
int file_open_at(struct inode *start, const char *path, u32 flags, u16 mode,
		 struct file **out)
{
	struct inode *ip;
	int err;

	if ((flags & O_ACCMODE) == O_ACCMODE)
		return -EINVAL;
	if ((err = lookup_or_create(start, path, flags, mode, &ip)) < 0)
		return err;
	err = open_inode(ip, flags, out);
	inode_put(ip);
	return err;
}

int file_open(const char *path, u32 flags, u16 mode, struct file **out)
{
	return file_open_at(NULL, path, flags, mode, out);
}
