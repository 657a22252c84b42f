/*
 * tty_theft - nobody may take root's terminal (see tty_test.h for the
 * terminal used).  A session leader running as root takes the terminal,
 * as root's login shell; a child of it then leaves the session (setsid),
 * becomes nobody and tries to make itself the terminal's foreground
 * group, to read the next line typed at root's shell:
 *  - opening the terminal again fails EACCES (the console is crw-------
 *    root; a Linux pseudo-terminal crw--w---- root tty);
 *  - with the descriptor inherited from root: tcsetpgrp and tcgetpgrp
 *    fail ENOTTY (it is not its controlling terminal), TIOCSCTTY fails
 *    EPERM, with or without stealing, and /dev/tty ENXIO;
 *  - root's shell still has the terminal, its group in the foreground.
 * Also: the device nodes' modes and owners are Debian's.
 */
#include <sys/stat.h>
#include "tty_test.h"

#define STEAL	1
#define TTY_GID	5	/* the group tty */

static void become_nobody(void)
{
	REQUIRE(setgid(NOBODY_ID) == 0 && setuid(NOBODY_ID) == 0, "become nobody");
}

static void thief(int fd)
{
	int tty;

	REQUIRE(setsid() == getpid(), "setsid");
	become_nobody();
	errno = 0;
	tty = open(term_path, O_RDWR);
	CHECK(tty == -1 && errno == EACCES, "nobody opened %s: %d, expected EACCES",
	      term_path, tty);
	CHECK_ERRNO("tcsetpgrp on root's terminal", tcsetpgrp(fd, getpgrp()), ENOTTY);
	CHECK_ERRNO("tcgetpgrp on root's terminal", tcgetpgrp(fd), ENOTTY);
	CHECK_ERRNO("TIOCSCTTY of root's terminal", ioctl(fd, TIOCSCTTY, 0), EPERM);
	CHECK_ERRNO("TIOCSCTTY 1 of root's terminal", ioctl(fd, TIOCSCTTY, STEAL), EPERM);
	CHECK_ERRNO("tcsetpgrp after TIOCSCTTY", tcsetpgrp(fd, getpgrp()), ENOTTY);
	tty = open("/dev/tty", O_RDWR);
	CHECK(tty == -1 && errno == ENXIO, "nobody opened /dev/tty: %d, expected ENXIO",
	      tty);
}

/* Root's login shell: it has the terminal; a child tries to steal it. */
static void root_shell(void)
{
	int fd = term_open(O_RDWR);
	pid_t child;

	CHECK(tcgetpgrp(fd) == getpgrp(), "root's shell did not get the terminal");
	child = test_fork();
	if (child == 0) {
		thief(fd);
		child_exit();
	}
	CHECK(child_ok(child), "the thief's checks");
	CHECK_EQ("root's foreground group afterwards", tcgetpgrp(fd), getpgrp());
}

static void check_node(const char *path, mode_t mode, const char *group, gid_t gid)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		FAIL("stat %s", path);
		return;
	}
	CHECK(S_ISCHR(st.st_mode) && (st.st_mode & 07777) == mode,
	      "%s: mode %o, expected a character device %o", path,
	      (unsigned)st.st_mode, (unsigned)mode);
	CHECK(st.st_uid == 0 && st.st_gid == gid, "%s: owner %d:%d, expected root:%s",
	      path, (int)st.st_uid, (int)st.st_gid, group);
}

/*
 * Debian's.  On Linux only what a container's /dev keeps too: there
 * /dev/console is the container's terminal and /dev/tty may be root's.
 */
static void check_nodes(void)
{
	check_node("/dev/null", 0666, "root", 0);
	check_node("/dev/zero", 0666, "root", 0);
#ifndef __GLIBC__
	check_node("/dev/tty", 0666, "tty", TTY_GID);
	check_node("/dev/console", 0600, "root", 0);
#endif
}

int main(void)
{
	term_setup();
	CHECK(in_session(root_shell), "root's shell");
	check_nodes();
	return test_done("tty_theft");
}
