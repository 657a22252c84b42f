/*
 * compare_probe - the program tools/tests/linux_compare.sh compares in
 * Relay and in Linux: it prints its arguments (the same on both kernels)
 * and its process id (which differs), and exits 3.
 */
#include <stdio.h>
#include <unistd.h>

#define EXIT_CODE	3

int main(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		printf("argv[%d] = %s\n", i, argv[i]);
	printf("pid %d\n", (int)getpid());
	return EXIT_CODE;
}
