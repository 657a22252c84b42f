/*
 * sig_kill_zombie - a zombie still counts as a process for kill(): a
 * process group whose only members are zombies exists (kill returns 0,
 * as on Linux); once they are reaped it is gone (ESRCH).
 *
 * Checks: a child in a group of its own exits and is not yet waited
 * for; kill(-pgid, 0), kill(-pgid, SIGTERM), kill(pid, SIGTERM) and
 * kill(-1, 0) succeed.  After waitpid, kill(-pgid, 0) and kill(pid, 0)
 * fail with ESRCH and the zombie's status was not changed by SIGTERM.
 */
#include "test.h"

#define EXIT_CODE	3

int main(void)
{
	int fd[2], status;
	pid_t pid;
	char c;

	REQUIRE(pipe(fd) == 0, "pipe");
	pid = test_fork();
	if (pid == 0) {
		setpgid(0, 0);
		_exit(EXIT_CODE);
	}
	setpgid(pid, pid);
	close(fd[1]);
	CHECK(read(fd[0], &c, 1) == 0, "end of file once the child exited");
	sleep_ms(POLL_MS);

	CHECK(kill(-pid, 0) == 0, "kill(-pgid, 0) with only a zombie in the group");
	CHECK(kill(-pid, SIGTERM) == 0, "kill(-pgid, SIGTERM) with only a zombie");
	CHECK(kill(pid, SIGTERM) == 0, "kill(zombie, SIGTERM)");
	CHECK(kill(-1, 0) == 0, "kill(-1, 0)");

	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == EXIT_CODE, "the zombie's status: %#x", status);
	CHECK_ERR(kill(-pid, 0), ESRCH);
	CHECK_ERR(kill(pid, 0), ESRCH);
	return test_done("sig_kill_zombie");
}
