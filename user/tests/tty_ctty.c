/*
 * tty_ctty - controlling terminals, with Linux's rules (see tty_test.h
 * for the terminal used).  Each check leads a session of its own:
 *  - acquiring: a session leader without one that opens a free terminal
 *    for reading gets it (foreground group its own, TIOCGSID its
 *    session), but not with O_NOCTTY, not opened write-only, and a
 *    process that does not lead its session never does;  /dev/tty opens
 *    it, and fails ENXIO without one;
 *  - TIOCSCTTY: 0 again for the owner; EPERM for a non-leader, and for a
 *    leader when the terminal is another session's, unless it steals
 *    (argument 1, root) - then the old session has lost it;
 *  - tcgetpgrp/tcsetpgrp/TIOCGSID: ENOTTY for a terminal that is not the
 *    caller's controlling terminal; tcsetpgrp EPERM for a group of
 *    another session, ESRCH for none, EINVAL for a negative one;
 *  - setsid drops the controlling terminal;
 *  - TIOCNOTTY: a member gives up only its own; the leader gives it up
 *    for the session, and the foreground group gets SIGHUP and SIGCONT;
 *  - the exit of the session leader sends SIGHUP to the foreground group
 *    and frees the terminal;
 *  - job control: a background process that reads its controlling
 *    terminal is stopped by SIGTTIN (EIO if it ignores it), one that
 *    writes with TOSTOP or changes the modes by SIGTTOU; a process of an
 *    orphaned group is not stopped but fails EIO (ENOTTY for tcsetpgrp);
 *    a process whose controlling terminal it is not is never stopped.
 */
#include "tty_test.h"

#define NO_SUCH_PGRP	30000		/* larger than any pid in use */
#define HUP_WAIT_S	3		/* a hung-up child's longest wait */
#define STEAL		1

/* fd is the caller's controlling terminal, its foreground group pgrp. */
static void expect_ctty(const char *what, int fd, pid_t pgrp)
{
	errno = 0;
	CHECK(tcgetpgrp(fd) == pgrp, "%s: tcgetpgrp is %d, expected %d", what,
	      (int)tcgetpgrp(fd), (int)pgrp);
	CHECK(term_sid(fd) == getsid(0), "%s: TIOCGSID is %d, expected %d",
	      what, (int)term_sid(fd), (int)getsid(0));
}

/* fd's terminal is not the caller's controlling terminal. */
static void expect_not_ctty(const char *what, int fd)
{
	pid_t pgrp = getpgrp();

	errno = 0;
	CHECK(tcgetpgrp(fd) == -1 && errno == ENOTTY,
	      "%s: tcgetpgrp gave %d, expected ENOTTY", what, (int)tcgetpgrp(fd));
	errno = 0;
	CHECK(term_sid(fd) == -1 && errno == ENOTTY,
	      "%s: TIOCGSID gave %d, expected ENOTTY", what, (int)term_sid(fd));
	errno = 0;
	CHECK(tcsetpgrp(fd, pgrp) == -1 && errno == ENOTTY,
	      "%s: tcsetpgrp did not fail ENOTTY", what);
}

static void expect_no_dev_tty(const char *what)
{
	int fd = open("/dev/tty", O_RDWR);

	CHECK(fd == -1 && errno == ENXIO, "%s: /dev/tty gave %d, expected ENXIO",
	      what, fd);
	if (fd >= 0)
		close(fd);
}

static void check_acquire(void)
{
	int fd = term_open(O_RDWR | O_NOCTTY), wfd, tty;
	pid_t child;

	expect_not_ctty("opened with O_NOCTTY", fd);
	expect_no_dev_tty("no controlling terminal");
	child = test_fork();
	if (child == 0) {
		expect_not_ctty("opened by a non-leader", term_open(O_RDWR));
		child_exit();
	}
	CHECK(child_ok(child), "a non-leader's open");
	wfd = term_open(O_WRONLY);
	expect_not_ctty("opened write-only", fd);
	close(wfd);
	close(term_open(O_RDWR));
	expect_ctty("opened by the session leader", fd, getpgrp());
	tty = open("/dev/tty", O_RDWR);
	CHECK(tty >= 0 && isatty(tty), "/dev/tty with a controlling terminal");
	if (tty >= 0)
		expect_ctty("/dev/tty", tty, getpgrp());
	close(tty);
	CHECK_EQ("TIOCSCTTY of its own terminal", ioctl(fd, TIOCSCTTY, 0), 0);
	close(fd);
}

