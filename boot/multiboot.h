/*
 * multiboot.h - the information a multiboot (v1) loader hands the kernel
 * (GNU Multiboot Specification 0.6.96, section 3.3).  Only the fields the
 * kernel reads are named.
 */
#ifndef BOOT_MULTIBOOT_H
#define BOOT_MULTIBOOT_H

#include "kernel/types.h"

#define MULTIBOOT_BOOTLOADER_MAGIC	0x2BADB002
#define MB_INFO_MEMORY		(1 << 0)
#define MB_INFO_CMDLINE		(1 << 2)
#define MB_INFO_MMAP		(1 << 6)
#define MB_MMAP_AVAILABLE	1

struct multiboot_info {
	u32 flags;
	u32 mem_lower;		/* KiB below 1 MiB */
	u32 mem_upper;		/* KiB above 1 MiB */
	u32 boot_device;
	u32 cmdline;		/* physical address of a C string */
	u32 mods_count;
	u32 mods_addr;
	u32 syms[4];
	u32 mmap_length;
	u32 mmap_addr;
} __packed;

/* One memory map entry; `size` does not count itself. */
struct multiboot_mmap {
	u32 size;
	u64 addr;
	u64 len;
	u32 type;
} __packed;

#endif
