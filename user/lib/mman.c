/*
 * mman.c - memory mapping wrappers: mmap (through mmap2, whose offset is
 * in pages), munmap, mprotect.
 */
#include <sys/mman.h>
#include <unistd.h>
#include "syscall.h"

#define PAGE_SIZE	4096

/* syscall() takes the six arguments (mmap2 needs ebp); no address is
 * in -4095..-1, so its -1 means failure, errno set. */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset)
{
	if (offset % PAGE_SIZE) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)syscall(__NR_mmap2, (long)addr, (long)len, prot, flags, fd,
			       (long)(offset / PAGE_SIZE));
}

int munmap(void *addr, size_t len)
{
	return SYS2(munmap, addr, len);
}

int mprotect(void *addr, size_t len, int prot)
{
	return SYS3(mprotect, addr, len, prot);
}
