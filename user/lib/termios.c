/*
 * termios.c - terminal control through the tty ioctls: tcgetattr,
 * tcsetattr, isatty, tcgetpgrp, tcsetpgrp, tcgetsid, and the cf*
 * helpers that only edit a struct termios.
 */
#include <errno.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}

/* TCSANOW, TCSADRAIN, TCSAFLUSH map onto TCSETS, TCSETSW, TCSETSF. */
int tcsetattr(int fd, int action, const struct termios *t)
{
	static const unsigned long request[] = {
		[TCSANOW] = TCSETS,
		[TCSADRAIN] = TCSETSW,
		[TCSAFLUSH] = TCSETSF,
	};

	if (action < TCSANOW || action > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, request[action], t);
}

/* A terminal is whatever answers TCGETS; others fail with ENOTTY. */
int isatty(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) == 0;
}

pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;

	if (ioctl(fd, TIOCGPGRP, &pgrp) < 0)
		return -1;
	return pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	return ioctl(fd, TIOCSPGRP, &pgrp);
}

/* The session that fd's terminal, the caller's controlling terminal,
 * belongs to. */
pid_t tcgetsid(int fd)
{
	pid_t sid;

	if (ioctl(fd, TIOCGSID, &sid) < 0)
		return -1;
	return sid;
}

/* No echo, no line editing, no signals, 8-bit bytes, read 1 at a time. */
void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
			ICRNL | IXON);
	t->c_oflag &= ~OPOST;
	t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

speed_t cfgetospeed(const struct termios *t)
{
	return t->c_cflag & CBAUD;
}

speed_t cfgetispeed(const struct termios *t)
{
	return cfgetospeed(t);
}

int cfsetospeed(struct termios *t, speed_t speed)
{
	if (speed & ~CBAUD) {
		errno = EINVAL;
		return -1;
	}
	t->c_cflag = (t->c_cflag & ~CBAUD) | speed;
	return 0;
}

int cfsetispeed(struct termios *t, speed_t speed)
{
	return speed ? cfsetospeed(t, speed) : 0;
}
