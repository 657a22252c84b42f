/*
 * touch.c - make empty files.
 *
 *   touch FILE...     a FILE that exists already is left as it is
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define FILE_MODE	0666	/* less the umask */

int main(int argc, char **argv)
{
	int i, fd, status = 0;

	if (argc < 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: touch FILE...\n");
		return 2;
	}
	for (i = 1; i < argc; i++) {
		fd = open(argv[i], O_WRONLY | O_CREAT, FILE_MODE);
		if (fd < 0) {
			fprintf(stderr, "touch: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
			continue;
		}
		close(fd);
	}
	return status;
}
