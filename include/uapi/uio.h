/*
 * uapi/uio.h - the scatter/gather vector of readv and writev (145, 146).
 */
#ifndef _UAPI_UIO_H
#define _UAPI_UIO_H

struct iovec {
	void *iov_base;
	unsigned long iov_len;
};

#define UIO_MAXIOV	1024	/* most vector elements in one call */

#endif
