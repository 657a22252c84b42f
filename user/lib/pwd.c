/*
 * pwd.c - the user database, /etc/passwd (see pwd.h): lookups by name
 * and by uid, and every entry in turn (getpwent), over etc_db.c.
 */
#include <errno.h>
#include <pwd.h>
#include <string.h>
#include "etc_db.h"

#define PASSWD_PATH	"/etc/passwd"
#define PW_FIELDS	7	/* name:passwd:uid:gid:gecos:dir:shell */

static struct __etc_db db = { PASSWD_PATH, NULL };	/* getpwent's */
static struct __etc_buf static_buf;
static struct passwd static_entry;

static int parse(char *buf, size_t size, void *entry)
{
	struct passwd *pw = entry;
	char *f[PW_FIELDS];

	(void)size;
	if (__etc_split(buf, ':', f, PW_FIELDS) < 0 || !__etc_id(f[2], &pw->pw_uid) ||
	    !__etc_id(f[3], &pw->pw_gid))
		return EINVAL;
	pw->pw_name = f[0];
	pw->pw_passwd = f[1];
	pw->pw_gecos = f[4];
	pw->pw_dir = f[5];
	pw->pw_shell = f[6];
	return 0;
}

static bool name_is(const void *entry, const void *name)
{
	return !strcmp(((const struct passwd *)entry)->pw_name, name);
}

static bool uid_is(const void *entry, const void *uid)
{
	return ((const struct passwd *)entry)->pw_uid == *(const uid_t *)uid;
}

static int by_name(const void *name, void *entry, char *buf, size_t size, void **result)
{
	return __etc_find(PASSWD_PATH, parse, name_is, name, entry, buf, size, result);
}

static int by_uid(const void *uid, void *entry, char *buf, size_t size, void **result)
{
	return __etc_find(PASSWD_PATH, parse, uid_is, uid, entry, buf, size, result);
}

static int next(const void *unused, void *entry, char *buf, size_t size, void **result)
{
	(void)unused;
	return __etc_next(&db, parse, entry, buf, size, result);
}

/* An _r call through fn; *result gets the entry or NULL. */
static int reentrant(__etc_call_fn fn, const void *key, struct passwd *pwd, char *buf,
		     size_t buflen, struct passwd **result)
{
	void *found;
	int err = fn(key, pwd, buf, buflen, &found);

	*result = found;
	return err;
}

struct passwd *getpwnam(const char *name)
{
	return __etc_retry(&static_buf, by_name, name, &static_entry);
}

struct passwd *getpwuid(uid_t uid)
{
	return __etc_retry(&static_buf, by_uid, &uid, &static_entry);
}

int getpwnam_r(const char *name, struct passwd *pwd, char *buf, size_t buflen,
	       struct passwd **result)
{
	return reentrant(by_name, name, pwd, buf, buflen, result);
}

int getpwuid_r(uid_t uid, struct passwd *pwd, char *buf, size_t buflen,
	       struct passwd **result)
{
	return reentrant(by_uid, &uid, pwd, buf, buflen, result);
}

void setpwent(void)
{
	__etc_rewind(&db);
}

struct passwd *getpwent(void)
{
	return __etc_retry(&static_buf, next, NULL, &static_entry);
}

int getpwent_r(struct passwd *pwd, char *buf, size_t buflen, struct passwd **result)
{
	return reentrant(next, NULL, pwd, buf, buflen, result);
}

void endpwent(void)
{
	__etc_close(&db);
}
