/*
 * ipcrm.c - remove System V IPC objects by id or by key.
 *
 *   ipcrm [-q msqid] [-s semid] [-m shmid] [-Q msgkey] [-S semkey] [-M shmkey]...
 *
 * Any number of options, in any order; a key is hexadecimal with a 0x
 * prefix, else decimal.  Every removal is tried; each failure is reported
 * ("ipcrm: invalid id (5)", "ipcrm: permission denied for key (0x1234)")
 * and makes the exit status 1.  A removed segment lives on until its
 * last detach; queues and semaphore sets go at once, waking their
 * sleepers with EIDRM.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>

#define HEX_BASE	16
#define DEC_BASE	10

enum kind { MSG, SEM, SHM };

static int usage(void)
{
	fprintf(stderr, "usage: ipcrm [-q msqid] [-s semid] [-m shmid] "
		"[-Q msgkey] [-S semkey] [-M shmkey]...\n");
	return 1;
}

/* A whole word as a number in base; false if it is not one. */
static bool parse(const char *s, int base, unsigned long max, unsigned long *out)
{
	char *end;

	if (!*s || *s == '-' || *s == '+')
		return false;
	errno = 0;
	*out = strtoul(s, &end, base);
	return !*end && !errno && *out <= max;
}

static bool parse_key(const char *s, key_t *key)
{
	unsigned long v;
	bool ok;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		ok = parse(s + 2, HEX_BASE, UINT_MAX, &v);
	else
		ok = parse(s, DEC_BASE, UINT_MAX, &v);
	*key = (key_t)v;
	return ok;
}

static int remove_id(enum kind kind, int id)
{
	switch (kind) {
	case MSG:
		return msgctl(id, IPC_RMID, NULL);
	case SEM:
		return semctl(id, 0, IPC_RMID);
	default:
		return shmctl(id, IPC_RMID, NULL);
	}
}

/* The id of key's object, or -1 and errno. */
static int lookup(enum kind kind, key_t key)
{
	switch (kind) {
	case MSG:
		return msgget(key, 0);
	case SEM:
		return semget(key, 0, 0);
	default:
		return shmget(key, 0, 0);
	}
}

/* Report a failure about an id or key (what), the text given as arg. */
static void report(int err, const char *what, const char *arg)
{
	switch (err) {
	case EACCES:
	case EPERM:
		fprintf(stderr, "ipcrm: permission denied for %s (%s)\n", what, arg);
		break;
	case EINVAL:
	case ENOENT:
		fprintf(stderr, "ipcrm: invalid %s (%s)\n", what, arg);
		break;
	case EIDRM:
		fprintf(stderr, "ipcrm: already removed %s (%s)\n", what, arg);
		break;
	default:
		fprintf(stderr, "ipcrm: %s (%s): %s\n", what, arg, strerror(err));
		break;
	}
}

/* Remove by id (by_key false) or by key; 0 on success, 1 on failure. */
static int remove_one(enum kind kind, bool by_key, const char *arg)
{
	const char *what = by_key ? "key" : "id";
	unsigned long v;
	key_t key;
	int id;

	if (by_key) {
		if (!parse_key(arg, &key)) {
			fprintf(stderr, "ipcrm: bad key: %s\n", arg);
			return 1;
		}
		if (key == IPC_PRIVATE) {
			fprintf(stderr, "ipcrm: illegal key (%s)\n", arg);
			return 1;
		}
		id = lookup(kind, key);
		if (id < 0) {
			report(errno, what, arg);
			return 1;
		}
	} else {
		if (!parse(arg, DEC_BASE, INT_MAX, &v)) {
			fprintf(stderr, "ipcrm: bad id: %s\n", arg);
			return 1;
		}
		id = (int)v;
	}
	if (remove_id(kind, id) < 0) {
		report(errno, what, arg);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0, c;

	if (argc < 2)
		return usage();
	while ((c = getopt(argc, argv, "q:s:m:Q:S:M:")) != -1) {
		switch (c) {
		case 'q':
			status |= remove_one(MSG, false, optarg);
			break;
		case 's':
			status |= remove_one(SEM, false, optarg);
			break;
		case 'm':
			status |= remove_one(SHM, false, optarg);
			break;
		case 'Q':
			status |= remove_one(MSG, true, optarg);
			break;
		case 'S':
			status |= remove_one(SEM, true, optarg);
			break;
		case 'M':
			status |= remove_one(SHM, true, optarg);
			break;
		default:
			return usage();
		}
	}
	if (optind < argc)
		return usage();
	return status;
}
