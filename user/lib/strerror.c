/*
 * strerror.c - messages for error and signal numbers: strerror,
 * strerror_r, perror, strsignal.  Every errno in uapi/errno.h has a
 * message; any other number gets "Unknown error N" (written into a static
 * buffer, so that one case is not reentrant).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#define UNKNOWN_LEN	32

static const char *const error_text[] = {
	[0]		= "Success",
	[EPERM]		= "Operation not permitted",
	[ENOENT]	= "No such file or directory",
	[ESRCH]		= "No such process",
	[EINTR]		= "Interrupted system call",
	[EIO]		= "Input/output error",
	[ENXIO]		= "No such device or address",
	[E2BIG]		= "Argument list too long",
	[ENOEXEC]	= "Exec format error",
	[EBADF]		= "Bad file descriptor",
	[ECHILD]	= "No child processes",
	[EAGAIN]	= "Resource temporarily unavailable",
	[ENOMEM]	= "Cannot allocate memory",
	[EACCES]	= "Permission denied",
	[EFAULT]	= "Bad address",
	[ENOTBLK]	= "Block device required",
	[EBUSY]		= "Device or resource busy",
	[EEXIST]	= "File exists",
	[EXDEV]		= "Invalid cross-device link",
	[ENODEV]	= "No such device",
	[ENOTDIR]	= "Not a directory",
	[EISDIR]	= "Is a directory",
	[EINVAL]	= "Invalid argument",
	[ENFILE]	= "Too many open files in system",
	[EMFILE]	= "Too many open files",
	[ENOTTY]	= "Inappropriate ioctl for device",
	[ETXTBSY]	= "Text file busy",
	[EFBIG]		= "File too large",
	[ENOSPC]	= "No space left on device",
	[ESPIPE]	= "Illegal seek",
	[EROFS]		= "Read-only file system",
	[EMLINK]	= "Too many links",
	[EPIPE]		= "Broken pipe",
	[EDOM]		= "Numerical argument out of domain",
	[ERANGE]	= "Numerical result out of range",
	[EDEADLK]	= "Resource deadlock avoided",
	[ENAMETOOLONG]	= "File name too long",
	[ENOLCK]	= "No locks available",
	[ENOSYS]	= "Function not implemented",
	[ENOTEMPTY]	= "Directory not empty",
	[ELOOP]		= "Too many levels of symbolic links",
	[ENOMSG]	= "No message of desired type",
	[EIDRM]		= "Identifier removed",
	[ENOSTR]	= "Device not a stream",
	[ENODATA]	= "No data available",
	[ETIME]		= "Timer expired",
	[EOVERFLOW]	= "Value too large for defined data type",
	[EILSEQ]	= "Invalid or incomplete multibyte or wide character",
	[ENOTSOCK]	= "Socket operation on non-socket",
	[EOPNOTSUPP]	= "Operation not supported",
	[ETIMEDOUT]	= "Connection timed out",
};

static const char *const signal_text[NSIG] = {
	[SIGHUP]	= "Hangup",
	[SIGINT]	= "Interrupt",
	[SIGQUIT]	= "Quit",
	[SIGILL]	= "Illegal instruction",
	[SIGTRAP]	= "Trace/breakpoint trap",
	[SIGABRT]	= "Aborted",
	[SIGBUS]	= "Bus error",
	[SIGFPE]	= "Floating point exception",
	[SIGKILL]	= "Killed",
	[SIGUSR1]	= "User defined signal 1",
	[SIGSEGV]	= "Segmentation fault",
	[SIGUSR2]	= "User defined signal 2",
	[SIGPIPE]	= "Broken pipe",
	[SIGALRM]	= "Alarm clock",
	[SIGTERM]	= "Terminated",
	[SIGSTKFLT]	= "Stack fault",
	[SIGCHLD]	= "Child exited",
	[SIGCONT]	= "Continued",
	[SIGSTOP]	= "Stopped (signal)",
	[SIGTSTP]	= "Stopped",
	[SIGTTIN]	= "Stopped (tty input)",
	[SIGTTOU]	= "Stopped (tty output)",
	[SIGURG]	= "Urgent I/O condition",
	[SIGXCPU]	= "CPU time limit exceeded",
	[SIGXFSZ]	= "File size limit exceeded",
	[SIGVTALRM]	= "Virtual timer expired",
	[SIGPROF]	= "Profiling timer expired",
	[SIGWINCH]	= "Window changed",
	[SIGIO]		= "I/O possible",
	[SIGPWR]	= "Power failure",
	[SIGSYS]	= "Bad system call",
};

#define N_ERRORS	(sizeof(error_text) / sizeof(error_text[0]))

static const char *known_error(int errnum)
{
	if (errnum < 0 || (unsigned int)errnum >= N_ERRORS)
		return NULL;
	return error_text[errnum];
}

char *strerror(int errnum)
{
	static char unknown[UNKNOWN_LEN];
	const char *text = known_error(errnum);

	if (text)
		return (char *)text;
	snprintf(unknown, sizeof(unknown), "Unknown error %d", errnum);
	return unknown;
}

/* XSI strerror_r: 0, or ERANGE if buf was too small (truncated text). */
int strerror_r(int errnum, char *buf, size_t len)
{
	const char *text = known_error(errnum);
	int n;

	if (text)
		n = snprintf(buf, len, "%s", text);
	else
		n = snprintf(buf, len, "Unknown error %d", errnum);
	return (size_t)n >= len ? ERANGE : 0;
}

char *strsignal(int sig)
{
	static char unknown[UNKNOWN_LEN];

	if (sig > 0 && sig < NSIG && signal_text[sig])
		return (char *)signal_text[sig];
	snprintf(unknown, sizeof(unknown), "Unknown signal %d", sig);
	return unknown;
}

void perror(const char *s)
{
	const char *text = strerror(errno);

	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, text);
	else
		fprintf(stderr, "%s\n", text);
}
