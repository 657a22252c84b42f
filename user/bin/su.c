/*
 * su.c - run a shell (or one command) as another user.
 *
 *   su [USER]              a shell as USER (default root); exit returns
 *   su [USER] -c COMMAND   sh -c COMMAND as USER
 *
 * This teaching system has no passwords: su is for root only, which is
 * who the console's shell runs as.  A user who is not root gets "only
 * root may switch users" (on Linux, su would ask for USER's password).
 * su sets the group ID, then the user ID (real, effective and saved: once
 * the user ID is no longer 0 the group could not change any more), sets
 * HOME, USER, LOGNAME and SHELL, and runs USER's shell from /etc/passwd -
 * /bin/sh when that is not a shell (daemon, bin, nobody have /bin/false),
 * so `su nobody -c id` still works.
 */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_SHELL	"/bin/sh"

static int usage(void)
{
	fprintf(stderr, "usage: su [USER] [-c COMMAND]\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *user = "root", *command = NULL, *shell;
	struct passwd *pw;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0) {
			if (++i >= argc)
				return usage();
			command = argv[i];
		} else if (argv[i][0] == '-') {
			return usage();
		} else {
			user = argv[i];
		}
	}
	pw = getpwnam(user);
	if (!pw) {
		fprintf(stderr, "su: user %s does not exist\n", user);
		return 1;
	}
	if (geteuid() != 0) {
		fprintf(stderr, "su: only root may switch users (this system has no passwords)\n");
		return 1;
	}
	if (setresgid(pw->pw_gid, pw->pw_gid, pw->pw_gid) < 0 ||
	    setresuid(pw->pw_uid, pw->pw_uid, pw->pw_uid) < 0) {
		fprintf(stderr, "su: cannot become %s: %s\n", user, strerror(errno));
		return 1;
	}
	shell = strcmp(pw->pw_shell, "/bin/sh") == 0 ? pw->pw_shell : DEFAULT_SHELL;
	setenv("HOME", pw->pw_dir, 1);
	setenv("USER", pw->pw_name, 1);
	setenv("LOGNAME", pw->pw_name, 1);
	setenv("SHELL", shell, 1);
	if (command)
		execl(shell, "sh", "-c", command, (char *)NULL);
	else
		execl(shell, "sh", (char *)NULL);
	fprintf(stderr, "su: %s: %s\n", shell, strerror(errno));
	return 127;
}
