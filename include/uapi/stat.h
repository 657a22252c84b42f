/*
 * uapi/stat.h - file types, mode bits and struct stat as the Linux i386
 * stat/fstat/lstat calls (106, 107, 108) fill it; struct stat64 (96
 * bytes) as stat64/lstat64/fstat64/fstatat64 (195-197, 300) fill it;
 * the records of getdents (141) and getdents64 (220).
 */
#ifndef _UAPI_STAT_H
#define _UAPI_STAT_H

#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISUID		0004000
#define S_ISGID		0002000
#define S_ISVTX		0001000

#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)

#define S_IRWXU 00700
#define S_IRUSR 00400
#define S_IWUSR 00200
#define S_IXUSR 00100
#define S_IRWXG 00070
#define S_IRGRP 00040
#define S_IWGRP 00020
#define S_IXGRP 00010
#define S_IRWXO 00007
#define S_IROTH 00004
#define S_IWOTH 00002
#define S_IXOTH 00001

struct stat {
	unsigned long  st_dev;
	unsigned long  st_ino;
	unsigned short st_mode;
	unsigned short st_nlink;
	unsigned short st_uid;
	unsigned short st_gid;
	unsigned long  st_rdev;
	unsigned long  st_size;
	unsigned long  st_blksize;
	unsigned long  st_blocks;
	unsigned long  st_atime;
	unsigned long  st_atime_nsec;
	unsigned long  st_mtime;
	unsigned long  st_mtime_nsec;
	unsigned long  st_ctime;
	unsigned long  st_ctime_nsec;
	unsigned long  __unused4;
	unsigned long  __unused5;
};

/* Linux i386's struct stat64: 96 bytes, 64-bit sizes and inode numbers
 * (the inode number twice, for old programs).  Long longs are 4-byte
 * aligned inside structures on i386, so there are no hidden holes. */
struct stat64 {
	unsigned long long st_dev;
	unsigned int   __pad1;
	unsigned long  __st_ino;
	unsigned int   st_mode;
	unsigned int   st_nlink;
	unsigned long  st_uid;
	unsigned long  st_gid;
	unsigned long long st_rdev;
	unsigned int   __pad2;
	long long      st_size;
	unsigned long  st_blksize;
	unsigned long long st_blocks;
	unsigned long  st_atime;
	unsigned long  st_atime_nsec;
	unsigned long  st_mtime;
	unsigned long  st_mtime_nsec;
	unsigned long  st_ctime;
	unsigned long  st_ctime_nsec;
	unsigned long long st_ino;
};

/* One record of getdents64 (220). */
struct linux_dirent64 {
	unsigned long long d_ino;
	long long      d_off;
	unsigned short d_reclen;
	unsigned char  d_type;
	char           d_name[];
};

/* One record of getdents (141); d_type is the byte before the next record. */
struct linux_dirent {
	unsigned long  d_ino;
	unsigned long  d_off;
	unsigned short d_reclen;
	char           d_name[];
};

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10

#endif
