/*
 * rm.c - remove files.
 *
 *   rm [-rf] FILE...     -f: say nothing of files that do not exist
 *                        -r: remove directories and all they contain
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_PATH	256

static int force, recursive;

static int fail(const char *path)
{
	if (force && errno == ENOENT)
		return 0;
	fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
	return -1;
}

static int remove_path(const char *path);

/* Remove everything in directory path, then the directory itself. */
static int remove_tree(const char *path)
{
	char child[MAX_PATH];
	struct dirent *e;
	DIR *dir = opendir(path);
	int status = 0;

	if (!dir)
		return fail(path);
	while ((e = readdir(dir)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (snprintf(child, sizeof(child), "%s/%s", path, e->d_name) >=
		    (int)sizeof(child)) {
			fprintf(stderr, "rm: %s/%s: name too long\n", path,
				e->d_name);
			status = -1;
			continue;
		}
		if (remove_path(child) < 0)
			status = -1;
	}
	closedir(dir);
	if (rmdir(path) < 0)
		return fail(path);
	return status;
}

static int remove_path(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return fail(path);
	if (recursive && S_ISDIR(st.st_mode))
		return remove_tree(path);
	if (unlink(path) < 0)
		return fail(path);
	return 0;
}

static int parse_options(const char *arg)
{
	for (arg++; *arg; arg++) {
		if (*arg == 'f')
			force = 1;
		else if (*arg == 'r' || *arg == 'R')
			recursive = 1;
		else
			return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int i, status = 0;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (parse_options(argv[i]) < 0) {
			fprintf(stderr, "usage: rm [-rf] FILE...\n");
			return 2;
		}
	}
	if (i == argc && !force) {
		fprintf(stderr, "usage: rm [-rf] FILE...\n");
		return 2;
	}
	for (; i < argc; i++)
		if (remove_path(argv[i]) < 0)
			status = 1;
	return status;
}
