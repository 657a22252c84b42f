/*
 * syscount - print how many system calls processes have made.
 *
 *   syscount [PID...]
 *
 * prints "pid P: N system calls" for each PID (default: syscount's own;
 * 0 also names itself) through one syscount call; exits 1 with a message
 * on stderr if a PID is not a number or no such process exists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/syscount.h>
#include <unistd.h>

/* LAB syscalls: write the program: parse the pids, call syscount once, print one line per pid */
/* parse_pid ARG - the pid ARG names, or -1 if it is not a number. */
static int parse_pid(const char *arg)
{
	char *end;
	long pid = strtol(arg, &end, 10);

	if (*arg == '\0' || *end != '\0' || pid < 0 || pid > 0x7fffffff)
		return -1;
	return (int)pid;
}

int main(int argc, char **argv)
{
	struct syscount recs[SYSCOUNT_MAX];
	int n = argc > 1 ? argc - 1 : 1;

	if (n > SYSCOUNT_MAX) {
		fprintf(stderr, "syscount: at most %d pids\n", SYSCOUNT_MAX);
		return 1;
	}
	recs[0].pid = getpid();
	for (int i = 1; i < argc; i++) {
		recs[i - 1].pid = parse_pid(argv[i]);
		if (recs[i - 1].pid < 0) {
			fprintf(stderr, "syscount: '%s' is not a pid\n", argv[i]);
			return 1;
		}
	}
	if (syscount(recs, (unsigned int)n) < 0) {
		fprintf(stderr, "syscount: %s\n", strerror(errno));
		return 1;
	}
	for (int i = 0; i < n; i++)
		printf("pid %d: %u system calls\n", recs[i].pid, recs[i].calls);
	return 0;
}
/* LAB END: int main(void) { return 1; } */
