/*
 * chmod.c - change the permission bits of files.
 *
 *   chmod MODE FILE...
 *
 * MODE is octal (640, 4755) or symbolic, as on Linux: clauses separated
 * by commas, each [ugoa]*[+-=][rwxst]*, e.g. u+x, go-w, a=r, u=rw,g=r,o=.
 * With no u, g, o or a, the clause applies to all three (this chmod does
 * not consult the umask).  Only the file's owner or root may change it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MODE_BITS	07777
#define WHO_USER	(S_ISUID | S_IRWXU)
#define WHO_GROUP	(S_ISGID | S_IRWXG)
#define WHO_OTHER	(S_ISVTX | S_IRWXO)
#define WHO_ALL		(WHO_USER | WHO_GROUP | WHO_OTHER)

static int usage(void)
{
	fprintf(stderr, "usage: chmod MODE FILE...   (MODE: 755, u+x, go-w, a=r)\n");
	return 2;
}

/* The bits of "who" (u, g, o, a letters) a clause names; 0 for none. */
static mode_t who_mask(const char **s)
{
	mode_t who = 0;

	for (;; (*s)++) {
		switch (**s) {
		case 'u': who |= WHO_USER; break;
		case 'g': who |= WHO_GROUP; break;
		case 'o': who |= WHO_OTHER; break;
		case 'a': who |= WHO_ALL; break;
		default: return who;
		}
	}
}

/* The bits named by permission letters r, w, x, s, t (all users' bits). */
static mode_t perm_bits(const char **s)
{
	mode_t bits = 0;

	for (;; (*s)++) {
		switch (**s) {
		case 'r': bits |= S_IRUSR | S_IRGRP | S_IROTH; break;
		case 'w': bits |= S_IWUSR | S_IWGRP | S_IWOTH; break;
		case 'x': bits |= S_IXUSR | S_IXGRP | S_IXOTH; break;
		case 's': bits |= S_ISUID | S_ISGID; break;
		case 't': bits |= S_ISVTX; break;
		default: return bits;
		}
	}
}

/* Apply symbolic MODE to old; -1 if MODE is malformed. */
static long symbolic_mode(const char *s, mode_t old)
{
	mode_t mode = old & MODE_BITS;

	for (;;) {
		mode_t who = who_mask(&s);

		if (!who)
			who = WHO_ALL;
		if (*s != '+' && *s != '-' && *s != '=')
			return -1;
		while (*s == '+' || *s == '-' || *s == '=') {
			char op = *s++;
			mode_t bits = perm_bits(&s) & who;

			if (op == '+')
				mode |= bits;
			else if (op == '-')
				mode &= ~bits;
			else
				mode = (mode & ~who) | bits;
		}
		if (*s == '\0')
			return mode;
		if (*s++ != ',')
			return -1;
	}
}

int main(int argc, char **argv)
{
	const char *spec;
	int status = 0;
	char *end;

	if (argc < 3)
		return usage();
	spec = argv[1];
	long octal = strtol(spec, &end, 8);
	int is_octal = *spec >= '0' && *spec <= '7' && *end == '\0';

	if (is_octal && (octal & ~MODE_BITS))
		return usage();
	for (int i = 2; i < argc; i++) {
		struct stat st;
		long mode = octal;

		if (!is_octal) {
			if (stat(argv[i], &st) < 0) {
				fprintf(stderr, "chmod: %s: %s\n", argv[i], strerror(errno));
				status = 1;
				continue;
			}
			mode = symbolic_mode(spec, st.st_mode);
			if (mode < 0)
				return usage();
		}
		if (chmod(argv[i], (mode_t)mode) < 0) {
			fprintf(stderr, "chmod: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