/* In a child of the owner: tcsetpgrp rules, then setsid. */
static void member_checks(int fd, pid_t leader_pgrp)
{
	signal(SIGTTOU, SIG_IGN);	/* as a shell: set it from the background */
	expect_ctty("inherited by fork", fd, leader_pgrp);
	CHECK_ERRNO("TIOCSCTTY by a non-leader", ioctl(fd, TIOCSCTTY, 0), EPERM);
	CHECK_EQ("setpgid", setpgid(0, 0), 0);
	CHECK_EQ("tcsetpgrp to a new group of the session", tcsetpgrp(fd, getpgrp()), 0);
	CHECK_EQ("tcgetpgrp after it", tcgetpgrp(fd), getpgrp());
	CHECK_ERRNO("tcsetpgrp to a negative group", tcsetpgrp(fd, -2), EINVAL);
	CHECK_ERRNO("tcsetpgrp to no group", tcsetpgrp(fd, NO_SUCH_PGRP), ESRCH);
	CHECK_ERRNO("tcsetpgrp to group 0", tcsetpgrp(fd, 0), ESRCH);
	CHECK_ERRNO("tcsetpgrp to init's group (another session)", tcsetpgrp(fd, 1),
		    EPERM);
	CHECK_EQ("tcsetpgrp back to the leader's group", tcsetpgrp(fd, leader_pgrp), 0);
	CHECK_EQ("tcgetpgrp after it", tcgetpgrp(fd), leader_pgrp);
}

/* In a child of the owner: setsid drops the terminal. */
static void new_session_checks(int fd)
{
	CHECK_EQ("setsid", setsid(), getpid());
	expect_not_ctty("after setsid", fd);
	expect_no_dev_tty("after setsid");
	CHECK_ERRNO("TIOCSCTTY of another session's terminal", ioctl(fd, TIOCSCTTY, 0),
		    EPERM);
}

static void check_members(void)
{
	int fd = term_open(O_RDWR);
	pid_t child = test_fork();

	if (child == 0) {
		member_checks(fd, getpgrp());
		child_exit();
	}
	CHECK(child_ok(child), "checks in a member of the session");
	child = test_fork();
	if (child == 0) {
		new_session_checks(fd);
		child_exit();
	}
	CHECK(child_ok(child), "checks in a member that leaves the session");
	expect_ctty("the leader, after its member's setsid", fd, getpgrp());
	close(fd);
}

/* A leader of a new session: the terminal is session `owner`'s. */
static void thief(void)
{
	int fd = term_open(O_RDWR);

	expect_not_ctty("another session's terminal", fd);
	CHECK_ERRNO("TIOCSCTTY 0 of another session's terminal",
		    ioctl(fd, TIOCSCTTY, 0), EPERM);
	CHECK_EQ("TIOCSCTTY 1 by root", ioctl(fd, TIOCSCTTY, STEAL), 0);
	expect_ctty("stolen", fd, getpgrp());
}

static void check_steal(void)
{
	int fd = term_open(O_RDWR);
	pid_t child = test_fork();

	if (child == 0) {
		REQUIRE(setsid() == getpid(), "setsid");
		thief();
		child_exit();
	}
	CHECK(child_ok(child), "stealing the terminal");
	expect_not_ctty("stolen from this session", fd);
	CHECK_EQ("TIOCSCTTY once the thief is gone", ioctl(fd, TIOCSCTTY, 0), 0);
	expect_ctty("taken back", fd, getpgrp());
	close(fd);
}

static int report_fd = -1;
static volatile sig_atomic_t got_hup, got_cont;

static void report_signal(int sig)
{
	char c = sig == SIGHUP ? 'H' : 'C';

	if (sig == SIGHUP)
		got_hup = 1;
	else
		got_cont = 1;
	write(report_fd, &c, 1);
}

/*
 * A child in a group of its own made the terminal's foreground group; it
 * reports SIGHUP and SIGCONT on report[1] (after an 'r' once ready, read
 * here from report[0]) and exits once it has had both, or after
 * HUP_WAIT_S seconds.
 */
