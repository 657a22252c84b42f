/*
 * fork_limit - filling the process table makes fork fail cleanly with
 * EAGAIN, and emptying it gives everything back.
 *
 * The parent forks sleeping children until fork fails: it must fail with
 * EAGAIN exactly when every slot of the table (kstat max_procs) is in
 * use.  Then it kills every child with SIGKILL and reaps it (each must be
 * reported killed by SIGKILL), after which there is no child left, fork
 * works again, and the kernel's free frame count and heap use are back to
 * where they were before the first of those forks.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/kstat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_CHILDREN	256	/* well above any process table */
#define CHILD_SLEEP	1000	/* seconds: until killed */

static int failures;
static pid_t children[MAX_CHILDREN];

static void fail_count(const char *what, long got, long expected)
{
	printf("FAIL: %s (got %ld, expected %ld)\n", what, got, expected);
	fflush(stdout);
	failures++;
}

static int get_info(struct kstat_info *info)
{
	if (kstat(KSTAT_INFO, info, sizeof(*info)) < 0) {
		printf("FAIL: kstat KSTAT_INFO (errno %d)\n", errno);
		failures++;
		return -1;
	}
	return 0;
}

/* Fork and reap one child that exits at once; 0 if that worked. */
static int fork_and_reap(void)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0)
		return -1;
	return 0;
}

/* Fork sleepers until fork fails; returns how many were made. */
static int fill_table(int *fork_errno)
{
	int n = 0;

	*fork_errno = 0;
	while (n < MAX_CHILDREN) {
		pid_t pid = fork();

		if (pid < 0) {
			*fork_errno = errno;
			break;
		}
		if (pid == 0)
			for (;;)
				sleep(CHILD_SLEEP);
		children[n++] = pid;
	}
	return n;
}

static void kill_and_reap(int n)
{
	for (int i = 0; i < n; i++)
		if (kill(children[i], SIGKILL) < 0)
			fail_count("kill(child, SIGKILL)", -errno, 0);
	for (int i = 0; i < n; i++) {
		int status = 0;
		pid_t got = waitpid(children[i], &status, 0);

		if (got != children[i])
			fail_count("waitpid on a killed child", got, children[i]);
		else if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
			fail_count("killed child's status", status, SIGKILL);
	}
}

int main(void)
{
	struct kstat_info before, full, after;
	int n, fork_errno;
	long expected;

	fflush(stdout);
	if (fork_and_reap() < 0)
		fail_count("warm-up fork", -1, 0);
	if (get_info(&before) < 0)
		return 1;
	expected = (long)before.max_procs - (long)before.nprocs;
	n = fill_table(&fork_errno);
	if (get_info(&full) == 0 && full.nprocs != full.max_procs)
		fail_count("process slots in use when fork failed", (long)full.nprocs,
			   (long)full.max_procs);
	if (fork_errno != EAGAIN)
		fail_count("errno of the failing fork", fork_errno, EAGAIN);
	if (n != expected)
		fail_count("children forked before EAGAIN", n, expected);
	kill_and_reap(n);
	if (waitpid(-1, NULL, WNOHANG) != -1 || errno != ECHILD)
		fail_count("waitpid with no child left (errno)", errno, ECHILD);
	if (fork_and_reap() < 0)
		fail_count("fork after the table emptied", -1, 0);
	if (get_info(&after) < 0)
		return 1;
	if (after.free_frames != before.free_frames)
		fail_count("free frames after", (long)after.free_frames,
			   (long)before.free_frames);
	if (after.heap_used != before.heap_used)
		fail_count("kernel heap bytes used after", (long)after.heap_used,
			   (long)before.heap_used);
	if (after.nprocs != before.nprocs)
		fail_count("process slots in use after", (long)after.nprocs,
			   (long)before.nprocs);
	return failures ? 1 : 0;
}
