; initrd.asm - the root file system archive, linked into the kernel image.
;
; The Makefile packs the user programs and /etc files into a ustar archive
; (build/initrd.tar) and assembles this file with -DINITRD="path"; at boot
; kernel/initrd.c unpacks it into the in-memory root.

section .initrd progbits alloc noexec nowrite align=512
global initrd_start, initrd_end
initrd_start:
	incbin INITRD
initrd_end:
