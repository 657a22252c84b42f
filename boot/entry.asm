; entry.asm - the multiboot header and the first instructions of the kernel.
;
; GRUB (multiboot v1) jumps to _start in 32-bit protected mode, paging off,
; with eax = 0x2BADB002 and ebx = physical address of the multiboot info.
; The kernel is linked in the higher half (0xC0100000) but loaded at
; 1 MiB, so before paging is on only position-independent code may run.
; _start switches on paging with a boot page directory of 4 MiB pages that
; maps the first 64 MiB twice, at 0 (so the next instruction still exists)
; and at KERNBASE, then jumps to the higher half and calls kernel_main.
; mm/paging.c replaces this directory with the real kernel one.

KERNBASE	equ 0xC0000000
MB_MAGIC	equ 0x1BADB002
MB_PAGE_ALIGN	equ 1 << 0		; modules page aligned
MB_MEMINFO	equ 1 << 1		; we want the memory map
MB_FLAGS	equ MB_PAGE_ALIGN | MB_MEMINFO

PDE_PRESENT	equ 1 << 0
PDE_WRITE	equ 1 << 1
PDE_4MB		equ 1 << 7
CR0_MP		equ 1 << 1		; wait/fwait honours TS
CR0_NE		equ 1 << 5		; x87 errors as exception 16
CR0_WP		equ 1 << 16		; kernel writes honour read-only pages
CR0_PG		equ 1 << 31
CR4_PSE		equ 1 << 4		; allow 4 MiB pages
BOOT_MAP_MB	equ 64
BOOT_STACK_SIZE	equ 16384

section .multiboot progbits alloc noexec nowrite align=4
	dd MB_MAGIC
	dd MB_FLAGS
	dd -(MB_MAGIC + MB_FLAGS)

section .boot progbits alloc exec nowrite align=16
bits 32
global _start
_start:
	mov ecx, boot_pgdir - KERNBASE
	mov cr3, ecx
	mov ecx, cr4
	or ecx, CR4_PSE
	mov cr4, ecx
	mov ecx, cr0
	or ecx, CR0_PG | CR0_WP | CR0_MP | CR0_NE
	mov cr0, ecx
	mov ecx, higher_half
	jmp ecx

extern kernel_main

section .text
higher_half:
	mov esp, boot_stack_top
	xor ebp, ebp			; backtraces stop here
	fninit
	push ebx			; multiboot info (physical address)
	push eax			; multiboot magic
	call kernel_main
.hang:	cli
	hlt
	jmp .hang

section .data
align 4096
global boot_pgdir
boot_pgdir:
%assign i 0
%rep BOOT_MAP_MB / 4
	dd (i << 22) | PDE_PRESENT | PDE_WRITE | PDE_4MB
%assign i i + 1
%endrep
	times (KERNBASE >> 22) - (BOOT_MAP_MB / 4) dd 0
%assign i 0
%rep BOOT_MAP_MB / 4
	dd (i << 22) | PDE_PRESENT | PDE_WRITE | PDE_4MB
%assign i i + 1
%endrep
	times 1024 - (KERNBASE >> 22) - (BOOT_MAP_MB / 4) dd 0

section .bss
align 16
global boot_stack_top
boot_stack:
	resb BOOT_STACK_SIZE
boot_stack_top:
