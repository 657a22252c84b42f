; vsyscall.asm - how the libc enters the kernel.  __vsyscall points to the
; kernel's sysenter entry when exec gave one (AT_SYSINFO; start.c sets it),
; else to __int80 here.  Either is called with the registers of int 0x80
; (number in eax, arguments in ebx, ecx, edx, esi, edi, ebp) and keeps
; every register but eax, which holds the result.

	global	__vsyscall, __int80

	section	.data
__vsyscall:
	dd	__int80

	section	.text
__int80:
	int	0x80
	ret

	section	.note.GNU-stack noalloc noexec nowrite progbits
