/*
 * uname.c - print what the kernel says about itself.
 *
 *   uname [-asnrvm]   -s kernel name (the default)   -n host name
 *                     -r release   -v version   -m machine   -a all
 */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#define NFIELDS		5
#define FIELD_LETTERS	"snrvm"	/* the options, in the order printed */

static int usage(void)
{
	fprintf(stderr, "usage: uname [-asnrvm]\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct utsname u;
	const char *field[NFIELDS];
	int show[NFIELDS] = { 0 };
	int i, k, any = 0, printed = 0;
	const char *opt, *letter;

	for (i = 1; i < argc; i++) {
		if (argv[i][0] != '-' || argv[i][1] == '\0')
			return usage();
		for (opt = argv[i] + 1; *opt; opt++) {
			letter = strchr(FIELD_LETTERS, *opt);
			if (*opt == 'a') {
				for (k = 0; k < NFIELDS; k++)
					show[k] = 1;
			} else if (letter) {
				show[letter - FIELD_LETTERS] = 1;
			} else {
				return usage();
			}
			any = 1;
		}
	}
	if (!any)
		show[0] = 1;
	if (uname(&u) < 0) {
		perror("uname");
		return 1;
	}
	field[0] = u.sysname;
	field[1] = u.nodename;
	field[2] = u.release;
	field[3] = u.version;
	field[4] = u.machine;
	for (i = 0; i < NFIELDS; i++)
		if (show[i])
			printf("%s%s", printed++ ? " " : "", field[i]);
	printf("\n");
	return 0;
}
