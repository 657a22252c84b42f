/*
 * sysv_shm.c - System V shared memory wrappers: shmget, shmat, shmdt,
 * shmctl (the direct i386 calls 395..398, which use the IPC_64 layouts).
 */
#include <stddef.h>
#include <sys/shm.h>
#include "syscall.h"

_Static_assert(sizeof(struct shmid_ds) == sizeof(struct shmid64_ds),
	       "struct shmid_ds must have the kernel's shmid64_ds layout");
_Static_assert(offsetof(struct shmid_ds, shm_cpid) ==
	       offsetof(struct shmid64_ds, shm_cpid) &&
	       offsetof(struct shmid_ds, shm_nattch) ==
	       offsetof(struct shmid64_ds, shm_nattch),
	       "struct shmid_ds fields must sit where the kernel puts them");
_Static_assert(sizeof(struct shminfo) == sizeof(struct shminfo64),
	       "struct shminfo must have the kernel's shminfo64 layout");

int shmget(key_t key, size_t size, int shmflg)
{
	return SYS3(shmget, key, size, shmflg);
}

/* The call returns the address itself: no address is in -4095..-1. */
void *shmat(int shmid, const void *shmaddr, int shmflg)
{
	long ret = __syscall3(__NR_shmat, shmid, (long)shmaddr, shmflg);

	if (__sys_failed(ret)) {
		errno = (int)-ret;
		return (void *)-1;
	}
	return (void *)ret;
}

int shmdt(const void *shmaddr)
{
	return SYS1(shmdt, shmaddr);
}

int shmctl(int shmid, int cmd, struct shmid_ds *buf)
{
	return SYS3(shmctl, shmid, cmd, buf);
}
