/*
 * tty.c - the terminal: one line discipline over the console.
 *
 * Input bytes arrive from interrupt handlers (keyboard, COM1) through
 * tty_input() and go into a ring buffer.  In canonical mode (ICANON) the
 * bytes after `committed` form the line being edited: erase (VERASE)
 * and kill (VKILL) work on it, and it becomes readable - `committed`
 * moves to its end - at a newline or end of file (VEOF, Ctrl-D).  In raw
 * mode every byte is readable at once.  With ISIG, VINTR (Ctrl-C), VQUIT
 * (Ctrl-\) and VSUSP (Ctrl-Z) send SIGINT, SIGQUIT and SIGTSTP to the
 * foreground process group.  Echo (ECHO) writes input back to the
 * screen, control characters as ^X (ECHOCTL).
 *
 *	tail ........ committed ........ head
 *	 readable bytes   |  line being edited
 *
 * Output goes straight to the console.  Readers sleep on read_wait; the
 * interrupt handler wakes them (and poll's waiters: tty_poll says a
 * line, or in raw mode a byte, is readable; writing is always possible).
 *
 * Controlling terminal, as on Linux: the terminal belongs to at most one
 * session (tty.session, 0 = none), and p->ctty == &tty for the processes
 * of that session that have it (never for another session's).  A session
 * leader without one acquires it by opening it while it belongs to no
 * session (not with O_NOCTTY, and only open for reading), or with
 * TIOCSCTTY; fork passes it on, setsid drops it, TIOCNOTTY gives it up.
 * When the session leader exits or gives it up, the foreground group
 * gets SIGHUP and SIGCONT and the terminal belongs to nobody.  Only
 * through the controlling terminal can a process see or set the
 * foreground group (tcgetpgrp, tcsetpgrp), and only there does job
 * control stop a background process that reads (SIGTTIN), changes the
 * modes or the foreground group, or writes with TOSTOP (SIGTTOU).
 * Relay's console is its only terminal, so /dev/console plays the part
 * of a Linux virtual terminal (opening it can make it the controlling
 * terminal); /dev/tty is the caller's controlling terminal.
 */
#include "kernel/tty.h"
#include "ipc/signal.h"
#include "kernel/console.h"
#include "kernel/dev.h"
#include "kernel/file.h"
#include "kernel/poll.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/vfs.h"
#include "mm/mm.h"
#include "kernel/errno.h"
#include <uapi/fcntl.h>
#include <uapi/signal.h>
#include <uapi/termios.h>

#define TTY_BUF_SIZE	1024		/* a power of two */
#define TTY_CHUNK	256		/* bytes moved per copy to/from user */
#define CTRL(c)		((c) & 0x1f)
#define ASCII_DEL	0x7f
#define TTY_ROWS	25
#define TTY_COLS	80

static struct tty {
	struct termios termios;
	struct winsize winsize;
	char buf[TTY_BUF_SIZE];
	u32 head, committed, tail;	/* free-running indexes */
	bool eof;			/* Ctrl-D seen: a read returns 0 */
	int pgrp;			/* foreground process group, 0 = none */
	int session;			/* it controls this session, 0 = none */
	struct wait_queue read_wait;
} tty;

static const struct termios default_termios = {
	.c_iflag = ICRNL,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | IEXTEN,
	.c_cc = {
		[VINTR] = CTRL('C'), [VQUIT] = CTRL('\\'), [VERASE] = ASCII_DEL,
		[VKILL] = CTRL('U'), [VEOF] = CTRL('D'), [VMIN] = 1,
		[VSUSP] = CTRL('Z'),
	},
};

void tty_init(void)
{
	tty.termios = default_termios;
	tty.winsize.ws_row = TTY_ROWS;
	tty.winsize.ws_col = TTY_COLS;
}

static bool lflag(u32 flag)
{
	return tty.termios.c_lflag & flag;
}

static void echo(char c)
{
	if (!lflag(ECHO))
		return;
	if ((u8)c < ' ' && c != '\n' && c != '\t' && lflag(ECHOCTL)) {
		console_putc('^');
		console_putc(c + '@');
	} else {
		console_putc(c);
	}
}

static void erase_one(void)
{
	if (tty.head == tty.committed)
		return;
	char c = tty.buf[--tty.head % TTY_BUF_SIZE];
	int width = ((u8)c < ' ' && lflag(ECHOCTL)) ? 2 : 1;
	if (lflag(ECHO))
		while (width--)
			console_write("\b \b", 3);
}

static void commit(void)
{
	tty.committed = tty.head;
	wake_up(&tty.read_wait);
	poll_wake();
}

