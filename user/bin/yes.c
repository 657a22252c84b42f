/*
 * yes.c - print a line again and again, until killed (or the reader of
 * the pipe goes away).
 *
 *   yes [WORD]...     the line is the words separated by spaces, or "y"
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define BUF_SIZE	1024	/* many copies of the line, written at once */

int main(int argc, char **argv)
{
	static char buf[BUF_SIZE];
	char line[BUF_SIZE / 2];
	size_t len = 0, fill = 0;
	int i;

	line[0] = '\0';
	for (i = 1; i < argc; i++) {
		len += snprintf(line + len, sizeof(line) - len, "%s%s",
				argv[i], i < argc - 1 ? " " : "");
		if (len >= sizeof(line) - 1) {
			fprintf(stderr, "yes: line too long\n");
			return 1;
		}
	}
	if (argc < 2)
		strcpy(line, "y");
	strcat(line, "\n");
	len = strlen(line);
	while (fill + len <= sizeof(buf)) {
		memcpy(buf + fill, line, len);
		fill += len;
	}
	while (write(STDOUT_FILENO, buf, fill) > 0)
		;
	return 1;
}
