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
static size_t count_args(const char *arg, va_list *ap)
{
	size_t n = 0;

	while (arg) {
		n++;
		arg = va_arg(*ap, const char *);
	}
	return n;
}

/* argv[] = arg and the arguments after it, the NULL included. */
static void fill_args(char **argv, const char *arg, va_list *ap)
{
	size_t i = 0;

	argv[0] = (char *)arg;
	while (argv[i])
		argv[++i] = va_arg(*ap, char *);
}

/*
 * The l variants count their arguments in one pass, then copy them into
 * an array on the stack in a second; execle's environment follows the
 * NULL.
 */
int execl(const char *path, const char *arg, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, arg);
	n = count_args(arg, &ap);
	va_end(ap);

	char *argv[n + 1];

	va_start(ap, arg);
	fill_args(argv, arg, &ap);
	va_end(ap);
	return execv(path, argv);
}

int execlp(const char *file, const char *arg, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, arg);
	n = count_args(arg, &ap);
	va_end(ap);

	char *argv[n + 1];

	va_start(ap, arg);
	fill_args(argv, arg, &ap);
	va_end(ap);
	return execvp(file, argv);
}

int execle(const char *path, const char *arg, ...)
{
	char *const *envp;
	va_list ap;
	size_t n;

	va_start(ap, arg);
	n = count_args(arg, &ap);
	va_end(ap);

	char *argv[n + 1];

	va_start(ap, arg);
	fill_args(argv, arg, &ap);
	envp = va_arg(ap, char *const *);
	va_end(ap);
	return execve(path, argv, envp);
}
