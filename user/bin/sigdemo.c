/*
 * sigdemo - a guided tour of signals.  Run it and read along: each part
 * says what it is about to do, does it, and shows what happened.
 *
 *   1. A handler: sigaction() installs a function; raise() sends the
 *      signal to ourselves and the function runs before raise returns.
 *   2. Blocking: a blocked signal waits, "pending".  Sent five times, it
 *      is pending once (standard signals do not queue), and is delivered
 *      once when sigprocmask() unblocks it.
 *   3. Real-time signals queue: SIGRTMIN sent five times with sigqueue()
 *      while blocked is delivered five times, each with the value it was
 *      sent with - next to SIGUSR1, sent five times too, delivered once.
 *   4. SIGCHLD: the kernel tells a parent when a child ends; the handler
 *      reaps it with waitpid(WNOHANG), so no zombie is left.
 *   5. Interrupted system calls: alarm(1) interrupts a read() that waits
 *      on an empty pipe.  Without SA_RESTART the read fails with EINTR;
 *      with SA_RESTART it goes on waiting after the handler (which, here,
 *      writes a byte into the pipe so that the read can finish).
 *   6. The three dispositions side by side: SIGUSR2 sent to a child with
 *      SIG_DFL (it dies), one with SIG_IGN (nothing happens) and one with
 *      a handler (it runs, the child goes on).
 *   7. SIGKILL and SIGSTOP: sigaction() refuses them (EINVAL), blocking
 *      them is silently not done, and a child that ignores and blocks
 *      every other signal is still stopped, continued and killed.
 *   8. Who may signal whom: root, or a process of the same user (real or
 *      effective uid of the sender matching the target's real or saved
 *      uid); others get EPERM.  As root the demo switches children to the
 *      users alice and bob of /etc/passwd to show it.
 *
 * Handlers only use write(): printf() is not safe in a handler, because
 * the signal may arrive while main() is inside printf with its buffer
 * half updated.  Variables shared with handlers are volatile sig_atomic_t.
 * The whole tour takes about two seconds (two alarms).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SENDS		5
#define CHILD_STATUS	42
#define CHILD_NAP_MS	300	/* a child waits this long for its signal */
#define CHILD_LIFE_MS	5000	/* parts 7 and 8: a child's longest life, so
				   that none outlives an interrupted demo */
#define NSEC_PER_MSEC	1000000L
#define MSEC_PER_SEC	1000L
#define ALICE		1000	/* users of /etc/passwd */
#define BOB		1001

static volatile sig_atomic_t usr1_count, rt_count;
static volatile sig_atomic_t rt_values[SENDS];
static volatile sig_atomic_t reaped_pid, reaped_status;
static int demo_pipe[2];

/* What a handler may do: write(2) a fixed message. */
static void say(const char *msg)
{
	write(STDOUT_FILENO, msg, strlen(msg));
}

static void on_usr1(int sig)
{
	(void)sig;
	usr1_count++;
	say("    [handler] SIGUSR1 arrived; the handler runs now.\n");
}

static void on_rt(int sig, siginfo_t *info, void *ctx)
{
	(void)sig, (void)ctx;
	if (rt_count < SENDS)
		rt_values[rt_count] = info->si_value.sival_int;
	rt_count++;
	say("    [handler] SIGRTMIN arrived, with a value.\n");
}

static void on_chld(int sig)
{
	int saved_errno = errno, status;
	pid_t pid;

	(void)sig;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		reaped_pid = pid;
		reaped_status = status;
		say("    [handler] SIGCHLD: reaped a child with waitpid(WNOHANG).\n");
	}
	errno = saved_errno;	/* waitpid must not disturb main's errno */
}

static void on_alrm(int sig)
{
	(void)sig;
	say("    [handler] SIGALRM: the alarm rang.\n");
}

static void on_alrm_feed(int sig)
{
	(void)sig;
	say("    [handler] SIGALRM: the alarm rang; writing 'x' into the pipe.\n");
	write(demo_pipe[1], "x", 1);
}

