/*
 * uapi/mman.h - memory mapping constants as Linux i386 numbers them:
 * mmap2 (192), old_mmap (90), munmap (91), mprotect (125).
 */
#ifndef _UAPI_MMAN_H
#define _UAPI_MMAN_H

#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4

#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_TYPE	0x0f		/* the mask holding one of the two */
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_ANON	MAP_ANONYMOUS

#define MAP_FAILED	((void *)-1)

#endif
