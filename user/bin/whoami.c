/*
 * whoami.c - print the user name of the effective user ID (from
 * /etc/passwd), or the number when it has no name there.
 */
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct passwd *pw;

	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "usage: whoami\n");
		return 2;
	}
	pw = getpwuid(geteuid());
	if (pw)
		printf("%s\n", pw->pw_name);
	else
		printf("%u\n", (unsigned)geteuid());
	return 0;
}
