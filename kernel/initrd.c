/*
 * initrd.c - unpack the boot archive into the in-memory root.
 *
 * The archive (boot/initrd.asm) is a POSIX ustar file: a sequence of
 * 512-byte headers, each followed by the member's data padded to 512
 * bytes, ended by zero blocks.  Directories and regular files are
 * created with the archive's modes, owned by root; symbolic links with
 * the archive's target (linkname).  Other kinds of member are skipped.
 */
#include "kernel/initrd.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/vfs.h"

#define TAR_BLOCK	512
#define TAR_REG		'0'
#define TAR_AREG	'\0'
#define TAR_SYMLINK	'2'
#define TAR_DIR		'5'

struct tar_header {
	char name[100];
	char mode[8];
	char uid[8];
	char gid[8];
	char size[12];
	char mtime[12];
	char chksum[8];
	char typeflag;
	char linkname[100];
	char magic[6];
	char version[2];
	char uname[32];
	char gname[32];
	char devmajor[8];
	char devminor[8];
	char prefix[155];
	char pad[12];
};

extern const u8 initrd_start[], initrd_end[];

static u32 octal(const char *s, size_t n)
{
	u32 v = 0;

	for (size_t i = 0; i < n && s[i] >= '0' && s[i] <= '7'; i++)
		v = v * 8 + (u32)(s[i] - '0');
	return v;
}

/* "/" + prefix + "/" + name, without a leading "./" or a trailing "/". */
static void member_path(const struct tar_header *h, char *path, size_t size)
{
	char name[101];
	const char *n = name;
	size_t len;

	memcpy(name, h->name, 100);
	name[100] = '\0';
	if (n[0] == '.' && n[1] == '/')
		n += 2;
	if (h->prefix[0])
		snprintf(path, size, "/%.155s/%s", h->prefix, n);
	else
		snprintf(path, size, "/%s", n);
	len = strlen(path);
	if (len > 1 && path[len - 1] == '/')
		path[len - 1] = '\0';
}

static void unpack_symlink(const struct tar_header *h, const char *path)
{
	char target[sizeof(h->linkname) + 1];
	struct inode *ip;
	int err;

	memcpy(target, h->linkname, sizeof(h->linkname));
	target[sizeof(h->linkname)] = '\0';
	if ((err = vfs_symlink_at(NULL, path, target)) < 0)
		panic("initrd: cannot link %s (error %d)", path, err);
	if (namei_at(NULL, path, 0, &ip) == 0) {
		ip->uid = ip->gid = 0;
		inode_put(ip);
	}
}

static void unpack_member(const struct tar_header *h, const u8 *data, u32 size)
{
	char path[300];
	u16 mode = (u16)(octal(h->mode, sizeof(h->mode)) & 07777);
	struct inode *ip;
	int err;

	member_path(h, path, sizeof(path));
	if (!strcmp(path, "/"))
		return;
	if (h->typeflag == TAR_DIR) {
		err = vfs_create(path, S_IFDIR | mode, 0, &ip);
	} else if (h->typeflag == TAR_REG || h->typeflag == TAR_AREG) {
		err = vfs_create(path, S_IFREG | mode, 0, &ip);
		if (err == 0 && inode_write(ip, data, 0, size) != (ssize_t)size)
			panic("initrd: out of memory writing %s", path);
	} else if (h->typeflag == TAR_SYMLINK) {
		unpack_symlink(h, path);
		return;
	} else {
		return;
	}
	if (err < 0)
		panic("initrd: cannot create %s (error %d)", path, err);
	ip->uid = ip->gid = 0;
	inode_put(ip);
}

void initrd_unpack(void)
{
	const u8 *p = initrd_start;
	unsigned files = 0;

	while (p + TAR_BLOCK <= initrd_end) {
		const struct tar_header *h = (const struct tar_header *)p;
		u32 size;

		if (!h->name[0])
			break;
		size = octal(h->size, sizeof(h->size));
		if (p + TAR_BLOCK + size > initrd_end)
			panic("initrd: truncated archive");
		unpack_member(h, p + TAR_BLOCK, size);
		files++;
		p += TAR_BLOCK + ALIGN_UP(size, TAR_BLOCK);
	}
	printk("initrd: %u entries unpacked\n", files);
}
