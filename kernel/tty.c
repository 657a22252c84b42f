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
 * foreground process group (set by tcsetpgrp).  A process of another
 * group that reads gets SIGTTIN instead (job control).  Echo (ECHO)
 * writes input back to the screen, control characters as ^X (ECHOCTL).
 *
 *	tail ........ committed ........ head
 *	 readable bytes   |  line being edited
 *
 * Output goes straight to the console.  Readers sleep on read_wait; the
 * interrupt handler wakes them.
 */
#include "kernel/tty.h"
#include "ipc/signal.h"
#include "kernel/console.h"
#include "kernel/dev.h"
#include "kernel/file.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/string.h"
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
	int pgrp;			/* foreground process group */
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
}

/* Ctrl-C, Ctrl-\, Ctrl-Z: signal the foreground process group. */
static void signal_foreground(int sig)
{
	tty.head = tty.committed;		/* drop the edited line */
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

/* A background process may not read the terminal: SIGTTIN stops its
 * group, or the read fails with EIO if it would be ignored. */
static int check_background_read(void)
{
	if (tty.pgrp <= 0 || current->pgid == tty.pgrp)
		return 0;
	if (signal_blocked_or_ignored(current, SIGTTIN))
		return -EIO;
	send_signal_group(current->pgid, SIGTTIN, SI_KERNEL);
	return -ERESTARTSYS;
}

static ssize_t tty_read(struct file *f, char __user *buf, size_t n)
{
	char tmp[TTY_CHUNK];
	size_t got = 0;
	int err;

	if ((err = check_background_read()) < 0)
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

	(void)f;
	while (done < n) {
		size_t chunk = MIN(n - done, sizeof(tmp));
		if (copy_from_user(tmp, buf + done, chunk) < 0)
			return done ? (ssize_t)done : -EFAULT;
		console_write(tmp, chunk);
		done += chunk;
	}
	return (ssize_t)done;
}

/* tcsetpgrp: the group must exist and be in the caller's session. */
static int set_foreground(int pgrp)
{
	bool exists = false;

	if (pgrp <= 0)
		return -EINVAL;
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = &proc_table[i];
		if (!proc_alive(p) || p->pgid != pgrp)
			continue;
		if (p->sid != current->sid)
			return -EPERM;
		exists = true;
	}
	if (!exists)
		return -ESRCH;
	tty.pgrp = pgrp;
	return 0;
}

static int tty_ioctl(struct file *f, u32 cmd, u32 arg)
{
	void __user *p = (void __user *)arg;
	int pgrp;

	(void)f;
	switch (cmd) {
	case TCGETS:
		return copy_to_user(p, &tty.termios, sizeof(tty.termios));
	case TCSETSF:
		tty.head = tty.committed = tty.tail;
		tty.eof = false;
		/* fall through */
	case TCSETS:
	case TCSETSW:
		if (copy_from_user(&tty.termios, p, sizeof(tty.termios)) < 0)
			return -EFAULT;
		if (!lflag(ICANON))
			commit();
		return 0;
	case TIOCGPGRP:
		return copy_to_user(p, &tty.pgrp, sizeof(tty.pgrp));
	case TIOCSPGRP:
		if (copy_from_user(&pgrp, p, sizeof(pgrp)) < 0)
			return -EFAULT;
		return set_foreground(pgrp);
	case TIOCGWINSZ:
		return copy_to_user(p, &tty.winsize, sizeof(tty.winsize));
	case TIOCSWINSZ:
		return copy_from_user(&tty.winsize, p, sizeof(tty.winsize));
	}
	return -ENOTTY;
}

const struct file_ops tty_ops = {
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
};
