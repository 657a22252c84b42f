/*
 * sig_stop - stopping and continuing processes, as the parent sees it.
 *
 * Checks: SIGSTOP, SIGTSTP, SIGTTIN and SIGTTOU (default actions) stop a
 * child; waitpid reports it once with WUNTRACED (WIFSTOPPED, WSTOPSIG)
 * and not without; SIGCONT continues it and waitpid reports that once
 * with WCONTINUED (WIFCONTINUED); the parent's SIGCHLD handler gets
 * CLD_STOPPED / CLD_CONTINUED / CLD_EXITED / CLD_KILLED with si_pid and
 * si_status, but with SA_NOCLDSTOP only the exit; SIGKILL ends a stopped
 * child, which waitpid reports as killed, not continued; a SIGCONT
 * handler runs once the child continues; SIGCONT discards a pending
 * (blocked) stop signal.  A process group that is orphaned from the
 * start (its leader began a new session) is not sent SIGHUP/SIGCONT
 * when one member exits while another is stopped: only an exit that
 * makes a group orphaned does that.
 */
#include "sig_test.h"

#define MAX_EVENTS	8
#define EXIT_CODE	7
#define SETTLE_MS	50		/* time for a sent signal to act */
#define EVENT_WAIT_MS	1000		/* longest wait for a SIGCHLD */

struct chld_event {
	int code, pid, status;
};

static struct chld_event events[MAX_EVENTS];
static volatile sig_atomic_t n_events;

static void on_chld(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)ctx;
	if (n_events < MAX_EVENTS) {
		events[n_events].code = si->si_code;
		events[n_events].pid = si->si_pid;
		events[n_events].status = si->si_status;
		n_events++;
	}
}

static void install_chld(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_chld;
	sa.sa_flags = SA_SIGINFO | SA_RESTART | flags;
	sigaction(SIGCHLD, &sa, NULL);
	n_events = 0;
}

/* Did the last SIGCHLD say code/pid/status?  Waits a little for it: on
 * Linux a continued child reports itself only when it runs again. */
static int last_event_is(int code, pid_t pid, int status)
{
	for (int waited = 0; waited <= EVENT_WAIT_MS; waited += POLL_MS) {
		const struct chld_event *e = &events[n_events - 1];

		if (n_events > 0 && e->code == code && e->pid == pid && e->status == status)
			return 1;
		sleep_ms(POLL_MS);
	}
	return 0;
}

/* A child in a group of its own: its parent, in another group of this
 * session, keeps the group from being orphaned, so that the job-control
 * stops (SIGTSTP, SIGTTIN, SIGTTOU) stop it. */
static pid_t spawn_waiter(void)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		setpgid(0, 0);
		for (;;)
			pause();
	}
	setpgid(pid, pid);
	return pid;
}

static int wait_opts(pid_t pid, int options)
{
	int status = -1;
	pid_t got;

	do
		got = waitpid(pid, &status, options);
	while (got < 0 && errno == EINTR);
	return got == pid ? status : got == 0 ? 0 : -1;
}

static void check_stop_cycle(int stop_sig)
{
	pid_t pid = spawn_waiter();
	int status;

	install_chld(0);
	kill(pid, stop_sig);
	sleep_ms(SETTLE_MS);
	CHECK(wait_opts(pid, WNOHANG) == 0, "waitpid without WUNTRACED reported a stop");
	status = wait_opts(pid, WUNTRACED);
	CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == stop_sig,
	      "signal %d: status %#x, want stopped", stop_sig, status);
	CHECK(last_event_is(CLD_STOPPED, pid, stop_sig),
	      "signal %d: no SIGCHLD CLD_STOPPED (%d events)", stop_sig, n_events);
	CHECK(wait_opts(pid, WUNTRACED | WNOHANG) == 0, "stop reported twice");

	kill(pid, SIGCONT);
	status = wait_opts(pid, WCONTINUED);
	CHECK(status != -1 && WIFCONTINUED(status), "status %#x, want continued", status);
	CHECK(last_event_is(CLD_CONTINUED, pid, SIGCONT), "no SIGCHLD CLD_CONTINUED");
	CHECK(wait_opts(pid, WCONTINUED | WNOHANG) == 0, "continue reported twice");

	kill(pid, SIGTERM);
	status = wait_opts(pid, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "status %#x after SIGTERM",
	      status);
	CHECK(last_event_is(CLD_KILLED, pid, SIGTERM), "no SIGCHLD CLD_KILLED");
}

static void check_nocldstop(void)
{
	pid_t pid = spawn_waiter();
	int status;

	install_chld(SA_NOCLDSTOP);
	kill(pid, SIGSTOP);
	status = wait_opts(pid, WUNTRACED);
	CHECK(WIFSTOPPED(status), "status %#x, want stopped", status);
	kill(pid, SIGCONT);
	status = wait_opts(pid, WCONTINUED);
	CHECK(status != -1 && WIFCONTINUED(status), "status %#x, want continued", status);
	CHECK(n_events == 0, "SA_NOCLDSTOP: %d SIGCHLDs for a stop and a continue", n_events);
	kill(pid, SIGKILL);
	wait_opts(pid, 0);
	CHECK(n_events == 1 && last_event_is(CLD_KILLED, pid, SIGKILL),
	      "SA_NOCLDSTOP: no SIGCHLD for the death");

	pid = test_fork();
	if (pid == 0)
		_exit(EXIT_CODE);
	status = wait_opts(pid, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == EXIT_CODE, "exit status %#x", status);
	CHECK(last_event_is(CLD_EXITED, pid, EXIT_CODE), "no SIGCHLD CLD_EXITED with status %d",
	      EXIT_CODE);
	signal(SIGCHLD, SIG_DFL);
}

