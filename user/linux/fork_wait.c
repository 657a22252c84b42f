/*
 * fork_wait - fork children, collect their exit statuses and a death by
 * signal with waitpid.  A Linux program built on the host (glibc, musl),
 * run unchanged on Relay; prints "fork_wait: ok" and exits 0 when all is
 * well.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHILDREN	5

int main(void)
{
	pid_t pids[CHILDREN];
	int status;

	for (int i = 0; i < CHILDREN; i++) {
		pids[i] = fork();
		if (pids[i] < 0) {
			perror("fork_wait: FAIL fork");
			return 1;
		}
		if (pids[i] == 0)
			_exit(10 + i);
	}
	for (int i = CHILDREN - 1; i >= 0; i--) {
		if (waitpid(pids[i], &status, 0) != pids[i] || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 10 + i) {
			printf("fork_wait: FAIL child %d status 0x%x\n", i, status);
			return 1;
		}
	}
	pid_t pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	kill(pid, SIGTERM);
	if (waitpid(pid, &status, 0) != pid || !WIFSIGNALED(status) || WTERMSIG(status) != SIGTERM) {
		printf("fork_wait: FAIL killed child status 0x%x\n", status);
		return 1;
	}
	if (wait(&status) != -1) {
		printf("fork_wait: FAIL wait with no children succeeded\n");
		return 1;
	}
	printf("fork_wait: %d children exited, one killed by SIGTERM\n", CHILDREN);
	printf("fork_wait: ok\n");
	return 0;
}
