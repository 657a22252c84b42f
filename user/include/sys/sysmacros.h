/*
 * sys/sysmacros.h - device numbers: major(), minor() and makedev() with
 * Linux's 32-bit encoding (that of glibc's dev_t, cut to this library's
 * 32-bit dev_t): the minor's low 8 bits, then 12 bits of major, then
 * the minor's upper 12 bits.  Numbers below 256 read the same as the old
 * major * 256 + minor.
 */
#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H

#include <features.h>
#include <sys/types.h>

static inline unsigned int gnu_dev_major(dev_t dev)
{
	return (unsigned int)((dev >> 8) & 0xfff);
}

static inline unsigned int gnu_dev_minor(dev_t dev)
{
	return (unsigned int)((dev & 0xff) | ((dev >> 12) & 0xfff00));
}

static inline dev_t gnu_dev_makedev(unsigned int major, unsigned int minor)
{
	return (dev_t)((minor & 0xff) | ((major & 0xfff) << 8) |
		       ((minor & 0xfff00) << 12));
}

#define major(dev)		gnu_dev_major(dev)
#define minor(dev)		gnu_dev_minor(dev)
#define makedev(maj, min)	gnu_dev_makedev(maj, min)

#endif