static pid_t start_foreground_child(int fd, int report[2])
{
	pid_t child;
	char c;

	child = test_fork();
	if (child == 0) {
		close(report[0]);
		report_fd = report[1];
		signal(SIGHUP, report_signal);
		signal(SIGCONT, report_signal);
		setpgid(0, 0);
		write(report_fd, "r", 1);
		for (int i = 0; i < HUP_WAIT_S && !(got_hup && got_cont); i++)
			sleep(1);
		_exit(0);
	}
	setpgid(child, child);
	REQUIRE(read(report[0], &c, 1) == 1 && c == 'r', "child ready");
	CHECK_EQ("tcsetpgrp to the child", tcsetpgrp(fd, child), 0);
	return child;
}

/* What the child reported: its signals, until it exits. */
static void read_report(int report[2], char *got, size_t size)
{
	size_t n = 0;
	ssize_t r;

	close(report[1]);
	while (n + 1 < size && (r = read(report[0], got + n, size - 1 - n)) != 0)
		if (r > 0)
			n += (size_t)r;
	got[n] = '\0';
	close(report[0]);
}

static void check_notty(void)
{
	int fd = term_open(O_RDWR), report[2];
	char got[8];
	pid_t child = test_fork();

	if (child == 0) {
		CHECK_EQ("TIOCNOTTY by a member", ioctl(fd, TIOCNOTTY), 0);
		expect_not_ctty("after a member's TIOCNOTTY", fd);
		CHECK_ERRNO("TIOCNOTTY again", ioctl(fd, TIOCNOTTY), ENOTTY);
		child_exit();
	}
	CHECK(child_ok(child), "TIOCNOTTY in a member");
	expect_ctty("the leader, after a member's TIOCNOTTY", fd, getpgrp());
	REQUIRE(pipe(report) == 0, "pipe");
	child = start_foreground_child(fd, report);
	CHECK_EQ("TIOCNOTTY by the leader", ioctl(fd, TIOCNOTTY), 0);
	expect_not_ctty("after the leader's TIOCNOTTY", fd);
	wait_status(child);
	read_report(report, got, sizeof(got));
	CHECK(strchr(got, 'H') && strchr(got, 'C'),
	      "foreground group got \"%s\", expected SIGHUP (H) and SIGCONT (C)", got);
	close(term_open(O_RDWR));
	expect_ctty("opened again after TIOCNOTTY", fd, getpgrp());
	close(fd);
}

static int exit_report[2];

/* A leader that gives the foreground to a child, then exits. */
static void leader_exits(void)
{
	int fd = term_open(O_RDWR);

	start_foreground_child(fd, exit_report);
	child_exit();
}

static void acquire_free(void)
{
	expect_ctty("opened after its leader exited", term_open(O_RDWR), getpgrp());
}

static void check_leader_exit(void)
{
	char got[8];

	REQUIRE(pipe(exit_report) == 0, "pipe");
	CHECK(in_session(leader_exits), "leader exiting");
	read_report(exit_report, got, sizeof(got));
	CHECK(strchr(got, 'H'), "foreground group got \"%s\", expected SIGHUP", got);
	CHECK(in_session(acquire_free), "the terminal is free after its leader exited");
}

/* A background child of the owner does op; its wait status. */
static int background_status(void (*op)(int fd), int fd, bool ignore_sig)
{
	pid_t child = test_fork();
	int status;

	if (child == 0) {
		setpgid(0, 0);
		if (ignore_sig)
			signal(SIGTTIN, SIG_IGN);
		op(fd);
		child_exit();
	}
	setpgid(child, child);
	if (waitpid(child, &status, WUNTRACED) != child)
		return -1;
	if (WIFSTOPPED(status)) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
	}
	return status;
}

static void read_op(int fd)
{
	char c;

	CHECK_ERRNO("background read ignoring SIGTTIN", read(fd, &c, 1), EIO);
}

static void write_op(int fd)
{
	CHECK_EQ("write", write(fd, "\n", 1), 1);
}

static void tcsetattr_op(int fd)
{
	struct termios t;

	CHECK_EQ("tcgetattr", tcgetattr(fd, &t), 0);
	CHECK_EQ("tcsetattr", tcsetattr(fd, TCSANOW, &t), 0);
}

static bool stopped_by(int status, int sig)
{
	return status != -1 && WIFSTOPPED(status) && WSTOPSIG(status) == sig;
}