/*
 * Ctrl-C, Ctrl-\, Ctrl-Z: signal the foreground process group.  As on
 * Linux (without NOFLSH), all input not read yet is discarded - the line
 * being edited and whole lines typed ahead - so that what was typed for
 * the interrupted program does not go to the next one (the shell).
 */
static void signal_foreground(int sig)
{
	tty.head = tty.committed = tty.tail;
	tty.eof = false;
	if (tty.pgrp > 0)
		send_signal_group(tty.pgrp, sig, SI_KERNEL);
}

void tty_input(char c)
{
	const u8 *cc = tty.termios.c_cc;

	if (c == '\r' && (tty.termios.c_iflag & ICRNL))
		c = '\n';
	if (lflag(ISIG) && (c == cc[VINTR] || c == cc[VQUIT] || c == cc[VSUSP])) {
		echo(c);
		signal_foreground(c == cc[VINTR] ? SIGINT : c == cc[VQUIT] ? SIGQUIT : SIGTSTP);
		return;
	}
	if (lflag(ICANON)) {
		if (c == cc[VERASE] || c == '\b') {
			erase_one();
			return;
		}
		if (c == cc[VKILL]) {
			while (tty.head != tty.committed)
				erase_one();
			return;
		}
		if (c == cc[VEOF]) {
			if (tty.head == tty.committed)
				tty.eof = true;
			commit();
			return;
		}
	}
	if (tty.head - tty.tail >= TTY_BUF_SIZE - 1)
		return;				/* full: drop it */
	tty.buf[tty.head++ % TTY_BUF_SIZE] = c;
	echo(c);
	if (!lflag(ICANON) || c == '\n')
		commit();
}

static bool input_ready(void)
{
	return tty.committed != tty.tail || tty.eof;
}

static bool is_ctty(void)
{
	return current->ctty == &tty;
}

/*
 * Job control: a process of a background group may not read its
 * controlling terminal (sig SIGTTIN), nor change its modes or foreground
 * group, nor write to it with TOSTOP (SIGTTOU).  The signal stops the
 * group; if the process blocks or ignores it, a read fails with EIO and
 * the rest goes ahead.  An orphaned group, which nobody would continue,
 * is not stopped: the call fails with EIO.  Another terminal than the
 * controlling one is never checked.
 */
