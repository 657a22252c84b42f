/*
 * dirent.c - directory streams over getdents (141): opendir, fdopendir,
 * readdir, rewinddir, dirfd, closedir.
 *
 * A DIR holds one getdents batch in buf; buf[pos..len) are the records
 * not yet returned.  Each Linux record is struct linux_dirent: inode,
 * offset, record length, the NUL-terminated name, and the file type in
 * the record's last byte.  readdir copies a record into dir->ent, which
 * the next readdir on the same DIR overwrites.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DIR_BUF_SIZE	4096

struct __dir {
	int fd;
	size_t pos;
	size_t len;
	struct dirent ent;
	union {
		struct linux_dirent first;	/* aligns the records */
		char bytes[DIR_BUF_SIZE];
	} buf;
};

DIR *fdopendir(int fd)
{
	struct stat st;
	DIR *dir;

	if (fstat(fd, &st) < 0)
		return NULL;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return NULL;
	}
	dir = malloc(sizeof(*dir));
	if (!dir)
		return NULL;
	dir->fd = fd;
	dir->pos = dir->len = 0;
	return dir;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int saved_errno;
	DIR *dir;

	if (fd < 0)
		return NULL;
	dir = fdopendir(fd);
	if (!dir) {
		saved_errno = errno;
		close(fd);
		errno = saved_errno;
	}
	return dir;
}

/* NULL at the end (errno untouched) or on error (errno set). */
struct dirent *readdir(DIR *dir)
{
	struct linux_dirent *rec;
	size_t name_len;
	int n;

	if (dir->pos >= dir->len) {
		n = getdents(dir->fd, &dir->buf.first, sizeof(dir->buf));
		if (n <= 0)
			return NULL;
		dir->pos = 0;
		dir->len = n;
	}
	rec = (struct linux_dirent *)(dir->buf.bytes + dir->pos);
	if (rec->d_reclen <= offsetof(struct linux_dirent, d_name) ||
	    rec->d_reclen > dir->len - dir->pos) {
		errno = EIO;		/* a malformed record */
		dir->pos = dir->len;
		return NULL;
	}
	dir->pos += rec->d_reclen;
	dir->ent.d_ino = rec->d_ino;
	dir->ent.d_off = (off_t)rec->d_off;
	dir->ent.d_reclen = sizeof(dir->ent);
	dir->ent.d_type = ((unsigned char *)rec)[rec->d_reclen - 1];
	name_len = strnlen(rec->d_name, rec->d_reclen -
			   offsetof(struct linux_dirent, d_name));
	if (name_len >= sizeof(dir->ent.d_name))
		name_len = sizeof(dir->ent.d_name) - 1;
	memcpy(dir->ent.d_name, rec->d_name, name_len);
	dir->ent.d_name[name_len] = '\0';
	return &dir->ent;
}

void rewinddir(DIR *dir)
{
	lseek(dir->fd, 0, SEEK_SET);
	dir->pos = dir->len = 0;
}

int dirfd(DIR *dir)
{
	return dir->fd;
}

int closedir(DIR *dir)
{
	int ret = close(dir->fd);

	free(dir);
	return ret;
}
