; vsyscall_page.asm - the code of the vsyscall page, which every process maps
; read-only at VSYSCALL_ADDR (kernel/vsyscall.c) and which AT_SYSINFO
; names: a system call made the fast way, with sysenter, laid out as
; Linux's __kernel_vsyscall so that glibc and musl programs use it too.
;
; A caller loads eax and the arguments (ebx, ecx, edx, esi, edi, ebp) as
; for int 0x80 and calls the entry.  sysenter saves no return address and
; no stack pointer, so the entry pushes ecx, edx and ebp and passes its
; stack pointer in ebp; the kernel (boot/isr.asm, sysenter_entry) reads
; the sixth argument back from [ebp] and returns with sysexit to
; vsyscall_return, which pops what the entry pushed.  The two bytes just
; before vsyscall_return are an int 0x80: a call that must be restarted
; after a signal handler returns to eip - 2, as after any int 0x80.

	section	.rodata
	global	vsyscall_start, vsyscall_return, vsyscall_end

vsyscall_start:
	push	ecx
	push	edx
	push	ebp
	mov	ebp, esp
	sysenter
	int	0x80		; the restart point: vsyscall_return - 2
vsyscall_return:
	pop	ebp
	pop	edx
	pop	ecx
	ret
vsyscall_end:
