/*
 * base64.c - encode a file as base64 text (RFC 4648), as GNU base64 does:
 * lines of 76 characters, '=' padding at the end.
 *
 *   base64 [FILE]      FILE (or standard input) to standard output
 *
 * Text survives a terminal or serial line that binary data would not:
 * it is how a core file leaves the OS (`base64 core`, then on the host
 * `base64 -d`; README.md, "Debugging a crashed program").
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define LINE_CHARS	76	/* output characters per line */
#define GROUP_IN	3	/* bytes in ... */
#define GROUP_OUT	4	/* ... characters out */
#define BUF_SIZE	(GROUP_IN * 1024)

static const char alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int column;

static void put(char c)
{
	putchar(c);
	if (++column == LINE_CHARS) {
		putchar('\n');
		column = 0;
	}
}

/* Encode n (1 to 3) bytes; fewer than 3 are padded with '='. */
static void encode_group(const unsigned char *in, size_t n)
{
	unsigned long bits = (unsigned long)in[0] << 16;

	if (n > 1)
		bits |= (unsigned long)in[1] << 8;
	if (n > 2)
		bits |= in[2];
	put(alphabet[(bits >> 18) & 63]);
	put(alphabet[(bits >> 12) & 63]);
	put(n > 1 ? alphabet[(bits >> 6) & 63] : '=');
	put(n > 2 ? alphabet[bits & 63] : '=');
}

/* Read fd to its end, encoding whole groups; a partial group is kept
 * for the next read (or the end). */
static int encode(int fd)
{
	static unsigned char buf[BUF_SIZE];
	size_t have = 0, i;
	ssize_t n;

	while ((n = read(fd, buf + have, sizeof(buf) - have)) > 0) {
		have += (size_t)n;
		for (i = 0; i + GROUP_IN <= have; i += GROUP_IN)
			encode_group(buf + i, GROUP_IN);
		memmove(buf, buf + i, have - i);
		have -= i;
	}
	if (have)
		encode_group(buf, have);
	if (column)
		putchar('\n');
	return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	int fd = STDIN_FILENO;
	const char *name = "-";

	if (argc > 2) {
		fprintf(stderr, "usage: base64 [FILE]\n");
		return 2;
	}
	if (argc == 2 && strcmp(argv[1], "-") != 0) {
		name = argv[1];
		if ((fd = open(name, O_RDONLY)) < 0) {
			fprintf(stderr, "base64: %s: %s\n", name, strerror(errno));
			return 1;
		}
	}
	if (encode(fd) < 0) {
		fprintf(stderr, "base64: %s: %s\n", name, strerror(errno));
		return 1;
	}
	return 0;
}
