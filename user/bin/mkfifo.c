/*
 * mkfifo.c - make named pipes (FIFOs).
 *
 *   mkfifo NAME...
 *
 * A FIFO is a pipe with a name in the file system: one process opens it
 * for writing, another for reading, and the bytes flow from one to the
 * other as through `|`.  Try: mkfifo /tmp/p; cat /tmp/p & echo hi > /tmp/p
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define FIFO_MODE	0666	/* less the umask */

int main(int argc, char **argv)
{
	int i, status = 0;

	if (argc < 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: mkfifo NAME...\n");
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (mkfifo(argv[i], FIFO_MODE) < 0) {
			fprintf(stderr, "mkfifo: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
		}
	}
	return status;
}
