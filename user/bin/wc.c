/*
 * wc.c - count the lines, words and bytes of files (or standard input).
 *
 *   wc [-lwc] [FILE]...     -l lines, -w words, -c bytes (default: all
 *                           three); a total follows when there are
 *                           several files
 *
 * The numbers are right-aligned in columns as GNU wc makes them: as wide
 * as the total size of the files, or 7 if one of the inputs is not a
 * regular file (standard input from a pipe); no padding at all for one
 * number of one input, so that `wc -l < file` prints just the number.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUF_SIZE	4096
#define SHOW_LINES	0x1
#define SHOW_WORDS	0x2
#define SHOW_BYTES	0x4
#define PIPE_WIDTH	7	/* GNU's width when a size is not known */

struct counts {
	unsigned long lines, words, bytes;
};

static int usage(void)
{
	fprintf(stderr, "usage: wc [-lwc] [FILE]...\n");
	return 2;
}

/* Add the counts of fd to c; a word is a run of non-space characters. */
static int count(int fd, const char *name, struct counts *c)
{
	static char buf[BUF_SIZE];
	int in_word = 0;
	ssize_t n, i;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		c->bytes += n;
		for (i = 0; i < n; i++) {
			if (buf[i] == '\n')
				c->lines++;
			if (isspace((unsigned char)buf[i])) {
				in_word = 0;
			} else if (!in_word) {
				in_word = 1;
				c->words++;
			}
		}
	}
	if (n < 0) {
		fprintf(stderr, "wc: %s: %s\n", name, strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * The width of the numbers for the nfiles files (none: standard input),
 * with only one number per line if single.
 */
static int number_width(char **files, int nfiles, int single)
{
	unsigned long total = 0;
	int i, width = 1, min_width = 1;
	struct stat st;

	if (single && nfiles <= 1)
		return 1;
	if (nfiles == 0) {
		if (fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode))
			total = st.st_size;
		else
			min_width = PIPE_WIDTH;
	}
	for (i = 0; i < nfiles; i++) {
		if (stat(files[i], &st) < 0)
			continue;	/* reported when it fails to open */
		if (S_ISREG(st.st_mode))
			total += st.st_size;
		else
			min_width = PIPE_WIDTH;
	}
	for (; total >= 10; total /= 10)
		width++;
	return width > min_width ? width : min_width;
}

/* Print the counts asked for, then the name (NULL: standard input). */
static void show(const struct counts *c, int what, int width,
		 const char *name)
{
	const char *sep = "";

	if (what & SHOW_LINES) {
		printf("%s%*lu", sep, width, c->lines);
		sep = " ";
	}
	if (what & SHOW_WORDS) {
		printf("%s%*lu", sep, width, c->words);
		sep = " ";
	}
	if (what & SHOW_BYTES)
		printf("%s%*lu", sep, width, c->bytes);
	if (name)
		printf(" %s", name);
	printf("\n");
}

int main(int argc, char **argv)
{
	struct counts total = { 0, 0, 0 };
	int what = 0, i, fd, nfiles, width, status = 0;
	const char *opt;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (opt = argv[i] + 1; *opt; opt++) {
			if (*opt == 'l')
				what |= SHOW_LINES;
			else if (*opt == 'w')
				what |= SHOW_WORDS;
			else if (*opt == 'c')
				what |= SHOW_BYTES;
			else
				return usage();
		}
	}
	if (what == 0)
		what = SHOW_LINES | SHOW_WORDS | SHOW_BYTES;
	nfiles = argc - i;
	width = number_width(argv + i, nfiles, what == SHOW_LINES ||
			     what == SHOW_WORDS || what == SHOW_BYTES);
	if (nfiles == 0) {
		if (count(STDIN_FILENO, "-", &total) < 0)
			return 1;
		show(&total, what, width, NULL);
		return 0;
	}
	for (; i < argc; i++) {
		struct counts c = { 0, 0, 0 };

		fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "wc: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		if (count(fd, argv[i], &c) < 0)
			status = 1;
		close(fd);
		show(&c, what, width, argv[i]);
		total.lines += c.lines;
		total.words += c.words;
		total.bytes += c.bytes;
	}
	if (nfiles > 1)
		show(&total, what, width, "total");
	return status;
}
