; syscall_any.asm - long syscall(long number, ...): any system call with up
; to six arguments, for calls that have no wrapper of their own.
;
; cdecl: number at [esp+4], arguments after it.  ebx, esi, edi and ebp are
; callee-saved, so they are pushed around the call (vsyscall.asm).  A result in
; -4095..-1 becomes errno and -1, as in every other wrapper.

	global	syscall
	extern	errno, __vsyscall

MAX_ERRNO	equ	4095
SAVED		equ	16		; four pushed registers

	section	.text
syscall:
	push	ebp
	push	edi
	push	esi
	push	ebx
	mov	eax, [esp + SAVED + 4]
	mov	ebx, [esp + SAVED + 8]
	mov	ecx, [esp + SAVED + 12]
	mov	edx, [esp + SAVED + 16]
	mov	esi, [esp + SAVED + 20]
	mov	edi, [esp + SAVED + 24]
	mov	ebp, [esp + SAVED + 28]
	call	[__vsyscall]
	pop	ebx
	pop	esi
	pop	edi
	pop	ebp
	cmp	eax, -MAX_ERRNO
	jb	.done
	neg	eax
	mov	[errno], eax
	mov	eax, -1
.done:
	ret

	section	.note.GNU-stack noalloc noexec nowrite progbits
