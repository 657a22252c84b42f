/*
 * sysv_ipc.c - ftok(), the key maker shared by the System V IPC families.
 */
#include <stddef.h>
#include <sys/ipc.h>
#include <sys/stat.h>

#define FTOK_INO_MASK	0xffffu
#define FTOK_DEV_MASK	0xffu
#define FTOK_DEV_SHIFT	16
#define FTOK_ID_MASK	0xffu
#define FTOK_ID_SHIFT	24

_Static_assert(sizeof(struct ipc_perm) == sizeof(struct ipc64_perm),
	       "struct ipc_perm must have the kernel's ipc64_perm layout");
_Static_assert(offsetof(struct ipc_perm, mode) ==
	       offsetof(struct ipc64_perm, mode) &&
	       offsetof(struct ipc_perm, __seq) ==
	       offsetof(struct ipc64_perm, seq),
	       "struct ipc_perm fields must sit where the kernel puts them");

/* The Linux (glibc) formula, so keys agree with other systems' programs. */
key_t ftok(const char *path, int id)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -1;
	return (key_t)((st.st_ino & FTOK_INO_MASK) |
		       ((st.st_dev & FTOK_DEV_MASK) << FTOK_DEV_SHIFT) |
		       (((unsigned int)id & FTOK_ID_MASK) << FTOK_ID_SHIFT));
}
