/*
 * sleep.c - wait for a while.
 *
 *   sleep SECONDS     an integer or a decimal number, like 2 or 0.5
 *
 * The number is read without floating point: the whole seconds and up
 * to nine decimals (nanoseconds) go straight into a struct timespec.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <time.h>

#define FIRST_DECIMAL_NS	100000000	/* what 0.1 s is in ns */

/* Parse "N" or "N.DDD" into ts; return 0, or -1 if s is no such number. */
static int parse_seconds(const char *s, struct timespec *ts)
{
	long scale = FIRST_DECIMAL_NS;	/* what the next decimal is worth */
	int digits = 0;

	ts->tv_sec = 0;
	ts->tv_nsec = 0;
	for (; isdigit((unsigned char)*s); s++, digits++)
		ts->tv_sec = ts->tv_sec * 10 + (*s - '0');
	if (*s == '.') {
		for (s++; isdigit((unsigned char)*s); s++, digits++) {
			ts->tv_nsec += (*s - '0') * scale;
			scale /= 10;
		}
	}
	return digits > 0 && *s == '\0' ? 0 : -1;
}

int main(int argc, char **argv)
{
	struct timespec ts;

	if (argc != 2 || parse_seconds(argv[1], &ts) < 0) {
		fprintf(stderr, "usage: sleep SECONDS   (e.g. 2 or 0.5)\n");
		return 2;
	}
	/* A signal may cut the sleep short; sleep on for what is left. */
	while (nanosleep(&ts, &ts) < 0) {
		if (errno != EINTR) {
			perror("sleep");
			return 1;
		}
	}
	return 0;
}
