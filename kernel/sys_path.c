/*
 * sys_path.c - system calls that name files by path: access, mkdir,
 * rmdir, unlink, link, rename, mknod, chmod, symlink, chdir, getcwd and
 * umask, with their *at() forms (a relative path starts at the directory
 * open as dirfd, or with AT_FDCWD at the working directory; a dirfd that
 * is open but not on a directory is ENOTDIR).  stat and the calls around
 * it are in kernel/sys_stat.c.  A path is copied in (getname) or built
 * (getcwd) in a page frame of its own, never in the kernel heap.
 *
 * The calls that change a directory check in Linux's order, so that the
 * same mistake gives the same errno: the name's own problems (".", "..",
 * "/"), then whether the entry exists (ENOENT; EEXIST for a name to be
 * made), then permission on the directory (EACCES), and only then what
 * the entry is (ENOTDIR, EISDIR, EPERM) and holds (ENOTEMPTY).  The last
 * component of a path is not followed when it is a symbolic link by the
 * calls that work on the entry itself (unlink, rmdir, rename, link's old
 * name, symlink, mknod, mkdir); the others follow it.
 */
#include "kernel/syscall.h"
#include "kernel/file.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/vfs.h"
#include "mm/mm.h"
#include "kernel/errno.h"
#include <uapi/fcntl.h>

#define ACCESS_MASK	7	/* R_OK | W_OK | X_OK */

_Static_assert(PATH_MAX <= PAGE_SIZE, "a path buffer is one page frame");

/* A PATH_MAX buffer: a page frame, so that paths never depend on the
 * kernel heap having a large free block; not zeroed, as every user
 * writes its string before reading it.  Free it with putname. */
char *path_buf(void)
{
	u32 pa = frame_alloc_raw();

	return pa ? P2V(pa) : NULL;
}

/* Copy a user path into a new kernel buffer (free it with putname). */
int getname(const char __user *upath, char **out)
{
	char *buf = path_buf();
	long len;

	if (!buf)
		return -ENOMEM;
	if ((len = strncpy_from_user(buf, upath, PATH_MAX)) < 0) {
		putname(buf);
		return (int)len;
	}
	*out = buf;
	return 0;
}

void putname(char *name)
{
	frame_put(V2P(name));
}

/* Where the relative path of an *at() call starts: NULL (the working
 * directory) for AT_FDCWD, else the directory open as dirfd.  An absolute
 * or empty path does not look at dirfd, as on Linux. */
int at_start(int dirfd, const char *path, struct inode **start)
{
	struct file *f;

	*start = NULL;
	if (path[0] == '/' || !path[0] || dirfd == AT_FDCWD)
		return 0;
	if (!(f = fd_get(dirfd)))
		return -EBADF;
	if (!f->inode || !S_ISDIR(f->inode->mode))
		return -ENOTDIR;
	*start = f->inode;
	return 0;
}

/* Resolve a user path, relative to dirfd, to an inode reference;
 * flags: LOOKUP_FOLLOW. */
int user_namei_at(int dirfd, const char __user *upath, int flags, struct inode **ip)
{
	struct inode *start;
	char *path;
	int err = getname(upath, &path);

	if (err < 0)
		return err;
	if ((err = at_start(dirfd, path, &start)) == 0)
		err = namei_at(start, path, flags, ip);
	putname(path);
	return err;
}

/* Resolve a user path, relative to dirfd, to its parent directory and
 * last component. */
static int user_nameiparent(int dirfd, const char __user *upath, struct inode **dir,
			    char *name)
{
	struct inode *start;
	char *path;
	int err = getname(upath, &path);

	if (err < 0)
		return err;
	if ((err = at_start(dirfd, path, &start)) == 0)
		err = nameiparent_at(start, path, dir, name);
	putname(path);
	return err;
}

/*
 * access(2) asks whether the real user could do it - what a set-user-id
 * program wants to know about its caller - so the lookup and the check
 * run with the real user and group ids as the effective ones.
 */
long sys_faccessat(int dirfd, const char __user *path, int mode)
{
	int euid = current->euid, egid = current->egid;
	struct inode *ip;
	int err;

	if (mode & ~ACCESS_MASK)
		return -EINVAL;
	current->euid = current->uid;
	current->egid = current->gid;
	if ((err = user_namei_at(dirfd, path, LOOKUP_FOLLOW, &ip)) == 0) {
		err = mode ? inode_permission(ip, mode) : 0;
		inode_put(ip);
	}
	current->euid = euid;
	current->egid = egid;
	return err;
}

long sys_access(const char __user *path, int mode)
{
	return sys_faccessat(AT_FDCWD, path, mode);
}

