/*
 * ps_signals.c - ps shows a process's pending and blocked signals by name,
 * all 64 of them: a child blocks SIGUSR1, SIGTERM and the real-time signal
 * SIGRTMIN+8 (bit 39, beyond 32 bits), the parent sends it SIGUSR1 and
 * SIGRTMIN+8, then
 *  - kstat(KSTAT_PROCS) reports both in the child's 64-bit pending set and
 *    all three in its blocked set;
 *  - /bin/ps prints the child's line with "USR1,RTMIN+8" pending and
 *    "USR1,TERM,RTMIN+8" blocked, and no hex mask.
 */
#include <sys/kstat.h>
#include "test.h"

#define RT_SIG		(SIGRTMIN + 8)
#define BIT(sig)	(1ULL << ((sig) - 1))
#define MAX_PROCS	64
#define PS_OUT_MAX	4096
#define LINE_MAX_LEN	160

static void blocked_child(int ready_fd)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, RT_SIG);
	sigprocmask(SIG_BLOCK, &set, NULL);
	write(ready_fd, "x", 1);
	for (;;)
		pause();
}

/* The kstat record of pid, or false. */
static bool proc_record(pid_t pid, struct kstat_proc *out)
{
	static struct kstat_proc procs[MAX_PROCS];
	int n = kstat(KSTAT_PROCS, procs, sizeof(procs));

	for (int i = 0; i < n; i++)
		if (procs[i].pid == pid) {
			*out = procs[i];
			return true;
		}
	return false;
}

/* Run /bin/ps, its output in buf. */
static void run_ps(char *buf, size_t size)
{
	int fds[2];
	size_t len = 0;
	ssize_t got;

	REQUIRE(pipe(fds) == 0, "pipe");
	pid_t pid = test_fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		execl("/bin/ps", "ps", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while (len < size - 1 && (got = read(fds[0], buf + len, size - 1 - len)) > 0)
		len += got;
	buf[len] = '\0';
	close(fds[0]);
	CHECK_EQ("ps exit status", wait_status(pid), 0);
}

int main(void)
{
	struct kstat_proc rec;
	char out[PS_OUT_MAX], line[LINE_MAX_LEN], *p;
	int fds[2];
	char c;

	REQUIRE(pipe(fds) == 0, "pipe");
	pid_t child = test_fork();
	if (child == 0)
		blocked_child(fds[1]);
	REQUIRE(read(fds[0], &c, 1) == 1, "child ready");
	CHECK_EQ("kill USR1", kill(child, SIGUSR1), 0);
	CHECK_EQ("kill RTMIN+8", kill(child, RT_SIG), 0);

	REQUIRE(proc_record(child, &rec), "kstat record of the child");
	CHECK(rec.pending == (BIT(SIGUSR1) | BIT(RT_SIG)),
	      "pending %#llx, expected %#llx", rec.pending,
	      BIT(SIGUSR1) | BIT(RT_SIG));
	CHECK(rec.blocked == (BIT(SIGUSR1) | BIT(SIGTERM) | BIT(RT_SIG)),
	      "blocked %#llx", rec.blocked);

	run_ps(out, sizeof(out));
	snprintf(line, sizeof(line), "\n%5d ", child);
	p = strstr(out, line);
	CHECK(p != NULL, "no line for pid %d in ps's output:\n%s", child, out);
	if (p) {
		char *end = strchr(p + 1, '\n');

		if (end)
			*end = '\0';
		CHECK(strstr(p, " USR1,RTMIN+8 ") != NULL,
		      "ps line '%s' does not show USR1,RTMIN+8 pending", p + 1);
		CHECK(strstr(p, " USR1,TERM,RTMIN+8") != NULL,
		      "ps line '%s' does not show USR1,TERM,RTMIN+8 blocked", p + 1);
	}
	CHECK(strstr(out, "PENDING") && strstr(out, "BLOCKED"),
	      "ps header lacks PENDING or BLOCKED:\n%s", out);

	kill(child, SIGKILL);
	wait_status(child);
	return test_done("ps_signals");
}
