/*
 * rlimit_cpu - RLIMIT_CPU, as on Linux: a process whose CPU time reaches
 * the soft limit (in seconds) gets SIGXCPU, then again each further
 * second, and SIGKILL when it reaches the hard limit.  A child with soft
 * limit 1 and hard limit 3 that catches SIGXCPU spins until it is killed:
 * it must have caught SIGXCPU exactly twice (at 1 and 2 seconds) and end
 * by SIGKILL.  A child that does not catch SIGXCPU is killed by it.
 * Time spent sleeping is not CPU time: a child that sleeps instead of
 * spinning is never signalled.
 */
#include "test.h"
#include <sys/resource.h>

#define SOFT		1
#define HARD		3
#define SLEEP_MS	1500	/* longer than SOFT, in sleep, not on the CPU */

static int report_fd;

static void on_xcpu(int sig)
{
	char b = (char)sig;

	if (write(report_fd, &b, 1) != 1)
		_exit(EXIT_CHILD_FAILED);
}

static void set_cpu_limit(rlim_t soft, rlim_t hard)
{
	struct rlimit lim = { soft, hard }, nocore = { 0, 0 };

	REQUIRE(setrlimit(RLIMIT_CORE, &nocore) == 0, "setrlimit(RLIMIT_CORE)");
	REQUIRE(setrlimit(RLIMIT_CPU, &lim) == 0, "setrlimit(RLIMIT_CPU)");
}

static void spin(void *arg)
{
	int *fds = arg;
	volatile unsigned long n = 0;

	if (fds) {
		close(fds[0]);
		report_fd = fds[1];
		signal(SIGXCPU, on_xcpu);
		set_cpu_limit(SOFT, HARD);
	} else {
		set_cpu_limit(SOFT, RLIM_INFINITY);
	}
	for (;;)
		n++;
}

static void sleeper(void *unused)
{
	(void)unused;
	set_cpu_limit(SOFT, SOFT);
	sleep_ms(SLEEP_MS);
	child_exit();
}

int main(void)
{
	struct leak_mark before;
	int fds[2], status, caught = 0;
	char b;

	fflush(stdout);
	mark_leaks(&before);
	REQUIRE(pipe(fds) == 0, "pipe");
	status = run_child(spin, fds);
	close(fds[1]);
	while (read(fds[0], &b, 1) == 1) {
		CHECK_EQ("signal caught", b, SIGXCPU);
		caught++;
	}
	close(fds[0]);
	CHECK_EQ("SIGXCPU caught before the hard limit", caught, HARD - SOFT);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	      "spinner at the hard limit: status %#x, expected killed by SIGKILL", status);
	status = run_child(spin, NULL);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU,
	      "spinner at the soft limit: status %#x, expected killed by SIGXCPU", status);
	CHECK_EQ("a sleeper is not charged", run_child(sleeper, NULL), 0);
	CHECK_LEAKS("after the children ended", &before);
	return test_done("rlimit_cpu");
}
