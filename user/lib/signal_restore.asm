; signal_restore.asm - __restore and __restore_rt, where signal handlers
; return.
;
; sigaction() installs every handler with SA_RESTORER and one of these
; addresses, which the kernel puts at the top of the signal frame as the
; handler's return address.  When the handler returns, its `ret' has
; popped that address and esp points just past it, into the frame; the
; call made here finds the frame there and restores the interrupted
; registers and signal mask.  Neither comes back.
;
; Linux builds two kinds of frame: an SA_SIGINFO handler gets an rt frame
; (with siginfo_t and ucontext), and rt_sigreturn undoes it; any other
; handler gets the older frame, which begins with the signal number, and
; sigreturn undoes it once that number is popped.  Relay builds rt frames
; only but accepts both ways back, so the same binaries work on both.
;
; The call is made with sysenter when the kernel offers it (vsyscall.asm
; then points __vsyscall elsewhere than __int80): sigreturn never returns
; to its caller, so it needs nothing the vsyscall page saves - only the
; stack pointer, which sysenter takes from ebp.

	global	__restore
	global	__restore_rt
	extern	__vsyscall, __int80

NR_SIGRETURN	equ	119
NR_RT_SIGRETURN	equ	173

	section	.text
__restore:
	pop	eax			; the signal number
	mov	eax, NR_SIGRETURN
	jmp	sigreturn

__restore_rt:
	mov	eax, NR_RT_SIGRETURN
sigreturn:
	cmp	dword [__vsyscall], __int80
	je	.int80
	mov	ebp, esp
	sysenter
.int80:
	int	0x80

	section	.note.GNU-stack noalloc noexec nowrite progbits
