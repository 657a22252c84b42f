/*
 * etc_db.c - reading the colon-separated databases of /etc (passwd,
 * group) for pwd.c and grp.c.
 *
 * An entry is one line; empty lines and comments (#) are skipped, and
 * so are malformed lines.  The line is read into the caller's buffer and
 * cut there into fields, so an entry's strings point into that buffer;
 * a line that does not fit gives ERANGE, and the *ent position stays at
 * that line, so that a retry with a larger buffer reads it again.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "etc_db.h"

#define ETC_BUF_START	1024	/* the plain calls' first buffer */
#define ID_MAX		0xffffffffu

/* The next line of f that may hold an entry, without its newline, into
 * buf: 0, ENOENT at the end, ERANGE if it is longer than buf. */
static int read_line(FILE *f, char *buf, size_t size)
{
	size_t len;

	for (;;) {
		if (size < 2 || size > INT_MAX)
			return ERANGE;
		if (!fgets(buf, (int)size, f))
			return ENOENT;
		len = strlen(buf);
		if (len && buf[len - 1] == '\n')
			buf[--len] = '\0';
		else if (!feof(f))
			return ERANGE;
		if (buf[0] && buf[0] != '#')
			return 0;
	}
}

int __etc_next(struct __etc_db *db, __etc_parse_fn parse, void *entry, char *buf,
	       size_t size, void **result)
{
	*result = NULL;
	if (!db->f && !(db->f = fopen(db->path, "r")))
		return errno;
	for (;;) {
		long start = ftell(db->f);
		int err = read_line(db->f, buf, size);

		if (err == 0)
			err = parse(buf, size, entry);
		if (err == ERANGE)
			fseek(db->f, start, SEEK_SET);
		if (err == 0)
			*result = entry;
		if (err != EINVAL)
			return err;
	}
}

/* The first entry that matches key; 0 with *result NULL if none does
 * (or if there is no such file). */
int __etc_find(const char *path, __etc_parse_fn parse, __etc_match_fn match,
	       const void *key, void *entry, char *buf, size_t size, void **result)
{
	struct __etc_db db = { path, NULL };
	int err;

	while ((err = __etc_next(&db, parse, entry, buf, size, result)) == 0 &&
	       !match(entry, key))
		;
	__etc_close(&db);
	if (err)
		*result = NULL;
	return err == ENOENT ? 0 : err;
}

void __etc_rewind(struct __etc_db *db)
{
	if (db->f)
		rewind(db->f);
}

void __etc_close(struct __etc_db *db)
{
	if (db->f)
		fclose(db->f);
	db->f = NULL;
}

/* A plain call: call with b's buffer, doubled while it is too small.
 * The entry, or NULL (errno set if that was an error, not the end). */
void *__etc_retry(struct __etc_buf *b, __etc_call_fn call, const void *key, void *entry)
{
	void *result = NULL;
	int err;

	if (!b->buf && !(b->buf = malloc(b->size = ETC_BUF_START))) {
		errno = ENOMEM;
		return NULL;
	}
	while ((err = call(key, entry, b->buf, b->size, &result)) == ERANGE) {
		char *grown = realloc(b->buf, b->size * 2);

		if (!grown) {
			errno = ENOMEM;
			return NULL;
		}
		b->buf = grown;
		b->size *= 2;
	}
	if (err && err != ENOENT)
		errno = err;
	return err ? NULL : result;
}

/* Cut line into exactly n fields at sep; -1 if it has more or fewer. */
int __etc_split(char *line, char sep, char **field, int n)
{
	int i = 0;

	field[i++] = line;
	for (char *p = line; *p; p++) {
		if (*p != sep)
			continue;
		if (i == n)
			return -1;
		*p = '\0';
		field[i++] = p + 1;
	}
	return i == n ? 0 : -1;
}

/* A decimal user or group id. */
bool __etc_id(const char *s, unsigned int *id)
{
	unsigned long long v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (unsigned)(*s - '0');
		if (v > ID_MAX)
			return false;
	}
	*id = (unsigned int)v;
	return true;
}
