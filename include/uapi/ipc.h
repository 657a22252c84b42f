/*
 * uapi/ipc.h - System V IPC: the flags, commands and structures of
 * msgget/msgsnd/msgrcv/msgctl, semget/semop/semtimedop/semctl and
 * shmget/shmat/shmdt/shmctl, as Linux i386 lays them out (the IPC_64
 * versions, which the direct system calls 393..402 and 420 use).
 */
#ifndef _UAPI_IPC_H
#define _UAPI_IPC_H

typedef int key_t;

#define IPC_PRIVATE	((key_t)0)

/* get flags (low 9 bits: permissions) */
#define IPC_CREAT	00001000
#define IPC_EXCL	00002000
#define IPC_NOWAIT	00004000

/* ctl commands */
#define IPC_RMID	0
#define IPC_SET		1
#define IPC_STAT	2
#define IPC_INFO	3
#define IPC_64		0x0100	/* accepted and ignored: layouts are always 64 */

#define MSG_STAT	11
#define MSG_INFO	12
#define MSG_STAT_ANY	13

#define GETPID		11
#define GETVAL		12
#define GETALL		13
#define GETNCNT		14
#define GETZCNT		15
#define SETVAL		16
#define SETALL		17
#define SEM_STAT	18
#define SEM_INFO	19
#define SEM_STAT_ANY	20

#define SHM_LOCK	11
#define SHM_UNLOCK	12
#define SHM_STAT	13
#define SHM_INFO	14
#define SHM_STAT_ANY	15

/* msgsnd/msgrcv flags */
#define MSG_NOERROR	010000	/* truncate a too long message */
#define MSG_EXCEPT	020000	/* receive the first message not of msgtyp */
#define MSG_COPY	040000	/* copy the message at position msgtyp, keep it */

/* semop flags */
#define SEM_UNDO	0x1000	/* undo the operation at exit */

/* shmat flags */
#define SHM_RDONLY	010000	/* attach read-only */
#define SHM_RND		020000	/* round the address down to SHMLBA */
#define SHM_REMAP	040000
#define SHMLBA		4096

/* shm_perm.mode bits */
#define SHM_DEST	01000	/* removed: destroyed at the last detach */
#define SHM_LOCKED	02000

/* Limits of this kernel (reported by IPC_INFO). */
#define MSGMNI		32		/* message queues */
#define MSGMAX		8192		/* bytes per message */
#define MSGMNB		16384		/* default and maximum bytes per queue (root may raise) */
#define MSGTQL		MSGMNB		/* messages in all queues: bounded by bytes */
#define SEMMNI		32		/* semaphore sets */
#define SEMMSL		250		/* semaphores per set */
#define SEMMNS		(SEMMNI * SEMMSL) /* semaphores in all */
#define SEMOPM		32		/* operations per semop */
#define SEMVMX		32767		/* largest semaphore value */
#define SEMAEM		SEMVMX		/* largest undo adjustment */
#define SHMMNI		32		/* segments */
#define SHMMIN		1		/* smallest segment (bytes) */
#define SHMMAX		(32u << 20)	/* largest segment (bytes) */
#define SHMALL		8192		/* pages in all segments */
#define SHMSEG		SHMMNI		/* attaches per process */

struct ipc64_perm {
	key_t key;
	unsigned int uid;
	unsigned int gid;
	unsigned int cuid;
	unsigned int cgid;
	unsigned short mode;
	unsigned short __pad1;
	unsigned short seq;
	unsigned short __pad2;
	unsigned long __unused1;
	unsigned long __unused2;
};

struct msqid64_ds {
	struct ipc64_perm msg_perm;
	unsigned long msg_stime;	/* last msgsnd */
	unsigned long msg_stime_high;
	unsigned long msg_rtime;	/* last msgrcv */
	unsigned long msg_rtime_high;
	unsigned long msg_ctime;	/* last change */
	unsigned long msg_ctime_high;
	unsigned long msg_cbytes;	/* bytes in the queue */
	unsigned long msg_qnum;		/* messages in the queue */
	unsigned long msg_qbytes;	/* most bytes allowed */
	int msg_lspid;			/* last sender */
	int msg_lrpid;			/* last receiver */
	unsigned long __unused4;
	unsigned long __unused5;
};

struct msginfo {
	int msgpool;
	int msgmap;
	int msgmax;
	int msgmnb;
	int msgmni;
	int msgssz;
	int msgtql;
	unsigned short msgseg;
};

struct semid64_ds {
	struct ipc64_perm sem_perm;
	unsigned long sem_otime;	/* last semop */
	unsigned long sem_otime_high;
	unsigned long sem_ctime;	/* last change */
	unsigned long sem_ctime_high;
	unsigned long sem_nsems;
	unsigned long __unused3;
	unsigned long __unused4;
};

struct sembuf {
	unsigned short sem_num;
	short sem_op;
	short sem_flg;
};

struct seminfo {
	int semmap;
	int semmni;
	int semmns;
	int semmnu;
	int semmsl;
	int semopm;
	int semume;
	int semusz;
	int semvmx;
	int semaem;
};

/* semtimedop's timeout (semtimedop_time64, call 420): 64-bit fields. */
struct timespec64 {
	long long tv_sec;
	long long tv_nsec;
};

struct shmid64_ds {
	struct ipc64_perm shm_perm;
	unsigned int shm_segsz;		/* size asked for, in bytes */
	unsigned long shm_atime;	/* last shmat */
	unsigned long shm_atime_high;
	unsigned long shm_dtime;	/* last shmdt */
	unsigned long shm_dtime_high;
	unsigned long shm_ctime;	/* last change */
	unsigned long shm_ctime_high;
	int shm_cpid;			/* creator */
	int shm_lpid;			/* last shmat/shmdt */
	unsigned long shm_nattch;	/* current attaches */
	unsigned long __unused4;
	unsigned long __unused5;
};

struct shminfo64 {
	unsigned long shmmax;
	unsigned long shmmin;
	unsigned long shmmni;
	unsigned long shmseg;
	unsigned long shmall;
	unsigned long __unused1;
	unsigned long __unused2;
	unsigned long __unused3;
	unsigned long __unused4;
};

struct shm_info {
	int used_ids;
	unsigned long shm_tot;		/* pages of all segments */
	unsigned long shm_rss;		/* pages in memory */
	unsigned long shm_swp;
	unsigned long swap_attempts;
	unsigned long swap_successes;
};

#endif
