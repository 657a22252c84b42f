/*
 * libc_pwd - the C library's user and group databases and the small
 * calls next to them, checked against the files themselves, so that it
 * passes on Linux too:
 *  - every entry of /etc/passwd (/etc/group) is found by getpwnam and
 *    getpwuid (getgrnam, getgrgid) and their _r forms, with the same
 *    fields (and member list) as the line; getpwent (getgrent) gives the
 *    file's entries in order and setpwent starts again; a name that is
 *    not there gives NULL (0 and a NULL result from the _r forms); a
 *    buffer too small for the entry gives ERANGE;
 *  - root is uid 0 and group 0, nobody and nogroup 65534, tty group 5,
 *    users 100 (and in Relay: alice 1000 and bob 1001, users' members);
 *  - sys/sysmacros.h: makedev, major and minor undo each other, and
 *    /dev/null is 1,3;
 *  - seteuid/setegid change the effective id alone, -1 is EINVAL;
 *    setpgrp makes a group of one's own; getdtablesize is the soft
 *    RLIMIT_NOFILE; features.h gives _POSIX_C_SOURCE.
 */
#include <features.h>
#include <grp.h>
#include <pwd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "test.h"

#define LINE_MAX_	1024
#define MAX_ENTRIES	256
#define MAX_FIELDS	8
#define TINY_BUF	4
#define NO_SUCH_NAME	"no-such-name-xyz"
#define USER_ID		1000
#define USERS_GID	100
#define NOFILE_LIMIT	20

/* The lines of file path that hold n colon-separated fields. */
struct line {
	char text[LINE_MAX_];
	char *field[MAX_FIELDS];
};

static struct line lines[MAX_ENTRIES];

static int split(char *s, char **field, int max)
{
	int n = 0;

	field[n++] = s;
	for (; *s && n <= max; s++)
		if (*s == ':') {
			*s = '\0';
			if (n < max)
				field[n] = s + 1;
			n++;
		}
	return n;
}

static int read_lines(const char *path, int nfields)
{
	FILE *f = fopen(path, "r");
	int n = 0;

	REQUIRE(f, "open %s", path);
	while (n < MAX_ENTRIES && fgets(lines[n].text, sizeof(lines[n].text), f)) {
		lines[n].text[strcspn(lines[n].text, "\n")] = '\0';
		if (lines[n].text[0] && lines[n].text[0] != '#' &&
		    split(lines[n].text, lines[n].field, MAX_FIELDS) == nfields)
			n++;
	}
	fclose(f);
	REQUIRE(n > 0, "no entries in %s", path);
	return n;
}

/* The index of the first line whose field i is s. */
static int first_with(int n, int i, const char *s)
{
	for (int k = 0; k < n; k++)
		if (!strcmp(lines[k].field[i], s))
			return k;
	return -1;
}

static bool same_user(const struct passwd *pw, const struct line *l)
{
	char *const *f = l->field;

	return pw && !strcmp(pw->pw_name, f[0]) && !strcmp(pw->pw_passwd, f[1]) &&
	       pw->pw_uid == strtoul(f[2], NULL, 10) &&
	       pw->pw_gid == strtoul(f[3], NULL, 10) && !strcmp(pw->pw_gecos, f[4]) &&
	       !strcmp(pw->pw_dir, f[5]) && !strcmp(pw->pw_shell, f[6]);
}

