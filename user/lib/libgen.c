/*
 * libgen.c - basename() and dirname(), POSIX style: both may write a NUL
 * into path (to drop trailing slashes) and return a pointer into it or
 * to a constant string ("." or "/").
 */
#include <libgen.h>
#include <string.h>

/* Length of path without its trailing slashes ("/" keeps its one). */
static size_t trimmed_len(const char *path)
{
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	return n;
}

char *basename(char *path)
{
	size_t n;
	char *slash;

	if (!path || !*path)
		return ".";
	n = trimmed_len(path);
	path[n] = '\0';
	if (n == 1 && path[0] == '/')
		return path;
	slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

char *dirname(char *path)
{
	size_t n;

	if (!path || !*path)
		return ".";
	n = trimmed_len(path);
	while (n > 0 && path[n - 1] != '/')	/* drop the last component */
		n--;
	if (n == 0)
		return ".";
	while (n > 1 && path[n - 1] == '/')	/* and the slashes before it */
		n--;
	path[n] = '\0';
	return path;
}
