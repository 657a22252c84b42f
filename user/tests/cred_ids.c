/*
 * cred_ids - the real, effective and saved user and group ids, and the
 * calls that change them (setuid, setreuid, setresuid and the gid ones),
 * with the rules of setresuid(2): root may set anything; anyone else may
 * set each id only to one of its current real, effective or saved ids.
 * setreuid also sets the saved id when the real id is set, or the
 * effective id is set to something other than the old real id.
 */
#include "test.h"

#define EXPECT_IDS(what, get, r, e, s) do {					\
	uid_t r_, e_, s_;						\
	CHECK(get(&r_, &e_, &s_) == 0 && r_ == (r) && e_ == (e) && s_ == (s),	\
	      "%s: ids %u %u %u, expected %u %u %u", what, r_, e_, s_,		\
	      (unsigned)(r), (unsigned)(e), (unsigned)(s));			\
} while (0)

static void uid_rules(void *unused)
{
	(void)unused;
	CHECK_EQ("root setreuid(1000, 2000)", setreuid(1000, 2000), 0);
	EXPECT_IDS("after setreuid(1000, 2000)", getresuid, 1000, 2000, 2000);
	CHECK_ERRNO("setreuid to a stranger's real id", setreuid(3000, -1), EPERM);
	CHECK_EQ("setreuid(-1, 1000): back to the real id", setreuid(-1, 1000), 0);
	EXPECT_IDS("after setreuid(-1, 1000)", getresuid, 1000, 1000, 2000);
	CHECK_EQ("setresuid to the saved id", setresuid(-1, 2000, -1), 0);
	EXPECT_IDS("after setresuid(-1, 2000, -1)", getresuid, 1000, 2000, 2000);
	CHECK_ERRNO("setresuid to a stranger", setresuid(-1, 4000, -1), EPERM);
	CHECK_EQ("setuid(1000) as non-root", setuid(1000), 0);
	EXPECT_IDS("after setuid(1000)", getresuid, 1000, 1000, 2000);
	CHECK_ERRNO("setuid(0) as non-root", setuid(0), EPERM);
}

static void gid_rules(void *unused)
{
	(void)unused;
	CHECK_EQ("root setregid(100, 200)", setregid(100, 200), 0);
	EXPECT_IDS("after setregid(100, 200)", getresgid, 100, 200, 200);
	CHECK_EQ("drop root", setuid(1000), 0);
	CHECK_ERRNO("setregid to a stranger's real id", setregid(300, -1), EPERM);
	CHECK_EQ("setregid(-1, 100)", setregid(-1, 100), 0);
	EXPECT_IDS("after setregid(-1, 100)", getresgid, 100, 100, 200);
	CHECK_EQ("setgid to the saved id", setgid(200), 0);
	EXPECT_IDS("after setgid(200)", getresgid, 100, 200, 200);
}

int main(void)
{
	int st;

	REQUIRE(geteuid() == 0, "must start as root");
	st = run_child(uid_rules, NULL);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "uid child: status %#x", st);
	st = run_child(gid_rules, NULL);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "gid child: status %#x", st);
	return test_done("cred_ids");
}