static long make_node(int dirfd, const char __user *upath, u16 mode)
{
	struct inode *ip, *start;
	char *path;
	int err = getname(upath, &path);

	if (err < 0)
		return err;
	if ((err = at_start(dirfd, path, &start)) == 0)
		err = vfs_create_at(start, path, mode, 0, &ip);
	putname(path);
	if (err == 0)
		inode_put(ip);
	return err;
}

long sys_mkdirat(int dirfd, const char __user *path, int mode)
{
	return make_node(dirfd, path, S_IFDIR | ((u16)mode & 07777 & ~current->umask));
}

long sys_mkdir(const char __user *path, int mode)
{
	return sys_mkdirat(AT_FDCWD, path, mode);
}

/* mknod makes regular files and FIFOs.  Device nodes need root (EPERM),
 * and even root cannot make new ones here: the devices are fixed (EINVAL). */
long sys_mknodat(int dirfd, const char __user *path, int mode, u32 dev)
{
	u16 type = (u16)mode & S_IFMT, perm = (u16)mode & 07777 & ~current->umask;

	(void)dev;
	if (type == 0)
		type = S_IFREG;
	if ((type == S_IFCHR || type == S_IFBLK) && current->euid != 0)
		return -EPERM;
	if (type != S_IFREG && type != S_IFIFO)
		return -EINVAL;
	return make_node(dirfd, path, type | perm);
}

long sys_mknod(const char __user *path, int mode, u32 dev)
{
	return sys_mknodat(AT_FDCWD, path, mode, dev);
}

/* rmdir's error for "/", "." and ".." (unlink's is EISDIR). */
static int rmdir_special_error(const char *name)
{
	if (!name[0])
		return -EBUSY;
	return strcmp(name, ".") ? -ENOTEMPTY : -EINVAL;
}

static bool is_special(const char *name)
{
	return !name[0] || !strcmp(name, ".") || !strcmp(name, "..");
}

/*
 * The sticky bit (S_ISVTX) on a directory such as /tmp: an entry there may
 * be removed or renamed only by the owner of the entry or of the
 * directory, or by root, however writable the directory is.
 */
static bool sticky_denies(const struct inode *dir, const struct inode *ip)
{
	if (!(dir->mode & S_ISVTX) || current->euid == 0)
		return false;
	return current->euid != ip->uid && current->euid != dir->uid;
}

/* May ip, an entry of dir, be removed by rmdir (want_dir) or unlink?
 * Linux's order: permission on dir, the sticky bit, then the kinds. */
static int remove_check(struct inode *dir, struct inode *ip, bool want_dir)
{
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);

	if (err < 0)
		return err;
	if (ip->proc_kind)		/* /proc itself (a mount on Linux), or in it */
		return dir->proc_kind ? -EPERM : -EBUSY;
	if (sticky_denies(dir, ip))
		return -EPERM;
	if (want_dir && !S_ISDIR(ip->mode))
		return -ENOTDIR;
	if (!want_dir && S_ISDIR(ip->mode))
		return -EISDIR;
	if (want_dir && ip->entries)
		return -ENOTEMPTY;
	return 0;
}

/* Remove the entry name from dir: shared by unlink and rmdir. */
static long remove_entry(int dirfd, const char __user *upath, bool want_dir)
{
	char name[NAME_MAX + 1];
	struct inode *dir, *ip;
	int err = user_nameiparent(dirfd, upath, &dir, name);

	if (err < 0)
		return err;
	ip = is_special(name) ? NULL : dir_lookup(dir, name);
	if (is_special(name))
		err = want_dir ? rmdir_special_error(name) : -EISDIR;
	else if (!ip)
		err = -ENOENT;
	else if ((err = remove_check(dir, ip, want_dir)) == 0)
		err = dir_unlink(dir, name);
	inode_put(dir);
	return err;
}

long sys_unlink(const char __user *path)
{
	return remove_entry(AT_FDCWD, path, false);
}

long sys_rmdir(const char __user *path)
{
	return remove_entry(AT_FDCWD, path, true);
}

long sys_unlinkat(int dirfd, const char __user *path, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	return remove_entry(dirfd, path, flags & AT_REMOVEDIR);
}

/* link(2) links the old name itself, even a symbolic link, as Linux does;
 * linkat follows it with AT_SYMLINK_FOLLOW. */
