/*
 * dev.c - the character devices and their nodes in /dev.
 *
 *   /dev/null     reads end of file, writes vanish      crw-rw-rw- root root
 *   /dev/zero     reads zeros, writes vanish            crw-rw-rw- root root
 *   /dev/console  the terminal (kernel/tty.c)           crw------- root root
 *   /dev/tty      the caller's controlling terminal     crw-rw-rw- root tty
 *
 * The modes and owners are Debian's: anyone may use /dev/tty, which only
 * ever opens the caller's own terminal, but only root may open the
 * console - anyone else gets it from whoever logs them in.
 */
#include "kernel/dev.h"
#include "kernel/file.h"
#include "kernel/printk.h"
#include "kernel/tty.h"
#include "kernel/vfs.h"
#include "mm/mm.h"
#include "kernel/errno.h"

static ssize_t null_read(struct file *f, char __user *buf, size_t n)
{
	(void)f, (void)buf, (void)n;
	return 0;
}

static ssize_t discard_write(struct file *f, const char __user *buf, size_t n)
{
	(void)f, (void)buf;
	return (ssize_t)n;
}

static ssize_t zero_read(struct file *f, char __user *buf, size_t n)
{
	int err = clear_user(buf, n);

	(void)f;
	return err < 0 ? err : (ssize_t)n;
}

static const struct file_ops null_ops = {
	.read = null_read,
	.write = discard_write,
	.lseek = null_lseek,
};

static const struct file_ops zero_ops = {
	.read = zero_read,
	.write = discard_write,
	.lseek = null_lseek,
};

const struct file_ops *dev_ops(u32 rdev)
{
	switch (rdev) {
	case MKDEV(MEM_MAJOR, NULL_MINOR):
		return &null_ops;
	case MKDEV(MEM_MAJOR, ZERO_MINOR):
		return &zero_ops;
	case MKDEV(TTYAUX_MAJOR, TTY_MINOR):
	case MKDEV(TTYAUX_MAJOR, CONSOLE_MINOR):
		return &tty_ops;
	}
	return NULL;
}

/* Called when a device node is opened, with the open's flags. */
int dev_open(struct file *f, u32 rdev, u32 flags)
{
	if (MAJOR(rdev) == TTYAUX_MAJOR)
		return tty_open(f, rdev, flags);
	return 0;
}

#define ROOT_GID	0
#define TTY_GID		5		/* the group "tty" of /etc/group */

static const struct dev_node {
	const char *path;
	u32 rdev;
	u16 perm;
	u16 gid;
} dev_nodes[] = {
	{ "/dev/null", MKDEV(MEM_MAJOR, NULL_MINOR), 0666, ROOT_GID },
	{ "/dev/zero", MKDEV(MEM_MAJOR, ZERO_MINOR), 0666, ROOT_GID },
	{ "/dev/tty", MKDEV(TTYAUX_MAJOR, TTY_MINOR), 0666, TTY_GID },
	{ "/dev/console", MKDEV(TTYAUX_MAJOR, CONSOLE_MINOR), 0600, ROOT_GID },
};

/* Nodes are made at boot, before any process: owned by root. */
static void make_node(const struct dev_node *n)
{
	struct inode *ip;

	if (vfs_create(n->path, S_IFCHR | n->perm, n->rdev, &ip) < 0)
		panic("dev: cannot create %s", n->path);
	ip->gid = n->gid;
	inode_put(ip);
}

void dev_init(void)
{
	struct inode *ip;

	if (namei("/dev", &ip) == 0)
		inode_put(ip);
	else if (vfs_create("/dev", S_IFDIR | 0755, 0, &ip) == 0)
		inode_put(ip);
	else
		panic("dev: cannot create /dev");
	for (u32 i = 0; i < ARRAY_SIZE(dev_nodes); i++)
		make_node(&dev_nodes[i]);
}