static void install(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void part_handler(void)
{
	printf("1. A signal handler\n"
	       "Installing a handler for SIGUSR1 with sigaction(), then calling\n"
	       "raise(SIGUSR1), which sends SIGUSR1 to this very process.\n");
	fflush(stdout);
	install(SIGUSR1, on_usr1, 0);
	raise(SIGUSR1);
	printf("Back in main: raise() returned after the handler ran (%d time).\n\n",
	       (int)usr1_count);
}

static void part_blocking(void)
{
	sigset_t usr1, pending;

	printf("2. Blocking: pending signals do not queue\n"
	       "Blocking SIGUSR1 with sigprocmask(SIG_BLOCK), then sending it %d times\n"
	       "with kill(getpid(), SIGUSR1).\n", SENDS);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	usr1_count = 0;
	for (int i = 0; i < SENDS; i++)
		kill(getpid(), SIGUSR1);
	sigpending(&pending);
	printf("The handler has run %d times; sigpending() says SIGUSR1 is %s.\n"
	       "A pending set has one bit per signal, so %d sends left one mark.\n"
	       "Unblocking it with sigprocmask(SIG_UNBLOCK):\n",
	       (int)usr1_count, sigismember(&pending, SIGUSR1) ? "pending" : "not pending",
	       SENDS);
	fflush(stdout);
	sigprocmask(SIG_UNBLOCK, &usr1, NULL);
	printf("It was delivered before sigprocmask() returned, and only once:\n"
	       "the handler ran %d time for %d sends.\n\n", (int)usr1_count, SENDS);
}

static void part_realtime(void)
{
	struct sigaction sa;
	sigset_t both;

	printf("3. Real-time signals queue\n"
	       "SIGRTMIN..SIGRTMAX (%d..%d) are real-time signals: each one sent is\n"
	       "queued.  Blocking SIGRTMIN and SIGUSR1, then sending each %d times\n"
	       "with sigqueue(), which also carries a value: 1, 2, 3...\n",
	       SIGRTMIN, SIGRTMAX, SENDS);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_rt;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGRTMIN, &sa, NULL);
	sigemptyset(&both);
	sigaddset(&both, SIGRTMIN);
	sigaddset(&both, SIGUSR1);
	sigprocmask(SIG_BLOCK, &both, NULL);
	usr1_count = rt_count = 0;
	for (int i = 1; i <= SENDS; i++) {
		union sigval v = { .sival_int = i };
		sigqueue(getpid(), SIGRTMIN, v);
		sigqueue(getpid(), SIGUSR1, v);
	}
	printf("Unblocking both (the lower number, SIGUSR1, comes first):\n");
	fflush(stdout);
	sigprocmask(SIG_UNBLOCK, &both, NULL);
	printf("SIGUSR1 ran %d time; SIGRTMIN ran %d times, with the values",
	       (int)usr1_count, (int)rt_count);
	for (int i = 0; i < rt_count && i < SENDS; i++)
		printf(" %d", (int)rt_values[i]);
	printf(".\nThe queue has a limit per user, RLIMIT_SIGPENDING: past it\n"
	       "sigqueue() fails with EAGAIN.\n\n");
}

static void part_sigchld(void)
{
	sigset_t chld, old;
	pid_t pid;

	printf("4. SIGCHLD: hearing about children\n"
	       "Installing a SIGCHLD handler that reaps children, then forking a\n"
	       "child that exits with status %d.  main() waits in sigsuspend(),\n"
	       "which unblocks SIGCHLD and sleeps in one step, so the signal\n"
	       "cannot slip in between.\n", CHILD_STATUS);
	fflush(stdout);
	install(SIGCHLD, on_chld, SA_RESTART);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old);
	pid = fork();
	if (pid == 0)
		_exit(CHILD_STATUS);
	if (pid < 0) {
		perror("sigdemo: fork");
		return;
	}
	while (reaped_pid != pid)
		sigsuspend(&old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	printf("Child %d was reaped by the handler: exit status %d.\n\n", (int)reaped_pid,
	       WEXITSTATUS(reaped_status));
	install(SIGCHLD, SIG_DFL, 0);
}

