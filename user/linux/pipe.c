/*
 * pipe - a parent and child talk through two pipes, stdio on top; then a
 * reader sees end of file once every writer is gone.  A Linux program
 * built on the host (glibc, musl), run unchanged on Relay; prints
 * "pipe: ok" and exits 0 when all is well.
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define ROUNDS	100

int main(void)
{
	int down[2], up[2], status;
	char line[64];

	if (pipe(down) < 0 || pipe(up) < 0) {
		perror("pipe: FAIL pipe");
		return 1;
	}
	pid_t pid = fork();
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		FILE *in = fdopen(down[0], "r"), *out = fdopen(up[1], "w");
		int n;
		while (fgets(line, sizeof(line), in) && sscanf(line, "%d", &n) == 1) {
			fprintf(out, "%d\n", n * 2);
			fflush(out);
		}
		_exit(0);
	}
	close(down[0]);
	close(up[1]);
	FILE *to = fdopen(down[1], "w"), *from = fdopen(up[0], "r");
	for (int i = 0; i < ROUNDS; i++) {
		int got;
		fprintf(to, "%d\n", i);
		fflush(to);
		if (!fgets(line, sizeof(line), from) || sscanf(line, "%d", &got) != 1 || got != 2 * i) {
			printf("pipe: FAIL round %d\n", i);
			return 1;
		}
	}
	fclose(to);
	if (fgets(line, sizeof(line), from)) {
		printf("pipe: FAIL no end of file after the writer closed\n");
		return 1;
	}
	if (waitpid(pid, &status, 0) != pid || status != 0) {
		printf("pipe: FAIL child status 0x%x\n", status);
		return 1;
	}
	printf("pipe: %d round trips through two pipes\n", ROUNDS);
	printf("pipe: ok\n");
	return 0;
}