long sys_linkat(int olddirfd, const char __user *old, int newdirfd,
		const char __user *new, int flags)
{
	char name[NAME_MAX + 1];
	struct inode *ip, *dir;
	int err;

	if (flags & ~AT_SYMLINK_FOLLOW)
		return -EINVAL;
	err = user_namei_at(olddirfd, old, flags & AT_SYMLINK_FOLLOW ? LOOKUP_FOLLOW : 0, &ip);
	if (err < 0)
		return err;
	if ((err = user_nameiparent(newdirfd, new, &dir, name)) == 0) {
		if (!name[0] || dir_lookup(dir, name))
			err = -EEXIST;
		else if ((err = inode_permission(dir, MAY_WRITE | MAY_EXEC)) == 0)
			err = S_ISDIR(ip->mode) ? -EPERM : dir_link(dir, name, ip);
		inode_put(dir);
	}
	inode_put(ip);
	return err;
}

long sys_link(const char __user *old, const char __user *new)
{
	return sys_linkat(AT_FDCWD, old, AT_FDCWD, new, 0);
}

static bool is_ancestor(struct inode *a, struct inode *d)
{
	for (;; d = d->parent) {
		if (d == a)
			return true;
		if (d == d->parent)
			return false;
	}
}

/*
 * May rename move ip from olddir to newdir, replacing target (or NULL)?
 * Loops first (a directory into itself: EINVAL; onto its own ancestor:
 * ENOTEMPTY), then write permission on both directories, the sticky bit
 * of each (for ip and for the target it replaces) - and write permission
 * on a directory that changes parent, whose ".." changes - then the kinds.
 */
static int rename_check(struct inode *ip, struct inode *olddir, struct inode *newdir,
			struct inode *target)
{
	bool is_dir = S_ISDIR(ip->mode);
	int err;

	if (is_dir && is_ancestor(ip, newdir))
		return -EINVAL;
	if (target && is_ancestor(target, olddir))
		return -ENOTEMPTY;
	if ((err = inode_permission(olddir, MAY_WRITE | MAY_EXEC)) < 0 ||
	    (err = inode_permission(newdir, MAY_WRITE | MAY_EXEC)) < 0)
		return err;
	if (ip->proc_kind || (target && target->proc_kind))
		return -EBUSY;		/* /proc, and what is in it, stay */
	if (sticky_denies(olddir, ip) || (target && sticky_denies(newdir, target)))
		return -EPERM;
	if (target && is_dir && !S_ISDIR(target->mode))
		return -ENOTDIR;
	if (target && !is_dir && S_ISDIR(target->mode))
		return -EISDIR;
	if (is_dir && olddir != newdir && (err = inode_permission(ip, MAY_WRITE)) < 0)
		return err;
	if (target && S_ISDIR(target->mode) && target->entries)
		return -ENOTEMPTY;
	return 0;
}

long sys_renameat(int olddirfd, const char __user *old, int newdirfd,
		  const char __user *new)
{
	char oldname[NAME_MAX + 1], newname[NAME_MAX + 1];
	struct inode *olddir, *newdir, *ip, *target;
	int err = user_nameiparent(olddirfd, old, &olddir, oldname);

	if (err < 0)
		return err;
	if ((err = user_nameiparent(newdirfd, new, &newdir, newname)) < 0) {
		inode_put(olddir);
		return err;
	}
	ip = is_special(oldname) ? NULL : dir_lookup(olddir, oldname);
	target = is_special(newname) ? NULL : dir_lookup(newdir, newname);
	if (is_special(oldname) || is_special(newname))
		err = -EBUSY;
	else if (!ip)
		err = -ENOENT;
	else if (ip == target)
		err = 0;
	else if ((err = rename_check(ip, olddir, newdir, target)) == 0) {
		inode_get(ip);
		if (target)
			dir_unlink(newdir, newname);
		if ((err = dir_link(newdir, newname, ip)) == 0)
			dir_unlink(olddir, oldname);
		inode_put(ip);
	}
	inode_put(olddir);
	inode_put(newdir);
	return err;
}

long sys_rename(const char __user *old, const char __user *new)
{
	return sys_renameat(AT_FDCWD, old, AT_FDCWD, new);
}

long sys_fchmodat(int dirfd, const char __user *path, int mode)
{
	struct inode *ip;
	int err = user_namei_at(dirfd, path, LOOKUP_FOLLOW, &ip);

	if (err < 0)
		return err;
	if (current->euid != 0 && current->euid != ip->uid) {
		err = -EPERM;
	} else {
		ip->mode = (u16)((ip->mode & S_IFMT) | (mode & 07777));
		ip->ctime = time_now();
	}
	inode_put(ip);
	return err;
}

long sys_chmod(const char __user *path, int mode)
{
	return sys_fchmodat(AT_FDCWD, path, mode);
}

