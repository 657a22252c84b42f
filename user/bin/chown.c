/*
 * chown.c - change the owner and group of files.
 *
 *   chown OWNER[:GROUP] FILE...    OWNER and GROUP by name (/etc/passwd,
 *   chown :GROUP FILE...           /etc/group) or number
 *
 * The kernel's rule (kernel/sys_path.c, as on Linux): only root gives a
 * file to another user; the owner may change its group to its own group.
 * A change clears the set-user-ID and set-group-ID bits.
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NO_CHANGE	((unsigned)-1)

static int usage(void)
{
	fprintf(stderr, "usage: chown OWNER[:GROUP] FILE...  or  chown :GROUP FILE...\n");
	return 2;
}

/* A number, or the id of a name through lookup; NO_CHANGE if neither. */
static unsigned parse_id(const char *s, int group)
{
	char *end;
	unsigned long n = strtoul(s, &end, 10);

	if (*s && *end == '\0')
		return (unsigned)n;
	if (group) {
		struct group *gr = getgrnam(s);

		return gr ? (unsigned)gr->gr_gid : NO_CHANGE;
	}
	struct passwd *pw = getpwnam(s);

	return pw ? (unsigned)pw->pw_uid : NO_CHANGE;
}

int main(int argc, char **argv)
{
	unsigned uid = NO_CHANGE, gid = NO_CHANGE;
	char *spec, *colon;
	int status = 0;

	if (argc < 3)
		return usage();
	spec = argv[1];
	colon = strchr(spec, ':');
	if (colon) {
		*colon = '\0';
		if (colon[1] && (gid = parse_id(colon + 1, 1)) == NO_CHANGE) {
			fprintf(stderr, "chown: '%s': no such group\n", colon + 1);
			return 1;
		}
	}
	if (*spec && (uid = parse_id(spec, 0)) == NO_CHANGE) {
		fprintf(stderr, "chown: '%s': no such user\n", spec);
		return 1;
	}
	for (int i = 2; i < argc; i++) {
		if (chown(argv[i], uid, gid) < 0) {
			fprintf(stderr, "chown: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
