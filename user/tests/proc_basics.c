/*
 * proc_basics - the basic process system calls behave as on Linux.
 *
 *  - getpid/getppid across fork (child, grandchild);
 *  - wait status of exit codes 0, 1 and 255;
 *  - waitpid WNOHANG returns 0 while the child runs, ECHILD with no child;
 *  - waitpid on one pid among several reaps that one, the others later;
 *  - an orphaned grandchild is reparented to init (its ppid becomes 1);
 *  - uname: sysname "Relay", the other fields non-empty;
 *  - brk grows (the new memory is usable) and shrinks (the memory is
 *    gone: touching it kills a child with SIGSEGV), bad requests fail;
 *  - nanosleep of 200 ms takes 200 ms give or take a tick or two;
 *  - unknown system call numbers fail with ENOSYS;
 *  - setuid/setgid and the get*id calls, as root and as a normal user.
 *
 * Checks that run in a child print their own FAIL lines and make the
 * child exit 1; the parent counts that child as one more failure.
 */
#include <sys/utsname.h>
#include <uapi/unistd_32.h>
#include "test.h"

#define PAGE		4096u
#define BRK_PAGES	3
#define BRK_BYTE	0x5a
#define CHILD_NAP_MS	300
#define SLEEP_MS	200
#define SLEEP_EARLY_MS	10	/* one tick of the 100 Hz clock */
#define SLEEP_LATE_MS	30	/* a tick or two, and the clock's granularity */
#define ORPHAN_FILE	"/tmp/proc_basics.orphan"
#define ORPHAN_TMP	"/tmp/proc_basics.orphan.tmp"
#define ORPHAN_WAIT_MS	3000
#define INIT_PID	1
#define USER_ID		1000
#define GROUP_ID	1000
#define UNKNOWN_SYSCALL	999
#define UNUSED_LINUX_SYSCALL 17	/* "break": never implemented by Linux */
#define HUGE_SYSCALL	0x7fffffffL
#define NSIBLINGS	3	/* children of the specific-pid check */
#define TARGET		1	/* the one it waits for by pid */

static pid_t parent_pid;

static void child_ids(void *unused)
{
	(void)unused;
	CHECK_EQ("child's getppid", getppid(), parent_pid);
	CHECK(getpid() != parent_pid, "child's getpid %d is the parent's",
	      getpid());
}

static void check_ids_across_fork(void)
{
	int status;

	parent_pid = getpid();
	CHECK(getppid() > 0, "getppid: got %d, expected a pid", getppid());
	status = run_child(child_ids, NULL);
	CHECK(status == 0, "getpid/getppid in a child: wait status %#x", status);
	CHECK_EQ("parent's getpid after fork", getpid(), parent_pid);
}

static void check_exit_codes(void)
{
	static const int codes[] = { 0, 1, 255 };

	for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		int status = -1;
		pid_t pid = test_fork(), got;

		if (pid == 0)
			_exit(codes[i]);
		got = waitpid(pid, &status, 0);
		if (got != pid)
			FAIL("waitpid's pid: got %d, expected %d", got, pid);
		else if (!WIFEXITED(status) || WEXITSTATUS(status) != codes[i] ||
			 status != codes[i] << 8)
			FAIL("wait status of _exit(%d): got %#x, expected %#x",
			     codes[i], status, codes[i] << 8);
	}
}

static void check_wnohang_echild(void)
{
	int status;
	pid_t pid = test_fork();

	if (pid == 0) {
		sleep_ms(CHILD_NAP_MS);
		_exit(0);
	}
	CHECK_EQ("waitpid WNOHANG on a running child",
		 waitpid(pid, &status, WNOHANG), 0);
	CHECK(waitpid(pid, &status, 0) == pid, "waitpid after WNOHANG");
	CHECK_ERRNO("waitpid with no children", waitpid(-1, &status, 0), ECHILD);
	CHECK_ERRNO("waitpid WNOHANG with no children",
		    waitpid(-1, &status, WNOHANG), ECHILD);
	CHECK_ERRNO("waitpid on self", waitpid(getpid(), &status, 0), ECHILD);
}

