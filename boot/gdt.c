/*
 * gdt.c - the global descriptor table and the task state segment.
 *
 * The slots are numbered as in Linux i386 (boot/gdt.h): null, three
 * thread-local storage segments of the running process (6..8, kernel/tls.c),
 * kernel code and data, user code and data (all four flat 0..4 GiB,
 * differing only in type and privilege: selectors 0x60, 0x68, 0x73, 0x7b)
 * and two TSSs; the other slots stay null.
 * tss_set_kernel_stack() is called on every switch to a process, so a
 * trap from that process's user mode lands on its own kernel stack.
 *
 * The second TSS is the double fault task (boot/idt.c gives vector 8 a
 * task gate).  A kernel stack that overflows into its guard page
 * (kernel/kstack.c) faults, and the CPU cannot push the page fault's frame
 * on that same stack: a double fault.  Handled on the faulting stack it
 * would fault a third time and reset the machine; as a task switch it
 * runs on a stack of its own, with the faulting state saved in the first
 * TSS, and panics with it.
 */
#include "boot/gdt.h"
#include "kernel/kstack.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "mm/mm.h"

#define ACC_PRESENT	0x80
#define ACC_DPL(d)	((d) << 5)
#define ACC_SEGMENT	0x10		/* code/data (not system) descriptor */
#define ACC_CODE	0x0a		/* execute/read */
#define ACC_DATA	0x02		/* read/write */
#define ACC_TSS32	0x09		/* 32-bit available TSS */
#define GRAN_4K_32BIT	0xc0		/* limit in pages, 32-bit operands */
#define DF_STACK_SIZE	4096
#define EFLAGS_RESERVED	0x2		/* always set; IF clear */

struct gdt_entry {
	u16 limit_lo;
	u16 base_lo;
	u8 base_mid;
	u8 access;
	u8 gran;			/* limit bits 16..19 and flags */
	u8 base_hi;
} __packed;

struct gdt_ptr {
	u16 limit;
	u32 base;
} __packed;

struct tss {
	u32 link;
	u32 esp0, ss0;
	u32 esp1, ss1;
	u32 esp2, ss2;
	u32 cr3, eip, eflags;
	u32 eax, ecx, edx, ebx, esp, ebp, esi, edi;
	u32 es, cs, ss, ds, fs, gs, ldt;
	u16 trap, iomap_base;
} __packed;

_Static_assert(offsetof(struct tss, esp0) == 4, "boot/isr.asm's TSS_ESP0");

static struct gdt_entry gdt[NSEGS];
struct tss tss;			/* boot/isr.asm's sysenter_entry reads esp0 */
static struct tss df_tss;
static u8 df_stack[DF_STACK_SIZE] __attribute__((aligned(16)));

static void set_entry(int i, u32 base, u32 limit, u8 access, u8 gran)
{
	gdt[i].limit_lo = limit & 0xffff;
	gdt[i].base_lo = base & 0xffff;
	gdt[i].base_mid = (base >> 16) & 0xff;
	gdt[i].access = access;
	gdt[i].gran = (u8)(gran | ((limit >> 16) & 0x0f));
	gdt[i].base_hi = (base >> 24) & 0xff;
}

static void load_gdt(void)
{
	struct gdt_ptr p = { sizeof(gdt) - 1, (u32)gdt };

	asm volatile("lgdt %0\n\t"
		     "ljmp %1, $1f\n"
		     "1:\n\t"
		     "mov %2, %%ax\n\t"
		     "mov %%ax, %%ds\n\t"
		     "mov %%ax, %%es\n\t"
		     "mov %%ax, %%fs\n\t"
		     "mov %%ax, %%gs\n\t"
		     "mov %%ax, %%ss\n\t"
		     "ltr %w3"
		     : : "m"(p), "i"(KERNEL_CS), "i"(KERNEL_DS), "r"(TSS_SEL)
		     : "eax", "memory");
}

/* The double fault task: report the state the fault left in tss.  The
 * task switch set CR0.TS, which would make the SSE copies of
 * kernel/string.c fault: clear it first. */
static __noreturn void double_fault_task(void)
{
	struct trapframe tf;
	bool overflow = kstack_guard(tss.esp) || kstack_guard(tss.esp - 1);

	asm volatile("clts");
	memset(&tf, 0, sizeof(tf));
	tf.trapno = T_DBLFLT;
	tf.eip = tss.eip;
	tf.cs = tss.cs;
	tf.eflags = tss.eflags;
	tf.eax = tss.eax;
	tf.ebx = tss.ebx;
	tf.ecx = tss.ecx;
	tf.edx = tss.edx;
	tf.esi = tss.esi;
	tf.edi = tss.edi;
	tf.ebp = tss.ebp;
	tf.ds = tss.ds;
	tf.es = tss.es;
	panic_trap(&tf, "double fault, esp %08x%s", tss.esp,
		   overflow ? ": kernel stack overflow into its guard page" : "");
}

static void df_tss_init(void)
{
	memset(&df_tss, 0, sizeof(df_tss));
	df_tss.cr3 = V2P(kernel_pgdir);
	df_tss.eip = (u32)double_fault_task;
	df_tss.eflags = EFLAGS_RESERVED;
	df_tss.esp = (u32)df_stack + DF_STACK_SIZE;
	df_tss.cs = KERNEL_CS;
	df_tss.ss = df_tss.ds = df_tss.es = df_tss.fs = df_tss.gs = KERNEL_DS;
	df_tss.iomap_base = sizeof(df_tss);
	set_entry(SEG_DF_TSS, (u32)&df_tss, sizeof(df_tss) - 1, ACC_PRESENT | ACC_TSS32, 0);
}

void gdt_init(void)
{
	const u32 flat = 0xfffff;

	set_entry(SEG_KCODE, 0, flat, ACC_PRESENT | ACC_SEGMENT | ACC_CODE, GRAN_4K_32BIT);
	set_entry(SEG_KDATA, 0, flat, ACC_PRESENT | ACC_SEGMENT | ACC_DATA, GRAN_4K_32BIT);
	set_entry(SEG_UCODE, 0, flat, ACC_PRESENT | ACC_DPL(DPL_USER) | ACC_SEGMENT | ACC_CODE,
		  GRAN_4K_32BIT);
	set_entry(SEG_UDATA, 0, flat, ACC_PRESENT | ACC_DPL(DPL_USER) | ACC_SEGMENT | ACC_DATA,
		  GRAN_4K_32BIT);
	memset(&tss, 0, sizeof(tss));
	tss.ss0 = KERNEL_DS;
	tss.iomap_base = sizeof(tss);	/* no I/O bitmap: user port I/O faults */
	set_entry(SEG_TSS, (u32)&tss, sizeof(tss) - 1, ACC_PRESENT | ACC_TSS32, 0);
	df_tss_init();
	load_gdt();
}

void tss_set_kernel_stack(u32 esp0)
{
	tss.esp0 = esp0;
}

/* Install the running process's TLS segments.  The user's %fs/%gs read
 * them when trapret reloads those registers. */
void gdt_set_tls(const struct seg_desc tls[TLS_ENTRIES])
{
	_Static_assert(sizeof(struct gdt_entry) == sizeof(struct seg_desc), "descriptor size");
	memcpy(&gdt[SEG_TLS_MIN], tls, TLS_ENTRIES * sizeof(*tls));
}
