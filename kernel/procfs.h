/*
 * procfs.h - the /proc file system (kernel/procfs.c).
 */
#ifndef KERNEL_PROCFS_H
#define KERNEL_PROCFS_H

#include "kernel/types.h"

struct inode;
struct file;
struct proc;

void procfs_init(void);
struct inode *procfs_lookup(struct inode *dir, const char *name);
bool procfs_entry(struct inode *dir, u32 *pos, const char **name, struct inode **ip);
int procfs_readlink(struct inode *link, char *buf);
void procfs_exec(struct proc *p, const char *path);
void procfs_fork(struct proc *child, const struct proc *parent);
int procfs_open(struct inode *ip, u32 flags, struct file **out);

#endif
