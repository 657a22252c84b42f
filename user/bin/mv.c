/*
 * mv.c - move (rename) files.
 *
 *   mv SOURCE DEST          SOURCE gets the name DEST
 *   mv SOURCE... DIR        each SOURCE moves into the directory DIR
 *
 * Only within one file system: a move is a single rename() there.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define MAX_PATH	256

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static int move(const char *from, const char *to)
{
	if (rename(from, to) < 0) {
		fprintf(stderr, "mv: %s -> %s: %s\n", from, to, strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *dest = argv[argc - 1];
	char path[MAX_PATH];
	int i, status = 0;

	if (argc < 3 || argv[1][0] == '-') {
		fprintf(stderr, "usage: mv SOURCE DEST  or  mv SOURCE... DIR\n");
		return 2;
	}
	if (!is_dir(dest)) {
		if (argc > 3) {
			fprintf(stderr, "mv: %s: not a directory\n", dest);
			return 1;
		}
		return move(argv[1], dest) < 0;
	}
	for (i = 1; i < argc - 1; i++) {
		snprintf(path, sizeof(path), "%s/%s", dest, base_name(argv[i]));
		if (move(argv[i], path) < 0)
			status = 1;
	}
	return status;
}
