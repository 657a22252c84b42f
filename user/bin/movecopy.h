/*
 * movecopy.h - the command line shared by cp and mv:
 *
 *   PROG SOURCE DEST        SOURCE to the name DEST
 *   PROG SOURCE... DIR      each SOURCE into the directory DIR
 */
#ifndef MOVECOPY_H
#define MOVECOPY_H

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_PATH	256

static inline int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static inline const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * Run op(source, target) for each source of the command line of prog;
 * op reports its own errors and returns 0 or -1.  Returns the exit
 * status.
 */
static inline int each_source(int argc, char **argv, const char *prog,
			      int (*op)(const char *from, const char *to))
{
	const char *dest = argv[argc - 1];
	char path[MAX_PATH];
	int i, status = 0;

	if (argc < 3 || argv[1][0] == '-') {
		fprintf(stderr, "usage: %s SOURCE DEST  or  %s SOURCE... DIR\n",
			prog, prog);
		return 2;
	}
	if (!is_dir(dest)) {
		if (argc > 3) {
			fprintf(stderr, "%s: %s: not a directory\n", prog, dest);
			return 1;
		}
		return op(argv[1], dest) < 0;
	}
	for (i = 1; i < argc - 1; i++) {
		snprintf(path, sizeof(path), "%s/%s", dest, base_name(argv[i]));
		if (op(argv[i], path) < 0)
			status = 1;
	}
	return status;
}

#endif
