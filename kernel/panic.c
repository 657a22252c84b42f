/*
 * panic.c - fatal kernel errors: print the reason, the registers and a
 * symbolized backtrace, then stop.
 *
 * Under tools/qemu-run (or selftest) a panic also tells the control
 * channel "panic" and leaves QEMU with a failure code, so a test run
 * never hangs on a dead kernel.  Interactively the machine halts so the
 * message stays on screen.
 *
 * The backtrace follows the saved-ebp chain (the kernel is built with
 * -fno-omit-frame-pointer) and names each return address with the table
 * tools/mksyms.sh builds from the kernel's own symbols (.ksyms).
 */
#include "kernel/printk.h"
#include "kernel/console.h"
#include "kernel/kstack.h"
#include "kernel/bootopts.h"
#include "kernel/proc.h"
#include "kernel/serial.h"
#include "kernel/trap.h"
#include "kernel/vga.h"
#include "kernel/x86.h"
#include "mm/memlayout.h"

#define BACKTRACE_DEPTH	16
#define DEBUG_EXIT_PORT	0xf4
#define PANIC_EXIT_CODE	0x7e

struct ksym {
	u32 addr;
	const char *name;
};

extern const u32 ksym_count;
extern const struct ksym ksym_table[];
extern const u8 _etext[];

static bool panicking;

/* The symbol containing addr: the last entry at or below it. */
static const struct ksym *ksym_lookup(u32 addr)
{
	int lo = 0, hi = (int)ksym_count - 1;
	const struct ksym *best = NULL;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (ksym_table[mid].addr <= addr) {
			best = &ksym_table[mid];
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return best;
}

static void print_addr(u32 addr)
{
	const struct ksym *s = ksym_lookup(addr);

	if (s && addr < (u32)_etext)
		printk("  [<%08x>] %s+0x%x\n", addr, s->name, addr - s->addr);
	else
		printk("  [<%08x>] ?\n", addr);
}

static bool frame_ok(u32 ebp)
{
	return ebp >= KERNBASE && !(ebp & 3) &&
	       (ebp < (u32)P2V(PHYS_MAP_MAX) ||
		(kstack_mapped(ebp) && kstack_mapped(ebp + 4)));
}

/* Print eip (if not 0), then the return addresses up the ebp chain. */
static void backtrace(u32 eip, u32 ebp)
{
	printk("Backtrace:\n");
	if (eip)
		print_addr(eip);
	for (int depth = 0; depth < BACKTRACE_DEPTH && frame_ok(ebp); depth++) {
		u32 ret = ((u32 *)ebp)[1];
		if (!ret)
			break;
		print_addr(ret - 1);	/* the call, not the next instruction */
		ebp = ((u32 *)ebp)[0];
	}
}

static void print_regs(const struct trapframe *tf)
{
	printk("trap %u (%s) err %08x  eip %08x  cs %04x  eflags %08x\n",
	       tf->trapno, trap_name(tf->trapno), tf->err, tf->eip, tf->cs,
	       tf->eflags);
	printk("eax %08x  ebx %08x  ecx %08x  edx %08x\n",
	       tf->eax, tf->ebx, tf->ecx, tf->edx);
	printk("esi %08x  edi %08x  ebp %08x  esp %08x\n",
	       tf->esi, tf->edi, tf->ebp,
	       trap_from_user(tf) ? tf->esp : (u32)&tf->esp);
	printk("ds %04x  es %04x  cr2 %08x  cr3 %08x\n",
	       tf->ds, tf->es, read_cr2(), read_cr3());
}

__noreturn void qemu_exit(const char *control_line, int code)
{
	serial_control(control_line);
	outl(DEBUG_EXIT_PORT, (u32)code);
	for (;;) {
		cli();
		hlt();
	}
}

/* The process's latest system call and its arguments, so that a panic
 * found by a fuzzer names the call that led to it. */
static void print_syscall(int nr, const struct trapframe *tf)
{
	printk("system call %d (%08x, %08x, %08x, %08x, %08x, %08x)\n", nr,
	       tf->ebx, tf->ecx, tf->edx, tf->esi, tf->edi, tf->ebp);
}

static __noreturn void panic_va(struct trapframe *tf, const char *fmt, va_list ap)
{
	char msg[256];

	cli();
	if (panicking)
		qemu_exit("panic\n", PANIC_EXIT_CODE);
	panicking = true;
	console_quiet = false;
	vga_set_attr(VGA_PANIC_ATTR);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	printk("\nKERNEL PANIC: %s\n", msg);
	if (current)
		printk("current process: pid %d (%s)\n", current->pid, current->name);
	if (current && current->tf && current->syscall_nr >= 0)
		print_syscall(current->syscall_nr, current->tf);
	if (tf) {
		print_regs(tf);
		backtrace(tf->eip, tf->ebp);
	} else {
		backtrace(0, read_ebp());
	}
	if (boot_automated)
		qemu_exit("panic\n", PANIC_EXIT_CODE);
	printk("System halted.\n");
	for (;;) {
		cli();
		hlt();
	}
}

__noreturn void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	panic_va(NULL, fmt, ap);
}

__noreturn void panic_trap(struct trapframe *tf, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	panic_va(tf, fmt, ap);
}