/* Three children; the middle one exits last and is waited for first. */
static void check_specific_pid(void)
{
	static const int codes[NSIBLINGS] = { 10, 11, 12 };
	static const long naps_ms[NSIBLINGS] = { 0, 200, 50 };
	pid_t pids[NSIBLINGS];
	int status, reaped = 0;

	for (int i = 0; i < NSIBLINGS; i++) {
		pids[i] = test_fork();
		if (pids[i] == 0) {
			sleep_ms(naps_ms[i]);
			_exit(codes[i]);
		}
	}
	if (waitpid(pids[TARGET], &status, 0) != pids[TARGET])
		FAIL("waitpid on a specific pid");
	else
		CHECK_EQ("that child's status", status, codes[TARGET] << 8);
	for (int n = 0; n < NSIBLINGS - 1; n++) {
		pid_t got = waitpid(-1, &status, 0);
		int i = 0;

		while (i < NSIBLINGS && (i == TARGET || pids[i] != got))
			i++;
		if (i == NSIBLINGS || (reaped & (1 << i)))
			FAIL("waitpid(-1) after the specific one: pid %d, not "
			     "one still to reap", got);
		else if (status != codes[i] << 8)
			FAIL("other child's status: got %#x, expected %#x",
			     status, codes[i] << 8);
		else
			reaped |= 1 << i;
	}
}

/* Grandchild: note the ppid once its parent is gone, in ORPHAN_FILE. */
static void orphan(pid_t first_parent)
{
	long start = now_ms();
	char buf[32];
	int fd, len;

	CHECK_EQ("grandchild's getppid before the orphaning", getppid(),
		 first_parent);
	while (getppid() == first_parent && now_ms() - start < ORPHAN_WAIT_MS)
		sleep_ms(POLL_MS);
	len = snprintf(buf, sizeof(buf), "%d", getppid());
	fd = open(ORPHAN_TMP, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, buf, (size_t)len) != len || close(fd) < 0 ||
	    rename(ORPHAN_TMP, ORPHAN_FILE) < 0)
		FAIL("grandchild writing " ORPHAN_FILE);
	child_exit();
}

static int read_orphan_ppid(void)
{
	long start = now_ms();
	char buf[32] = "";
	int fd;

	while ((fd = open(ORPHAN_FILE, O_RDONLY)) < 0 && now_ms() - start < ORPHAN_WAIT_MS)
		sleep_ms(POLL_MS);
	if (fd < 0)
		return -1;
	if (read(fd, buf, sizeof(buf) - 1) <= 0)
		buf[0] = '\0';
	close(fd);
	return buf[0] ? atoi(buf) : -1;
}

static void check_orphan(void)
{
	pid_t pid;

	unlink(ORPHAN_FILE);
	pid = test_fork();
	if (pid == 0) {
		pid_t me = getpid();

		if (test_fork() == 0)
			orphan(me);
		sleep_ms(CHILD_NAP_MS);	/* let the grandchild see us first */
		_exit(0);
	}
	CHECK_EXIT("middle child of the orphan test", pid, 0);
	CHECK_EQ("orphaned grandchild's ppid", read_orphan_ppid(), INIT_PID);
	unlink(ORPHAN_FILE);
}

static void check_uname(void)
{
	struct utsname u;

	memset(&u, 0, sizeof(u));
	if (syscall(__NR_uname, &u) != 0) {
		FAIL("uname");
		return;
	}
	CHECK(!strcmp(u.sysname, "Relay"),
	      "uname sysname (got \"%.65s\", expected \"Relay\")", u.sysname);
	CHECK(u.nodename[0] && u.release[0] && u.version[0] && u.machine[0],
	      "uname: an empty field (node \"%.65s\" release \"%.65s\" "
	      "version \"%.65s\" machine \"%.65s\")",
	      u.nodename, u.release, u.version, u.machine);
}

static unsigned long brk_call(unsigned long addr)
{
	return (unsigned long)syscall(__NR_brk, addr);
}

static void touch(void *addr)
{
	*(volatile unsigned char *)addr = BRK_BYTE;
}

/* A child touches addr, which must kill it with SIGSEGV. */
static void expect_segv(const char *what, unsigned char *addr)
{
	int status = run_child(touch, addr);

	CHECK(status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "%s (wait status %#x, expected killed by SIGSEGV)", what, status);
}

