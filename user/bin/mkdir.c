/*
 * mkdir.c - make directories.
 *
 *   mkdir [-p] DIR...     -p: make the missing parents too, and do not
 *                         complain if DIR exists already
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define DIR_MODE	0777	/* less the umask */
#define MAX_PATH	256

static int make_dir(const char *path, int parents)
{
	if (mkdir(path, DIR_MODE) == 0 || (parents && errno == EEXIST))
		return 0;
	fprintf(stderr, "mkdir: %s: %s\n", path, strerror(errno));
	return -1;
}

/* mkdir -p: make each directory along path, from the top down. */
static int make_parents(const char *path)
{
	char prefix[MAX_PATH];
	size_t len;

	if (strlen(path) >= sizeof(prefix)) {
		fprintf(stderr, "mkdir: %s: name too long\n", path);
		return -1;
	}
	for (len = 1; path[len]; len++) {
		if (path[len] != '/' || path[len - 1] == '/')
			continue;
		memcpy(prefix, path, len);
		prefix[len] = '\0';
		if (make_dir(prefix, 1) < 0)
			return -1;
	}
	return make_dir(path, 1);
}

int main(int argc, char **argv)
{
	int i = 1, parents = 0, err, status = 0;

	if (i < argc && strcmp(argv[i], "-p") == 0) {
		parents = 1;
		i++;
	}
	if (i == argc || argv[i][0] == '-') {
		fprintf(stderr, "usage: mkdir [-p] DIR...\n");
		return 2;
	}
	for (; i < argc; i++) {
		if (parents)
			err = make_parents(argv[i]);
		else
			err = make_dir(argv[i], 0);
		if (err < 0)
			status = 1;
	}
	return status;
}
