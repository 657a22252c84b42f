/*
 * sys/sem.h - System V semaphore sets: semget, semop, semtimedop, semctl.
 *
 * struct semid_ds has the layout of the kernel's struct semid64_ds
 * (uapi/ipc.h); struct sembuf, struct seminfo and the commands (GETVAL,
 * SETALL, SEM_INFO, ...) are the kernel's.
 *
 * semctl's fourth argument, when the command takes one, is a union the
 * caller defines, as POSIX requires:
 *
 *	union semun {
 *		int val;			SETVAL
 *		struct semid_ds *buf;		IPC_STAT, IPC_SET, SEM_STAT
 *		unsigned short *array;		GETALL, SETALL
 *		struct seminfo *__buf;		IPC_INFO, SEM_INFO
 *	};
 */
#ifndef _SYS_SEM_H
#define _SYS_SEM_H

#include <sys/ipc.h>
#include <time.h>

struct semid_ds {
	struct ipc_perm sem_perm;
	time_t sem_otime;		/* last semop */
	unsigned long __sem_otime_high;
	time_t sem_ctime;		/* creation or last change */
	unsigned long __sem_ctime_high;
	unsigned long sem_nsems;	/* semaphores in the set */
	unsigned long __unused3;
	unsigned long __unused4;
};

int semget(key_t key, int nsems, int semflg);
int semop(int semid, struct sembuf *sops, size_t nsops);
int semtimedop(int semid, struct sembuf *sops, size_t nsops,
	       const struct timespec *timeout);
int semctl(int semid, int semnum, int cmd, ...);

#endif
