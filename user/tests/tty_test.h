/*
 * tty_test.h - what the tty_ctty and tty_theft tests add to test.h: a
 * terminal that belongs to no session yet, to make controlling terminals
 * of.
 *  - On Linux (glibc), a new pseudo-terminal: term_path names its slave,
 *    term_master is its master, kept open so that the slave lives.
 *  - In Relay, the console, which under tools/qemu-run belongs to no
 *    session (init starts the command without a controlling terminal).
 * Every check runs in a child that leads a session of its own
 * (in_session); when such a leader exits, the terminal is free again.
 */
#ifndef TTY_TEST_H
#define TTY_TEST_H

#include <sys/ioctl.h>
#include <termios.h>
#include "test.h"

#define NOBODY_ID	65534		/* nobody and nogroup */

#ifdef __GLIBC__
#include <stdlib.h>

static const char *term_path;
static int term_master = -1;

static inline void term_setup(void)
{
	term_master = posix_openpt(O_RDWR | O_NOCTTY);
	REQUIRE(term_master >= 0 && grantpt(term_master) == 0 &&
		unlockpt(term_master) == 0, "posix_openpt");
	term_path = ptsname(term_master);
	REQUIRE(term_path, "ptsname");
}
#else
static const char *term_path = "/dev/console";

static inline void term_setup(void)
{
}
#endif

/* Open the terminal with flags; the test ends if that fails. */
static inline int term_open(int flags)
{
	int fd = open(term_path, flags);

	REQUIRE(fd >= 0, "open %s", term_path);
	return fd;
}

/* Start fn in a child that leads a new session; its pid. */
static inline pid_t start_in_session(void (*fn)(void))
{
	pid_t pid = test_fork();

	if (pid == 0) {
		REQUIRE(setsid() == getpid(), "setsid");
		fn();
		child_exit();
	}
	return pid;
}

/* Run fn in a child that leads a new session; did its checks pass? */
static inline bool in_session(void (*fn)(void))
{
	return child_ok(start_in_session(fn));
}

/* The session that fd's terminal controls, or -1 (errno set). */
static inline pid_t term_sid(int fd)
{
	return tcgetsid(fd);
}

#endif