static void check_kill_stopped(void)
{
	pid_t pid = spawn_waiter();
	int status;

	install_chld(0);
	kill(pid, SIGSTOP);
	wait_opts(pid, WUNTRACED);
	n_events = 0;
	kill(pid, SIGKILL);
	status = wait_opts(pid, WUNTRACED | WCONTINUED);
	CHECK(status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	      "SIGKILL of a stopped child: status %#x, want killed", status);
	for (int i = 0; i < n_events; i++)
		CHECK(events[i].code != CLD_CONTINUED,
		      "SIGKILL of a stopped child gave SIGCHLD CLD_CONTINUED");
	signal(SIGCHLD, SIG_DFL);
}

static volatile sig_atomic_t cont_hits;

static void on_cont(int sig)
{
	(void)sig;
	cont_hits++;
}

static void check_cont_handler(void)
{
	int fds[2];
	pid_t pid;
	char c = 0;

	if (pipe(fds) < 0) {
		CHECK(0, "pipe");
		return;
	}
	pid = test_fork();
	if (pid == 0) {
		cont_hits = 0;
		signal(SIGCONT, on_cont);
		raise(SIGSTOP);
		c = (char)('0' + cont_hits);
		write(fds[1], &c, 1);
		_exit(0);
	}
	wait_opts(pid, WUNTRACED);
	kill(pid, SIGCONT);
	CHECK(read(fds[0], &c, 1) == 1 && c == '1', "SIGCONT handler ran '%c' times", c);
	CHECK(child_ok(pid), "child");
	close(fds[0]);
	close(fds[1]);
}

static void check_cont_discards_stop(void)
{
	int to_child[2], to_parent[2], status;
	pid_t pid;
	char c = 0;

	if (pipe(to_child) < 0 || pipe(to_parent) < 0) {
		CHECK(0, "pipe");
		return;
	}
	pid = test_fork();
	if (pid == 0) {
		sigset_t tstp, pend;

		sigemptyset(&tstp);
		sigaddset(&tstp, SIGTSTP);
		sigprocmask(SIG_BLOCK, &tstp, NULL);
		write(to_parent[1], "r", 1);
		read(to_child[0], &c, 1);
		sigpending(&pend);
		c = sigismember(&pend, SIGTSTP) ? 'p' : 'n';
		sigprocmask(SIG_UNBLOCK, &tstp, NULL);
		write(to_parent[1], &c, 1);
		_exit(0);
	}
	read(to_parent[0], &c, 1);
	kill(pid, SIGTSTP);
	kill(pid, SIGCONT);
	write(to_child[1], "g", 1);
	CHECK(read(to_parent[0], &c, 1) == 1 && c == 'n', "SIGTSTP still pending after SIGCONT");
	status = wait_opts(pid, WUNTRACED);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "status %#x: the child stopped though SIGCONT discarded SIGTSTP", status);
	if (WIFSTOPPED(status)) {
		kill(pid, SIGKILL);
		wait_opts(pid, 0);
	}
	close(to_child[0]);
	close(to_child[1]);
	close(to_parent[0]);
	close(to_parent[1]);
}

static volatile sig_atomic_t hup_hits;

static void on_hup(int sig)
{
	(void)sig;
	hup_hits++;
}

/* In a new session (so the group is orphaned already): a member stops,
 * another exits; nobody may get SIGHUP. */
static void check_no_spurious_hangup(void)
{
	pid_t leader = test_fork();

	if (leader == 0) {
		pid_t stopped, exiting;
		int status;

		setsid();
		signal(SIGHUP, on_hup);
		stopped = test_fork();
		if (stopped == 0) {
			raise(SIGSTOP);
			_exit(0);
		}
		status = wait_opts(stopped, WUNTRACED);
		CHECK(WIFSTOPPED(status), "member did not stop (status %#x)", status);
		exiting = test_fork();
		if (exiting == 0)
			_exit(0);
		wait_opts(exiting, 0);
		sleep_ms(SETTLE_MS);
		CHECK(hup_hits == 0, "the leader got SIGHUP when a member exited");
		status = wait_opts(stopped, WNOHANG);
		CHECK(status == 0, "the stopped member changed state (status %#x): SIGHUP?",
		      status);
		kill(stopped, SIGKILL);
		wait_opts(stopped, 0);
		child_exit();
	}
	CHECK(child_ok(leader), "orphaned-group checks in the session leader failed");
}

int main(void)
{
	static const int stop_sigs[] = { SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU };

	for (unsigned i = 0; i < sizeof(stop_sigs) / sizeof(stop_sigs[0]); i++)
		check_stop_cycle(stop_sigs[i]);
	check_nocldstop();
	check_kill_stopped();
	check_cont_handler();
	check_cont_discards_stop();
	check_no_spurious_hangup();
	return test_done("sig_stop");
}
