/*
 * sig_orphan_stop - SIGTSTP, SIGTTIN and SIGTTOU do not stop a process
 * whose process group is orphaned (no member has a parent in another
 * group of the same session): no one could continue it.  With their
 * default action they are discarded; a handler still runs.
 *
 * Checks: a child starts a session and forks a grandchild into a group
 * of its own, then exits, which orphans that group.  The grandchild
 * raises each of the three signals (and sends them with kill), then
 * reports on a pipe that it is still running and that its SIGTSTP
 * handler ran once installed.  A grandchild that stopped never reports;
 * the test then kills it.
 */
#include "test.h"

#define REPORT_OK	'y'

static volatile sig_atomic_t tstp_caught;

static void on_tstp(int sig)
{
	(void)sig;
	tstp_caught++;
}

static void grandchild(int out, pid_t parent)
{
	static const int stops[] = { SIGTSTP, SIGTTIN, SIGTTOU };
	pid_t me = getpid();
	char ok = REPORT_OK;

	write(out, &me, sizeof(me));
	while (getppid() == parent)
		sleep_ms(POLL_MS);		/* until the parent is gone */
	for (unsigned i = 0; i < sizeof(stops) / sizeof(stops[0]); i++) {
		raise(stops[i]);
		kill(me, stops[i]);
	}
	signal(SIGTSTP, on_tstp);
	raise(SIGTSTP);
	if (tstp_caught != 1)
		ok = 'h';
	write(out, &ok, 1);
	_exit(0);
}

static void on_alarm(int sig)
{
	(void)sig;
}

int main(void)
{
	struct sigaction sa;
	int fd[2];
	pid_t child, orphan = -1;
	char report = 0;

	REQUIRE(pipe(fd) == 0, "pipe");
	child = test_fork();
	if (child == 0) {
		pid_t middle = getpid();

		setsid();
		if (fork() == 0) {
			setpgid(0, 0);
			close(fd[0]);
			grandchild(fd[1], middle);
		}
		_exit(0);
	}
	close(fd[1]);
	CHECK(child_ok(child), "the middle child");
	REQUIRE(read(fd[0], &orphan, sizeof(orphan)) == sizeof(orphan), "orphan's pid");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;		/* no SA_RESTART: read fails */
	sigaction(SIGALRM, &sa, NULL);
	alarm(WAIT_MS / MSEC_PER_SEC);
	CHECK(read(fd[0], &report, 1) == 1 && report == REPORT_OK,
	      "the orphan stopped (read %c)", report);
	alarm(0);
	kill(orphan, SIGKILL);
	return test_done("sig_orphan_stop");
}
