/*
 * sig_kill - who may signal whom, and the pid forms of kill().
 *
 * Runs as root.  Checks: kill(pid, 0) tests existence (0 for a live
 * process and for a zombie, ESRCH once it is reaped); a process that
 * dropped to another uid gets EPERM signalling root or a different uid,
 * even with signal 0, and may signal a process whose real or saved uid
 * is its own (not one that only shares the effective uid); root may
 * signal anyone.  SIGCONT is the exception (as on Linux, for job
 * control): any process of the same session may send it.  kill(0, sig)
 * reaches the caller's whole process group (the caller too, before kill
 * returns) and nobody else; kill(-pgid) and killpg() reach that group;
 * an empty group gives ESRCH, a group of another uid EPERM; killpg with
 * a negative group EINVAL; kill(-1, sig) reaches every process the
 * caller may signal except itself.
 *
 * The test uids are picked by pid, away from real users, so they have no
 * other processes: kill(-1) by such a uid is harmless even when the test
 * runs natively on Linux, and two runs at once do not meet.
 */
#include "sig_test.h"

#define UID_BASE	50000		/* test uids: UID_BASE..UID_BASE+2*UID_PAIRS */
#define UID_PAIRS	5000
#define ZOMBIE_WAIT_MS	100		/* time for a child to exit */

static uid_t uid_a;			/* the unprivileged sender */
static uid_t uid_b;			/* someone else */

static volatile sig_atomic_t usr1_hits, usr2_hits;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_hits++;
}

static void on_usr2(int sig)
{
	(void)sig;
	usr2_hits++;
}

/* A child that takes the ids r/e/s (if r is not -1) and the process group
 * pgid (if not -1), tells the parent it is ready, and waits to be
 * signalled (SIGUSR1 and SIGUSR2 kill it). */
static pid_t spawn_target(int r, int e, int s, pid_t pgid)
{
	int fds[2];
	pid_t pid;
	char c = 0;

	if (pipe(fds) < 0) {
		CHECK(0, "pipe");
		exit(1);
	}
	pid = test_fork();
	if (pid == 0) {
		signal(SIGUSR1, SIG_DFL);
		signal(SIGUSR2, SIG_DFL);
		if (pgid != -1 && setpgid(0, pgid) < 0)
			_exit(EXIT_CHILD_FAILED);
		if (r != -1 && setresuid((uid_t)r, (uid_t)e, (uid_t)s) < 0)
			_exit(EXIT_CHILD_FAILED);
		write(fds[1], &c, 1);
		for (;;)
			pause();
	}
	if (pgid != -1)
		setpgid(pid, pgid);	/* as well, so it is done before we go on */
	close(fds[1]);
	CHECK(read(fds[0], &c, 1) == 1, "target %d did not start", pid);
	close(fds[0]);
	return pid;
}

static void check_existence(void)
{
	pid_t pid;

	CHECK(kill(getpid(), 0) == 0, "kill(self, 0)");
	pid = test_fork();
	if (pid == 0)
		_exit(0);
	sleep_ms(ZOMBIE_WAIT_MS);
	CHECK(kill(pid, 0) == 0, "kill(zombie, 0) should succeed");
	CHECK(child_ok(pid), "child");
	errno = 0;
	CHECK(kill(pid, 0) == -1 && errno == ESRCH, "kill(reaped child, 0) should give ESRCH");
	errno = 0;
	CHECK(kill(pid, SIGUSR1) == -1 && errno == ESRCH,
	      "kill(reaped child, SIGUSR1) should give ESRCH");
}

/* In child A (uid uid_a): the permission checks, then kill(-1). */
static _Noreturn void unprivileged(pid_t other, pid_t saved_mine, pid_t euid_mine,
				   pid_t root_group)
{
	pid_t b;

	if (setuid(uid_a) < 0 || setpgid(0, 0) < 0) {
		CHECK(0, "setuid/setpgid");
		child_exit();
	}
	errno = 0;
	CHECK(kill(getppid(), SIGUSR1) == -1 && errno == EPERM, "uid %u signalled root",
	      uid_a);
	errno = 0;
	CHECK(kill(getppid(), 0) == -1 && errno == EPERM, "kill(root, 0) gave no EPERM");
	errno = 0;
	CHECK(kill(other, 0) == -1 && errno == EPERM, "uid %u may signal uid %u", uid_a,
	      uid_b);
	CHECK(kill(saved_mine, 0) == 0, "may not signal a process whose saved uid is ours");
	errno = 0;
	CHECK(kill(euid_mine, 0) == -1 && errno == EPERM,
	      "may signal a process that only has our uid as effective uid");
	errno = 0;
	CHECK(kill(-root_group, 0) == -1 && errno == EPERM,
	      "kill(-pgid) on a group of root processes gave no EPERM");

	/* kill(-1): our second process, not us, not root's. */
	b = spawn_target(-1, -1, -1, -1);
	signal(SIGUSR1, on_usr1);
	usr1_hits = 0;
	CHECK(kill(-1, SIGUSR1) == 0, "kill(-1, SIGUSR1)");
	CHECK(child_killed_by(b, SIGUSR1), "kill(-1) missed a process of our uid");
	CHECK(usr1_hits == 0, "kill(-1) signalled the caller");
	child_exit();
}

