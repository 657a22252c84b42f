/*
 * grp.c - the group database, /etc/group (see grp.h): lookups by name
 * and by gid, and every entry in turn (getgrent), over etc_db.c.  The
 * member list gr_mem lives in the caller's buffer after the line.
 */
#include <errno.h>
#include <grp.h>
#include <stdint.h>
#include <string.h>
#include "etc_db.h"

#define GROUP_PATH	"/etc/group"
#define GR_FIELDS	4	/* name:passwd:gid:member,member,... */

static struct __etc_db db = { GROUP_PATH, NULL };	/* getgrent's */
static struct __etc_buf static_buf;
static struct group static_entry;

/* Make gr->gr_mem of the comma-separated names in list, in the space
 * of buf after the line; ERANGE if it does not fit. */
static int make_members(struct group *gr, char *list, char *buf, size_t size)
{
	uintptr_t free_start = (uintptr_t)(list + strlen(list) + 1);
	uintptr_t at = (free_start + sizeof(char *) - 1) & ~(uintptr_t)(sizeof(char *) - 1);
	size_t slots = 1, n = 0;
	char *name;

	for (char *p = list; *p; p++)
		slots += *p == ',';
	slots += *list != '\0';
	if (at + slots * sizeof(char *) > (uintptr_t)(buf + size))
		return ERANGE;
	gr->gr_mem = (char **)at;
	for (name = list; *list; name = list) {
		list += strcspn(list, ",");
		if (*list)
			*list++ = '\0';
		if (*name)
			gr->gr_mem[n++] = name;
	}
	gr->gr_mem[n] = NULL;
	return 0;
}

static int parse(char *buf, size_t size, void *entry)
{
	struct group *gr = entry;
	char *f[GR_FIELDS];

	if (__etc_split(buf, ':', f, GR_FIELDS) < 0 || !__etc_id(f[2], &gr->gr_gid))
		return EINVAL;
	gr->gr_name = f[0];
	gr->gr_passwd = f[1];
	return make_members(gr, f[3], buf, size);
}

static bool name_is(const void *entry, const void *name)
{
	return !strcmp(((const struct group *)entry)->gr_name, name);
}

static bool gid_is(const void *entry, const void *gid)
{
	return ((const struct group *)entry)->gr_gid == *(const gid_t *)gid;
}

static int by_name(const void *name, void *entry, char *buf, size_t size, void **result)
{
	return __etc_find(GROUP_PATH, parse, name_is, name, entry, buf, size, result);
}

static int by_gid(const void *gid, void *entry, char *buf, size_t size, void **result)
{
	return __etc_find(GROUP_PATH, parse, gid_is, gid, entry, buf, size, result);
}

static int next(const void *unused, void *entry, char *buf, size_t size, void **result)
{
	(void)unused;
	return __etc_next(&db, parse, entry, buf, size, result);
}

static int reentrant(__etc_call_fn fn, const void *key, struct group *grp, char *buf,
		     size_t buflen, struct group **result)
{
	void *found;
	int err = fn(key, grp, buf, buflen, &found);

	*result = found;
	return err;
}

struct group *getgrnam(const char *name)
{
	return __etc_retry(&static_buf, by_name, name, &static_entry);
}

struct group *getgrgid(gid_t gid)
{
	return __etc_retry(&static_buf, by_gid, &gid, &static_entry);
}

int getgrnam_r(const char *name, struct group *grp, char *buf, size_t buflen,
	       struct group **result)
{
	return reentrant(by_name, name, grp, buf, buflen, result);
}

int getgrgid_r(gid_t gid, struct group *grp, char *buf, size_t buflen,
	       struct group **result)
{
	return reentrant(by_gid, &gid, grp, buf, buflen, result);
}

void setgrent(void)
{
	__etc_rewind(&db);
}

struct group *getgrent(void)
{
	return __etc_retry(&static_buf, next, NULL, &static_entry);
}

int getgrent_r(struct group *grp, char *buf, size_t buflen, struct group **result)
{
	return reentrant(next, NULL, grp, buf, buflen, result);
}

void endgrent(void)
{
	__etc_close(&db);
}
