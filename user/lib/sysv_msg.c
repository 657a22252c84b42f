/*
 * sysv_msg.c - System V message queue wrappers: msgget, msgsnd, msgrcv,
 * msgctl (the direct i386 calls 399..402, which use the IPC_64 layouts).
 */
#include <stddef.h>
#include <sys/msg.h>
#include "syscall.h"

_Static_assert(sizeof(struct msqid_ds) == sizeof(struct msqid64_ds),
	       "struct msqid_ds must have the kernel's msqid64_ds layout");
_Static_assert(offsetof(struct msqid_ds, msg_cbytes) ==
	       offsetof(struct msqid64_ds, msg_cbytes) &&
	       offsetof(struct msqid_ds, msg_lrpid) ==
	       offsetof(struct msqid64_ds, msg_lrpid),
	       "struct msqid_ds fields must sit where the kernel puts them");

int msgget(key_t key, int msgflg)
{
	return SYS2(msgget, key, msgflg);
}

int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg)
{
	return SYS4(msgsnd, msqid, msgp, msgsz, msgflg);
}

ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg)
{
	return __sys_ret(__syscall5(__NR_msgrcv, msqid, (long)msgp,
				    (long)msgsz, msgtyp, msgflg));
}

int msgctl(int msqid, int cmd, struct msqid_ds *buf)
{
	return SYS3(msgctl, msqid, cmd, buf);
}
