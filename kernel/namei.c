/*
 * namei.c - path lookup: from a path to an inode, through symbolic links.
 *
 * A walk starts at the root for an absolute path, else at a start
 * directory - the working directory, or the directory an *at() call's
 * descriptor names - and looks the components up one by one, needing
 * search (exec) permission on each directory it looks in.  A symbolic
 * link met before the last component is always followed: the walk goes
 * on through the link's target (from the root if it is absolute, else
 * from the directory holding the link) and then the rest of the path.
 * A link as the last component is followed only with LOOKUP_FOLLOW, or
 * when the path ends in '/'.  More than MAX_SYMLINKS links in one lookup
 * fail with ELOOP, as on Linux; that also ends every loop of links.
 *
 * Once a link is expanded, the path left to walk lives in a heap buffer,
 * so the kernel stack used does not grow with the depth of links.  The
 * directories passed hold no reference (one CPU, and a walk never
 * sleeps, so none can be freed under it); what a lookup returns does.
 */
#include "kernel/vfs.h"
#include "kernel/procfs.h"
#include "kernel/proc.h"
#include "kernel/string.h"
#include "mm/mm.h"
#include "kernel/errno.h"

#define MAX_SYMLINKS	40

struct walk {
	struct inode *dir;		/* where the next component is looked up */
	const char *rest;		/* the path left to walk */
	char *buf;			/* heap copy of rest after a link, or NULL */
	int links;			/* links followed so far */
};

/* Copy the next component of *path into name; advance *path past it. */
static int next_component(const char **path, char *name)
{
	const char *p = *path, *start;
	size_t len;

	while (*p == '/')
		p++;
	start = p;
	while (*p && *p != '/')
		p++;
	len = (size_t)(p - start);
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	memcpy(name, start, len);
	name[len] = '\0';
	*path = p;
	return (int)len;
}

/* Nothing but slashes left? */
static bool at_end(const char *p)
{
	while (*p == '/')
		p++;
	return !*p;
}

/* A symbolic link's target, NUL-terminated, into buf (PATH_MAX bytes). */
int link_target(struct inode *link, char *buf)
{
	if (link->proc_kind)
		return procfs_readlink(link, buf);
	if (link->size >= PATH_MAX)
		return -ENAMETOOLONG;
	inode_read(link, buf, 0, link->size);
	buf[link->size] = '\0';
	return (int)link->size;
}

/* Go on through link: the walk continues with its target, then after. */
static int follow_link(struct walk *w, struct inode *link, const char *after)
{
	u32 after_len = strlen(after);
	char *buf;
	int len;

	if (++w->links > MAX_SYMLINKS)
		return -ELOOP;
	if (!(buf = path_buf()))
		return -ENOMEM;
	if ((len = link_target(link, buf)) <= 0 || (u32)len + after_len >= PATH_MAX) {
		putname(buf);
		return len < 0 ? len : len == 0 ? -ENOENT : -ENAMETOOLONG;
	}
	memcpy(buf + len, after, after_len + 1);
	if (w->buf)			/* after may point into it: copied first */
		putname(w->buf);
	w->buf = buf;
	w->rest = buf;
	if (buf[0] == '/')
		w->dir = vfs_root();
	return 0;
}

static int walk_start(struct walk *w, struct inode *start, const char *path)
{
	w->dir = path[0] == '/' ? vfs_root() : start ? start : current->cwd;
	w->rest = path;
	w->buf = NULL;
	w->links = 0;
	if (!*path)
		return -ENOENT;
	return S_ISDIR(w->dir->mode) ? 0 : -ENOTDIR;
}

/*
 * Walk up to the last component: w->dir becomes its directory, name the
 * component ("" when the path is only slashes), *slash whether a '/'
 * follows it.
 */
static int walk_to_last(struct walk *w, char *name, bool *slash)
{
	for (;;) {
		struct inode *child;
		int err = next_component(&w->rest, name);

		if (err < 0)
			return err;
		if (at_end(w->rest)) {
			*slash = *w->rest == '/';
			return 0;
		}
		if ((err = inode_permission(w->dir, MAY_EXEC)) < 0)
			return err;
		if (!(child = dir_lookup(w->dir, name)))
			return -ENOENT;
		if (S_ISLNK(child->mode)) {
			if ((err = follow_link(w, child, w->rest)) < 0)
				return err;
		} else if (!S_ISDIR(child->mode)) {
			return -ENOTDIR;
		} else {
			w->dir = child;
		}
	}
}