/* Not the controlling terminal: no job-control signal, whatever group. */
static void outsider_ops(int fd)
{
	int nb = open(term_path, O_RDWR | O_NONBLOCK);
	char c;

	expect_not_ctty("outsider", nb);
	CHECK_ERRNO("outsider's read", read(nb, &c, 1), EAGAIN);
	write_op(nb);
	tcsetattr_op(nb);
	close(nb);
	(void)fd;
}

/* In a background group orphaned by its parent's exit: EIO, no stop. */
static void orphan_ops(int fd, pid_t parent, int report)
{
	long deadline = now_ms() + WAIT_MS;
	pid_t self = getpid();
	struct termios t;
	char c;

	write(report, &self, sizeof(self));
	setpgid(0, 0);
	while (getppid() == parent && now_ms() < deadline)
		sleep_ms(POLL_MS);
	CHECK(getppid() != parent, "the parent did not exit");
	CHECK_ERRNO("an orphaned group's read", read(fd, &c, 1), EIO);
	CHECK_EQ("tcgetattr", tcgetattr(fd, &t), 0);
	CHECK_ERRNO("an orphaned group's tcsetattr", tcsetattr(fd, TCSANOW, &t), EIO);
	CHECK_ERRNO("an orphaned group's tcsetpgrp", tcsetpgrp(fd, getpgrp()), ENOTTY);
	write(report, failures ? "f" : "k", 1);
}

static void check_orphaned(int fd)
{
	long deadline = now_ms() + WAIT_MS;
	int report[2];
	pid_t child, orphan;
	char got = 0;

	REQUIRE(pipe(report) == 0, "pipe");
	child = test_fork();
	if (child == 0) {
		pid_t self = getpid();

		close(report[0]);
		if (test_fork() == 0) {
			orphan_ops(fd, self, report[1]);
			_exit(0);
		}
		_exit(0);
	}
	wait_status(child);
	close(report[1]);
	REQUIRE(read(report[0], &orphan, sizeof(orphan)) == sizeof(orphan), "orphan's pid");
	fcntl(report[0], F_SETFL, O_NONBLOCK);
	while (read(report[0], &got, 1) < 0 && errno == EAGAIN && now_ms() < deadline)
		sleep_ms(POLL_MS);
	CHECK(got == 'k', "the orphaned group's checks: %s",
	      got == 'f' ? "failed" : "no report (stopped?)");
	kill(orphan, SIGKILL);
	close(report[0]);
}

static void check_background(void)
{
	int fd = term_open(O_RDWR), status;
	struct termios t, tostop;
	pid_t outsider;

	CHECK(stopped_by(background_status(read_op, fd, false), SIGTTIN),
	      "a background read was not stopped by SIGTTIN");
	status = background_status(read_op, fd, true);
	CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "background read ignoring SIGTTIN: status %#x", status);
	CHECK(stopped_by(background_status(tcsetattr_op, fd, false), SIGTTOU),
	      "a background tcsetattr was not stopped by SIGTTOU");
	status = background_status(write_op, fd, false);
	CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "background write without TOSTOP: status %#x", status);
	check_orphaned(fd);
	REQUIRE(tcgetattr(fd, &t) == 0, "tcgetattr");
	tostop = t;
	tostop.c_lflag |= TOSTOP;
	REQUIRE(tcsetattr(fd, TCSANOW, &tostop) == 0, "tcsetattr TOSTOP");
	CHECK(stopped_by(background_status(write_op, fd, false), SIGTTOU),
	      "a background write with TOSTOP was not stopped by SIGTTOU");
	outsider = test_fork();
	if (outsider == 0) {
		setsid();
		outsider_ops(fd);
		child_exit();
	}
	status = wait_or_kill(outsider);
	CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "another session's process: status %#x", status);
	tcsetattr(fd, TCSANOW, &t);
	close(fd);
}

int main(void)
{
	term_setup();
	CHECK(in_session(check_acquire), "acquiring");
	CHECK(in_session(check_members), "members");
	CHECK(in_session(check_steal), "stealing");
	CHECK(in_session(check_notty), "TIOCNOTTY");
	check_leader_exit();
	CHECK(in_session(check_background), "background");
	return test_done("tty_ctty");
}
