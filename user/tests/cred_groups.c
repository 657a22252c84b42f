/*
 * cred_groups - supplementary groups: getgroups32 (205), setgroups32
 * (206).
 *
 *  - root sets a list; getgroups returns it (size 0: just the count; a
 *    size too small: EINVAL); a child inherits it, and exec keeps it;
 *  - a file whose group is one of the supplementary groups is accessible
 *    through its group bits to a user who is not its owner;
 *  - setgroups by a user other than root is EPERM; a negative size
 *    EINVAL; an empty list clears the groups.
 */
#include <grp.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "test.h"

#define FILE_A	"/tmp/cred_groups"
#define NOBODY	65534
#define GROUP_A	100
#define GROUP_B	4242


static void as_nobody(void *arg)
{
	gid_t one = GROUP_A;
	int fd;

	(void)arg;
	REQUIRE(setgid(NOBODY) == 0 && setuid(NOBODY) == 0, "setuid");
	fd = open(FILE_A, O_RDONLY);
	CHECK(fd >= 0, "read through a supplementary group");
	close(fd);
	CHECK_ERR(open(FILE_A, O_WRONLY), EACCES);
	CHECK_ERR(setgroups(1, &one), EPERM);
}

/* A file of group GROUP_B, mode 0640: made with that effective group. */
static void create_in_group_b(void *arg)
{
	struct stat st;
	int fd;

	(void)arg;
	REQUIRE(setgid(GROUP_B) == 0, "setgid");
	fd = open(FILE_A, O_CREAT | O_WRONLY | O_TRUNC, 0640);
	REQUIRE(fd >= 0, "create");
	REQUIRE(chmod(FILE_A, 0640) == 0, "chmod");
	CHECK(fstat(fd, &st) == 0 && st.st_gid == GROUP_B, "the file's group");
	close(fd);
}

static void inherits(void *arg)
{
	gid_t got[8];

	(void)arg;
	CHECK_EQ("child's groups", getgroups(8, got), 2);
	CHECK(got[0] == GROUP_A && got[1] == GROUP_B, "child's list");
}

int main(void)
{
	gid_t set[2] = { GROUP_A, GROUP_B }, got[8];
	int status;

	if (getuid() != 0) {
		CHECK_ERR(setgroups(2, set), EPERM);
		return test_done("cred_groups");
	}
	CHECK_EQ("setgroups", setgroups(2, set), 0);
	CHECK_EQ("count", getgroups(0, NULL), 2);
	CHECK_EQ("getgroups", getgroups(8, got), 2);
	CHECK(got[0] == GROUP_A && got[1] == GROUP_B, "the list back");
	CHECK_ERR(getgroups(1, got), EINVAL);
	CHECK_ERR(syscall(__NR_getgroups32, -1, got), EINVAL);
	status = run_child(inherits, NULL);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "inherited by fork");

	status = run_child(create_in_group_b, NULL);
	REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) == 0, "create the file");
	status = run_child(as_nobody, NULL);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "as nobody");
	unlink(FILE_A);

	CHECK_ERR(setgroups((size_t)-1, set), EINVAL);
	CHECK_EQ("clear", setgroups(0, NULL), 0);
	CHECK_EQ("none", getgroups(0, NULL), 0);
	return test_done("cred_groups");
}
