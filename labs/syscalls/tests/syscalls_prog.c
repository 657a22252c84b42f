/*
 * syscalls_prog - the syscalls lab's check of the user program
 * /bin/syscount: its output for itself, for several pids and for init, and
 * its exit status and message for a bad pid.
 */
#include <sys/syscount.h>
#include <unistd.h>
#include "test.h"

#define OUT_LEN		512

/* run_syscount ARGV OUT - run /bin/syscount with ARGV, its stdout and
 * stderr in OUT; its wait status. */
static int run_syscount(char *const argv[], char *out)
{
	int fds[2], len = 0, n;
	pid_t pid;

	REQUIRE(pipe(fds) == 0, "pipe");
	pid = test_fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		close(fds[1]);
		execv("/bin/syscount", argv);
		_exit(127);
	}
	close(fds[1]);
	while (len < OUT_LEN - 1 && (n = (int)read(fds[0], out + len, OUT_LEN - 1 - len)) > 0)
		len += n;
	out[len] = '\0';
	close(fds[0]);
	return wait_status(pid);
}

/* Does line LINE of OUT (from 0) say "pid PID: N system calls", N > 0? */
static bool says_count(const char *out, int line, int pid)
{
	int got_pid;
	unsigned int calls;
	char rest[32];

	for (; line > 0 && out; line--)
		if ((out = strchr(out, '\n')))
			out++;
	return out && sscanf(out, "pid %d: %u system call%31[s]", &got_pid, &calls, rest) == 3 &&
	       got_pid == pid && calls > 0;
}

int main(void)
{
	char out[OUT_LEN];
	int status;
	pid_t gone;

	status = run_syscount((char *[]){ "syscount", NULL }, out);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "syscount: status %#x", status);
	CHECK(strncmp(out, "pid ", 4) == 0 && strstr(out, " system calls\n"),
	      "syscount printed: %s", out);

	status = run_syscount((char *[]){ "syscount", "1", "1", NULL }, out);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "syscount 1 1: status %#x", status);
	CHECK(says_count(out, 0, 1) && says_count(out, 1, 1), "syscount 1 1 printed: %s", out);

	gone = test_fork();
	if (gone == 0)
		_exit(0);
	CHECK_EXIT("child", gone, 0);
	char pid_arg[16];
	snprintf(pid_arg, sizeof(pid_arg), "%d", (int)gone);
	status = run_syscount((char *[]){ "syscount", pid_arg, NULL }, out);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1,
	      "syscount <no such pid>: status %#x, want exit 1", status);
	CHECK(strstr(out, "syscount: ") != NULL, "syscount <no such pid> printed: %s", out);

	status = run_syscount((char *[]){ "syscount", "12x", NULL }, out);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1, "syscount 12x: status %#x", status);
	return test_done("syscalls_prog");
}
