/*
 * ln.c - make links.
 *
 *   ln [-sf] TARGET LINK     a new name LINK for TARGET (a hard link), or
 *                            with -s a symbolic link holding TARGET
 *   ln [-sf] TARGET... DIR   the same, named DIR/basename(TARGET)
 *
 *   -f removes an existing LINK first.  A symbolic link's TARGET is kept
 *   as written: a relative one is resolved from the link's directory.
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_PATH	256

static int symbolic, force;

static int make_link(const char *target, const char *name)
{
	if (force && unlink(name) < 0 && errno != ENOENT) {
		fprintf(stderr, "ln: %s: %s\n", name, strerror(errno));
		return -1;
	}
	if ((symbolic ? symlink(target, name) : link(target, name)) < 0) {
		fprintf(stderr, "ln: %s: %s\n", name, strerror(errno));
		return -1;
	}
	return 0;
}

/* LINK is DIR/basename(target). */
static int link_into(const char *target, const char *dir)
{
	char copy[MAX_PATH], name[MAX_PATH * 2];

	snprintf(copy, sizeof(copy), "%s", target);
	snprintf(name, sizeof(name), "%s/%s", dir, basename(copy));
	return make_link(target, name);
}

int main(int argc, char **argv)
{
	struct stat st;
	int i, status = 0;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *opt = argv[i] + 1; *opt; opt++) {
			if (*opt == 's') {
				symbolic = 1;
			} else if (*opt == 'f') {
				force = 1;
			} else {
				fprintf(stderr, "usage: ln [-sf] TARGET... LINK|DIR\n");
				return 2;
			}
		}
	}
	if (argc - i < 2) {
		fprintf(stderr, "usage: ln [-sf] TARGET... LINK|DIR\n");
		return 2;
	}
	if (stat(argv[argc - 1], &st) == 0 && S_ISDIR(st.st_mode)) {
		for (; i < argc - 1; i++)
			if (link_into(argv[i], argv[argc - 1]) < 0)
				status = 1;
		return status;
	}
	if (argc - i != 2) {
		fprintf(stderr, "ln: %s: not a directory\n", argv[argc - 1]);
		return 1;
	}
	return make_link(argv[i], argv[i + 1]) < 0;
}
