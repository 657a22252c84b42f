/*
 * elf.h - the parts of the ELF32 format the program loader reads and the
 * core dumper writes (System V ABI, Intel386 supplement).
 */
#ifndef KERNEL_ELF_H
#define KERNEL_ELF_H

#include "kernel/types.h"

#define ELF_MAGIC	0x464c457fu	/* "\x7fELF" little endian */
#define ELFCLASS32	1
#define ELFDATA2LSB	1
#define ET_EXEC		2
#define ET_DYN		3	/* position independent: static-pie */
#define ET_CORE		4	/* a core dump (kernel/coredump.c) */
#define EM_386		3
#define PT_LOAD		1
#define PT_NOTE		4
#define EV_CURRENT	1
#define PF_X		1
#define PF_W		2
#define PF_R		4

struct elf_header {
	u32 magic;
	u8 class, data, version, osabi;
	u8 pad[8];
	u16 type;
	u16 machine;
	u32 version2;
	u32 entry;
	u32 phoff;
	u32 shoff;
	u32 flags;
	u16 ehsize;
	u16 phentsize;
	u16 phnum;
	u16 shentsize;
	u16 shnum;
	u16 shstrndx;
};

struct elf_phdr {
	u32 type;
	u32 offset;
	u32 vaddr;
	u32 paddr;
	u32 filesz;
	u32 memsz;
	u32 flags;
	u32 align;
};

#endif