static void check_passwd(void)
{
	int n = read_lines("/etc/passwd", 7);
	char buf[NSS_BUFLEN_PASSWD], tiny[TINY_BUF];
	struct passwd pw, *res;

	for (int k = 0; k < n; k++) {
		char **f = lines[k].field;
		int by_uid = first_with(n, 2, f[2]);

		if (first_with(n, 0, f[0]) != k)
			continue;
		CHECK(same_user(getpwnam(f[0]), &lines[k]), "getpwnam(%s)", f[0]);
		CHECK(same_user(getpwuid(strtoul(f[2], NULL, 10)), &lines[by_uid]),
		      "getpwuid(%s)", f[2]);
		CHECK(getpwnam_r(f[0], &pw, buf, sizeof(buf), &res) == 0 && res == &pw &&
		      same_user(res, &lines[k]), "getpwnam_r(%s)", f[0]);
		CHECK(getpwuid_r(strtoul(f[2], NULL, 10), &pw, buf, sizeof(buf), &res) == 0 &&
		      same_user(res, &lines[by_uid]), "getpwuid_r(%s)", f[2]);
	}
	CHECK(getpwnam(NO_SUCH_NAME) == NULL, "getpwnam of a name not there");
	CHECK(getpwnam_r(NO_SUCH_NAME, &pw, buf, sizeof(buf), &res) == 0 && !res,
	      "getpwnam_r of a name not there");
	CHECK(getpwnam_r("root", &pw, tiny, sizeof(tiny), &res) == ERANGE && !res,
	      "getpwnam_r with a %d-byte buffer", TINY_BUF);
	setpwent();
	for (int k = 0; k < n; k++)
		CHECK(same_user(getpwent(), &lines[k]), "getpwent entry %d", k);
	setpwent();
	CHECK(same_user(getpwent(), &lines[0]), "getpwent after setpwent");
	CHECK(getpwent_r(&pw, buf, sizeof(buf), &res) == 0 && same_user(res, &lines[1]),
	      "getpwent_r");
	endpwent();
	CHECK(same_user(getpwent(), &lines[0]), "getpwent after endpwent");
	endpwent();
}

static bool same_group(const struct group *gr, const struct line *l)
{
	char members[LINE_MAX_] = "";
	char *const *f = l->field;

	if (!gr || strcmp(gr->gr_name, f[0]) || strcmp(gr->gr_passwd, f[1]) ||
	    gr->gr_gid != strtoul(f[2], NULL, 10))
		return false;
	for (char **m = gr->gr_mem; *m; m++) {
		if (m != gr->gr_mem)
			strcat(members, ",");
		strcat(members, *m);
	}
	return !strcmp(members, f[3]);
}

static void check_group(void)
{
	int n = read_lines("/etc/group", 4);
	char buf[NSS_BUFLEN_GROUP], tiny[TINY_BUF];
	struct group gr, *res;

	for (int k = 0; k < n; k++) {
		char **f = lines[k].field;
		int by_gid = first_with(n, 2, f[2]);

		if (first_with(n, 0, f[0]) != k)
			continue;
		CHECK(same_group(getgrnam(f[0]), &lines[k]), "getgrnam(%s)", f[0]);
		CHECK(same_group(getgrgid(strtoul(f[2], NULL, 10)), &lines[by_gid]),
		      "getgrgid(%s)", f[2]);
		CHECK(getgrnam_r(f[0], &gr, buf, sizeof(buf), &res) == 0 &&
		      same_group(res, &lines[k]), "getgrnam_r(%s)", f[0]);
		CHECK(getgrgid_r(strtoul(f[2], NULL, 10), &gr, buf, sizeof(buf), &res) == 0 &&
		      same_group(res, &lines[by_gid]), "getgrgid_r(%s)", f[2]);
	}
	CHECK(getgrnam(NO_SUCH_NAME) == NULL, "getgrnam of a name not there");
	CHECK(getgrnam_r(NO_SUCH_NAME, &gr, buf, sizeof(buf), &res) == 0 && !res,
	      "getgrnam_r of a name not there");
	CHECK(getgrnam_r("root", &gr, tiny, sizeof(tiny), &res) == ERANGE && !res,
	      "getgrnam_r with a %d-byte buffer", TINY_BUF);
	setgrent();
	for (int k = 0; k < n; k++)
		CHECK(same_group(getgrent(), &lines[k]), "getgrent entry %d", k);
	setgrent();
	CHECK(same_group(getgrent(), &lines[0]), "getgrent after setgrent");
	endgrent();
}

