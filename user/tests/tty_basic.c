/*
 * tty_basic - the terminal as seen through descriptors and ioctls.
 * Run it with its standard descriptors on the terminal (as tools/qemu-run
 * does; on Linux under script(1)).  Without a controlling terminal (under
 * tools/qemu-run, whose commands init starts without one) it makes that
 * terminal its controlling terminal first, in a session of its own.
 *
 *  - isatty is true for descriptors 0, 1 and 2 and for /dev/tty, false
 *    (errno ENOTTY) for a pipe, a file and /dev/null; TCGETS on those
 *    fails ENOTTY, on a bad descriptor EBADF;
 *  - TCGETS/TCSETS round trip: changed flags and control characters
 *    read back as set, through the ioctls and through tcgetattr and
 *    tcsetattr; the original settings are put back and read back;
 *  - TIOCGPGRP/TIOCSPGRP: after setting the foreground group to this
 *    process's group, reading it back gives that group; a negative group
 *    fails EINVAL, a group that does not exist (or 0) ESRCH, a group of
 *    another session EPERM (a child that called setsid).  The old foreground
 *    group is put back at the end (or, if there was none, the parent's,
 *    so that the shell keeps reading the terminal).
 */
#include <sys/ioctl.h>
#include <termios.h>
#include "test.h"

#define FILE_PATH	"/tmp/tty_basic.file"
#define NO_SUCH_PGRP	30000	/* larger than any pid in use */
#define BAD_FD		(-1)
#define NEW_ERASE	0x08	/* ^H */
#define SETSID_WAIT_MS	200

static void expect_not_tty(const char *what, int fd)
{
	struct termios t;

	if (isatty(fd) || errno != ENOTTY)
		FAIL("isatty on %s: true or errno %d, expected false and ENOTTY",
		     what, errno);
	CHECK_ERRNO(what, ioctl(fd, TCGETS, &t), ENOTTY);
}

static void check_isatty(void)
{
	int fds[2], fd;

	for (fd = 0; fd <= 2; fd++)
		if (!isatty(fd))
			FAIL("isatty(%d) is false (errno %d): run this on the terminal",
			     fd, errno);
	fd = open("/dev/tty", O_RDWR);
	if (fd < 0 || !isatty(fd))
		FAIL("/dev/tty: open or isatty failed");
	if (fd >= 0)
		close(fd);
	if (pipe(fds) == 0) {
		expect_not_tty("a pipe's read end", fds[0]);
		expect_not_tty("a pipe's write end", fds[1]);
		close(fds[0]);
		close(fds[1]);
	}
	fd = open(FILE_PATH, O_RDWR | O_CREAT, 0644);
	expect_not_tty("a file", fd);
	close(fd);
	unlink(FILE_PATH);
	fd = open("/dev/null", O_RDWR);
	expect_not_tty("/dev/null", fd);
	close(fd);
	CHECK_ERRNO("TCGETS on a bad descriptor", ioctl(BAD_FD, TCGETS, NULL), EBADF);
}

static bool same_termios(const struct termios *a, const struct termios *b)
{
	return a->c_iflag == b->c_iflag && a->c_oflag == b->c_oflag &&
	       a->c_cflag == b->c_cflag && a->c_lflag == b->c_lflag &&
	       !memcmp(a->c_cc, b->c_cc, sizeof(a->c_cc));
}

static void check_termios(void)
{
	struct termios orig, changed, back;

	if (ioctl(0, TCGETS, &orig) < 0) {
		FAIL("TCGETS");
		return;
	}
	changed = orig;
	changed.c_lflag ^= ECHO;
	changed.c_iflag ^= ICRNL;
	changed.c_cc[VERASE] = NEW_ERASE;
	CHECK_EQ("TCSETS", ioctl(0, TCSETS, &changed), 0);
	if (ioctl(0, TCGETS, &back) < 0 || !same_termios(&back, &changed))
		FAIL("TCGETS after TCSETS does not give the new settings");
	if (tcgetattr(1, &back) < 0 || !same_termios(&back, &changed))
		FAIL("tcgetattr on fd 1 does not see the settings made on fd 0");
	CHECK_EQ("tcsetattr TCSANOW", tcsetattr(2, TCSANOW, &orig), 0);
	if (ioctl(0, TCGETS, &back) < 0 || !same_termios(&back, &orig))
		FAIL("the original settings did not come back");
}

