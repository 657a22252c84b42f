/*
 * vfs.h - inodes, directories and path lookup.
 *
 * The root file system lives in memory (kernel/ramfs.c): an inode is a
 * directory (a list of named entries), a regular file (its data in page
 * frames), a symbolic link (its target as its data), a FIFO, or a
 * character device; /proc's inodes are made by kernel/procfs.c.  Path
 * lookup (kernel/namei.c) follows symbolic links.  An inode lives while it has a
 * name (nlink > 0) or a user (refs > 0: open files, working directories,
 * path walks in progress).
 */
#ifndef KERNEL_VFS_H
#define KERNEL_VFS_H

#include "kernel/types.h"
#include <uapi/stat.h>

#define NAME_MAX	255
#define PATH_MAX	4096

struct dentry {
	char name[NAME_MAX + 1];
	struct inode *inode;
	u32 pos;			/* its directory position (getdents offset) */
	struct dentry *next;
};

#define DIR_FIRST_POS	2		/* 0 is ".", 1 is "..", entries follow */

struct inode {
	u32 ino;
	u16 mode;			/* type and permission bits */
	u16 nlink;
	u16 uid, gid;
	u32 size;
	u32 rdev;			/* device number of a device node */
	u32 atime, mtime, ctime;
	int refs;
	struct inode *parent;		/* directories: for ".." (a reference) */
	struct dentry *entries;		/* directories: in increasing pos order */
	u32 next_pos;			/* directories: pos of the next entry made */
	u32 *pages;			/* regular files: physical frames */
	u32 npages;			/* regular files: slots in pages[] */
	void *fifo;			/* FIFOs: the pipe while open */
	u16 proc_kind;			/* /proc nodes: what it shows (procfs.c), 0 = none */
	int proc_pid;			/* /proc nodes: the process it is about */
};

#define MKDEV(major, minor)	(((major) << 8) | (minor))
#define MAJOR(dev)		((dev) >> 8)
#define MINOR(dev)		((dev) & 0xff)

void vfs_init(void);
struct inode *vfs_root(void);
void inode_get(struct inode *ip);
void inode_put(struct inode *ip);
struct inode *inode_new(u16 mode);

#define LOOKUP_FOLLOW	1		/* namei_at: follow a final symbolic link */

int namei(const char *path, struct inode **out);
int nameiparent(const char *path, struct inode **dir, char *name);
int namei_at(struct inode *start, const char *path, int flags, struct inode **out);
int nameiparent_at(struct inode *start, const char *path, struct inode **dir, char *name);
int vfs_create_at(struct inode *start, const char *path, u16 mode, u32 rdev,
		  struct inode **out);
int vfs_symlink_at(struct inode *start, const char *path, const char *target);
int link_target(struct inode *link, char *buf);
struct inode *dir_lookup(struct inode *dir, const char *name);
bool dir_dead(const struct inode *dir);
int dir_link(struct inode *dir, const char *name, struct inode *ip);
int dir_unlink(struct inode *dir, const char *name);
int vfs_create(const char *path, u16 mode, u32 rdev, struct inode **out);
int getname(const char __user *upath, char **out);
void putname(char *name);
char *path_buf(void);		/* a PATH_MAX buffer; free with putname */

ssize_t inode_read(struct inode *ip, void *dst, u32 off, u32 n);
ssize_t inode_write(struct inode *ip, const void *src, u32 off, u32 n);
ssize_t inode_read_user(struct inode *ip, void __user *dst, u32 off, u32 n);
ssize_t inode_write_user(struct inode *ip, const void __user *src, u32 off, u32 n);
int inode_truncate(struct inode *ip, u32 size);
void inode_stat(struct inode *ip, struct stat *st);
int inode_permission(struct inode *ip, int mask);

#define MAY_EXEC	1
#define MAY_WRITE	2
#define MAY_READ	4

#endif
