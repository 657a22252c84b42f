/*
 * fault.c - the page fault handler.
 *
 * A fault in kernel mode is a kernel bug (user memory is only reached
 * through mm/uaccess.c, which checks first): panic with the address.
 * A fault in user mode is either a page the process may have but that is
 * not there yet - its stack growing down (within RLIMIT_STACK and
 * RLIMIT_AS, kernel/rlimit.c), a page of a mapping (mm/mmap.c: mmap, a
 * program's bss), or a page of an attached shared
 * memory segment (ipc/shm.c) - or the first write to a page it shares
 * copy-on-write since fork (mm/paging.c); then the page is mapped or
 * copied and the instruction retried.  Anything else is a bad access,
 * which raises SIGSEGV.  Nothing else in the system is disturbed.
 */
#include "mm/mm.h"
#include "kernel/kstack.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/rlimit.h"
#include "kernel/trap.h"
#include "kernel/x86.h"
#include "ipc/ipc.h"
#include "ipc/signal.h"
#include <uapi/signal.h>

static bool in_stack_region(u32 va)
{
	return va >= USER_STACK_TOP - USER_STACK_MAX && va < USER_STACK_TOP;
}

/* Make the page at va present if the process may have it.  Returns false
 * for an address the process has no right to. */
bool user_fault_in(u32 va, bool write)
{
	pte_t *pte;

	if (va >= USER_TOP)
		return false;
	pte = pgdir_walk(current->pgdir, va, false);
	if (pte && (*pte & PTE_P))	/* present: copy-on-write, or a violation */
		return write && cow_break(current->pgdir, va);
	if (in_stack_region(va) && rlimit_stack_allows(current, va))
		return alloc_range(current->pgdir, va, va + 1, PTE_U | PTE_W) == 0;
	if (mmap_fault(va, write))
		return true;
	return shm_fault(va, write);
}

void page_fault(struct trapframe *tf)
{
	u32 va = read_cr2();

	if (!trap_from_user(tf))
		panic_trap(tf, "page fault in the kernel at address %08x (%s, %s)%s",
			   va, tf->err & PF_WRITE ? "write" : "read",
			   tf->err & PF_PRESENT ? "protection" : "not present",
			   kstack_guard(va) ? ": kernel stack overflow into its guard page" : "");
	if (user_fault_in(va, tf->err & PF_WRITE))
		return;
	printk("pid %d (%s): segfault at %08x ip %08x\n",
	       current->pid, current->name, va, tf->eip);
	/* ACCERR: there is a mapping but it forbids this access. */
	force_sig_fault(SIGSEGV, (tf->err & PF_PRESENT) || shm_overlaps(current, va, va + 1) ?
			SEGV_ACCERR : SEGV_MAPERR, va);
}
