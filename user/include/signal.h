/*
 * signal.h - signals: numbers, dispositions and handlers (signal,
 * sigaction), the signal mask (sigprocmask, sigpending, sigsuspend),
 * signal sets, sending (kill, killpg, raise, sigqueue), waiting for a
 * signal without a handler (sigwaitinfo, sigtimedwait), the System V
 * calls (sighold, sigrelse, sigignore, sigset) and messages (psignal).
 *
 * The numbers, SA_* flags, siginfo_t and ucontext_t are the kernel's
 * (uapi/signal.h, the Linux i386 ABI).  A sigset_t holds signals
 * 1..NSIG-1 (_NSIG is 65): the standard signals 1..31 and the real-time
 * signals SIGRTMIN..SIGRTMAX (32..64), bit (n - 1) standing for signal
 * n - the very 64-bit set the rt_* system calls take, so libc hands the
 * caller's set to the kernel as it is.  sig_atomic_t is the type a
 * handler may assign with no torn write (SIG_ATOMIC_MIN/MAX are in
 * <stdint.h>).  pause() and alarm() are in <unistd.h>, strsignal() in
 * <string.h>, sigsetjmp() and siglongjmp() in <setjmp.h>.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <uapi/signal.h>

#define _NSIG		NSIG		/* one more than SIGRTMAX */
#define SIG_HOLD	((void (*)(int))2)	/* sigset(): block the signal */

typedef unsigned long long sigset_t;	/* bit (n - 1) is signal n */
typedef int sig_atomic_t;
typedef void (*sighandler_t)(int);

/*
 * What sigaction() installs: a handler (sa_handler, or sa_sigaction
 * when SA_SIGINFO is in sa_flags), the signals blocked while it runs
 * (besides the signal itself, unless SA_NODEFER) and SA_* flags.
 */
struct sigaction {
	union {
		void (*__handler)(int);
		void (*__sigaction)(int, siginfo_t *, void *);
	} __u;
	sigset_t sa_mask;
	int sa_flags;
};

#define sa_handler	__u.__handler
#define sa_sigaction	__u.__sigaction

struct timespec;

int kill(pid_t pid, int sig);
int tgkill(pid_t tgid, pid_t tid, int sig);
int killpg(pid_t pgrp, int sig);
int raise(int sig);
int sigqueue(pid_t pid, int sig, const union sigval value);

sighandler_t signal(int sig, sighandler_t handler);
int sigaction(int sig, const struct sigaction *restrict act,
	      struct sigaction *restrict oldact);

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict oldset);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigwaitinfo(const sigset_t *restrict set, siginfo_t *restrict info);
int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info,
		 const struct timespec *restrict timeout);

int sighold(int sig);
int sigrelse(int sig);
int sigignore(int sig);
sighandler_t sigset(int sig, sighandler_t disp);

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

void psignal(int sig, const char *s);

#endif
