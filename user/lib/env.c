/*
 * env.c - the environment: environ, getenv, setenv, unsetenv, putenv.
 *
 * environ starts as the envp array the kernel put on the stack.  The
 * first change that adds an entry copies the array to the heap (own_env,
 * with room for env_cap pointers); from then on environ == own_env.
 * Strings built by setenv() are recorded in owned[] so they can be freed
 * when replaced or removed; all other strings (the kernel's, putenv's)
 * belong to someone else and are only dropped from the array.  A program
 * may also set environ itself (even to NULL).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define ENV_MIN_CAP	16

static char *empty_env[] = { NULL };
char **environ = empty_env;

static char **own_env;
static size_t env_cap;		/* pointers own_env has room for */
static char **owned;
static size_t n_owned, owned_cap;

static bool valid_name(const char *name)
{
	return name && *name && !strchr(name, '=');
}

/* Index of the entry "name=...", or -1. */
static int find(const char *name, size_t len)
{
	int i;

	for (i = 0; environ && environ[i]; i++)
		if (strncmp(environ[i], name, len) == 0 &&
		    environ[i][len] == '=')
			return i;
	return -1;
}

static size_t env_count(void)
{
	size_t n = 0;

	while (environ && environ[n])
		n++;
	return n;
}

/* Free s if setenv() allocated it. */
static void release(char *s)
{
	size_t i;

	for (i = 0; i < n_owned; i++) {
		if (owned[i] == s) {
			owned[i] = owned[--n_owned];
			free(s);
			return;
		}
	}
}

static int remember(char *s)
{
	char **grown;
	size_t cap;

	if (n_owned == owned_cap) {
		cap = owned_cap ? 2 * owned_cap : ENV_MIN_CAP;
		grown = reallocarray(owned, cap, sizeof(*owned));
		if (!grown)
			return -1;
		owned = grown;
		owned_cap = cap;
	}
	owned[n_owned++] = s;
	return 0;
}

/* Append s, moving environ to the heap or growing it as needed. */
static int append(char *s)
{
	size_t n = env_count(), cap;
	char **grown;

	if (environ != own_env || n + 2 > env_cap) {
		cap = 2 * (n + 1) < ENV_MIN_CAP ? ENV_MIN_CAP : 2 * (n + 1);
		grown = malloc(cap * sizeof(*grown));
		if (!grown)
			return -1;
		memcpy(grown, environ, n * sizeof(*grown));
		free(own_env);
		environ = own_env = grown;
		env_cap = cap;
	}
	environ[n] = s;
	environ[n + 1] = NULL;
	return 0;
}

/* Put "name=..." string s in place of the old entry or at the end. */
static int put(char *s, size_t name_len)
{
	int i = find(s, name_len);
	char *old;

	if (i < 0)
		return append(s);
	old = environ[i];
	environ[i] = s;
	release(old);
	return 0;
}

char *getenv(const char *name)
{
	size_t len = strlen(name);
	int i = find(name, len);

	return i < 0 ? NULL : environ[i] + len + 1;
}

int setenv(const char *name, const char *value, int overwrite)
{
	size_t nlen, vlen;
	char *s;

	if (!valid_name(name)) {
		errno = EINVAL;
		return -1;
	}
	nlen = strlen(name);
	if (find(name, nlen) >= 0 && !overwrite)
		return 0;
	vlen = strlen(value);
	s = malloc(nlen + vlen + 2);
	if (!s)
		return -1;
	memcpy(s, name, nlen);
	s[nlen] = '=';
	memcpy(s + nlen + 1, value, vlen + 1);
	if (remember(s) < 0) {
		free(s);
		return -1;
	}
	if (put(s, nlen) < 0) {
		release(s);
		return -1;
	}
	return 0;
}

/* string ("name=value") itself becomes part of the environment. */
int putenv(char *string)
{
	char *eq = strchr(string, '=');

	if (!eq || eq == string) {
		errno = EINVAL;
		return -1;
	}
	return put(string, eq - string);
}

int unsetenv(const char *name)
{
	size_t len;
	int i, j;

	if (!valid_name(name)) {
		errno = EINVAL;
		return -1;
	}
	len = strlen(name);
	while ((i = find(name, len)) >= 0) {
		release(environ[i]);
		for (j = i; environ[j]; j++)
			environ[j] = environ[j + 1];
	}
	return 0;
}
