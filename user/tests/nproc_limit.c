/*
 * nproc_limit - RLIMIT_NPROC and the root-only process slots.
 *
 * 1. A process of user nobody with RLIMIT_NPROC = LIMIT forks sleepers
 *    until fork fails: it fails with EAGAIN once nobody has LIMIT
 *    processes (itself included), as Linux counts them, by real uid.
 *    Meanwhile root can still fork: root is not limited by nobody's count.
 * 2. (This kernel only: Linux has no such reserve.)  With RLIMIT_NPROC
 *    unlimited, a fork bomb of nobody stops with EAGAIN while process slots
 *    are still free, and root can still fork.
 * In both, every child is then released, reaped by its parent, and nothing
 * leaks.
 */
#include "test.h"
#include <sys/resource.h>

#define NOBODY		65534
#define LIMIT		20
#define MAX_KIDS	4096		/* above any process table */

static pid_t kids[MAX_KIDS];

struct bomb_report {
	int forked;
	int err;
};

/* As nobody with RLIMIT_NPROC = limit: fork children that block until
 * `hold` closes, report how many and why the last fork failed, then
 * wait for the release and reap them.  Exits 0 if all went well. */
static _Noreturn void bomb(rlim_t limit, int hold_rd, int hold_wr, int report_wr)
{
	struct rlimit lim = { limit, limit };
	struct bomb_report r = { 0, 0 };
	char b;

	close(hold_wr);
	REQUIRE(setrlimit(RLIMIT_NPROC, &lim) == 0, "setrlimit(RLIMIT_NPROC)");
	REQUIRE(setuid(NOBODY) == 0, "setuid(nobody)");
	while (r.forked < MAX_KIDS) {
		pid_t pid = fork();

		if (pid < 0) {
			r.err = errno;
			break;
		}
		if (pid == 0) {
			close(report_wr);
			_exit(read(hold_rd, &b, 1) == 0 ? 0 : EXIT_CHILD_FAILED);
		}
		kids[r.forked++] = pid;
	}
	REQUIRE(write(report_wr, &r, sizeof(r)) == sizeof(r), "report");
	for (int i = 0; i < r.forked; i++)
		CHECK(wait_status(kids[i]) == 0, "bomb child %d", i);
	child_exit();
}

/* Start a bomb; returns its pid and fills *r once it stopped forking.
 * *hold_wr is the end to close to release its children. */
static pid_t start_bomb(rlim_t limit, struct bomb_report *r, int *hold_wr)
{
	int hold[2], report[2];
	pid_t pid;

	REQUIRE(pipe(hold) == 0 && pipe(report) == 0, "pipe");
	pid = test_fork();
	if (pid == 0) {
		close(report[0]);
		bomb(limit, hold[0], hold[1], report[1]);
	}
	close(hold[0]);
	close(report[1]);
	REQUIRE(read(report[0], r, sizeof(*r)) == sizeof(*r), "bomb report");
	close(report[0]);
	*hold_wr = hold[1];
	return pid;
}

static bool root_can_fork(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	return pid > 0 && wait_status(pid) == 0;
}

static void limited_user(void)
{
	struct bomb_report r;
	int hold;
	pid_t pid = start_bomb(LIMIT, &r, &hold);

	CHECK_EQ("errno of nobody's failing fork", r.err, EAGAIN);
	CHECK_EQ("children nobody forked under RLIMIT_NPROC", r.forked, LIMIT - 1);
	CHECK(root_can_fork(), "root forks while nobody is at its limit");
	close(hold);
	CHECK(child_ok(pid), "nobody reaped its children");
}

static void root_reserve(void)
{
	struct kstat_info k;
	struct bomb_report r;
	int hold;
	pid_t pid = start_bomb(RLIM_INFINITY, &r, &hold);

	CHECK_EQ("errno of the unlimited bomb's failing fork", r.err, EAGAIN);
	REQUIRE(kstat(KSTAT_INFO, &k, sizeof(k)) == 0, "kstat");
	CHECK(k.nprocs < k.max_procs, "the bomb took every slot (%lu)", k.nprocs);
	CHECK(root_can_fork(), "root forks after nobody's fork bomb");
	close(hold);
	CHECK(child_ok(pid), "nobody reaped its children");
}

int main(void)
{
	struct leak_mark before;
	bool relay;

	fflush(stdout);
	CHECK(root_can_fork(), "warm-up fork");
	REQUIRE(getuid() == 0, "the test runs as root");
	relay = mark_leaks(&before);
	limited_user();
	if (relay)
		root_reserve();
	CHECK_LEAKS("after every child was reaped", &before);
	return test_done("nproc_limit");
}
