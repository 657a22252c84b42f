/*
 * pwd.h - the user database, /etc/passwd: one user a line,
 *	name:password:uid:gid:gecos:home:shell
 * (user/lib/pwd.c).  As in glibc: the plain calls return a static entry,
 * overwritten by the next call, and NULL when there is none (errno set
 * only on an error); the _r calls fill the caller's entry and buffer,
 * return 0 or an errno value (ERANGE: buf is too small), and set
 * *result to the entry or NULL.
 */
#ifndef _PWD_H
#define _PWD_H

#include <features.h>
#include <stddef.h>
#include <sys/types.h>

#define NSS_BUFLEN_PASSWD	1024	/* a buffer for the _r calls */

struct passwd {
	char *pw_name;
	char *pw_passwd;
	uid_t pw_uid;
	gid_t pw_gid;
	char *pw_gecos;		/* the user's real name */
	char *pw_dir;		/* home directory */
	char *pw_shell;
};

struct passwd *getpwnam(const char *name);
struct passwd *getpwuid(uid_t uid);
int getpwnam_r(const char *name, struct passwd *pwd, char *buf, size_t buflen,
	       struct passwd **result);
int getpwuid_r(uid_t uid, struct passwd *pwd, char *buf, size_t buflen,
	       struct passwd **result);

/* Every entry in turn: getpwent gives the next (NULL at the end),
 * setpwent starts again, endpwent closes the file. */
void setpwent(void);
struct passwd *getpwent(void);
int getpwent_r(struct passwd *pwd, char *buf, size_t buflen, struct passwd **result);
void endpwent(void);

#endif
