; isr.asm - the entry and exit path of every trap: CPU exceptions
; (vectors 0..31), the PIC's IRQs (32..47) and system calls (int 0x80).
;
; Each vector's stub pushes an error code (0 where the CPU pushes none)
; and its vector number, then jumps to trap_common, which saves the
; remaining registers to complete a struct trapframe (kernel/trap.h) and
; calls trap(tf) in kernel/trap.c with kernel data segments loaded.
; trapret restores the frame and returns with iret - to user mode if the
; trap came from there.  All gates are interrupt gates: the kernel runs
; with interrupts disabled.
;
; sysenter_entry is the other way into a system call: sysenter, from the
; vsyscall page (kernel/vsyscall_page.asm).  It builds the same trapframe and,
; when nothing changed where the call returns, leaves with sysexit.

KERNEL_DS	equ 0x68		; boot/gdt.h: SEG_KDATA << 3
USER_CS		equ 0x73		; SEG_UCODE << 3 | 3
USER_DS		equ 0x7b		; SEG_UDATA << 3 | 3
EFLAGS_FIXED	equ 0x2			; the bit that always reads 1
EFLAGS_TF	equ 0x100
EFLAGS_IF	equ 0x200
T_SYSCALL	equ 0x80
TSS_ESP0	equ 4			; offset in boot/gdt.c's struct tss
TF_EIP		equ 56			; offsets in struct trapframe
TF_CS		equ 60
TF_EFLAGS	equ 64
TF_SS		equ 72

section .text

extern trap, sysenter_trap, vsyscall_user_return, tss

%macro VECTOR_NOERR 1
vector%1:
	push dword 0
	push dword %1
	jmp trap_common
%endmacro

%macro VECTOR_ERR 1
vector%1:
	push dword %1
	jmp trap_common
%endmacro

; Exceptions for which the CPU pushes an error code.
%assign v 0
%rep 48
%if v == 8 || v == 10 || v == 11 || v == 12 || v == 13 || v == 14 || v == 17 || v == 21 || v == 29 || v == 30
	VECTOR_ERR v
%else
	VECTOR_NOERR v
%endif
%assign v v + 1
%endrep
	VECTOR_NOERR 128

%macro SAVE_REGS 0
	push ds
	push es
	push fs
	push gs
	pushad
	cld			; user code may have left DF set; C code assumes it clear
	mov ax, KERNEL_DS
	mov ds, ax
	mov es, ax
	mov fs, ax
	mov gs, ax
%endmacro

; The other way: back to the registers of the frame, esp at eip.
%macro RESTORE_REGS 0
	popad
	pop gs
	pop fs
	pop es
	pop ds
	add esp, 8		; vector number and error code
%endmacro

trap_common:
	SAVE_REGS
	push esp		; struct trapframe *
	call trap
	add esp, 4

; A new process starts here too (kernel/proc.c, forkret).
global trapret
trapret:
	RESTORE_REGS
	iretd

; sysenter: the CPU took cs and ss from MSR 0x174, eip from MSR 0x176
; and esp from MSR 0x175 - a small stack of kernel/vsyscall.c's, which
; only a debug exception taken right here uses (a user's trap flag); it
; cleared IF and saved nothing.  So: load this process's kernel stack,
; then push what int 0x80 would have pushed - the user's stack pointer is
; in ebp, the return point is the page's vsyscall_return.
global sysenter_entry
sysenter_entry:
	mov esp, [tss + TSS_ESP0]
	push dword USER_DS	; ss
	push ebp		; esp
	pushfd
	or dword [esp], EFLAGS_IF
	push dword EFLAGS_FIXED
	popfd			; NT (iret would see it), AC, TF... cleared, as
				; an interrupt gate clears them
	push dword USER_CS
	push dword [vsyscall_user_return]
	push dword 0		; error code
	push dword T_SYSCALL
	SAVE_REGS
	push esp
	call sysenter_trap
	add esp, 4
global sysenter_exit
sysenter_exit:			; (tools/gdbinit.py unwinds from here)
	; sysexit returns to edx with the stack at ecx, and so fits only the
	; plain return to the page (which restores ecx and edx itself); after
	; a signal, exec or sigreturn changed the frame, or under the trap
	; flag, iret does the whole job.
	mov eax, [vsyscall_user_return]
	cmp [esp + TF_EIP], eax
	jne trapret
	test dword [esp + TF_EFLAGS], EFLAGS_TF
	jnz trapret
	cmp dword [esp + TF_CS], USER_CS
	jne trapret
	cmp dword [esp + TF_SS], USER_DS
	jne trapret
	RESTORE_REGS
	mov edx, [esp]		; eip
	mov ecx, [esp + 12]	; esp
	and dword [esp + 8], ~EFLAGS_IF
	push dword [esp + 8]
	popfd			; the user's flags, interrupts still off
	sti			; on from after the next instruction
	sysexit

section .rodata
; Addresses of the stubs for vectors 0..47, for boot/idt.c.
global trap_vectors, syscall_vector
trap_vectors:
%assign v 0
%rep 48
	dd vector%+v
%assign v v + 1
%endrep
syscall_vector:
	dd vector128
