/*
 * id.c - print user and group IDs, with their names from /etc/passwd and
 * /etc/group.
 *
 *   id            uid=1000(alice) gid=1000(alice) groups=1000(alice),100(users)
 *                 plus euid=... and egid=... when they differ from the real
 *                 ones (a set-user-ID program, or setreuid)
 *   id USER       the same for USER, from the files alone
 *   id -u | -g    the effective user (group) ID alone; -n: its name
 *
 * "groups" lists the primary group and every group of /etc/group naming
 * the user as a member.  (This kernel keeps no supplementary groups in the
 * process, so for permissions only uid, euid, gid and egid count.)
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NAME_LEN	64	/* bytes kept of the user's name */

static int usage(void)
{
	fprintf(stderr, "usage: id [-u | -g] [-n] [USER]\n");
	return 2;
}

static void print_user(const char *label, uid_t uid)
{
	struct passwd *pw = getpwuid(uid);

	printf("%s=%u", label, (unsigned)uid);
	if (pw)
		printf("(%s)", pw->pw_name);
}

static void print_group(const char *label, gid_t gid)
{
	struct group *gr = getgrgid(gid);

	if (label)
		printf("%s=", label);
	printf("%u", (unsigned)gid);
	if (gr)
		printf("(%s)", gr->gr_name);
}

/* Is name listed as a member of gr? */
static int is_member(const struct group *gr, const char *name)
{
	for (char **m = gr->gr_mem; m && *m; m++)
		if (strcmp(*m, name) == 0)
			return 1;
	return 0;
}

/* groups=GID(NAME),... : gid first, then the groups listing name. */
static void print_groups(gid_t gid, const char *name)
{
	struct group *gr;

	print_group(" groups", gid);
	if (!name)
		return;
	setgrent();
	while ((gr = getgrent()))
		if (gr->gr_gid != gid && is_member(gr, name))
			printf(",%u(%s)", (unsigned)gr->gr_gid, gr->gr_name);
	endgrent();
}

/* -u or -g: one number or (-n) one name. */
static int print_one(int group, int names, uid_t uid, gid_t gid)
{
	if (!names) {
		printf("%u\n", group ? (unsigned)gid : (unsigned)uid);
		return 0;
	}
	if (group) {
		struct group *gr = getgrgid(gid);

		printf("%s\n", gr ? gr->gr_name : "?");
		return gr ? 0 : 1;
	}
	struct passwd *pw = getpwuid(uid);

	printf("%s\n", pw ? pw->pw_name : "?");
	return pw ? 0 : 1;
}

int main(int argc, char **argv)
{
	int user_only = 0, group_only = 0, names = 0, opt;
	uid_t ruid = getuid(), euid = geteuid();
	gid_t rgid = getgid(), egid = getegid();
	struct passwd *pw;
	char name[NAME_LEN];

	while ((opt = getopt(argc, argv, "ugn")) != -1) {
		switch (opt) {
		case 'u': user_only = 1; break;
		case 'g': group_only = 1; break;
		case 'n': names = 1; break;
		default: return usage();
		}
	}
	if (argc - optind > 1 || (user_only && group_only) ||
	    (names && !user_only && !group_only))
		return usage();
	if (optind < argc) {
		pw = getpwnam(argv[optind]);
		if (!pw) {
			fprintf(stderr, "id: '%s': no such user\n", argv[optind]);
			return 1;
		}
		ruid = euid = pw->pw_uid;
		rgid = egid = pw->pw_gid;
	}
	if (user_only || group_only)
		return print_one(group_only, names, euid, egid);

	pw = getpwuid(ruid);
	snprintf(name, sizeof(name), "%s", pw ? pw->pw_name : "");
	print_user("uid", ruid);
	print_group(" gid", rgid);
	if (euid != ruid)
		print_user(" euid", euid);
	if (egid != rgid)
		print_group(" egid", egid);
	print_groups(rgid, name[0] ? name : NULL);
	putchar('\n');
	return 0;
}
