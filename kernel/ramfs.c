/*
 * ramfs.c - the in-memory root file system: inodes, directories and file
 * data.
 *
 * A directory holds a singly linked list of entries (name, inode, and a
 * position that never changes, so that a directory being read while
 * entries are removed skips and repeats nothing); "." and ".." are not
 * stored but answered from the directory itself and its parent, on which
 * a directory holds a reference - even once removed, ".." leads back.
 * A regular file keeps its bytes in whole page frames, listed in
 * inode.pages (0 = a hole, read as zeros); so does a symbolic link, its
 * target being its data.  Every inode counts its names (nlink) and its
 * users (refs); it is freed, with its pages, when both reach 0.  Inodes
 * come from their own object cache (inode_cache, mm/slab.c).  Path
 * lookup is in kernel/namei.c.
 */
#include "kernel/vfs.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/procfs.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "mm/mm.h"
#include "mm/slab.h"
#include "kernel/errno.h"

#define MAX_FILE_SIZE	(64u << 20)	/* 64 MiB per file */

static struct inode *root;
static u32 next_ino = 1;

struct inode *vfs_root(void)
{
	return root;
}

static struct kmem_cache inode_cache;

struct inode *inode_new(u16 mode)
{
	struct inode *ip = kmem_cache_alloc(&inode_cache);

	if (!ip)
		return NULL;
	memset(ip, 0, sizeof(*ip));
	ip->ino = next_ino++;
	ip->mode = mode;
	ip->refs = 1;
	ip->atime = ip->mtime = ip->ctime = time_now();
	if (current) {
		ip->uid = (u16)current->euid;
		ip->gid = (u16)current->egid;
	}
	return ip;
}

void inode_get(struct inode *ip)
{
	ip->refs++;
}

/* Drop a reference; free the inode when it has neither users nor names.
 * A freed directory drops its reference on its parent, which may free
 * that in turn: a loop, not recursion, however deep the chain. */
void inode_put(struct inode *ip)
{
	while (ip) {
		struct inode *parent = NULL;

		if (--ip->refs < 0)
			panic("inode_put: inode %u has negative refs", ip->ino);
		if (ip->refs > 0 || ip->nlink > 0)
			return;
		inode_truncate(ip, 0);
		kfree(ip->pages);
		if (S_ISDIR(ip->mode) && ip->parent != ip)
			parent = ip->parent;
		kmem_cache_free(&inode_cache, ip);
		ip = parent;
	}
}

void vfs_init(void)
{
	kmem_cache_init(&inode_cache, "inode", sizeof(struct inode));
	root = inode_new(S_IFDIR | 0755);
	if (!root)
		panic("vfs: no memory for the root directory");
	root->nlink = 2;
	root->parent = root;
	root->next_pos = DIR_FIRST_POS;
}

/* ---------------------------------------------------------- directories */

/* A directory that has been removed (rmdir) but is still in use, as a
 * working directory or an open file: nothing can be found or made in it. */
bool dir_dead(const struct inode *dir)
{
	return dir->nlink == 0;
}

struct inode *dir_lookup(struct inode *dir, const char *name)
{
	if (!strcmp(name, "."))
		return dir;
	if (!strcmp(name, ".."))
		return dir->parent;
	if (dir_dead(dir))
		return NULL;
	if (dir->proc_kind)
		return procfs_lookup(dir, name);
	for (struct dentry *d = dir->entries; d; d = d->next)
		if (!strcmp(d->name, name))
			return d->inode;
	return NULL;
}

int dir_link(struct inode *dir, const char *name, struct inode *ip)
{
	struct dentry *d, **tail;

	if (strlen(name) > NAME_MAX)
		return -ENAMETOOLONG;
	if (dir_dead(dir))
		return -ENOENT;
	if (dir_lookup(dir, name))
		return -EEXIST;
	if (dir->proc_kind)
		return -EACCES;		/* nothing is made in /proc */
	if (!(d = kzalloc(sizeof(*d))))
		return -ENOMEM;
	strlcpy(d->name, name, sizeof(d->name));
	d->inode = ip;
	d->pos = dir->next_pos++;
	for (tail = &dir->entries; *tail; tail = &(*tail)->next)
		;
	*tail = d;
	ip->nlink++;
	if (S_ISDIR(ip->mode)) {
		struct inode *old_parent = ip->parent;
		inode_get(dir);
		ip->parent = dir;
		if (old_parent)		/* rename moved it */
			inode_put(old_parent);
		if (!ip->next_pos)
			ip->next_pos = DIR_FIRST_POS;
		ip->nlink++;		/* its own "." */
		dir->nlink++;		/* its ".." */
	}
	dir->mtime = dir->ctime = time_now();
	return 0;
}

int dir_unlink(struct inode *dir, const char *name)
{
	struct dentry **pp, *d;
	struct inode *ip;

	for (pp = &dir->entries; *pp && strcmp((*pp)->name, name); pp = &(*pp)->next)
		;
	if (!(d = *pp))
		return -ENOENT;
	*pp = d->next;
	ip = d->inode;
	kfree(d);
	ip->nlink--;
	if (S_ISDIR(ip->mode)) {
		ip->nlink--;
		dir->nlink--;
	}
	dir->mtime = dir->ctime = time_now();
	inode_get(ip);
	inode_put(ip);			/* frees it if that was the last use */
	return 0;
}

