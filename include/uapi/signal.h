/*
 * uapi/signal.h - signal numbers (Linux i386) and the structures of the
 * signal calls.  Standard signals 1..31, real-time signals
 * SIGRTMIN..SIGRTMAX (32..64); bit (n - 1) of the 64-bit sigset the rt_*
 * calls take is signal n.
 */
#ifndef _UAPI_SIGNAL_H
#define _UAPI_SIGNAL_H

#define SIGHUP		 1
#define SIGINT		 2
#define SIGQUIT		 3
#define SIGILL		 4
#define SIGTRAP		 5
#define SIGABRT		 6
#define SIGIOT		 6
#define SIGBUS		 7
#define SIGFPE		 8
#define SIGKILL		 9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPOLL		SIGIO
#define SIGPWR		30
#define SIGSYS		31
#define SIGRTMIN	32	/* real-time signals: queued, each with a value */
#define SIGRTMAX	64

#define NSIG		65	/* one more than the highest signal number */

/* Dispositions */
#define SIG_DFL		((void (*)(int))0)
#define SIG_IGN		((void (*)(int))1)
#define SIG_ERR		((void (*)(int))-1)

/* sa_flags */
#define SA_NOCLDSTOP	0x00000001	/* no SIGCHLD when a child stops/continues */
#define SA_NOCLDWAIT	0x00000002	/* children are reaped automatically */
#define SA_SIGINFO	0x00000004	/* handler(sig, siginfo_t *, ucontext *) */
#define SA_RESTORER	0x04000000	/* sa_restorer returns from the handler */
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000	/* restart interrupted system calls */
#define SA_NODEFER	0x40000000	/* do not block the signal in its handler */
#define SA_RESETHAND	0x80000000	/* back to SIG_DFL on delivery */

/* sigprocmask how */
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* si_code values */
#define SI_USER		0		/* kill, raise */
#define SI_KERNEL	0x80
#define SI_QUEUE	(-1)		/* sigqueue */
#define SI_TIMER	(-2)
#define SI_MESGQ	(-3)
#define SI_ASYNCIO	(-4)
#define SI_SIGIO	(-5)
#define SI_TKILL	(-6)		/* tkill, tgkill */
#define SEGV_MAPERR	1		/* address not mapped */
#define SEGV_ACCERR	2		/* no permission for the mapping */
#define ILL_ILLOPN	2
#define FPE_INTDIV	1
#define TRAP_BRKPT	1
#define BUS_ADRERR	2
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

/*
 * The structure rt_sigaction (174) reads and writes: handler, flags,
 * restorer, then a 64-bit mask (sigsetsize 8): signal n is bit (n - 1)
 * of mask[0] for n <= 32, bit (n - 33) of mask[1] above.
 */
struct kernel_sigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	unsigned long mask[2];
};

#define SI_MAX_SIZE	128

/* The value sigqueue() sends with a signal. */
union sigval {
	int sival_int;
	void *sival_ptr;
};

/* siginfo_t: 128 bytes; the fields after si_code depend on the signal. */
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int _pad[(SI_MAX_SIZE / sizeof(int)) - 3];
		struct {		/* kill, SIGCHLD */
			int si_pid;
			unsigned int si_uid;
			int si_status;	/* SIGCHLD: exit code or signal */
		} _proc;
		struct {		/* sigqueue, real-time signals */
			int si_pid;
			unsigned int si_uid;
			union sigval si_sigval;
		} _rt;
		struct {		/* SIGSEGV, SIGILL, SIGFPE, SIGBUS, SIGTRAP */
			void *si_addr;
		} _fault;
	} _sifields;
} siginfo_t;

#define si_pid		_sifields._proc.si_pid
#define si_uid		_sifields._proc.si_uid
#define si_status	_sifields._proc.si_status
#define si_addr		_sifields._fault.si_addr
#define si_value	_sifields._rt.si_sigval
#define si_int		_sifields._rt.si_sigval.sival_int
#define si_ptr		_sifields._rt.si_sigval.sival_ptr

typedef struct {
	void *ss_sp;
	int ss_flags;
	unsigned int ss_size;
} stack_t;

/* The registers saved in a signal frame (Linux i386 struct sigcontext). */
struct sigcontext {
	unsigned short gs, __gsh;
	unsigned short fs, __fsh;
	unsigned short es, __esh;
	unsigned short ds, __dsh;
	unsigned long edi;
	unsigned long esi;
	unsigned long ebp;
	unsigned long esp;
	unsigned long ebx;
	unsigned long edx;
	unsigned long ecx;
	unsigned long eax;
	unsigned long trapno;
	unsigned long err;
	unsigned long eip;
	unsigned short cs, __csh;
	unsigned long eflags;
	unsigned long esp_at_signal;
	unsigned short ss, __ssh;
	void *fpstate;
	unsigned long oldmask;
	unsigned long cr2;
};

typedef struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	unsigned long uc_sigmask[2];
} ucontext_t;

#endif
