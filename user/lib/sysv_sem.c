/*
 * sysv_sem.c - System V semaphore wrappers: semget, semop, semtimedop,
 * semctl (the direct i386 calls 393, 394 and 420, which use the IPC_64
 * layouts).
 *
 * semop is semtimedop without a timeout.  Call 420 is semtimedop_time64:
 * its timeout has 64-bit fields, so the 32-bit struct timespec is
 * widened first.
 */
#include <stdarg.h>
#include <stddef.h>
#include <sys/sem.h>
#include "syscall.h"

_Static_assert(sizeof(struct semid_ds) == sizeof(struct semid64_ds),
	       "struct semid_ds must have the kernel's semid64_ds layout");
_Static_assert(offsetof(struct semid_ds, sem_nsems) ==
	       offsetof(struct semid64_ds, sem_nsems),
	       "struct semid_ds fields must sit where the kernel puts them");

/* The caller's union semun, as this file sees it: every member one word. */
union semctl_arg {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
	struct seminfo *info;
};

_Static_assert(sizeof(union semctl_arg) == sizeof(long),
	       "semctl passes its argument in one register");

int semget(key_t key, int nsems, int semflg)
{
	return SYS3(semget, key, nsems, semflg);
}

int semtimedop(int semid, struct sembuf *sops, size_t nsops,
	       const struct timespec *timeout)
{
	struct timespec64 ts64;

	if (timeout) {
		ts64.tv_sec = timeout->tv_sec;
		ts64.tv_nsec = timeout->tv_nsec;
	}
	return SYS4(semtimedop, semid, sops, nsops, timeout ? &ts64 : NULL);
}

int semop(int semid, struct sembuf *sops, size_t nsops)
{
	return semtimedop(semid, sops, nsops, NULL);
}

/* Does cmd (IPC_64 aside) read a fourth argument? */
static int semctl_takes_arg(int cmd)
{
	switch (cmd & ~IPC_64) {
	case SETVAL:
	case GETALL:
	case SETALL:
	case IPC_STAT:
	case IPC_SET:
	case IPC_INFO:
	case SEM_INFO:
	case SEM_STAT:
	case SEM_STAT_ANY:
		return 1;
	default:
		return 0;
	}
}

int semctl(int semid, int semnum, int cmd, ...)
{
	union semctl_arg arg = { 0 };
	va_list ap;

	if (semctl_takes_arg(cmd)) {
		va_start(ap, cmd);
		arg = va_arg(ap, union semctl_arg);
		va_end(ap);
	}
	return SYS4(semctl, semid, semnum, cmd, arg.buf);
}