/* Look path up from start (NULL: the working directory); on success *out
 * holds a reference.  flags: LOOKUP_FOLLOW follows a final link. */
int namei_at(struct inode *start, const char *path, int flags, struct inode **out)
{
	char name[NAME_MAX + 1];
	struct inode *ip = NULL;
	struct walk w;
	bool slash;
	int err = walk_start(&w, start, path);

	while (err == 0) {
		if ((err = walk_to_last(&w, name, &slash)) < 0)
			break;
		if (!name[0]) {
			ip = w.dir;
			break;
		}
		if ((err = inode_permission(w.dir, MAY_EXEC)) < 0)
			break;
		if (!(ip = dir_lookup(w.dir, name))) {
			err = -ENOENT;
		} else if (S_ISLNK(ip->mode) && ((flags & LOOKUP_FOLLOW) || slash)) {
			err = follow_link(&w, ip, slash ? "/" : "");
		} else {
			if (slash && !S_ISDIR(ip->mode))
				err = -ENOTDIR;	/* "file/" names a directory that is not one */
			break;
		}
	}
	if (w.buf)
		putname(w.buf);
	if (err == 0) {
		inode_get(ip);
		*out = ip;
	}
	return err;
}

/* Walk path from start (NULL: the working directory) to the directory
 * holding its last component: *dir gets a reference, name the component
 * ("" for "/"). */
int nameiparent_at(struct inode *start, const char *path, struct inode **dir, char *name)
{
	struct walk w;
	bool slash;
	int err = walk_start(&w, start, path);

	if (err == 0)
		err = walk_to_last(&w, name, &slash);
	if (w.buf)
		putname(w.buf);
	if (err == 0) {
		inode_get(w.dir);
		*dir = w.dir;
	}
	return err;
}

int namei(const char *path, struct inode **out)
{
	return namei_at(NULL, path, LOOKUP_FOLLOW, out);
}

int nameiparent(const char *path, struct inode **dir, char *name)
{
	return nameiparent_at(NULL, path, dir, name);
}

/* Make a new node at path, from start (mode includes the type; umask
 * already applied).  An existing name, even a dangling link, is EEXIST. */
int vfs_create_at(struct inode *start, const char *path, u16 mode, u32 rdev,
		  struct inode **out)
{
	char name[NAME_MAX + 1];
	struct inode *dir, *ip;
	int err = nameiparent_at(start, path, &dir, name);

	if (err < 0)
		return err;
	if (!name[0] || dir_lookup(dir, name))
		err = -EEXIST;
	else if (dir->proc_kind)
		err = -ENOENT;		/* /proc makes nothing, as on Linux */
	else if ((err = inode_permission(dir, MAY_WRITE | MAY_EXEC)) == 0 &&
		 !(ip = inode_new(mode)))
		err = -ENOMEM;
	if (err == 0) {
		ip->rdev = rdev;
		if ((err = dir_link(dir, name, ip)) < 0)
			inode_put(ip);
		else
			*out = ip;
	}
	inode_put(dir);
	return err;
}

int vfs_create(const char *path, u16 mode, u32 rdev, struct inode **out)
{
	return vfs_create_at(NULL, path, mode, rdev, out);
}

/* A symbolic link at path (from start) holding target. */
int vfs_symlink_at(struct inode *start, const char *path, const char *target)
{
	u32 len = strlen(target);
	struct inode *ip;
	int err;

	if (len == 0)
		return -ENOENT;
	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	if ((err = vfs_create_at(start, path, S_IFLNK | 0777, 0, &ip)) < 0)
		return err;
	if (inode_write(ip, target, 0, len) != (ssize_t)len) {
		struct inode *dir;
		char name[NAME_MAX + 1];

		if (nameiparent_at(start, path, &dir, name) == 0) {
			dir_unlink(dir, name);
			inode_put(dir);
		}
		err = -ENOSPC;
	}
	inode_put(ip);
	return err;
}
