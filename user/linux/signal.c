/*
 * signal - handlers installed with sigaction run on kill, alarm and a
 * child's exit; a blocked signal waits for sigsuspend; a handler may call
 * printf's stdio after the signal (the C library's thread pointer, %gs,
 * must survive delivery).  A Linux program built on the host (glibc,
 * musl), run unchanged on Relay; prints "signal: ok" and exits 0.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr1, got_alrm, got_chld;

static void on_signal(int sig)
{
	char buf[32];

	if (sig == SIGUSR1)
		got_usr1++;
	else if (sig == SIGALRM)
		got_alrm++;
	else if (sig == SIGCHLD)
		got_chld++;
	snprintf(buf, sizeof(buf), "caught %d\n", sig);
	write(STDOUT_FILENO, buf, strlen(buf));
}

int main(void)
{
	struct sigaction sa;
	sigset_t block, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR1, &sa, NULL) < 0 || sigaction(SIGALRM, &sa, NULL) < 0 ||
	    sigaction(SIGCHLD, &sa, NULL) < 0) {
		perror("signal: FAIL sigaction");
		return 1;
	}
	kill(getpid(), SIGUSR1);
	if (got_usr1 != 1) {
		printf("signal: FAIL SIGUSR1 handler ran %d times\n", (int)got_usr1);
		return 1;
	}
	sigemptyset(&block);
	sigaddset(&block, SIGALRM);
	sigprocmask(SIG_BLOCK, &block, &old);
	alarm(1);
	while (!got_alrm)
		sigsuspend(&old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	pid_t pid = fork();
	if (pid == 0)
		_exit(7);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		;
	if (!got_chld) {
		printf("signal: FAIL no SIGCHLD\n");
		return 1;
	}
	printf("signal: usr1 %d, alrm %d, chld %d\n", (int)got_usr1, (int)got_alrm, (int)got_chld);
	printf("signal: ok\n");
	return 0;
}