static void part_interrupted(void)
{
	char c;
	ssize_t n;

	if (pipe(demo_pipe) < 0) {
		perror("sigdemo: pipe");
		return;
	}
	printf("5. Interrupted system calls\n"
	       "read() from an empty pipe waits for data.  alarm(1) asks for a\n"
	       "SIGALRM in one second; its handler has no SA_RESTART flag.\n");
	fflush(stdout);
	install(SIGALRM, on_alrm, 0);
	alarm(1);
	n = read(demo_pipe[0], &c, 1);
	printf("read() returned %d, errno %s: the signal cut the wait short.\n\n",
	       (int)n, n < 0 && errno == EINTR ? "EINTR" : strerror(errno));

	printf("Again with SA_RESTART: after the handler the kernel restarts the\n"
	       "read, which goes on waiting.  This handler writes a byte into the\n"
	       "pipe, so the restarted read has something to return.\n");
	fflush(stdout);
	install(SIGALRM, on_alrm_feed, SA_RESTART);
	alarm(1);
	n = read(demo_pipe[0], &c, 1);
	if (n == 1)
		printf("read() returned 1 byte, '%c': restarted, not interrupted.\n\n", c);
	else
		printf("read() returned %d (%s): unexpected.\n\n", (int)n, strerror(errno));
	install(SIGALRM, SIG_DFL, 0);
	close(demo_pipe[0]);
	close(demo_pipe[1]);
}

static void nap_ms(long ms)
{
	struct timespec ts = { ms / MSEC_PER_SEC,
			       (ms % MSEC_PER_SEC) * NSEC_PER_MSEC };

	nanosleep(&ts, NULL);
}

static void on_usr2(int sig)
{
	(void)sig;
	say("    [handler] SIGUSR2 arrived in the child; it goes on.\n");
}

/* What became of a child, as a phrase. */
static const char *fate(int status, char *buf, size_t size)
{
	if (WIFSIGNALED(status))
		snprintf(buf, size, "killed by signal %d (%s)", WTERMSIG(status),
			 strsignal(WTERMSIG(status)));
	else if (WIFSTOPPED(status))
		snprintf(buf, size, "stopped by signal %d", WSTOPSIG(status));
	else
		snprintf(buf, size, "exited with status %d", WEXITSTATUS(status));
	return buf;
}

/* A child that takes SIGUSR2 with disposition fn, and what happens. */
static void usr2_child(void (*fn)(int), const char *name)
{
	int ready[2], status;
	char c, buf[64];
	pid_t pid;

	if (pipe(ready) < 0)
		return;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		install(SIGUSR2, fn, 0);
		write(ready[1], "r", 1);
		nap_ms(CHILD_NAP_MS);
		_exit(0);
	}
	read(ready[0], &c, 1);
	printf("  SIGUSR2 is %s in child %d; kill(%d, SIGUSR2)\n", name, pid, pid);
	fflush(stdout);
	kill(pid, SIGUSR2);
	waitpid(pid, &status, 0);
	printf("  child %d %s\n", pid, fate(status, buf, sizeof(buf)));
	close(ready[0]);
	close(ready[1]);
}

static void part_dispositions(void)
{
	printf("6. Default, ignore, or handle\n"
	       "Every signal has a disposition: SIG_DFL (the default action:\n"
	       "for SIGUSR2, end the process), SIG_IGN (throw it away), or a\n"
	       "handler.  Three children, one of each, get SIGUSR2:\n");
	usr2_child(SIG_DFL, "SIG_DFL");
	usr2_child(SIG_IGN, "SIG_IGN");
	usr2_child(on_usr2, "a handler");
	printf("(SIG_DFL is not always death: for SIGCHLD it is to ignore,\n"
	       "for SIGTSTP to stop, for SIGCONT to continue.)\n\n");
}