/* ---------------------------------------------------------- permission */

/* May the current process access ip as mask (MAY_READ/WRITE/EXEC)? */
int inode_permission(struct inode *ip, int mask)
{
	u32 mode = ip->mode;

	if (!current || current->euid == 0) {
		if ((mask & MAY_EXEC) && !S_ISDIR(mode) && !(mode & 0111))
			return -EACCES;
		return 0;
	}
	if (current->euid == ip->uid)
		mode >>= 6;
	else if (proc_in_group(current, ip->gid))
		mode >>= 3;
	return (mode & mask & 7) == (u32)mask ? 0 : -EACCES;
}

/* ---------------------------------------------------------- file data */

int inode_truncate(struct inode *ip, u32 size)
{
	u32 keep = ALIGN_UP(size, PAGE_SIZE) / PAGE_SIZE;

	if (size > MAX_FILE_SIZE)
		return -EFBIG;
	for (u32 i = keep; i < ip->npages; i++) {
		if (ip->pages[i])
			frame_put(ip->pages[i]);
		ip->pages[i] = 0;
	}
	if (size < ip->size && size % PAGE_SIZE && ip->pages && ip->pages[keep - 1])
		memset((u8 *)P2V(ip->pages[keep - 1]) + size % PAGE_SIZE, 0,
		       PAGE_SIZE - size % PAGE_SIZE);
	ip->size = size;
	ip->mtime = ip->ctime = time_now();
	return 0;
}

/* Make pages[] long enough for `size` bytes. */
static int grow_page_list(struct inode *ip, u32 size)
{
	u32 need = ALIGN_UP(size, PAGE_SIZE) / PAGE_SIZE, n;
	u32 *pages;

	if (need <= ip->npages)
		return 0;
	n = MAX(need, ip->npages * 2);
	if (!(pages = kzalloc(n * sizeof(u32))))
		return -ENOMEM;
	if (ip->pages)
		memcpy(pages, ip->pages, ip->npages * sizeof(u32));
	kfree(ip->pages);
	ip->pages = pages;
	ip->npages = n;
	return 0;
}

/*
 * Move n bytes at off between the file and buf, which is a user address
 * if user.  Reads stop at end of file; writes extend the file.  Returns
 * the count moved, or an error if nothing was.
 */
static ssize_t inode_rw(struct inode *ip, void *buf, u32 off, u32 n, bool write,
			bool user)
{
	u32 done = 0;
	int err = 0;

	if (!write) {
		if (off >= ip->size)
			return 0;
		n = MIN(n, ip->size - off);
	} else {
		if (off + n < off || off + n > MAX_FILE_SIZE)
			return -EFBIG;
		if ((err = grow_page_list(ip, off + n)) < 0)
			return err;
	}
	while (done < n) {
		u32 pos = off + done, idx = pos / PAGE_SIZE;
		u32 chunk = MIN(n - done, PAGE_SIZE - pos % PAGE_SIZE);
		u8 *ubuf = (u8 *)buf + done, *page;

		if (write && !ip->pages[idx] && !(ip->pages[idx] = frame_alloc())) {
			err = -ENOSPC;
			break;
		}
		if (!ip->pages[idx]) {			/* a hole reads as zeros */
			err = user ? clear_user(ubuf, chunk) : (memset(ubuf, 0, chunk), 0);
		} else {
			page = (u8 *)P2V(ip->pages[idx]) + pos % PAGE_SIZE;
			if (write)
				err = user ? copy_from_user(page, ubuf, chunk)
					   : (memcpy(page, ubuf, chunk), 0);
			else
				err = user ? copy_to_user(ubuf, page, chunk)
					   : (memcpy(ubuf, page, chunk), 0);
		}
		if (err < 0)
			break;
		done += chunk;
	}
	if (write && done) {
		ip->size = MAX(ip->size, off + done);
		ip->mtime = ip->ctime = time_now();
	}
	return done ? (ssize_t)done : err;
}

ssize_t inode_read(struct inode *ip, void *dst, u32 off, u32 n)
{
	return inode_rw(ip, dst, off, n, false, false);
}

ssize_t inode_write(struct inode *ip, const void *src, u32 off, u32 n)
{
	return inode_rw(ip, (void *)src, off, n, true, false);
}

ssize_t inode_read_user(struct inode *ip, void __user *dst, u32 off, u32 n)
{
	return inode_rw(ip, dst, off, n, false, true);
}

ssize_t inode_write_user(struct inode *ip, const void __user *src, u32 off, u32 n)
{
	return inode_rw(ip, (void *)src, off, n, true, true);
}

void inode_stat(struct inode *ip, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = 1;
	st->st_ino = ip->ino;
	st->st_mode = ip->mode;
	st->st_nlink = ip->nlink;
	st->st_uid = ip->uid;
	st->st_gid = ip->gid;
	st->st_rdev = ip->rdev;
	st->st_size = ip->size;
	st->st_blksize = PAGE_SIZE;
	st->st_blocks = ALIGN_UP(ip->size, PAGE_SIZE) / 512;
	st->st_atime = ip->atime;
	st->st_mtime = ip->mtime;
	st->st_ctime = ip->ctime;
}
