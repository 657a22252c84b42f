/*
 * signal.c - installing handlers and changing the signal mask: sigaction,
 * signal, sigprocmask, sigpending, sigsuspend, killpg, siglongjmp,
 * psignal.
 *
 * The kernel's calls are the rt_* ones, which take a 64-bit signal set
 * (SIGSET_SIZE bytes), exactly a sigset_t: the caller's set goes to the
 * kernel untouched, so a bad pointer is the kernel's EFAULT, never a
 * crash here.
 *
 * Every handler is installed with SA_RESTORER and a return address in
 * signal_restore.asm: the handler's `ret' lands there, and the code there
 * asks the kernel to put back the interrupted registers and mask - with
 * rt_sigreturn for an SA_SIGINFO handler, sigreturn for any other (the
 * two frame types of Linux).  SA_RESTORER is libc's business, so
 * sigaction() never shows it in the old action it reports.
 *
 * signal() has BSD semantics, as in glibc: the handler stays installed,
 * the signal is blocked while it runs, and interrupted system calls are
 * restarted (SA_RESTART).
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "syscall.h"

#define SIGSET_SIZE	sizeof(sigset_t)	/* 8, the kernel's */
#define HALF_BITS	32

/* Where handlers return: sigreturn, and rt_sigreturn for SA_SIGINFO. */
void __restore(void);
void __restore_rt(void);


int sigaction(int sig, const struct sigaction *restrict act,
	      struct sigaction *restrict oldact)
{
	struct kernel_sigaction kact, kold;

	if (act) {
		kact.handler = (void *)act->sa_handler;
		kact.flags = (unsigned long)act->sa_flags | SA_RESTORER;
		kact.restorer = (act->sa_flags & SA_SIGINFO) ? (void *)__restore_rt
							     : (void *)__restore;
		kact.mask[0] = (unsigned long)act->sa_mask;
		kact.mask[1] = (unsigned long)(act->sa_mask >> HALF_BITS);
	}
	if (SYS4(rt_sigaction, sig, act ? &kact : NULL, oldact ? &kold : NULL,
		 SIGSET_SIZE) < 0)
		return -1;
	if (oldact) {
		oldact->sa_handler = (sighandler_t)kold.handler;
		oldact->sa_flags = (int)(kold.flags & ~SA_RESTORER);
		oldact->sa_mask = kold.mask[0] | (sigset_t)kold.mask[1] << HALF_BITS;
	}
	return 0;
}

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act, old;

	act.sa_handler = handler;
	act.sa_flags = SA_RESTART;
	sigemptyset(&act.sa_mask);
	if (sigaddset(&act.sa_mask, sig) < 0 || sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict oldset)
{
	return SYS4(rt_sigprocmask, how, set, oldset, SIGSET_SIZE) < 0 ? -1 : 0;
}

int sigpending(sigset_t *set)
{
	return SYS2(rt_sigpending, set, SIGSET_SIZE) < 0 ? -1 : 0;
}

/* Always -1: it returns only after a handler ran, with errno EINTR. */
int sigsuspend(const sigset_t *mask)
{
	return SYS2(rt_sigsuspend, mask, SIGSET_SIZE);
}

int killpg(pid_t pgrp, int sig)
{
	if (pgrp < 0) {
		errno = EINVAL;
		return -1;
	}
	return kill(-pgrp, sig);
}

/* The mask goes back first: a signal it unblocks is handled right here,
 * still below the sigsetjmp frame. */
_Noreturn void siglongjmp(sigjmp_buf env, int val)
{
	if (env->__mask_saved)
		sigprocmask(SIG_SETMASK, &env->__mask, NULL);
	longjmp(env->__env, val);
}

void psignal(int sig, const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, strsignal(sig));
	else
		fprintf(stderr, "%s\n", strsignal(sig));
}