static void part_uncatchable(void)
{
	struct sigaction sa;
	sigset_t all, now;
	int status;
	char buf[64];
	pid_t pid;

	printf("7. SIGKILL and SIGSTOP cannot be caught, ignored or blocked\n");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	printf("  sigaction(SIGKILL, SIG_IGN): %s\n",
	       sigaction(SIGKILL, &sa, NULL) < 0 && errno == EINVAL ?
	       "-1, EINVAL" : "accepted?");
	sa.sa_handler = on_usr2;
	printf("  sigaction(SIGSTOP, handler): %s\n",
	       sigaction(SIGSTOP, &sa, NULL) < 0 && errno == EINVAL ?
	       "-1, EINVAL" : "accepted?");
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &now);
	sigprocmask(SIG_SETMASK, &now, &all);
	printf("  sigprocmask(SIG_BLOCK, all): SIGKILL %s, SIGSTOP %s\n",
	       sigismember(&all, SIGKILL) ? "blocked?" : "not blocked",
	       sigismember(&all, SIGSTOP) ? "blocked?" : "not blocked");
	printf("A child ignores every signal it can and blocks the rest:\n");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		for (int sig = 1; sig < NSIG; sig++)
			signal(sig, SIG_IGN);
		sigfillset(&all);
		sigprocmask(SIG_BLOCK, &all, NULL);
		nap_ms(CHILD_LIFE_MS);	/* bounded: nothing else could end it */
		_exit(0);
	}
	nap_ms(CHILD_NAP_MS);
	kill(pid, SIGTERM);
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	printf("  SIGTERM: nothing; SIGSTOP: child %d %s\n", pid,
	       fate(status, buf, sizeof(buf)));
	kill(pid, SIGCONT);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	printf("  SIGCONT, then SIGKILL: child %d %s\n\n", pid,
	       fate(status, buf, sizeof(buf)));
}

/* A child running as uid that sleeps until killed. */
static pid_t sleeper_as(uid_t uid)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (setresuid(uid, uid, uid) < 0)
			_exit(1);
		nap_ms(CHILD_LIFE_MS);
		_exit(0);
	}
	return pid;
}

/* A child running as uid tries kill(target, 0); its result, printed. */
static void try_kill_as(uid_t uid, const char *user, pid_t target,
			const char *owner)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (setresuid(uid, uid, uid) < 0)
			_exit(1);
		if (kill(target, 0) == 0)
			printf("  %-5s kill(%d [%s's], 0): 0, allowed\n", user,
			       target, owner);
		else
			printf("  %-5s kill(%d [%s's], 0): -1, %s\n", user, target,
			       owner, errno == EPERM ? "EPERM" : strerror(errno));
		exit(0);
	}
	waitpid(pid, &status, 0);
}

static void part_permission(void)
{
	pid_t alices;

	printf("8. Who may send a signal\n"
	       "Root may signal any process; any other user only processes of\n"
	       "the same user (kill(pid, 0) asks without sending anything).\n");
	if (geteuid() != 0) {
		printf("  as uid %d: kill(1 [init, root's], 0): %s\n"
		       "(Run sigdemo as root to see alice and bob try.)\n\n",
		       (int)geteuid(), kill(1, 0) < 0 && errno == EPERM ?
		       "-1, EPERM" : "allowed");
		return;
	}
	alices = sleeper_as(ALICE);
	nap_ms(CHILD_NAP_MS);
	try_kill_as(ALICE, "alice", alices, "alice");
	try_kill_as(BOB, "bob", alices, "alice");
	try_kill_as(BOB, "bob", 1, "root");
	try_kill_as(0, "root", alices, "alice");
	kill(alices, SIGKILL);
	waitpid(alices, NULL, 0);
	printf("(Try it in the shell: su alice, then kill 1.)\n\n");
}

int main(void)
{
	printf("sigdemo: a tour of signals (process %d)\n\n", (int)getpid());
	part_handler();
	part_blocking();
	part_realtime();
	part_sigchld();
	part_interrupted();
	part_dispositions();
	part_uncatchable();
	part_permission();
	printf("That is all.  The code is in user/bin/sigdemo.c.\n");
	return 0;
}
