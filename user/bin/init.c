/*
 * init.c - the first user program.
 *
 * The kernel starts /bin/init as process 1, with file descriptors 0, 1
 * and 2 already open on the console.  Its arguments come from the boot
 * command line and choose one of two modes:
 *
 *   init               interactive: greet the user, then run shells on
 *                      the console, one after the other, for ever.  Each
 *                      shell leads a session whose controlling terminal
 *                      is the console, so that it can run jobs in the
 *                      foreground and Ctrl-C reaches them.
 *   init -c "LINE"     test runner: run `sh -c "LINE"`, then exit with
 *                      its status.  The kernel turns the exit of init
 *                      into the end of the (headless) run.  As a command
 *                      that Linux's init starts on /dev/console, it has
 *                      no controlling terminal (Ctrl-C signals nobody);
 *                      it may take the console as one itself.
 *
 * Besides, init is the parent of last resort: when a process exits, its
 * children are handed to init ("reparented").  When they end, someone
 * has to wait() for them or they stay zombies for ever, so init's loops
 * below reap every child that ends, not only the shell.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHELL		"/bin/sh"
#define MOTD		"/etc/motd"
#define EXIT_NOEXEC	127	/* the shell could not be started */
#define EXIT_SIGNAL	128	/* 128 + n: the shell died from signal n */
#define RETRY_DELAY	1	/* seconds before restarting a failed shell */

/* The environment every shell starts with. */
static char *const shell_env[] = {
	"PATH=/bin",
	"HOME=/",
	"TERM=vt100",
	NULL
};

/* Copy /etc/motd (the "message of the day") to the console, if it exists. */
static void show_motd(void)
{
	char buf[512];
	ssize_t n;
	int fd = open(MOTD, O_RDONLY);

	if (fd < 0)
		return;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(STDOUT_FILENO, buf, n);
	close(fd);
}

static void welcome(void)
{
	struct utsname u;

	if (uname(&u) == 0)
		printf("Welcome to %s %s (%s)!\n\n", u.sysname, u.release,
		       u.machine);
	else
		printf("Welcome!\n\n");
	/* Flush before fork(), or the child would print it a second time. */
	fflush(stdout);
	show_motd();
}

#define STEAL_TTY	1	/* TIOCSCTTY: even from another session */

/*
 * Start the shell with arguments argv in a child process, with the
 * console as its controlling terminal if login is true.  Return the
 * child's pid, or -1 if fork() failed.
 */
static pid_t start_shell(char *const argv[], int login)
{
	pid_t pid = fork();

	if (pid < 0) {
		perror("init: fork");
		return -1;
	}
	if (pid == 0) {
		/*
		 * The child leads a session (and a process group) of its
		 * own, as a login shell does on Linux, so that the shell and
		 * its commands are not in init's group 1: kill(-1, sig)
		 * would not mean that group but every process.
		 */
		setsid();
		/*
		 * A login shell takes the console (inherited as descriptor
		 * 0) as its controlling terminal, as getty does: whatever
		 * session had it before loses it.
		 */
		if (login && ioctl(STDIN_FILENO, TIOCSCTTY, STEAL_TTY) < 0)
			perror("init: TIOCSCTTY");
		/* The child becomes the shell: execve() returns on error. */
		execve(SHELL, argv, shell_env);
		perror("init: " SHELL);
		_exit(EXIT_NOEXEC);
	}
	return pid;
}

/*
 * Wait until the child pid ends and return its wait status.  Whatever
 * other child ends meanwhile (an orphan given to init) is reaped too.
 */
static int wait_for(pid_t pid)
{
	int status;
	pid_t done;

	for (;;) {
		done = wait(&status);
		if (done == pid)
			return status;
		if (done < 0 && errno != EINTR) {
			perror("init: wait");
			return EXIT_NOEXEC << 8;  /* as if it exited with that */
		}
	}
}

/* init -c "LINE": run one command line, exit with its status. */
static int run_command(char *line)
{
	char *argv[] = { "sh", "-c", line, NULL };
	pid_t pid = start_shell(argv, 0);
	int status;

	if (pid < 0)
		return EXIT_NOEXEC;
	status = wait_for(pid);
	if (WIFSIGNALED(status))
		return EXIT_SIGNAL + WTERMSIG(status);
	return WEXITSTATUS(status);
}

/* init: run interactive shells, a new one each time the last one exits. */
static void run_shells(void)
{
	char *argv[] = { "sh", NULL };

	welcome();
	for (;;) {
		pid_t pid = start_shell(argv, 1);
		int status;

		if (pid < 0) {
			sleep(RETRY_DELAY);
			continue;
		}
		status = wait_for(pid);
		/* If the shell cannot run, do not retry it at full speed. */
		if (WIFEXITED(status) && WEXITSTATUS(status) == EXIT_NOEXEC)
			sleep(RETRY_DELAY);
		printf("init: starting a new shell\n");
		fflush(stdout);
	}
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "-c") == 0)
		return run_command(argv[2]);
	if (argc != 1)
		fprintf(stderr, "usage: init [-c COMMAND-LINE]\n");
	run_shells();
	return 0;
}