static pid_t get_pgrp(void)
{
	pid_t pgrp = -1;

	if (ioctl(0, TIOCGPGRP, &pgrp) < 0)
		FAIL("TIOCGPGRP");
	return pgrp;
}

static int set_pgrp(pid_t pgrp)
{
	return ioctl(0, TIOCSPGRP, &pgrp);
}

/* A child in a session of its own; the caller kills it. */
static pid_t start_other_session(void)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		setsid();
		for (;;)
			pause();
	}
	sleep_ms(SETSID_WAIT_MS);
	return pid;
}

static void check_pgrp(void)
{
	pid_t saved = get_pgrp(), other;

	CHECK_EQ("TIOCSPGRP to this process's group", set_pgrp(getpgrp()), 0);
	CHECK_EQ("TIOCGPGRP after setting it", get_pgrp(), getpgrp());
	CHECK_EQ("tcgetpgrp", tcgetpgrp(1), getpgrp());
	CHECK_ERRNO("TIOCSPGRP to a negative group", set_pgrp(-2), EINVAL);
	CHECK_ERRNO("TIOCSPGRP to a group that does not exist",
		    set_pgrp(NO_SUCH_PGRP), ESRCH);
	CHECK_ERRNO("TIOCSPGRP to group 0", set_pgrp(0), ESRCH);
	other = start_other_session();
	CHECK_ERRNO("TIOCSPGRP to a group of another session", set_pgrp(other),
		    EPERM);
	kill(other, SIGKILL);
	waitpid(other, NULL, 0);
	CHECK_EQ("TIOCGPGRP after the refused changes", get_pgrp(), getpgrp());
	if (set_pgrp(saved > 0 ? saved : getpgid(getppid())) < 0)
		FAIL("putting back the foreground group");
}

/* The window size: TIOCGWINSZ gives what TIOCSWINSZ set. */
static void check_winsize(void)
{
	struct winsize orig, want = { 30, 100, 0, 0 }, got;

	CHECK_EQ("TIOCGWINSZ", ioctl(0, TIOCGWINSZ, &orig), 0);
	CHECK(orig.ws_row > 0 && orig.ws_col > 0, "window %ux%u", orig.ws_col, orig.ws_row);
	CHECK_EQ("TIOCSWINSZ", ioctl(0, TIOCSWINSZ, &want), 0);
	CHECK_EQ("TIOCGWINSZ after setting", ioctl(0, TIOCGWINSZ, &got), 0);
	CHECK(got.ws_row == want.ws_row && got.ws_col == want.ws_col,
	      "window %ux%u, set %ux%u", got.ws_col, got.ws_row, want.ws_col, want.ws_row);
	ioctl(0, TIOCSWINSZ, &orig);
}

/* Make descriptor 0's terminal the controlling terminal, if there is
 * none: in a child that leads a new session, if this process does not. */
static void take_terminal(void)
{
	pid_t child;

	if (tcgetpgrp(0) >= 0 || errno != ENOTTY)
		return;
	if (getsid(0) != getpid()) {
		child = test_fork();
		if (child > 0)
			exit(child_ok(child) ? 0 : 1);
		REQUIRE(setsid() == getpid(), "setsid");
	}
	REQUIRE(ioctl(0, TIOCSCTTY, 0) == 0, "TIOCSCTTY on descriptor 0");
}

int main(void)
{
	take_terminal();
	check_isatty();
	check_termios();
	check_winsize();
	check_pgrp();
	return test_done("tty_basic");
}
