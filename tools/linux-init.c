/*
 * linux-init.c - /init of the tiny initramfs in which tools/linux-run runs
 * one program on a real Linux i686 kernel, the way tools/qemu-run runs one
 * on Relay.  Built on the host with `gcc -m32 -static`.
 *
 * The kernel passes the words after "--" on its command line as argv[1..]:
 * the words of tools/qemu-run's command line, some of them in single quotes.
 * init joins them back and splits them again, single quotes kept together
 * and backslashes honoured, so "'two words'" and 'it'\''s' are one
 * argument each, as in Relay's shell.
 *
 * It mounts devtmpfs on /dev, proc on /proc and a tmpfs on /tmp, makes the
 * first serial port (the console) its fds 0, 1 and 2 (what qemu-run's
 * --input types arrives there, as on Relay), runs the program in a child and waits
 * for it.  Then it writes "exit N" to the second serial port - N is the
 * exit status, or 128 + the signal that killed it, as Relay reports it -
 * and powers the machine off, which ends QEMU.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define CMDLINE_MAX	4096
#define ARGS_MAX	64
#define STATUS_SIGNALLED	128
#define STATUS_NOT_RUN	127
#define CONSOLE		"/dev/ttyS0"
#define CONTROL		"/dev/ttyS1"

static void mount_or_warn(const char *type, const char *dir, mode_t mode)
{
	mkdir(dir, mode);
	if (mount(type, dir, type, 0, NULL) < 0)
		fprintf(stderr, "init: mount %s on %s: %m\n", type, dir);
	chmod(dir, mode);
}

static void open_console(void)
{
	int fd = open(CONSOLE, O_RDWR | O_NOCTTY);

	if (fd < 0)
		return;
	for (int i = 0; i <= STDERR_FILENO; i++)
		dup2(fd, i);
	if (fd > STDERR_FILENO)
		close(fd);
}

/*
 * Split the joined command line into words as a shell would for
 * qemu-run's quoting: '...' keeps its spaces, \x stands for x.
 */
static int split_words(char *line, char **words, int max)
{
	int n = 0;
	char *in = line, *out = line;

	while (*in && n < max - 1) {
		while (*in == ' ')
			in++;
		if (!*in)
			break;
		words[n++] = out;
		while (*in && *in != ' ') {
			if (*in == '\'') {
				in++;
				while (*in && *in != '\'')
					*out++ = *in++;
				if (*in)
					in++;
			} else if (*in == '\\' && in[1]) {
				in++;
				*out++ = *in++;
			} else {
				*out++ = *in++;
			}
		}
		if (*in)
			in++;
		*out++ = '\0';
	}
	words[n] = NULL;
	return n;
}

static void report_and_power_off(int code)
{
	int fd = open(CONTROL, O_WRONLY | O_NOCTTY);

	if (fd >= 0) {
		dprintf(fd, "exit %d\n", code);
		close(fd);
	}
	sync();
	reboot(RB_POWER_OFF);
	_exit(code);
}

int main(int argc, char **argv)
{
	static char line[CMDLINE_MAX];
	char *words[ARGS_MAX];
	int status = 0;
	pid_t pid;

	mount_or_warn("devtmpfs", "/dev", 0755);
	open_console();
	mount_or_warn("proc", "/proc", 0555);
	mount_or_warn("tmpfs", "/tmp", 01777);
	for (int i = 1; i < argc; i++) {
		if (i > 1)
			strncat(line, " ", sizeof(line) - strlen(line) - 1);
		strncat(line, argv[i], sizeof(line) - strlen(line) - 1);
	}
	if (split_words(line, words, ARGS_MAX) == 0) {
		fprintf(stderr, "init: no command\n");
		report_and_power_off(STATUS_NOT_RUN);
	}
	pid = fork();
	if (pid == 0) {
		setsid();
		execv(words[0], words);
		fprintf(stderr, "init: %s: %m\n", words[0]);
		_exit(STATUS_NOT_RUN);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		report_and_power_off(STATUS_NOT_RUN);
	report_and_power_off(WIFEXITED(status) ? WEXITSTATUS(status)
					       : STATUS_SIGNALLED + WTERMSIG(status));
}
