/*
 * cat.c - copy files (or standard input) to standard output.
 *
 *   cat [FILE]...     no FILE, or "-": standard input
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define BUF_SIZE	4096

/* Copy fd to standard output; return 0, or -1 after a read error. */
static int copy(int fd, const char *name)
{
	static char buf[BUF_SIZE];
	ssize_t n, done, w;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (done = 0; done < n; done += w) {
			w = write(STDOUT_FILENO, buf + done, n - done);
			if (w <= 0) {
				fprintf(stderr, "cat: write error: %s\n",
					strerror(errno));
				return -1;
			}
		}
	}
	if (n < 0) {
		fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int i, fd, status = 0;

	if (argc < 2)
		return copy(STDIN_FILENO, "-") < 0;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0) {
			fd = STDIN_FILENO;
		} else {
			fd = open(argv[i], O_RDONLY);
			if (fd < 0) {
				fprintf(stderr, "cat: %s: %s\n", argv[i],
					strerror(errno));
				status = 1;
				continue;
			}
		}
		if (copy(fd, argv[i]) < 0)
			status = 1;
		if (fd != STDIN_FILENO)
			close(fd);
	}
	return status;
}
