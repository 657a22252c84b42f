/*
 * grp.h - the group database, /etc/group: one group a line,
 *	name:password:gid:member,member,...
 * (user/lib/grp.c).  The calls behave as pwd.h's; gr_mem is a
 * NULL-terminated list of the members' names.
 */
#ifndef _GRP_H
#define _GRP_H

#include <features.h>
#include <stddef.h>
#include <sys/types.h>

#define NSS_BUFLEN_GROUP	1024	/* a buffer for the _r calls */

struct group {
	char *gr_name;
	char *gr_passwd;
	gid_t gr_gid;
	char **gr_mem;
};

struct group *getgrnam(const char *name);
struct group *getgrgid(gid_t gid);
int getgrnam_r(const char *name, struct group *grp, char *buf, size_t buflen,
	       struct group **result);
int getgrgid_r(gid_t gid, struct group *grp, char *buf, size_t buflen,
	       struct group **result);

void setgrent(void);
struct group *getgrent(void);
int getgrent_r(struct group *grp, char *buf, size_t buflen, struct group **result);
void endgrent(void);
int setgroups(size_t size, const gid_t *list);

#endif
