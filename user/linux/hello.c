/*
 * hello - the smallest Linux program: stdio, argv and the environment.
 * Built on the host with glibc and with musl (gcc -m32 -static), run
 * unchanged on Relay by tools/tests/linux_programs.sh.  Exits 0 and prints
 * "hello: ok" when all is well.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	printf("hello, world (argc %d, argv[0] %s)\n", argc, argv[0]);
	for (int i = 1; i < argc; i++)
		printf("argv[%d] = %s\n", i, argv[i]);
	if (argc < 1 || !argv[0] || argv[argc]) {
		printf("hello: FAIL bad argv\n");
		return 1;
	}
	char *buf = malloc(100000);
	if (!buf) {
		printf("hello: FAIL malloc\n");
		return 1;
	}
	memset(buf, 'x', 100000);
	free(buf);
	printf("hello: ok\n");
	return 0;
}
