/*
 * sys/shm.h - System V shared memory: shmget, shmat, shmdt, shmctl.
 *
 * struct shmid_ds has the layout of the kernel's struct shmid64_ds and
 * struct shminfo that of its struct shminfo64 (uapi/ipc.h); struct
 * shm_info (SHM_INFO) and the SHM_* constants are the kernel's.  shmat
 * returns (void *)-1 on failure.
 */
#ifndef _SYS_SHM_H
#define _SYS_SHM_H

#include <sys/ipc.h>

typedef unsigned long shmatt_t;

struct shmid_ds {
	struct ipc_perm shm_perm;
	size_t shm_segsz;		/* size asked for, in bytes */
	time_t shm_atime;		/* last shmat */
	unsigned long __shm_atime_high;
	time_t shm_dtime;		/* last shmdt */
	unsigned long __shm_dtime_high;
	time_t shm_ctime;		/* creation or last change */
	unsigned long __shm_ctime_high;
	pid_t shm_cpid;			/* creator */
	pid_t shm_lpid;			/* last shmat or shmdt */
	shmatt_t shm_nattch;		/* current attaches */
	unsigned long __unused4;
	unsigned long __unused5;
};

/* What IPC_INFO fills (pass it cast to struct shmid_ds *). */
struct shminfo {
	unsigned long shmmax;		/* largest segment, bytes */
	unsigned long shmmin;		/* smallest segment, bytes */
	unsigned long shmmni;		/* segments */
	unsigned long shmseg;		/* attaches per process */
	unsigned long shmall;		/* pages in all segments */
	unsigned long __unused1;
	unsigned long __unused2;
	unsigned long __unused3;
	unsigned long __unused4;
};

int shmget(key_t key, size_t size, int shmflg);
void *shmat(int shmid, const void *shmaddr, int shmflg);
int shmdt(const void *shmaddr);
int shmctl(int shmid, int cmd, struct shmid_ds *buf);

#endif
