/*
 * sig_sets - the libc signal-set functions and signal messages.
 *
 * sigemptyset/sigfillset/sigaddset/sigdelset/sigismember on every valid
 * signal 1..NSIG-1 (a set holds signal n as bit n - 1), EINVAL with the
 * set unchanged for 0, NSIG, a negative number and a huge one;
 * strsignal's texts; psignal's line on stderr ("prefix: text\n", or just
 * the text for a NULL or empty prefix), read back through a pipe.
 */
#include "sig_test.h"

#define BAD_SIG_HUGE	1000
#define LINE_MAX_LEN	128
#define SET_PATTERN	0x5a5a5a5aUL	/* an arbitrary set, to see changes */

static void check_bad_numbers(void)
{
	static const int bad[] = { 0, -1, NSIG, BAD_SIG_HUGE };

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		sigset_t set = SET_PATTERN;

		errno = 0;
		CHECK(sigaddset(&set, bad[i]) == -1 && errno == EINVAL,
		      "sigaddset(%d) should fail with EINVAL", bad[i]);
		errno = 0;
		CHECK(sigdelset(&set, bad[i]) == -1 && errno == EINVAL,
		      "sigdelset(%d) should fail with EINVAL", bad[i]);
		errno = 0;
		CHECK(sigismember(&set, bad[i]) == -1 && errno == EINVAL,
		      "sigismember(%d) should fail with EINVAL", bad[i]);
		CHECK(set == SET_PATTERN, "a failed call changed the set to %#llx", set);
	}
}

static void check_each_signal(void)
{
	sigset_t empty, full;

	CHECK(sigemptyset(&empty) == 0 && empty == 0, "sigemptyset gave %#llx", empty);
	CHECK(sigfillset(&full) == 0, "sigfillset failed");
	for (int sig = 1; sig < NSIG; sig++) {
		sigset_t set;

		CHECK(sigismember(&empty, sig) == 0, "signal %d in the empty set", sig);
		CHECK(sigismember(&full, sig) == 1, "signal %d not in the full set", sig);
		sigemptyset(&set);
		CHECK(sigaddset(&set, sig) == 0 && set == 1ULL << (sig - 1),
		      "sigaddset(%d) gave %#llx", sig, set);
		CHECK(sigaddset(&set, sig) == 0 && set == 1ULL << (sig - 1),
		      "adding signal %d twice gave %#llx", sig, set);
		CHECK(sigismember(&set, sig) == 1, "signal %d not a member after adding", sig);
		for (int other = 1; other < NSIG; other++)
			if (other != sig)
				CHECK(sigismember(&set, other) == 0,
				      "{%d} holds signal %d", sig, other);
		set = full;
		CHECK(sigdelset(&set, sig) == 0 && sigismember(&set, sig) == 0,
		      "sigdelset(%d) left it in", sig);
		CHECK((set | (1ULL << (sig - 1))) == full, "sigdelset(%d) took others", sig);
	}
}

static void check_strsignal(void)
{
	CHECK(strcmp(strsignal(SIGINT), "Interrupt") == 0, "strsignal(SIGINT) = '%s'",
	      strsignal(SIGINT));
	CHECK(strcmp(strsignal(SIGSEGV), "Segmentation fault") == 0,
	      "strsignal(SIGSEGV) = '%s'", strsignal(SIGSEGV));
	CHECK(strstr(strsignal(BAD_SIG_HUGE), "1000") != NULL,
	      "strsignal(1000) = '%s' does not give the number", strsignal(BAD_SIG_HUGE));
}

/* What psignal(sig, prefix) writes on stderr. */
static void psignal_output(int sig, const char *prefix, char *line, size_t size)
{
	int fds[2], saved = dup(STDERR_FILENO);
	ssize_t n;

	line[0] = '\0';
	if (saved < 0 || pipe(fds) < 0 || dup2(fds[1], STDERR_FILENO) < 0) {
		CHECK(0, "cannot redirect stderr to a pipe");
		return;
	}
	close(fds[1]);
	psignal(sig, prefix);
	dup2(saved, STDERR_FILENO);
	close(saved);
	n = read(fds[0], line, size - 1);
	close(fds[0]);
	line[n > 0 ? n : 0] = '\0';
}

static void check_psignal(void)
{
	char line[LINE_MAX_LEN];

	psignal_output(SIGTERM, "worker", line, sizeof(line));
	CHECK(strcmp(line, "worker: Terminated\n") == 0, "psignal wrote '%s'", line);
	psignal_output(SIGKILL, NULL, line, sizeof(line));
	CHECK(strcmp(line, "Killed\n") == 0, "psignal(NULL) wrote '%s'", line);
	psignal_output(SIGHUP, "", line, sizeof(line));
	CHECK(strcmp(line, "Hangup\n") == 0, "psignal(\"\") wrote '%s'", line);
}

int main(void)
{
	check_bad_numbers();
	check_each_signal();
	check_strsignal();
	check_psignal();
	return test_done("sig_sets");
}
