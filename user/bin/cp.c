/*
 * cp.c - copy files.
 *
 *   cp SOURCE DEST          copy SOURCE to the file DEST
 *   cp SOURCE... DIR        copy each SOURCE into the directory DIR
 *
 * The copy gets the permission bits of its source.  Directories are not
 * copied.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include "movecopy.h"

#define BUF_SIZE	4096
#define PERM_BITS	0777

/* Copy everything from fd in to fd out; return 0, or -1 on error. */
static int copy_data(int in, int out)
{
	static char buf[BUF_SIZE];
	ssize_t n, done, w;

	while ((n = read(in, buf, sizeof(buf))) > 0) {
		for (done = 0; done < n; done += w) {
			w = write(out, buf + done, n - done);
			if (w <= 0)
				return -1;
		}
	}
	return n < 0 ? -1 : 0;
}

static int copy(const char *from, const char *to)
{
	struct stat st;
	int in, out = -1, status = -1;

	in = open(from, O_RDONLY);
	if (in < 0 || fstat(in, &st) < 0)
		goto out;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;		/* directories are not copied */
		goto out;
	}
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & PERM_BITS);
	if (out >= 0 && copy_data(in, out) == 0)
		status = 0;
out:
	if (status < 0)
		fprintf(stderr, "cp: %s -> %s: %s\n", from, to, strerror(errno));
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	return status;
}

int main(int argc, char **argv)
{
	return each_source(argc, argv, "cp", copy);
}
