/*
 * rlimit_calls - getrlimit, setrlimit and prlimit as Linux checks them:
 * a soft limit above its hard limit is EINVAL, only root raises a hard
 * limit (EPERM), a bad resource is EINVAL, a bad pointer EFAULT; limits
 * are inherited by a forked child; prlimit on another user's process is
 * EPERM and on no process ESRCH.  The EFAULT checks are raw calls: glibc's
 * wrappers copy the structure in user space and fault first.
 */
#include "test.h"
#include <sys/resource.h>
#include <sys/syscall.h>

#define LOW_NOFILE	20
#define NOBODY		65534

static void nonroot_rules(void *unused)
{
	struct rlimit lim;

	(void)unused;
	REQUIRE(getrlimit(RLIMIT_CORE, &lim) == 0, "getrlimit(RLIMIT_CORE)");
	lim.rlim_max = 1 << 20;
	lim.rlim_cur = 0;
	CHECK_EQ("root lowers the core hard limit", setrlimit(RLIMIT_CORE, &lim), 0);
	REQUIRE(setuid(NOBODY) == 0, "setuid(nobody)");
	lim.rlim_cur = lim.rlim_max = 2 << 20;
	CHECK_ERR(setrlimit(RLIMIT_CORE, &lim), EPERM);
	lim.rlim_cur = lim.rlim_max = 1 << 19;
	CHECK_EQ("lowering a hard limit", setrlimit(RLIMIT_CORE, &lim), 0);
	lim.rlim_max = 1 << 20;
	CHECK_ERR(setrlimit(RLIMIT_CORE, &lim), EPERM);
	CHECK_ERR(prlimit(1, RLIMIT_CORE, NULL, &lim), EPERM);
}

int main(void)
{
	struct rlimit lim, old;
	pid_t pid;

	CHECK_EQ("getrlimit(RLIMIT_NOFILE)", getrlimit(RLIMIT_NOFILE, &lim), 0);
	CHECK(lim.rlim_cur > 2 && lim.rlim_cur <= lim.rlim_max,
	      "RLIMIT_NOFILE %lu/%lu", lim.rlim_cur, lim.rlim_max);
	CHECK_EQ("sysconf(_SC_OPEN_MAX) is the soft limit",
		 sysconf(_SC_OPEN_MAX), (long)lim.rlim_cur);
	CHECK_ERR(getrlimit(RLIM_NLIMITS, &lim), EINVAL);
	CHECK_ERR(getrlimit(-1, &lim), EINVAL);
	CHECK_ERR(syscall(__NR_ugetrlimit, RLIMIT_CORE, 8), EFAULT);
	CHECK_ERR(syscall(__NR_setrlimit, RLIMIT_CORE, 8), EFAULT);
	CHECK_ERR(syscall(__NR_prlimit64, 0, RLIMIT_CORE, 8, 0), EFAULT);

	getrlimit(RLIMIT_NOFILE, &old);
	lim.rlim_cur = old.rlim_max;
	lim.rlim_max = old.rlim_max - 1;
	CHECK_ERR(setrlimit(RLIMIT_NOFILE, &lim), EINVAL);
	lim.rlim_cur = LOW_NOFILE;
	lim.rlim_max = old.rlim_max;
	CHECK_EQ("setrlimit(RLIMIT_NOFILE, 20)", setrlimit(RLIMIT_NOFILE, &lim), 0);
	pid = test_fork();
	if (pid == 0) {
		getrlimit(RLIMIT_NOFILE, &lim);
		CHECK_EQ("a child inherits the limit", lim.rlim_cur, LOW_NOFILE);
		child_exit();
	}
	CHECK(child_ok(pid), "the child saw another limit");
	CHECK_EQ("prlimit(0) reads and sets", prlimit(0, RLIMIT_NOFILE, &old, &lim), 0);
	CHECK_EQ("prlimit's old value", lim.rlim_cur, LOW_NOFILE);
	getrlimit(RLIMIT_NOFILE, &lim);
	CHECK_EQ("prlimit restored the limit", lim.rlim_cur, old.rlim_cur);
	CHECK_ERR(prlimit(999999, RLIMIT_NOFILE, NULL, &lim), ESRCH);
	CHECK_EQ("root prlimit on init", prlimit(1, RLIMIT_NOFILE, NULL, &lim), 0);
	CHECK(run_child(nonroot_rules, NULL) == 0, "the non-root checks failed");
	return test_done("rlimit_calls");
}
