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

KERNEL_DS	equ 0x68		; boot/gdt.h: SEG_KDATA << 3

section .text

extern trap

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

trap_common:
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
	push esp		; struct trapframe *
	call trap
	add esp, 4

; A new process starts here too (kernel/proc.c, forkret).
global trapret
trapret:
	popad
	pop gs
	pop fs
	pop es
	pop ds
	add esp, 8		; vector number and error code
	iretd

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
