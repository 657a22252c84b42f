; setjmp.asm - setjmp() and longjmp().
;
; jmp_buf layout (unsigned long[6]):
;   0 ebx, 1 esi, 2 edi, 3 ebp, 4 esp of the caller after setjmp returns,
;   5 the return address.
; longjmp restores them and returns val from setjmp again (1 if val is 0).

	global	setjmp
	global	longjmp

JB_EBX	equ	0
JB_ESI	equ	4
JB_EDI	equ	8
JB_EBP	equ	12
JB_ESP	equ	16
JB_EIP	equ	20

	section	.text
setjmp:
	mov	eax, [esp + 4]		; env
	mov	[eax + JB_EBX], ebx
	mov	[eax + JB_ESI], esi
	mov	[eax + JB_EDI], edi
	mov	[eax + JB_EBP], ebp
	lea	ecx, [esp + 4]		; esp once setjmp has returned
	mov	[eax + JB_ESP], ecx
	mov	ecx, [esp]		; return address
	mov	[eax + JB_EIP], ecx
	xor	eax, eax
	ret

longjmp:
	mov	edx, [esp + 4]		; env
	mov	eax, [esp + 8]		; val
	test	eax, eax
	jnz	.restore
	inc	eax
.restore:
	mov	ebx, [edx + JB_EBX]
	mov	esi, [edx + JB_ESI]
	mov	edi, [edx + JB_EDI]
	mov	ebp, [edx + JB_EBP]
	mov	esp, [edx + JB_ESP]
	jmp	[edx + JB_EIP]

	section	.note.GNU-stack noalloc noexec nowrite progbits
