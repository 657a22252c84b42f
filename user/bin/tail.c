/*
 * tail.c - print the last lines of a file (or of standard input).
 *
 *   tail [-n N] [FILE]      the last N lines (default 10)
 *   tail -N [FILE]          the same, in the old form
 *
 * The whole input is read into memory first (it may be a pipe, which
 * cannot seek), then the last N lines are found from the end.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_LINES	10
#define BUF_START	4096

static int usage(void)
{
	fprintf(stderr, "usage: tail [-n N | -N] [FILE]\n");
	return 2;
}

/* Read all of fd into a buffer; its length in *len; NULL on error. */
static char *slurp(int fd, size_t *len)
{
	size_t size = BUF_START, used = 0;
	char *buf = malloc(size), *bigger;
	ssize_t n;

	while (buf && (n = read(fd, buf + used, size - used)) > 0) {
		used += (size_t)n;
		if (used == size) {
			size *= 2;
			bigger = realloc(buf, size);
			if (!bigger)
				free(buf);
			buf = bigger;
		}
	}
	if (!buf) {
		errno = ENOMEM;
		return NULL;
	}
	if (n < 0) {
		free(buf);
		return NULL;
	}
	*len = used;
	return buf;
}

int main(int argc, char **argv)
{
	long lines = DEFAULT_LINES;
	const char *count = NULL, *name = "standard input";
	char *buf, *end;
	size_t len, start;
	int i = 1, fd = STDIN_FILENO;

	if (i < argc && argv[i][0] == '-' && isdigit((unsigned char)argv[i][1])) {
		count = argv[i++] + 1;
	} else if (i < argc && strncmp(argv[i], "-n", 2) == 0) {
		count = argv[i][2] ? argv[i] + 2 : argv[++i];
		i++;
		if (!count)
			return usage();
	}
	if (count) {
		lines = strtol(count, &end, 10);
		if (*count == '\0' || *end != '\0' || lines < 0)
			return usage();
	}
	if (argc - i > 1)
		return usage();
	if (i < argc) {
		name = argv[i];
		fd = open(name, O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "tail: %s: %s\n", name, strerror(errno));
			return 1;
		}
	}
	buf = slurp(fd, &len);
	if (!buf) {
		fprintf(stderr, "tail: %s: %s\n", name, strerror(errno));
		return 1;
	}
	/* Walk back over `lines` newlines; a last line without one counts. */
	start = len;
	if (start > 0 && buf[start - 1] == '\n')
		start--;
	for (long seen = 0; start > 0; start--)
		if (buf[start - 1] == '\n' && ++seen == lines)
			break;
	if (lines == 0)
		start = len;
	fwrite(buf + start, 1, len - start, stdout);
	free(buf);
	return 0;
}
