/*
 * sys/msg.h - System V message queues: msgget, msgsnd, msgrcv, msgctl.
 *
 * struct msqid_ds has the layout of the kernel's struct msqid64_ds
 * (uapi/ipc.h): each time is followed by its unused high word.  The
 * MSG_* constants and struct msginfo (what IPC_INFO and MSG_INFO fill)
 * are the kernel's.  A message is a long type (> 0) followed by its
 * bytes; msgsz counts only the bytes.
 */
#ifndef _SYS_MSG_H
#define _SYS_MSG_H

#include <sys/ipc.h>

typedef unsigned long msgqnum_t;
typedef unsigned long msglen_t;

struct msqid_ds {
	struct ipc_perm msg_perm;
	time_t msg_stime;		/* last msgsnd */
	unsigned long __msg_stime_high;
	time_t msg_rtime;		/* last msgrcv */
	unsigned long __msg_rtime_high;
	time_t msg_ctime;		/* creation or last IPC_SET */
	unsigned long __msg_ctime_high;
	unsigned long msg_cbytes;	/* bytes in the queue */
	msgqnum_t msg_qnum;		/* messages in the queue */
	msglen_t msg_qbytes;		/* most bytes the queue may hold */
	pid_t msg_lspid;		/* last sender */
	pid_t msg_lrpid;		/* last receiver */
	unsigned long __unused4;
	unsigned long __unused5;
};

/* glibc's name for msg_cbytes. */
#define __msg_cbytes	msg_cbytes

int msgget(key_t key, int msgflg);
int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg);
ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg);
int msgctl(int msqid, int cmd, struct msqid_ds *buf);

#endif