static void expect_user(const char *name, uid_t uid)
{
	struct passwd *pw = getpwnam(name);

	CHECK(pw && pw->pw_uid == uid, "user %s is not uid %u", name, (unsigned)uid);
}

static void expect_group(const char *name, gid_t gid)
{
	struct group *gr = getgrnam(name);

	CHECK(gr && gr->gr_gid == gid, "group %s is not gid %u", name, (unsigned)gid);
}

static void check_accounts(void)
{
	struct passwd *pw = getpwuid(0);
	struct group *gr = getgrgid(0);

	CHECK(pw && !strcmp(pw->pw_name, "root"), "uid 0 is not root");
	CHECK(gr && !strcmp(gr->gr_name, "root"), "gid 0 is not root");
	expect_user("nobody", 65534);
	expect_group("nogroup", 65534);
	expect_group("tty", 5);
	expect_group("users", USERS_GID);
#ifndef __GLIBC__
	expect_user("alice", 1000);
	expect_user("bob", 1001);
	gr = getgrgid(USERS_GID);
	CHECK(gr && gr->gr_mem[0] && !strcmp(gr->gr_mem[0], "alice") && gr->gr_mem[1] &&
	      !strcmp(gr->gr_mem[1], "bob") && !gr->gr_mem[2], "members of users");
#endif
}

static void check_sysmacros(void)
{
	static const unsigned int nums[][2] = { { 1, 3 }, { 5, 1 }, { 300, 70000 }, { 4095, 255 } };
	struct stat st;

	for (unsigned i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		dev_t d = makedev(nums[i][0], nums[i][1]);

		CHECK(major(d) == nums[i][0] && minor(d) == nums[i][1],
		      "makedev(%u, %u) reads back as %u, %u", nums[i][0], nums[i][1],
		      major(d), minor(d));
	}
	CHECK_EQ("makedev(1, 3)", makedev(1, 3), 0x103);
	REQUIRE(stat("/dev/null", &st) == 0, "stat /dev/null");
	CHECK(major(st.st_rdev) == 1 && minor(st.st_rdev) == 3, "/dev/null is %u,%u",
	      major(st.st_rdev), minor(st.st_rdev));
}

static void ids_child(void *arg)
{
	struct rlimit lim;

	(void)arg;
	CHECK_EQ("seteuid", seteuid(USER_ID), 0);
	CHECK(geteuid() == USER_ID && getuid() == 0, "after seteuid: uid %u euid %u",
	      getuid(), geteuid());
	CHECK_EQ("seteuid back to root", seteuid(0), 0);
	CHECK_EQ("setegid", setegid(USERS_GID), 0);
	CHECK(getegid() == USERS_GID && getgid() == 0, "after setegid: gid %u egid %u",
	      getgid(), getegid());
	CHECK_ERR(seteuid((uid_t)-1), EINVAL);
	CHECK_ERR(setegid((gid_t)-1), EINVAL);
	CHECK_EQ("setpgrp", setpgrp(), 0);
	CHECK_EQ("getpgrp after setpgrp", getpgrp(), getpid());
	REQUIRE(getrlimit(RLIMIT_NOFILE, &lim) == 0, "getrlimit");
	CHECK_EQ("getdtablesize", getdtablesize(), lim.rlim_cur);
	lim.rlim_cur = NOFILE_LIMIT;
	REQUIRE(setrlimit(RLIMIT_NOFILE, &lim) == 0, "setrlimit");
	CHECK_EQ("getdtablesize after setrlimit", getdtablesize(), NOFILE_LIMIT);
}

int main(void)
{
	int status;

#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
	FAIL("features.h did not give _POSIX_C_SOURCE 200809L");
#endif
	check_passwd();
	check_group();
	check_accounts();
	check_sysmacros();
	REQUIRE(geteuid() == 0, "run this as root");
	status = run_child(ids_child, NULL);
	CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "id checks: status %#x", status);
	return test_done("libc_pwd");
}
