/*
 * getopt.c - POSIX getopt(): short options, grouped ("-ab"), with an
 * argument attached ("-ofile") or in the next word ("-o file"); "x::" in
 * optstring means an optional, attached-only argument.  Scanning stops at
 * the first non-option word or after "--" (no reordering of argv).
 *
 * State: optind is the word being scanned, next_char the position in it
 * (0 = start a new word).  Setting optind to 0 (or 1 with next_char
 * pending) restarts the scan.  A leading ':' in optstring silences the
 * messages and makes a missing argument return ':' instead of '?'.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

static int next_char;

static void next_word(void)
{
	optind++;
	next_char = 0;
}

int getopt(int argc, char *const argv[], const char *optstring)
{
	const char *word, *spec;
	int colon = optstring[0] == ':';
	int c;

	optarg = NULL;
	if (optind == 0) {
		optind = 1;
		next_char = 0;
	}
	if (next_char == 0) {
		word = optind < argc ? argv[optind] : NULL;
		if (!word || word[0] != '-' || word[1] == '\0')
			return -1;
		if (strcmp(word, "--") == 0) {
			optind++;
			return -1;
		}
		next_char = 1;
	}
	word = argv[optind];
	c = (unsigned char)word[next_char++];
	spec = c != ':' ? strchr(optstring + colon, c) : NULL;

	if (!spec) {
		optopt = c;
		if (opterr && !colon)
			fprintf(stderr, "%s: invalid option -- '%c'\n",
				argv[0], c);
		if (!word[next_char])
			next_word();
		return '?';
	}
	if (spec[1] != ':') {
		if (!word[next_char])
			next_word();
		return c;
	}
	if (word[next_char]) {
		optarg = (char *)&word[next_char];
	} else if (spec[2] != ':') {
		if (optind + 1 >= argc) {
			next_word();
			optopt = c;
			if (opterr && !colon)
				fprintf(stderr,
					"%s: option requires an argument -- '%c'\n",
					argv[0], c);
			return colon ? ':' : '?';
		}
		optarg = argv[++optind];
	}
	next_word();
	return c;
}
