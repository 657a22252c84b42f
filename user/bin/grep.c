/*
 * grep.c - print the lines that match a pattern.
 *
 *   grep [-vcinF] PATTERN [FILE]...
 *       -v  print the lines that do NOT match   -c  only count them
 *       -i  ignore case   -n  number the lines   -F  fixed string
 *
 * PATTERN is a small regular expression:
 *   c    the character c          .    any character
 *   x*   zero or more of x        \c   c itself, even if it is . * ^ $
 *   ^    (first) start of line    $    (last) end of line
 *
 * Exit status: 0 if a line was selected, 1 if none, 2 on error.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#define MAX_LINE	4096	/* longer lines are taken in pieces */

struct options {
	int invert, count, ignore_case, number, fixed;
	int show_names;		/* several files: "name:" before lines */
};

static int usage(void)
{
	fprintf(stderr, "usage: grep [-vcinF] PATTERN [FILE]...\n");
	return 2;
}

/* ---------------------------------------------------- regular expressions */

/* An atom is one character of the pattern, or \ and the next one. */
static int atom_len(const char *re)
{
	return re[0] == '\\' && re[1] != '\0' ? 2 : 1;
}

static int atom_matches(const char *re, char c)
{
	if (re[0] == '\\' && re[1] != '\0')
		return re[1] == c;
	return re[0] == '.' || re[0] == c;
}

static int match_here(const char *re, const char *text);

/* atom* followed by rest: try the fewest repetitions first. */
static int match_star(const char *atom, const char *rest, const char *text)
{
	for (;;) {
		if (match_here(rest, text))
			return 1;
		if (*text == '\0' || !atom_matches(atom, *text))
			return 0;
		text++;
	}
}

/* Does re match at the start of text? */
static int match_here(const char *re, const char *text)
{
	int len;

	for (;;) {
		if (re[0] == '\0')
			return 1;
		if (re[0] == '$' && re[1] == '\0')
			return *text == '\0';
		len = atom_len(re);
		if (re[len] == '*')
			return match_star(re, re + len + 1, text);
		if (*text == '\0' || !atom_matches(re, *text))
			return 0;
		re += len;
		text++;
	}
}

/* Does re match anywhere in text? */
static int match(const char *re, const char *text)
{
	if (re[0] == '^')
		return match_here(re + 1, text);
	for (;; text++) {
		if (match_here(re, text))
			return 1;
		if (*text == '\0')
			return 0;
	}
}

/* ------------------------------------------------------------------ grep */

static void lower(char *s)
{
	for (; *s; s++)
		*s = tolower((unsigned char)*s);
}

static int selected(const char *pattern, const char *line,
		    const struct options *o)
{
	char text[MAX_LINE];
	int found;

	strcpy(text, line);
	if (o->ignore_case)
		lower(text);
	found = o->fixed ? strstr(text, pattern) != NULL : match(pattern, text);
	return found != o->invert;
}

/* Print (or count) the lines of f selected; return how many there were. */
static long grep(const char *pattern, FILE *f, const char *name,
		 const struct options *o)
{
	char line[MAX_LINE];
	long lineno = 0, nselected = 0;
	size_t len;

	while (fgets(line, sizeof(line), f)) {
		len = strlen(line);
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		lineno++;
		if (!selected(pattern, line, o))
			continue;
		nselected++;
		if (o->count)
			continue;
		if (o->show_names)
			printf("%s:", name);
		if (o->number)
			printf("%ld:", lineno);
		printf("%s\n", line);
	}
	if (o->count) {
		if (o->show_names)
			printf("%s:", name);
		printf("%ld\n", nselected);
	}
	return nselected;
}

static int parse_options(char *arg, struct options *o)
{
	for (arg++; *arg; arg++) {
		switch (*arg) {
		case 'v':
			o->invert = 1;
			break;
		case 'c':
			o->count = 1;
			break;
		case 'i':
			o->ignore_case = 1;
			break;
		case 'n':
			o->number = 1;
			break;
		case 'F':
			o->fixed = 1;
			break;
		default:
			return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct options o = { 0, 0, 0, 0, 0, 0 };
	char pattern[MAX_LINE];
	long nselected = 0;
	int i, error = 0;
	FILE *f;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++)
		if (parse_options(argv[i], &o) < 0)
			return usage();
	if (i == argc || strlen(argv[i]) >= sizeof(pattern))
		return usage();
	strcpy(pattern, argv[i++]);
	if (o.ignore_case)
		lower(pattern);
	o.show_names = argc - i > 1;
	if (i == argc)
		nselected = grep(pattern, stdin, "-", &o);
	for (; i < argc; i++) {
		f = fopen(argv[i], "r");
		if (!f) {
			fprintf(stderr, "grep: %s: %s\n", argv[i],
				strerror(errno));
			error = 1;
			continue;
		}
		nselected += grep(pattern, f, argv[i], &o);
		fclose(f);
	}
	if (error)
		return 2;
	return nselected > 0 ? 0 : 1;
}
