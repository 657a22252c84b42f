/*
 * sys/ipc.h - what the three System V IPC families share: key_t, the
 * IPC_* flags and commands, struct ipc_perm and ftok().
 *
 * The constants are the kernel's (uapi/ipc.h).  struct ipc_perm has the
 * layout of the kernel's struct ipc64_perm, with the field names
 * programs use (glibc spells the key and sequence number __key, __seq).
 */
#ifndef _SYS_IPC_H
#define _SYS_IPC_H

#include <sys/types.h>
#include <uapi/ipc.h>

struct ipc_perm {
	key_t __key;		/* the key given to *get */
	uid_t uid;		/* owner */
	gid_t gid;
	uid_t cuid;		/* creator */
	gid_t cgid;
	unsigned short mode;	/* permission bits (and SHM_DEST, SHM_LOCKED) */
	unsigned short __pad1;
	unsigned short __seq;	/* slot reuse count */
	unsigned short __pad2;
	unsigned long __unused1;
	unsigned long __unused2;
};

/*
 * A key made from a file's identity: the low 16 bits of its inode
 * number, the low 8 bits of its device number and the low 8 bits of id.
 */
key_t ftok(const char *path, int id);

#endif
