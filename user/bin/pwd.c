/*
 * pwd.c - print the current working directory.
 */
#include <stdio.h>
#include <unistd.h>

#define MAX_PATH	256

int main(int argc, char **argv)
{
	char cwd[MAX_PATH];

	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "usage: pwd\n");
		return 2;
	}
	if (!getcwd(cwd, sizeof(cwd))) {
		perror("pwd");
		return 1;
	}
	printf("%s\n", cwd);
	return 0;
}
