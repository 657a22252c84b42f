/*
 * exec.c - the exec family on top of execve: execv, execvp, execvpe,
 * execl, execlp, execle.
 *
 * The p variants search each directory of PATH (DEFAULT_PATH when PATH
 * is unset; an empty entry is the current directory) unless the name
 * contains a '/'.  A directory where the file is missing is skipped; if
 * some candidate existed but was not executable, the error is EACCES;
 * any other error stops the search.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libc_private.h"

#define DEFAULT_PATH	"/bin"

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

int execvpe(const char *file, char *const argv[], char *const envp[])
{
	char candidate[PATH_MAX];
	const char *dir, *end, *path;
	size_t dlen, flen = strlen(file);
	bool denied = false;

	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return execve(file, argv, envp);
	path = getenv("PATH");
	if (!path)
		path = DEFAULT_PATH;
	for (dir = path;; dir = end + 1) {
		end = strchr(dir, ':');
		if (!end)
			end = dir + strlen(dir);
		dlen = end - dir;
		if (dlen == 0) {
			dir = ".";
			dlen = 1;
		}
		if (dlen + flen + 2 <= sizeof(candidate)) {
			memcpy(candidate, dir, dlen);
			candidate[dlen] = '/';
			memcpy(candidate + dlen + 1, file, flen + 1);
			execve(candidate, argv, envp);
			if (errno == EACCES)
				denied = true;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		if (!*end)
			break;
	}
	errno = denied ? EACCES : ENOENT;
	return -1;
}

int execvp(const char *file, char *const argv[])
{
	return execvpe(file, argv, environ);
}

/* Arguments from arg up to (not counting) the terminating NULL. */
static size_t count_args(const char *arg, va_list ap)
{
	size_t n = 0;

	while (arg) {
		n++;
		arg = va_arg(ap, const char *);
	}
	return n;
}

enum exec_kind { EXEC_PATH, EXEC_SEARCH, EXEC_ENV };

/*
 * The l variants: argv[] = arg and the arguments after it, the NULL
 * included, in an array on the stack sized by a first pass over a copy
 * of ap; execle's environment follows the NULL.
 */
static int exec_list(enum exec_kind kind, const char *name, const char *arg,
		     va_list ap)
{
	va_list counting;
	size_t i = 0, n;

	va_copy(counting, ap);
	n = count_args(arg, counting);
	va_end(counting);

	char *argv[n + 1];

	argv[0] = (char *)arg;
	while (argv[i])
		argv[++i] = va_arg(ap, char *);
	switch (kind) {
	case EXEC_SEARCH:
		return execvp(name, argv);
	case EXEC_ENV:
		return execve(name, argv, va_arg(ap, char *const *));
	default:
		return execv(name, argv);
	}
}

int execl(const char *path, const char *arg, ...)
{
	return VA_CALL(ap, arg, exec_list(EXEC_PATH, path, arg, ap));
}

int execlp(const char *file, const char *arg, ...)
{
	return VA_CALL(ap, arg, exec_list(EXEC_SEARCH, file, arg, ap));
}

int execle(const char *path, const char *arg, ...)
{
	return VA_CALL(ap, arg, exec_list(EXEC_ENV, path, arg, ap));
}
