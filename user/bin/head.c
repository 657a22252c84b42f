/*
 * head.c - print the first lines of files (or of standard input).
 *
 *   head [-n N] [FILE]...     N lines (default 10); with more than one
 *                             FILE, each starts with "==> FILE <=="
 *   head -N [FILE]...         the same, in the old form GNU head still takes
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_LINES	10
#define BUF_SIZE	4096

static int usage(void)
{
	fprintf(stderr, "usage: head [-n N | -N] [FILE]...\n");
	return 2;
}

/*
 * Copy the first lines of fd to standard output.  It reads blocks but
 * writes only up to the last newline wanted.
 */
static int head(int fd, const char *name, long lines)
{
	static char buf[BUF_SIZE];
	ssize_t n = 0, len;

	while (lines > 0 && (n = read(fd, buf, sizeof(buf))) > 0) {
		for (len = 0; len < n && lines > 0; len++)
			if (buf[len] == '\n')
				lines--;
		fwrite(buf, 1, len, stdout);
	}
	if (n < 0) {
		fprintf(stderr, "head: %s: %s\n", name, strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	long lines = DEFAULT_LINES;
	int i = 1, fd, nfiles, status = 0;
	char *count = NULL, *end;

	if (i < argc && argv[i][0] == '-' && isdigit((unsigned char)argv[i][1])) {
		count = argv[i] + 1;				/* -N */
	} else if (i < argc && strncmp(argv[i], "-n", 2) == 0) {
		count = argv[i][2] ? argv[i] + 2 : argv[++i];	/* -nN, -n N */
		if (!count)
			return usage();
	}
	if (count) {
		lines = strtol(count, &end, 10);
		if (*count == '\0' || *end != '\0' || lines < 0)
			return usage();
		i++;
	}
	if (i < argc && argv[i][0] == '-' && argv[i][1] != '\0')
		return usage();
	if (i == argc)
		return head(STDIN_FILENO, "-", lines) < 0;
	for (nfiles = argc - i; i < argc; i++) {
		fd = STDIN_FILENO;
		if (strcmp(argv[i], "-") != 0)
			fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "head: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
			continue;
		}
		if (nfiles > 1)
			printf("%s==> %s <==\n", i > argc - nfiles ? "\n" : "",
			       argv[i]);
		if (head(fd, argv[i], lines) < 0)
			status = 1;
		if (fd != STDIN_FILENO)
			close(fd);
	}
	return status;
}
