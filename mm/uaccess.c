/*
 * uaccess.c - copying between kernel memory and the current process's
 * user memory.
 *
 * A user pointer is never trusted: before touching a user page the kernel
 * checks, in the current page directory, that the page is below USER_TOP,
 * present, user-accessible and (for a write) writable.  A page that is
 * not present but legal to create (stack growth, shared memory) is faulted
 * in first.  Anything else makes the call fail with -EFAULT - the kernel
 * itself never faults on a user address.  Interrupts are off in the
 * kernel, so nothing can unmap a page between the check and the copy.
 */
#include "mm/mm.h"
#include "kernel/proc.h"
#include "kernel/string.h"
#include "kernel/errno.h"

bool access_ok(const void __user *p, size_t n)
{
	u32 a = (u32)p;

	return a + n >= a && a + n <= USER_TOP;
}

/* The page table entry of user address va (below USER_TOP), 0 if none. */
static pte_t user_pte(u32 va)
{
	pde_t pde = current->pgdir[PDX(va)];

	return (pde & PTE_P) ? ((pte_t *)P2V(PTE_ADDR(pde)))[PTX(va)] : 0;
}

static bool page_ok(u32 va, bool write)
{
	pte_t pte = user_pte(va);

	if ((pte & PTE_P) && (pte & PTE_U) && (!write || (pte & PTE_W)))
		return true;
	return user_fault_in(va, write);
}

static bool range_ok(const void __user *p, size_t n, bool write)
{
	u32 a = (u32)p;

	if (!access_ok(p, n))
		return false;
	for (u32 va = ALIGN_DOWN(a, PAGE_SIZE); va < a + n; va += PAGE_SIZE)
		if (!page_ok(va, write))
			return false;
	return true;
}

/* 0 if the n bytes at p are writable user memory, else -EFAULT.  Lets a
 * call check its output buffer before doing anything it cannot undo. */
int check_user_writable(void __user *p, size_t n)
{
	return range_ok(p, n, true) ? 0 : -EFAULT;
}

/* 0 if the n bytes at p are readable user memory, else -EFAULT. */
int check_user_readable(const void __user *p, size_t n)
{
	return range_ok(p, n, false) ? 0 : -EFAULT;
}

int copy_from_user(void *dst, const void __user *src, size_t n)
{
	if (!range_ok(src, n, false))
		return -EFAULT;
	memcpy(dst, (const void *)src, n);
	return 0;
}

/* One aligned word from user memory: copy_from_user's result, but with
 * its page present (the common case) a few instructions - the sysenter
 * path reads a word this way on every system call. */
int get_user_u32(u32 *out, const u32 __user *p)
{
	u32 va = (u32)p;

	if (va < USER_TOP && va % sizeof(u32) == 0 &&
	    (user_pte(va) & (PTE_P | PTE_U)) == (PTE_P | PTE_U)) {
		*out = *(const u32 *)va;
		return 0;
	}
	return copy_from_user(out, p, sizeof(*out));
}

int copy_to_user(void __user *dst, const void *src, size_t n)
{
	if (!range_ok(dst, n, true))
		return -EFAULT;
	memcpy((void *)dst, src, n);
	return 0;
}

int clear_user(void __user *dst, size_t n)
{
	if (!range_ok(dst, n, true))
		return -EFAULT;
	memset((void *)dst, 0, n);
	return 0;
}

/* Byte i of a string being read at user address a: is it readable?  Its
 * page is checked at the first byte and whenever a new page begins. */
static bool string_byte_ok(u32 a, size_t i)
{
	if (i != 0 && (a & (PAGE_SIZE - 1)))
		return true;
	return a < USER_TOP && page_ok(ALIGN_DOWN(a, PAGE_SIZE), false);
}

/*
 * Copy a NUL-terminated string of at most max bytes (NUL included).
 * Returns its length, -EFAULT for a bad pointer, or -ENAMETOOLONG when no
 * NUL comes within max bytes.
 */
long strncpy_from_user(char *dst, const char __user *src, size_t max)
{
	u32 a = (u32)src;

	for (size_t i = 0; i < max; i++, a++) {
		if (!string_byte_ok(a, i))
			return -EFAULT;
		dst[i] = *(const char *)a;
		if (!dst[i])
			return (long)i;
	}
	return -ENAMETOOLONG;
}

/*
 * The length of a NUL-terminated user string of at most max bytes (NUL
 * included), without copying it.  Returns the length, -EFAULT for a bad
 * pointer, or -ENAMETOOLONG when no NUL comes within max bytes.
 */
long strnlen_user(const char __user *src, size_t max)
{
	u32 a = (u32)src;

	for (size_t i = 0; i < max; i++, a++) {
		if (!string_byte_ok(a, i))
			return -EFAULT;
		if (!*(const char *)a)
			return (long)i;
	}
	return -ENAMETOOLONG;
}
