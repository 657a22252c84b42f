/*
 * more.c - show text a screenful at a time.
 *
 *   more [FILE]...      (no FILE: standard input, e.g. msgdemo | more)
 *
 * After each screenful (the terminal's rows, less one for the prompt)
 * more prints --More-- and waits for a key, read from the controlling
 * terminal (/dev/tty), since standard input may be the pipe:
 *   space: the next screenful    Enter: one line more    q: quit
 * Lines longer than the terminal's width count as the rows they wrap to.
 * The terminal is in non-canonical mode without echo only while more
 * waits for a key; Ctrl-C (SIGINT) restores it too.  When standard output
 * is not a terminal, more copies its input unchanged, as cat does.
 * Quitting early closes the pipe: its writer gets SIGPIPE.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#define DEFAULT_ROWS	25
#define DEFAULT_COLS	80
#define BUF_SIZE	4096
#define TAB_WIDTH	8
#define PROMPT		"\033[7m--More--\033[0m"
#define UNPROMPT	"\r          \r"	/* --More-- and an echoed ^C */

static int tty_fd = -1;
static struct termios saved;
static bool raw_mode;
static int rows = DEFAULT_ROWS, cols = DEFAULT_COLS;
static int used_rows, col;

static void restore_tty(void)
{
	if (raw_mode)
		tcsetattr(tty_fd, TCSANOW, &saved);
	raw_mode = false;
}

static void on_signal(int sig)
{
	restore_tty();
	write(STDOUT_FILENO, UNPROMPT, strlen(UNPROMPT));
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Show the prompt and read one key, without echo; 'q' on end of file. */
static char wait_key(void)
{
	struct termios raw = saved;
	char key = 'q';

	fputs(PROMPT, stdout);
	fflush(stdout);
	raw.c_lflag &= ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	raw_mode = tcsetattr(tty_fd, TCSANOW, &raw) == 0;
	if (read(tty_fd, &key, 1) != 1)
		key = 'q';
	restore_tty();
	fputs(UNPROMPT, stdout);
	return key;
}

/* Count c's effect on the screen; false if the user quit. */
static bool account(char c)
{
	if (c == '\n')
		col = cols;
	else if (c == '\t')
		col = (col / TAB_WIDTH + 1) * TAB_WIDTH;
	else if (c == '\r')
		col = 0;
	else if ((unsigned char)c >= ' ')
		col++;
	if (col < cols)
		return true;
	col = 0;
	if (++used_rows < rows - 1)
		return true;
	switch (wait_key()) {
	case 'q':
	case 'Q':
		return false;
	case '\n':
	case '\r':
		used_rows = rows - 2;
		break;
	default:
		used_rows = 0;
	}
	return true;
}

/* Page through fd; false if the user quit. */
static bool page(int fd, const char *name)
{
	static char buf[BUF_SIZE];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			putchar(buf[i]);
			if (tty_fd >= 0 && !account(buf[i]))
				return false;
		}
	}
	if (n < 0)
		fprintf(stderr, "more: %s: %s\n", name, strerror(errno));
	return true;
}

static void setup_tty(void)
{
	struct winsize ws;

	if (!isatty(STDOUT_FILENO))
		return;
	tty_fd = open("/dev/tty", O_RDONLY);
	if (tty_fd < 0 || tcgetattr(tty_fd, &saved) < 0) {
		tty_fd = -1;
		return;
	}
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 1 &&
	    ws.ws_col > 0) {
		rows = ws.ws_row;
		cols = ws.ws_col;
	}
	signal(SIGINT, on_signal);
	signal(SIGQUIT, on_signal);
	signal(SIGTERM, on_signal);
}

int main(int argc, char **argv)
{
	int status = 0;

	setup_tty();
	if (argc < 2) {
		page(STDIN_FILENO, "standard input");
	}
	for (int i = 1; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);

		if (fd < 0) {
			fprintf(stderr, "more: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		bool go_on = page(fd, argv[i]);

		close(fd);
		if (!go_on)
			break;
	}
	fflush(stdout);
	restore_tty();
	return status;
}
