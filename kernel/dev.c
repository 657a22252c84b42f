/*
 * dev.c - the character devices and their nodes in /dev.
 *
 *   /dev/null     reads end of file, writes vanish
 *   /dev/zero     reads zeros, writes vanish
 *   /dev/console  the terminal (kernel/tty.c)
 *   /dev/tty      the terminal too (there is only one)
 */
#include "kernel/dev.h"
#include "kernel/file.h"
#include "kernel/printk.h"
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

static void make_node(const char *path, u32 rdev)
{
	struct inode *ip;

	if (vfs_create(path, S_IFCHR | 0666, rdev, &ip) < 0)
		panic("dev: cannot create %s", path);
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
	make_node("/dev/null", MKDEV(MEM_MAJOR, NULL_MINOR));
	make_node("/dev/zero", MKDEV(MEM_MAJOR, ZERO_MINOR));
	make_node("/dev/tty", MKDEV(TTYAUX_MAJOR, TTY_MINOR));
	make_node("/dev/console", MKDEV(TTYAUX_MAJOR, CONSOLE_MINOR));
}
