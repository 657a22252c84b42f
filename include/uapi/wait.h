/*
 * uapi/wait.h - waitpid options and the layout of a wait status.
 *
 * Status word as Linux builds it:
 *   exited:    (code & 0xff) << 8
 *   signalled: signo (| 0x80 if a core would have been dumped)
 *   stopped:   (signo << 8) | 0x7f
 *   continued: 0xffff
 */
#ifndef _UAPI_WAIT_H
#define _UAPI_WAIT_H

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WSTOPPED	WUNTRACED
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008

#define WEXITSTATUS(s)	(((s) & 0xff00) >> 8)
#define WTERMSIG(s)	((s) & 0x7f)
#define WSTOPSIG(s)	WEXITSTATUS(s)
#define WCOREFLAG	0x80	/* in a signalled status: a core was dumped */
#define WCOREDUMP(s)	((s) & WCOREFLAG)
#define WIFEXITED(s)	(WTERMSIG(s) == 0)
#define WIFSIGNALED(s)	(((signed char)(((s) & 0x7f) + 1) >> 1) > 0)
#define WIFSTOPPED(s)	(((s) & 0xff) == 0x7f)
#define WIFCONTINUED(s)	((s) == 0xffff)

#endif