/* brk is used raw; the break is restored before anything else runs. */
static void check_brk(void)
{
	unsigned long cur = brk_call(0), base = (cur + PAGE - 1) & ~(PAGE - 1);
	unsigned long top = base + BRK_PAGES * PAGE, got;
	volatile unsigned char *mem = (unsigned char *)cur;

	CHECK_EQ("brk below the start of the heap", brk_call(1), cur);
	got = brk_call(top);
	if (got != top) {
		FAIL("brk grow: returned %#lx, expected %#lx", got, top);
		brk_call(cur);
		return;
	}
	for (unsigned long i = 0; i < top - cur; i++)
		mem[i] = BRK_BYTE;
	for (unsigned long i = 0; i < top - cur; i++) {
		if (mem[i] != BRK_BYTE) {
			FAIL("grown heap memory: bad at offset %lu", i);
			break;
		}
	}
	CHECK_EQ("brk(0) after growing", brk_call(0), top);
	CHECK_EQ("brk shrink", brk_call(cur), cur);
	expect_segv("touching the first page above a shrunk break",
		    (unsigned char *)base);
	expect_segv("touching the last page of a shrunk heap",
		    (unsigned char *)top - 1);
}

static void check_nanosleep(void)
{
	long start = now_ms(), took;

	sleep_ms(SLEEP_MS);
	took = now_ms() - start;
	CHECK(took >= SLEEP_MS - SLEEP_EARLY_MS && took <= SLEEP_MS + SLEEP_LATE_MS,
	      "nanosleep(%d ms) took %ld ms", SLEEP_MS, took);
}

static void check_enosys(void)
{
	static const long numbers[] = { UNKNOWN_SYSCALL, UNUSED_LINUX_SYSCALL,
					HUGE_SYSCALL, -1 };

	for (unsigned i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		long ret = syscall(numbers[i], 0, 0, 0);

		CHECK(ret == -1 && errno == ENOSYS,
		      "system call %ld: returned %ld, expected -1 with ENOSYS",
		      numbers[i], ret);
	}
}

static void expect_ids(const char *what, unsigned ruid, unsigned euid, unsigned suid)
{
	uid_t r = ~0u, e = ~0u, s = ~0u;

	getresuid(&r, &e, &s);
	if (r != ruid || e != euid || s != suid || getuid() != ruid || geteuid() != euid)
		FAIL("%s: uids %u/%u/%u (getuid %u geteuid %u), expected %u/%u/%u",
		     what, r, e, s, getuid(), geteuid(), ruid, euid, suid);
}

/* Root becomes a normal user for good. */
static void child_drop_root(void *unused)
{
	(void)unused;
	CHECK(setgid(GROUP_ID) == 0 && getgid() == GROUP_ID && getegid() == GROUP_ID,
	      "root setgid(1000): getgid %d getegid %d", getgid(), getegid());
	CHECK(setuid(USER_ID) == 0, "root setuid(1000)");
	expect_ids("after root setuid(1000)", USER_ID, USER_ID, USER_ID);
	CHECK_ERRNO("user setuid(0)", setuid(0), EPERM);
	CHECK_ERRNO("user setgid(0)", setgid(0), EPERM);
	expect_ids("after a refused setuid(0)", USER_ID, USER_ID, USER_ID);
	CHECK(setuid(USER_ID) == 0, "user setuid(own uid)");
}

/* With root as the saved uid, a normal user may take it back. */
static void child_saved_root(void *unused)
{
	(void)unused;
	CHECK(setresuid(-1, USER_ID, -1) == 0, "setresuid(-1, 1000, -1)");
	expect_ids("after setresuid(-1, 1000, -1)", 0, USER_ID, 0);
	CHECK(setuid(0) == 0, "setuid(0) with real uid 0");
	expect_ids("after taking root back", 0, 0, 0);
	CHECK(setuid(USER_ID) == 0, "root setuid(1000)");
	expect_ids("after root setuid(1000)", USER_ID, USER_ID, USER_ID);
	CHECK_ERRNO("setuid(0) after dropping root", setuid(0), EPERM);
}

static void check_credentials(void)
{
	int status;

	if (getuid() != 0 || geteuid() != 0) {
		FAIL("the test must run as root: getuid %d geteuid %d", getuid(),
		     geteuid());
		return;
	}
	status = run_child(child_drop_root, NULL);
	CHECK(status == 0, "dropping root: child wait status %#x", status);
	status = run_child(child_saved_root, NULL);
	CHECK(status == 0, "saved root uid: child wait status %#x", status);
	expect_ids("parent after its children's setuid", 0, 0, 0);
}

int main(void)
{
	check_ids_across_fork();
	check_exit_codes();
	check_wnohang_echild();
	check_specific_pid();
	check_orphan();
	check_uname();
	check_brk();
	check_nanosleep();
	check_enosys();
	check_credentials();
	return test_done("proc_basics");
}
