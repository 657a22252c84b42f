/*
 * vsyscall.c - fast system calls: sysenter and sysexit, and the page
 * that makes them.
 *
 * int 0x80 is an interrupt: the CPU reads the IDT, the GDT and the TSS
 * and pushes five words, and iret undoes it all; under QEMU each is a
 * long trip through its exception machinery.  sysenter jumps straight to
 * a kernel address kept in a model-specific register, and sysexit
 * straight back.  They save nothing, so a fixed piece of user code must
 * go around them: the vsyscall page (kernel/vsyscall_page.asm), mapped
 * read-only at VSYSCALL_ADDR in every process, whose address exec passes
 * as AT_SYSINFO - as Linux passes its vDSO's __kernel_vsyscall, so glibc
 * and musl programs use it unchanged.  Relay's libc calls it when
 * AT_SYSINFO is there, int 0x80 otherwise; both remain valid.
 *
 * The entry (boot/isr.asm: sysenter_entry) builds the same trapframe as
 * int 0x80, with the user's stack pointer and the page's return point;
 * sysenter_trap then fetches the sixth argument, which the page had to
 * save on the user stack to free ebp, and runs the call as trap() does.
 *
 * The page is one frame, filled at boot; every mapping holds a reference
 * (fork shares it like any read-only page; mprotect to writable gives a
 * private copy, as for any shared page).
 */
#include "kernel/vsyscall.h"
#include "boot/gdt.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/random.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/trap.h"
#include "kernel/x86.h"
#include "mm/mm.h"

#define MSR_SYSENTER_CS		0x174
#define MSR_SYSENTER_ESP	0x175
#define MSR_SYSENTER_EIP	0x176
#define CPUID_EDX_SEP		(1u << 11)	/* sysenter and sysexit */
#define ENTRY_STACK_WORDS	256	/* room for a debug exception's trap() */

/* boot/isr.asm writes these as numbers. */
_Static_assert(KERNEL_DS == 0x68 && USER_CS == 0x73 && USER_DS == 0x7b,
	       "boot/isr.asm's selectors");
_Static_assert(offsetof(struct trapframe, eip) == 56 && offsetof(struct trapframe, cs) == 60 &&
	       offsetof(struct trapframe, eflags) == 64 && offsetof(struct trapframe, ss) == 72,
	       "boot/isr.asm's TF_* offsets");

extern const char vsyscall_start[], vsyscall_return[], vsyscall_end[];
extern const char sysenter_entry[];

u32 vsyscall_user_return;	/* vsyscall_return as the user sees it (isr.asm) */
static u32 page;		/* the frame holding the code */
static bool sysenter_ok;
static u32 entry_stack[ENTRY_STACK_WORDS] __attribute__((aligned(16)));

void vsyscall_init(void)
{
	if (!(page = frame_alloc()))
		panic("no memory for the vsyscall page");
	memcpy(P2V(page), vsyscall_start, (size_t)(vsyscall_end - vsyscall_start));
	vsyscall_user_return = VSYSCALL_ADDR + (u32)(vsyscall_return - vsyscall_start);
	if (!(cpu_features_edx() & CPUID_EDX_SEP))
		return;
	wrmsr(MSR_SYSENTER_CS, KERNEL_CS);
	wrmsr(MSR_SYSENTER_ESP, (u32)(entry_stack + ENTRY_STACK_WORDS));
	wrmsr(MSR_SYSENTER_EIP, (u32)sysenter_entry);
	sysenter_ok = true;
}

/* Map the page into a new program's address space (exec). */
int vsyscall_map(pde_t *pgdir)
{
	if (frame_get(page) < 0)
		return -ENOMEM;
	if (map_page(pgdir, VSYSCALL_ADDR, page, PTE_P | PTE_U) < 0) {
		frame_put(page);
		return -ENOMEM;
	}
	return 0;
}

/* AT_SYSINFO's value: the entry, or 0 (none given) without sysenter. */
u32 vsyscall_entry(void)
{
	return sysenter_ok ? VSYSCALL_ADDR : 0;
}

/*
 * A user that sets the trap flag and runs sysenter: the flag survives
 * into the kernel, and a debug exception comes before the entry's first
 * instruction, on the small stack MSR 0x175 gives (a real stack for this
 * very case).  Clear the flag and let the entry start (it then clears the
 * user's flags as an interrupt gate would); that single step is lost.
 * True if it was that.
 */
bool sysenter_debug_trap(struct trapframe *tf)
{
	if (trap_from_user(tf) || tf->eip != (u32)sysenter_entry)
		return false;
	tf->eflags &= ~EFLAGS_TF;
	return true;
}

/*
 * From sysenter_entry.  The page pushed ecx, edx and ebp and passed its
 * stack pointer in ebp, so the sixth argument is at the user's [esp].
 * A stack that cannot be read makes the call fail with EFAULT, as Linux.
 */
void sysenter_trap(struct trapframe *tf)
{
	u32 arg6;

	if (get_user_u32(&arg6, (const u32 __user *)tf->esp) < 0) {
		tf->eax = (u32)-EFAULT;
		return_to_user(tf);
		return;
	}
	tf->ebp = arg6;
	trap(tf);
}
