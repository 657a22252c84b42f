; crt0.asm - program entry point.
;
; The kernel starts a program at _start with the Linux initial stack:
;   [esp] = argc, [esp+4..] = argv[0..argc-1], NULL, envp[...], NULL.
; _start clears ebp (so a backtrace stops here), aligns the stack to 16
; bytes as gcc expects at a call, and hands the address of argc to
; __libc_start_main, which never returns.

	global	_start
	extern	__libc_start_main

	section	.text
_start:
	xor	ebp, ebp
	mov	eax, esp		; eax -> argc
	and	esp, -16
	sub	esp, 12			; 12 + the 4-byte argument = 16
	push	eax
	call	__libc_start_main
	ud2				; not reached

	section	.note.GNU-stack noalloc noexec nowrite progbits
