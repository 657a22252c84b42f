/*
 * sys/mman.h - memory mappings: mmap (anonymous only on this kernel;
 * file mappings fail with ENODEV), munmap, mprotect.  mmap returns
 * MAP_FAILED on failure.
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include <uapi/mman.h>

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);

#endif
