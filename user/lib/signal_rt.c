/*
 * signal_rt.c - real-time signals and waiting for a signal without a
 * handler: sigqueue, sigwaitinfo, sigtimedwait.
 *
 * sigqueue sends a signal with a value through rt_sigqueueinfo, in a
 * siginfo_t that says SI_QUEUE and names the sender; a real-time signal
 * (SIGRTMIN..SIGRTMAX) queues - each one sent is delivered, lowest number
 * first, with its value - while a standard one is still a single pending
 * bit.  EAGAIN means the receiver's user has RLIMIT_SIGPENDING signals
 * queued already.
 *
 * sigwaitinfo and sigtimedwait are rt_sigtimedwait: they take a pending
 * signal of the set (normally blocked, so that no handler takes it
 * first), waiting for one if need be; sigtimedwait gives up with EAGAIN
 * after the timeout.  Another signal that runs a handler ends the wait
 * with EINTR.  The caller's set goes to the kernel as it is.
 */
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "syscall.h"

int sigqueue(pid_t pid, int sig, const union sigval value)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_QUEUE;
	info.si_pid = getpid();
	info.si_uid = getuid();
	info.si_value = value;
	return SYS3(rt_sigqueueinfo, pid, sig, &info) < 0 ? -1 : 0;
}

int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info,
		 const struct timespec *restrict timeout)
{
	return SYS4(rt_sigtimedwait, set, info, timeout, sizeof(sigset_t));
}

int sigwaitinfo(const sigset_t *restrict set, siginfo_t *restrict info)
{
	return sigtimedwait(set, info, NULL);
}
