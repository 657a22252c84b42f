/*
 * main.c - kernel_main: from the boot loader's hand-off to the first
 * process.
 *
 * boot/entry.asm has turned paging on and jumped here, in the higher
 * half, on the boot stack.  The order matters: the console first (so
 * everything after can report), then descriptor tables and interrupt
 * controllers, memory (page directory, frames, heap), the clock, the
 * file system from the boot archive, devices, and finally the first
 * process, /bin/init.  The boot stack then becomes the scheduler's.
 */
#include "boot/gdt.h"
#include "boot/idt.h"
#include "boot/multiboot.h"
#include "ipc/pipe.h"
#include "kernel/bootopts.h"
#include "kernel/console.h"
#include "kernel/dev.h"
#include "kernel/fpu.h"
#include "kernel/file.h"
#include "kernel/initrd.h"
#include "kernel/procfs.h"
#include "kernel/kstack.h"
#include "kernel/keyboard.h"
#include "kernel/pic.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/selftest.h"
#include "kernel/serial.h"
#include "kernel/time.h"
#include "kernel/vsyscall.h"
#include "kernel/timer.h"
#include "kernel/trap.h"
#include "kernel/tty.h"
#include "kernel/vfs.h"
#include "mm/mm.h"

#define HEAP_FRACTION	4		/* the heap may take 1/4 of memory */

extern u8 _kernel_end[];

static void mem_init(const struct multiboot_info *mbi)
{
	u32 mem_top = paging_init(mbi);
	u32 heap_bytes = mem_top / HEAP_FRACTION;

	frame_init(mbi, ALIGN_UP((u32)_kernel_end, PAGE_SIZE), mem_top);
	heap_init(heap_bytes);
	printk("memory: %u MiB, %lu frames free, heap up to %u KiB\n",
	       mem_top >> 20, frames_free(), heap_bytes >> 10);
}

void kernel_main(u32 magic, u32 mbi_phys)
{
	const struct multiboot_info *mbi = P2V(mbi_phys);

	console_init();
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("not booted by a multiboot loader (magic %08x)", magic);
	if (mbi->flags & MB_INFO_CMDLINE)
		bootopts_parse(P2V(mbi->cmdline));
	printk("\033[1;36mRelay\033[0m: a teaching kernel for Unix IPC\n");
	gdt_init();
	fpu_init();
	idt_init();
	trap_init();
	mem_init(mbi);
	kstack_init();
	time_init();
	timer_init();
	file_init();
	pipe_init();
	vsyscall_init();
	vfs_init();
	initrd_unpack();
	dev_init();
	procfs_init();
	tty_init();
	keyboard_init();
	serial_enable_input();
	if (boot_selftest)
		selftest_run();
	proc_start_init();
	scheduler();
}
