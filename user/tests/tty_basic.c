/*
 * tty_basic - the terminal as seen through descriptors and ioctls.
 * Run it with its standard descriptors on the terminal (as tools/qemu-run
 * does; on Linux under script(1)).
 *
 *  - isatty is true for descriptors 0, 1 and 2 and for /dev/tty, false
 *    (errno ENOTTY) for a pipe, a file and /dev/null; TCGETS on those
 *    fails ENOTTY, on a bad descriptor EBADF;
 *  - TCGETS/TCSETS round trip: changed flags and control characters
 *    read back as set, through the ioctls and through tcgetattr and
 *    tcsetattr; the original settings are put back and read back;
 *  - TIOCGPGRP/TIOCSPGRP: after setting the foreground group to this
 *    process's group, reading it back gives that group; a negative group
 *    fails EINVAL, a group that does not exist ESRCH, a group of another
 *    session EPERM (a child that called setsid).  The old foreground
 *    group is put back at the end (or, if there was none, the parent's,
 *    so that the shell keeps reading the terminal).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define FILE_PATH	"/tmp/tty_basic.file"
#define NO_SUCH_PGRP	30000	/* larger than any pid in use */
#define BAD_FD		(-1)
#define NEW_ERASE	0x08	/* ^H */
#define SETSID_WAIT_MS	200

static int failures;

static void fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("FAIL: ");
	vprintf(fmt, ap);
	printf("\n");
	fflush(stdout);
	va_end(ap);
	failures++;
}

static void expect_errno(const char *what, long ret, int err)
{
	if (ret != -1 || errno != err)
		fail("%s: got %ld errno %d, expected -1 errno %d (%s)", what,
		     ret, ret == -1 ? errno : 0, err, strerror(err));
}

static void expect_eq(const char *what, long got, long want)
{
	if (got != want)
		fail("%s: got %ld, expected %ld (errno %d)", what, got, want,
		     errno);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static void expect_not_tty(const char *what, int fd)
{
	struct termios t;

	if (isatty(fd) || errno != ENOTTY)
		fail("isatty on %s: true or errno %d, expected false and ENOTTY",
		     what, errno);
	expect_errno(what, ioctl(fd, TCGETS, &t), ENOTTY);
}

static void check_isatty(void)
{
	int fds[2], fd;

	for (fd = 0; fd <= 2; fd++)
		if (!isatty(fd))
			fail("isatty(%d) is false (errno %d): run this on the terminal",
			     fd, errno);
	fd = open("/dev/tty", O_RDWR);
	if (fd < 0 || !isatty(fd))
		fail("/dev/tty: open or isatty failed, errno %d", errno);
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
	expect_errno("TCGETS on a bad descriptor", ioctl(BAD_FD, TCGETS, NULL), EBADF);
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
		fail("TCGETS: errno %d", errno);
		return;
	}
	changed = orig;
	changed.c_lflag ^= ECHO;
	changed.c_iflag ^= ICRNL;
	changed.c_cc[VERASE] = NEW_ERASE;
	expect_eq("TCSETS", ioctl(0, TCSETS, &changed), 0);
	if (ioctl(0, TCGETS, &back) < 0 || !same_termios(&back, &changed))
		fail("TCGETS after TCSETS does not give the new settings");
	if (tcgetattr(1, &back) < 0 || !same_termios(&back, &changed))
		fail("tcgetattr on fd 1 does not see the settings made on fd 0");
	expect_eq("tcsetattr TCSANOW", tcsetattr(2, TCSANOW, &orig), 0);
	if (ioctl(0, TCGETS, &back) < 0 || !same_termios(&back, &orig))
		fail("the original settings did not come back");
}

static pid_t get_pgrp(void)
{
	pid_t pgrp = -1;

	if (ioctl(0, TIOCGPGRP, &pgrp) < 0)
		fail("TIOCGPGRP: errno %d", errno);
	return pgrp;
}

static int set_pgrp(pid_t pgrp)
{
	return ioctl(0, TIOCSPGRP, &pgrp);
}

/* A child in a session of its own; the caller kills it. */
static pid_t start_other_session(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
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

	expect_eq("TIOCSPGRP to this process's group", set_pgrp(getpgrp()), 0);
	expect_eq("TIOCGPGRP after setting it", get_pgrp(), getpgrp());
	expect_eq("tcgetpgrp", tcgetpgrp(1), getpgrp());
	expect_errno("TIOCSPGRP to a negative group", set_pgrp(-2), EINVAL);
	expect_errno("TIOCSPGRP to a group that does not exist",
		     set_pgrp(NO_SUCH_PGRP), ESRCH);
	other = start_other_session();
	if (other > 0) {
		expect_errno("TIOCSPGRP to a group of another session",
			     set_pgrp(other), EPERM);
		kill(other, SIGKILL);
		waitpid(other, NULL, 0);
	}
	expect_eq("TIOCGPGRP after the refused changes", get_pgrp(), getpgrp());
	if (set_pgrp(saved > 0 ? saved : getpgid(getppid())) < 0)
		fail("putting back the foreground group: errno %d", errno);
}

int main(void)
{
	check_isatty();
	check_termios();
	check_pgrp();
	if (failures)
		return 1;
	printf("tty_basic: all checks passed\n");
	return 0;
}
