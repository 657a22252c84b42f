/*
 * etc_db.h - private: what the user and group databases (pwd.c, grp.c)
 * share - reading /etc/passwd and /etc/group a line at a time into the
 * caller's buffer, and the static buffer of the plain calls.
 */
#ifndef _LIBC_ETC_DB_H
#define _LIBC_ETC_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A database file and the position of its *ent calls (f: NULL = closed). */
struct __etc_db {
	const char *path;
	FILE *f;
};

/* Make an entry of the line at the start of buf (size bytes, the rest
 * free for the entry's own use): 0, EINVAL if the line is malformed (it
 * is skipped), ERANGE if buf is too small. */
typedef int (*__etc_parse_fn)(char *buf, size_t size, void *entry);
typedef bool (*__etc_match_fn)(const void *entry, const void *key);

/* An _r call: fills entry and buf, sets *result; 0 or an errno value. */
typedef int (*__etc_call_fn)(const void *key, void *entry, char *buf, size_t size,
			     void **result);

/* The plain calls' buffer, which grows as needed. */
struct __etc_buf {
	char *buf;
	size_t size;
};

int __etc_next(struct __etc_db *db, __etc_parse_fn parse, void *entry, char *buf,
	       size_t size, void **result);
int __etc_find(const char *path, __etc_parse_fn parse, __etc_match_fn match,
	       const void *key, void *entry, char *buf, size_t size, void **result);
void __etc_rewind(struct __etc_db *db);
void __etc_close(struct __etc_db *db);
void *__etc_retry(struct __etc_buf *b, __etc_call_fn call, const void *key, void *entry);
int __etc_split(char *line, char sep, char **field, int n);
bool __etc_id(const char *s, unsigned int *id);

#endif
