/*
 * dirent.h - reading directories (opendir/readdir/closedir) over the
 * getdents call.
 */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>
#include <uapi/stat.h>

struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;		/* DT_REG, DT_DIR, ... */
	char d_name[256];
};

typedef struct __dir DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
void rewinddir(DIR *dir);
int dirfd(DIR *dir);

int getdents(unsigned int fd, struct linux_dirent *dirp, unsigned int count);

#endif