long sys_symlinkat(const char __user *utarget, int dirfd, const char __user *upath)
{
	struct inode *start;
	char *target, *path;
	int err = getname(utarget, &target);

	if (err < 0)
		return err;
	if ((err = getname(upath, &path)) == 0) {
		if ((err = at_start(dirfd, path, &start)) == 0)
			err = vfs_symlink_at(start, path, target);
		putname(path);
	}
	putname(target);
	return err;
}

long sys_symlink(const char __user *target, const char __user *path)
{
	return sys_symlinkat(target, AT_FDCWD, path);
}

/*
 * chown: uid or gid (u32)-1 leaves that one as it is.  Only root gives a
 * file away; its owner may change its group, to one of its own groups
 * (effective or supplementary) only.  A change clears the
 * set-user-ID and set-group-ID bits of anything but a directory, as on
 * Linux (set-group-ID only with group execute), so that a chown cannot
 * hand out privileges.
 */
#define INODE_ID_MAX	0xffff	/* inodes keep 16-bit owners */

/* May a process that is not root make this change of owners? */
static bool chown_refused(const struct inode *ip, u32 uid, u32 gid)
{
	if (current->euid != ip->uid)
		return true;
	if (uid != (u32)-1 && uid != ip->uid)
		return true;
	return gid != (u32)-1 && gid != ip->gid && !proc_in_group(current, (int)gid);
}

long sys_chown(const char __user *path, u32 uid, u32 gid)
{
	struct inode *ip;
	int err;

	if ((uid != (u32)-1 && uid > INODE_ID_MAX) ||
	    (gid != (u32)-1 && gid > INODE_ID_MAX))
		return -EINVAL;
	err = user_namei_at(AT_FDCWD, path, LOOKUP_FOLLOW, &ip);
	if (err < 0)
		return err;
	if (current->euid != 0 && chown_refused(ip, uid, gid)) {
		inode_put(ip);
		return -EPERM;
	}
	if (uid != (u32)-1)
		ip->uid = (u16)uid;
	if (gid != (u32)-1)
		ip->gid = (u16)gid;
	if (!S_ISDIR(ip->mode)) {
		ip->mode &= (u16)~S_ISUID;
		if (ip->mode & S_IXGRP)
			ip->mode &= (u16)~S_ISGID;
	}
	ip->ctime = time_now();
	inode_put(ip);
	return 0;
}

long sys_chdir(const char __user *path)
{
	struct inode *ip;
	int err = user_namei_at(AT_FDCWD, path, LOOKUP_FOLLOW, &ip);

	if (err < 0)
		return err;
	if (!S_ISDIR(ip->mode))
		err = -ENOTDIR;
	else
		err = inode_permission(ip, MAY_EXEC);
	if (err < 0) {
		inode_put(ip);
		return err;
	}
	inode_put(current->cwd);
	current->cwd = ip;
	return 0;
}

/* The name of dir inside its parent. */
static const char *name_in_parent(struct inode *dir)
{
	static char pid_name[12];

	if (dir->proc_kind && dir->parent->proc_kind) {	/* /proc/PID */
		snprintf(pid_name, sizeof(pid_name), "%d", dir->proc_pid);
		return pid_name;
	}
	for (struct dentry *d = dir->parent->entries; d; d = d->next)
		if (d->inode == dir)
			return d->name;
	return "?";
}

/* The working directory's path into buf (PATH_MAX bytes): built
 * backwards from the end of buf, then moved to its start.  Its length
 * with the final NUL, or -ENOENT, -ENAMETOOLONG. */
int cwd_path(char *buf)
{
	u32 pos = PATH_MAX - 1;

	if (dir_dead(current->cwd))
		return -ENOENT;
	buf[pos] = '\0';
	for (struct inode *d = current->cwd; d != d->parent; d = d->parent) {
		const char *name = name_in_parent(d);
		u32 n = strlen(name);
		if (n + 1 > pos)
			return -ENAMETOOLONG;
		pos -= n;
		memcpy(buf + pos, name, n);
		buf[--pos] = '/';
	}
	if (pos == PATH_MAX - 1)
		buf[--pos] = '/';
	memmove(buf, buf + pos, PATH_MAX - pos);
	return (int)(PATH_MAX - pos);
}

long sys_getcwd(char __user *ubuf, u32 size)
{
	char *buf = path_buf();
	long len;

	if (!buf)
		return -ENOMEM;
	if ((len = cwd_path(buf)) >= 0 && (u32)len > size)
		len = -ERANGE;
	else if (len >= 0 && copy_to_user(ubuf, buf, (u32)len) < 0)
		len = -EFAULT;
	putname(buf);
	return len;
}

long sys_umask(int mask)
{
	u32 old = current->umask;

	current->umask = (u32)mask & 0777;
	return (long)old;
}
