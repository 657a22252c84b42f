/*
 * uapi/select.h - select and pselect6 (142, 308): descriptor sets as
 * bit arrays of 32-bit words, FD_SETSIZE bits, as Linux i386 lays them.
 */
#ifndef _UAPI_SELECT_H
#define _UAPI_SELECT_H

#define FD_SETSIZE	1024
#define NFDBITS		(8 * (int)sizeof(unsigned long))

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(unsigned long))];
} fd_set;

#endif
