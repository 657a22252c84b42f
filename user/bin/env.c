/*
 * env.c - show the environment, or run a command in a changed one.
 *
 *   env                                  print NAME=VALUE, one per line
 *   env [NAME=VALUE]... COMMAND [ARG]... run COMMAND with those set
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXIT_USAGE	2
#define EXIT_NOEXEC	126	/* found, but could not be run */
#define EXIT_NOTFOUND	127

extern char **environ;

static int usage(void)
{
	fprintf(stderr, "usage: env [NAME=VALUE]... [COMMAND [ARG]...]\n");
	return EXIT_USAGE;
}

int main(int argc, char **argv)
{
	char **var;
	char *eq;
	int i;

	if (argc > 1 && argv[1][0] == '-')
		return usage();
	for (i = 1; i < argc && (eq = strchr(argv[i], '=')) != NULL; i++) {
		*eq = '\0';
		if (argv[i][0] == '\0' || setenv(argv[i], eq + 1, 1) < 0)
			return usage();
	}
	if (i == argc) {
		for (var = environ; *var; var++)
			printf("%s\n", *var);
		return 0;
	}
	execvp(argv[i], argv + i);
	fprintf(stderr, "env: %s: %s\n", argv[i], strerror(errno));
	return errno == ENOENT ? EXIT_NOTFOUND : EXIT_NOEXEC;
}