static void check_permissions(void)
{
	pid_t other, saved_mine, euid_mine, root_group, a;

	/* Each in a group of its own; root_group holds a root process. */
	root_group = spawn_target(-1, -1, -1, 0);
	other = spawn_target(uid_b, uid_b, uid_b, 0);
	saved_mine = spawn_target(uid_b, uid_b, uid_a, 0);
	euid_mine = spawn_target(uid_b, uid_a, uid_b, 0);
	signal(SIGUSR1, on_usr1);
	usr1_hits = 0;
	a = test_fork();
	if (a == 0)
		unprivileged(other, saved_mine, euid_mine, root_group);
	CHECK(child_ok(a), "checks in the unprivileged child failed");
	CHECK(usr1_hits == 0, "root got %d signals from kill(-1) of uid %u", usr1_hits, uid_a);
	signal(SIGUSR1, SIG_DFL);

	/* Root may signal everyone. */
	CHECK(kill(other, SIGUSR1) == 0 && child_killed_by(other, SIGUSR1),
	      "root could not kill uid %u", uid_b);
	CHECK(kill(saved_mine, SIGUSR1) == 0 && child_killed_by(saved_mine, SIGUSR1),
	      "root could not kill a target");
	CHECK(kill(euid_mine, SIGUSR1) == 0 && child_killed_by(euid_mine, SIGUSR1),
	      "root could not kill a target");
	CHECK(kill(root_group, SIGUSR1) == 0 && child_killed_by(root_group, SIGUSR1),
	      "root could not kill a target");
}

/* SIGCONT across uids within the session: a stopped process of uid_b is
 * continued by one of uid_a, which may send it nothing else. */
static void check_sigcont_session(void)
{
	pid_t target, sender;
	int status;

	target = test_fork();
	if (target == 0) {
		/* A group of its own, with us as the parent outside it: not
		 * orphaned, so no SIGHUP when the sender exits. */
		if (setpgid(0, 0) < 0 || setresuid(uid_b, uid_b, uid_b) < 0)
			_exit(EXIT_CHILD_FAILED);
		raise(SIGSTOP);
		_exit(0);
	}
	CHECK(waitpid(target, &status, WUNTRACED) == target && WIFSTOPPED(status),
	      "target did not stop (status %#x)", status);
	sender = test_fork();
	if (sender == 0) {
		if (setuid(uid_a) < 0)
			_exit(EXIT_CHILD_FAILED);
		errno = 0;
		CHECK(kill(target, SIGTERM) == -1 && errno == EPERM,
		      "uid %u may send SIGTERM to uid %u", uid_a, uid_b);
		CHECK(kill(target, SIGCONT) == 0,
		      "SIGCONT to a process of another uid in the same session");
		child_exit();
	}
	CHECK(child_ok(sender), "SIGCONT checks in the sender failed");
	if (waitpid(target, &status, WCONTINUED | WNOHANG) == 0) {
		kill(target, SIGKILL);
		CHECK(0, "the target was not continued");
	}
	wait_status(target);
}

static void check_groups(void)
{
	pid_t leader, member, k;

	signal(SIGUSR1, on_usr1);
	signal(SIGUSR2, on_usr2);
	usr1_hits = usr2_hits = 0;

	/* kill(-pgid) and killpg from outside the group. */
	leader = spawn_target(-1, -1, -1, 0);
	member = spawn_target(-1, -1, -1, leader);
	CHECK(getpgid(member) == leader, "member is in group %d, not %d", getpgid(member),
	      leader);
	CHECK(kill(-leader, SIGUSR1) == 0, "kill(-pgid)");
	CHECK(child_killed_by(leader, SIGUSR1) && child_killed_by(member, SIGUSR1),
	      "kill(-pgid) missed a group member");
	errno = 0;
	CHECK(kill(-leader, SIGUSR1) == -1 && errno == ESRCH, "empty group: no ESRCH");
	leader = spawn_target(-1, -1, -1, 0);
	CHECK(killpg(leader, SIGUSR2) == 0 && child_killed_by(leader, SIGUSR2), "killpg");
	errno = 0;
	CHECK(killpg(-1, SIGUSR2) == -1 && errno == EINVAL, "killpg(-1) gave no EINVAL");
	CHECK(usr1_hits == 0 && usr2_hits == 0, "signals to another group reached us");

	/* kill(0) from inside a group: every member, the caller first. */
	k = test_fork();
	if (k == 0) {
		pid_t m;

		setpgid(0, 0);
		m = spawn_target(-1, -1, -1, -1);
		usr2_hits = 0;
		CHECK(kill(0, SIGUSR2) == 0, "kill(0)");
		CHECK(usr2_hits == 1, "kill(0) ran our handler %d times before returning",
		      usr2_hits);
		CHECK(child_killed_by(m, SIGUSR2), "kill(0) missed a member of our group");
		child_exit();
	}
	CHECK(child_ok(k), "kill(0) checks in the child failed");
	CHECK(usr2_hits == 0, "kill(0) in another group reached us");
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

int main(void)
{
	if (getuid() != 0) {
		printf("sig_kill: must run as root\n");
		return 1;
	}
	uid_a = UID_BASE + (uid_t)(getpid() % UID_PAIRS) * 2;
	uid_b = uid_a + 1;
	check_existence();
	check_permissions();
	check_sigcont_session();
	check_groups();
	return test_done("sig_kill");
}
