; sigsetjmp.asm - int sigsetjmp(sigjmp_buf env, int savemask).
;
; Like setjmp, and when savemask is not 0 it also saves the signal mask
; in env, for siglongjmp (signal.c) to restore.  It must not have a frame
; of its own under the caller's: after saving the mask it jumps to setjmp
; with the stack exactly as the caller left it, and setjmp records the
; caller's return address and stack pointer.
;
; sigjmp_buf layout (setjmp.h): the jmp_buf (6 words), then
; __mask_saved, then __mask.

	global	sigsetjmp
	extern	setjmp
	extern	sigprocmask

SJB_SAVED	equ	24
SJB_MASK	equ	28
SIG_BLOCK	equ	0		; with no set: only read the mask

	section	.text
sigsetjmp:
	mov	eax, [esp + 4]		; env
	mov	ecx, [esp + 8]		; savemask
	mov	[eax + SJB_SAVED], ecx
	test	ecx, ecx
	jz	.env
	lea	ecx, [eax + SJB_MASK]
	push	ecx			; oldset = &env->__mask
	push	dword 0			; set = NULL
	push	dword SIG_BLOCK
	call	sigprocmask
	add	esp, 12
.env:
	jmp	setjmp

	section	.note.GNU-stack noalloc noexec nowrite progbits