static int check_background(int sig)
{
	if (!is_ctty() || tty.pgrp <= 0 || current->pgid == tty.pgrp)
		return 0;
	if (signal_blocked_or_ignored(current, sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (pgrp_orphaned(current->pgid))
		return -EIO;
	send_signal_group(current->pgid, sig, SI_KERNEL);
	return -ERESTARTSYS;
}

static ssize_t tty_read(struct file *f, char __user *buf, size_t n)
{
	char tmp[TTY_CHUNK];
	size_t got = 0;
	int err;

	if ((err = check_background(SIGTTIN)) < 0)
		return err;
	if (n == 0)
		return 0;
	while (!input_ready()) {
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		if ((err = interruptible_sleep_on(&tty.read_wait)) < 0)
			return err;
	}
	n = MIN(n, sizeof(tmp));
	for (u32 t = tty.tail; got < n && t != tty.committed; t++) {
		tmp[got++] = tty.buf[t % TTY_BUF_SIZE];
		if (lflag(ICANON) && tmp[got - 1] == '\n')
			break;
	}
	if (got == 0) {				/* end of file */
		tty.eof = false;
		return 0;
	}
	if (copy_to_user(buf, tmp, got) < 0)
		return -EFAULT;
	tty.tail += got;
	return (ssize_t)got;
}

static ssize_t tty_write(struct file *f, const char __user *buf, size_t n)
{
	char tmp[TTY_CHUNK];
	size_t done = 0;
	int err;

	(void)f;
	if (lflag(TOSTOP) && (err = check_background(SIGTTOU)) < 0)
		return err;
	while (done < n) {
		size_t chunk = MIN(n - done, sizeof(tmp));
		if (copy_from_user(tmp, buf + done, chunk) < 0)
			return done ? (ssize_t)done : -EFAULT;
		console_write(tmp, chunk);
		done += chunk;
	}
	return (ssize_t)done;
}

/* The session of group pgrp; failing that (as Linux) of process pgrp;
 * 0 if neither exists. */
static int session_of_group(int pgrp)
{
	struct proc *p;

	for (int i = 0; i < NPROC; i++) {
		p = &proc_table[i];
		if (p->state != P_UNUSED && p->state != P_EMBRYO && p->pgid == pgrp)
			return p->sid;
	}
	p = proc_find(pgrp);
	return p && p->state != P_EMBRYO ? p->sid : 0;
}

/* tcsetpgrp: only on the controlling terminal, to a group of its session. */
static int set_foreground(const int __user *up)
{
	int err = check_background(SIGTTOU), pgrp, sid;

	if (err < 0)
		return err == -EIO ? -ENOTTY : err;
	if (copy_from_user(&pgrp, up, sizeof(pgrp)) < 0)
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	if (!is_ctty())
		return -ENOTTY;
	if (pgrp == 0 || !(sid = session_of_group(pgrp)))
		return -ESRCH;
	if (sid != current->sid)
		return -EPERM;
	tty.pgrp = pgrp;
	return 0;
}

/* The current process, a session leader, takes the terminal. */
static void acquire(void)
{
	tty.session = current->sid;
	tty.pgrp = current->pgid;
	current->ctty = &tty;
}

/* No process has the terminal any more. */
static void clear_session(void)
{
	for (int i = 0; i < NPROC; i++)
		if (proc_table[i].ctty == &tty)
			proc_table[i].ctty = NULL;
	tty.session = tty.pgrp = 0;
}

/* The session leader lets the terminal go (TIOCNOTTY, exit): its
 * foreground group is hung up. */
static void hang_up_session(void)
{
	int pgrp = tty.pgrp;

	clear_session();
	if (pgrp > 0) {
		send_signal_group(pgrp, SIGHUP, SI_KERNEL);
		send_signal_group(pgrp, SIGCONT, SI_KERNEL);
	}
}

static bool is_session_leader(void)
{
	return current->pid == current->sid;
}

/* TIOCSCTTY: a session leader without a controlling terminal takes this
 * one, if it is free; with steal == 1, root takes it from its session. */
static int set_ctty(struct file *f, u32 steal)
{
	if (is_session_leader() && tty.session == current->sid)
		return 0;
	if (!is_session_leader() || current->ctty)
		return -EPERM;
	if (tty.session) {
		if (steal != 1 || current->euid != 0)
			return -EPERM;
		clear_session();
	}
	if (!file_readable(f) && current->euid != 0)
		return -EPERM;
	acquire();
	return 0;
}

/* TIOCNOTTY: give up the controlling terminal; the session leader gives
 * it up for the whole session. */
static int give_up_ctty(void)
{
	if (!is_ctty())
		return -ENOTTY;
	if (is_session_leader())
		hang_up_session();
	else
		current->ctty = NULL;
	return 0;
}

static int set_termios(const struct termios __user *p, bool flush)
{
	int err = check_background(SIGTTOU);

	if (err < 0)
		return err;
	if (flush) {
		tty.head = tty.committed = tty.tail;
		tty.eof = false;
	}
	if (copy_from_user(&tty.termios, p, sizeof(tty.termios)) < 0)
		return -EFAULT;
	if (!lflag(ICANON))
		commit();
	return 0;
}

static int tty_ioctl(struct file *f, u32 cmd, u32 arg)
{
	void __user *p = (void __user *)arg;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(p, &tty.termios, sizeof(tty.termios));
	case TCSETSF:
		return set_termios(p, true);
	case TCSETS:
	case TCSETSW:
		return set_termios(p, false);
	case TIOCGPGRP:
		return is_ctty() ? copy_to_user(p, &tty.pgrp, sizeof(tty.pgrp)) : -ENOTTY;
	case TIOCSPGRP:
		return set_foreground(p);
	case TIOCGSID:
		if (!is_ctty() || !tty.session)
			return -ENOTTY;
		return copy_to_user(p, &tty.session, sizeof(tty.session));
	case TIOCSCTTY:
		return set_ctty(f, arg);
	case TIOCNOTTY:
		return give_up_ctty();
	case TIOCGWINSZ:
		return copy_to_user(p, &tty.winsize, sizeof(tty.winsize));
	case TIOCSWINSZ:
		return copy_from_user(&tty.winsize, p, sizeof(tty.winsize));
	}
	return -ENOTTY;
}

/*
 * Opening a terminal device: /dev/tty is the caller's controlling
 * terminal (ENXIO without one); opening the console itself makes it the
 * controlling terminal of a session leader that has none, if it is free.
 */
int tty_open(struct file *f, u32 rdev, u32 flags)
{
	if (rdev == MKDEV(TTYAUX_MAJOR, TTY_MINOR))
		return is_ctty() ? 0 : -ENXIO;
	if (!(flags & O_NOCTTY) && is_session_leader() && !current->ctty &&
	    !tty.session && file_readable(f))
		acquire();
	return 0;
}

/* The exit of a process: a session leader's ends its session's hold on
 * the terminal. */
void tty_exit(struct proc *p)
{
	if (p->ctty == &tty && p->pid == p->sid)
		hang_up_session();
	p->ctty = NULL;
}

static u32 tty_poll(struct file *f)
{
	(void)f;
	return (input_ready() ? POLLIN | POLLRDNORM : 0) | POLLOUT | POLLWRNORM;
}

const struct file_ops tty_ops = {
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
};
