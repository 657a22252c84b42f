/*
 * pid_reuse - a pid is not given to a new process while a process group
 * or session with that id still has a member (Linux keeps such a pid
 * reserved as well).
 *
 * A leader G makes its own group, forks a member into it and exits; the
 * test reaps G, so the pid G names only a living group.  Likewise a
 * leader S makes a session with one more member and exits.  Then the test
 * forks and reaps short-lived children until the pid counter has come
 * round past G and S again (on Linux it first sets ns_last_pid, if it
 * may, to just below G, which saves going round its much larger pid
 * space).  No child may get pid G or S.  Finally the members are released
 * (init reaps them) and nothing leaks.
 */
#include "test.h"

#define CYCLE_MAX	(1 << 23)	/* forks before giving up */
#define NS_LAST_PID	"/proc/sys/kernel/ns_last_pid"

/* Fork a leader that makes a new group (or session, if session) and a
 * member of it that blocks until `hold` closes; the leader exits and is
 * reaped.  Returns the leader's pid, *member the member's. */
static pid_t orphan_group(bool session, int hold_rd, int hold_wr, pid_t *member)
{
	int report[2];
	pid_t leader, m = -1;
	char b;

	REQUIRE(pipe(report) == 0, "pipe");
	leader = test_fork();
	if (leader == 0) {
		REQUIRE(session ? setsid() == getpid() : setpgid(0, 0) == 0,
			"a group of its own");
		m = test_fork();
		if (m == 0) {
			close(hold_wr);
			close(report[1]);
			_exit(read(hold_rd, &b, 1) == 0 ? 0 : EXIT_CHILD_FAILED);
		}
		REQUIRE(write(report[1], &m, sizeof(m)) == sizeof(m), "report");
		_exit(0);
	}
	close(report[1]);
	REQUIRE(read(report[0], &m, sizeof(m)) == sizeof(m), "member pid");
	close(report[0]);
	CHECK(child_ok(leader), "the group leader exited");
	CHECK_EQ("the member's group", getpgid(m), leader);
	*member = m;
	return leader;
}

/* On Linux: make the next pid `pid` if this process may. */
static bool set_next_pid(pid_t pid)
{
	FILE *f = fopen(NS_LAST_PID, "w");
	bool ok;

	if (!f)
		return false;
	ok = fprintf(f, "%d", pid - 1) > 0;
	return fclose(f) == 0 && ok;
}

/* Did the counter pass `leader` going from prev to pid (perhaps wrapping
 * round)? */
static bool passed(pid_t prev, pid_t pid, pid_t leader)
{
	if (prev < pid)
		return prev < leader && leader <= pid;
	return leader > prev || leader <= pid;
}

/* Fork and reap until the pid counter passes group (the lower) and
 * session, starting from `last` (the newest pid); no child may get
 * either. */
static void cycle_past(pid_t group, pid_t session, pid_t last)
{
	pid_t prev = set_next_pid(group) ? group - 1 : last;
	long n;

	for (n = 0; n < CYCLE_MAX; n++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		REQUIRE(pid > 0, "fork while cycling pids");
		REQUIRE(wait_status(pid) == 0, "reap a pid-cycling child");
		if (pid == group || pid == session) {
			FAIL("a new process got pid %d of a living %s", pid,
			     pid == group ? "group" : "session");
			break;
		}
		if (passed(prev, pid, session))
			break;
		prev = pid;
	}
	CHECK(n < CYCLE_MAX, "the pid counter never came round");
}

/* Wait for process pid, not a child of ours, to be gone. */
static void wait_gone(pid_t pid)
{
	for (long t = 0; t < WAIT_MS && kill(pid, 0) == 0; t += POLL_MS)
		sleep_ms(POLL_MS);
	CHECK_ERR(kill(pid, 0), ESRCH);
}

int main(void)
{
	struct leak_mark before;
	int hold[2];
	pid_t group, session, gmember, smember;

	fflush(stdout);
	mark_leaks(&before);
	REQUIRE(pipe(hold) == 0, "pipe");
	group = orphan_group(false, hold[0], hold[1], &gmember);
	session = orphan_group(true, hold[0], hold[1], &smember);
	close(hold[0]);
	cycle_past(group, session, smember);
	CHECK_EQ("the member's group", getpgid(gmember), group);
	CHECK_EQ("the member's session", getsid(smember), session);
	close(hold[1]);
	wait_gone(gmember);
	wait_gone(smember);
	CHECK_LEAKS("after every child was reaped", &before);
	return test_done("pid_reuse");
}
