/*
 * sys_cred.c - wrappers for the user and group id calls.
 *
 * The i386 numbers used here (23, 24, 46, 47, 49, 50, 70, 71, 164, 165,
 * 170, 171) are Linux's 16-bit-id variants: ids travel as 16 bits, and
 * (uid_t)-1 ("leave unchanged") arrives as 0xffff, which the kernel reads
 * as -1.  getresuid/getresgid store 16-bit values, so they are read into
 * zeroed ints and masked: correct whether the kernel writes 2 or 4 bytes.
 * seteuid and setegid are setresuid and setresgid changing one id.
 */
#include <unistd.h>
#include "syscall.h"

#define ID16_MASK	0xffffu

uid_t getuid(void)
{
	return (uid_t)__syscall0(__NR_getuid);
}

uid_t geteuid(void)
{
	return (uid_t)__syscall0(__NR_geteuid);
}

gid_t getgid(void)
{
	return (gid_t)__syscall0(__NR_getgid);
}

gid_t getegid(void)
{
	return (gid_t)__syscall0(__NR_getegid);
}

int setuid(uid_t uid)
{
	return SYS1(setuid, uid);
}

int setgid(gid_t gid)
{
	return SYS1(setgid, gid);
}

int setreuid(uid_t ruid, uid_t euid)
{
	return SYS2(setreuid, ruid, euid);
}

int setregid(gid_t rgid, gid_t egid)
{
	return SYS2(setregid, rgid, egid);
}

int setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	return SYS3(setresuid, ruid, euid, suid);
}

int setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	return SYS3(setresgid, rgid, egid, sgid);
}

/* seteuid/setegid: the effective id alone; -1 is no id (EINVAL), as in
 * glibc. */
int seteuid(uid_t euid)
{
	if (euid == (uid_t)-1) {
		errno = EINVAL;
		return -1;
	}
	return setresuid((uid_t)-1, euid, (uid_t)-1);
}

int setegid(gid_t egid)
{
	if (egid == (gid_t)-1) {
		errno = EINVAL;
		return -1;
	}
	return setresgid((gid_t)-1, egid, (gid_t)-1);
}

static int get_three_ids(long nr, unsigned int *a, unsigned int *b,
			 unsigned int *c)
{
	unsigned int ra = 0, rb = 0, rc = 0;

	if (__sys_ret(__syscall3(nr, (long)&ra, (long)&rb, (long)&rc)) < 0)
		return -1;
	*a = ra & ID16_MASK;
	*b = rb & ID16_MASK;
	*c = rc & ID16_MASK;
	return 0;
}

int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid)
{
	return get_three_ids(__NR_getresuid, ruid, euid, suid);
}

int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid)
{
	return get_three_ids(__NR_getresgid, rgid, egid, sgid);
}
