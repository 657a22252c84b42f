/*
 * tee.c - copy standard input to standard output and to files.
 *
 *   tee [-a] [FILE]...     -a: append to the files instead of
 *                          overwriting them
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define BUF_SIZE	4096
#define MAX_FILES	16

static int usage(void)
{
	fprintf(stderr, "usage: tee [-a] [FILE]...   (at most %d files)\n",
		MAX_FILES);
	return 2;
}

/* Write all of buf to fd; return 0, or -1 on error. */
static int write_all(int fd, const char *buf, ssize_t len)
{
	ssize_t w;

	for (; len > 0; buf += w, len -= w) {
		w = write(fd, buf, len);
		if (w <= 0)
			return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static char buf[BUF_SIZE];
	int fds[MAX_FILES + 1];
	int flags = O_WRONLY | O_CREAT | O_TRUNC;
	int i = 1, nfds = 0, k, status = 0;
	ssize_t n;

	if (i < argc && strcmp(argv[i], "-a") == 0) {
		flags = O_WRONLY | O_CREAT | O_APPEND;
		i++;
	}
	if (argc - i > MAX_FILES ||
	    (i < argc && argv[i][0] == '-' && argv[i][1] != '\0'))
		return usage();
	fds[nfds++] = STDOUT_FILENO;
	for (; i < argc; i++) {
		fds[nfds] = open(argv[i], flags, 0666);
		if (fds[nfds] < 0) {
			fprintf(stderr, "tee: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
			continue;
		}
		nfds++;
	}
	while ((n = read(STDIN_FILENO, buf, sizeof(buf))) > 0) {
		for (k = 0; k < nfds; k++) {
			if (fds[k] >= 0 && write_all(fds[k], buf, n) < 0) {
				perror("tee: write");
				fds[k] = -1;	/* keep on with the others */
				status = 1;
			}
		}
	}
	if (n < 0) {
		perror("tee: read");
		status = 1;
	}
	return status;
}
