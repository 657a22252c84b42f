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
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <uapi/unistd_32.h>

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
#define POLL_MS		10
#define INIT_PID	1
#define USER_ID		1000
#define GROUP_ID	1000
#define UNKNOWN_SYSCALL	999
#define UNUSED_LINUX_SYSCALL 17	/* "break": never implemented by Linux */
#define HUGE_SYSCALL	0x7fffffffL
#define NSEC_PER_MSEC	1000000L
#define MSEC_PER_SEC	1000L
#define NSIBLINGS	3	/* children of the specific-pid check */
#define TARGET		1	/* the one it waits for by pid */

static int failures;

static void fail(const char *what, long got, long expected)
{
	printf("FAIL: %s (got %ld, expected %ld)\n", what, got, expected);
	fflush(stdout);
	failures++;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * MSEC_PER_SEC + ts.tv_nsec / NSEC_PER_MSEC;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / MSEC_PER_SEC, ms % MSEC_PER_SEC * NSEC_PER_MSEC };

	nanosleep(&ts, NULL);
}

static pid_t fork_flushed(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		fail("fork (errno)", errno, 0);
	return pid;
}

/* Run fn in a child; it returns its failure count.  Returns the status. */
static int run_child(const char *what, int (*fn)(void))
{
	int status = 0;
	pid_t pid = fork_flushed();

	if (pid == 0) {
		failures = 0;
		_exit(fn() ? 1 : 0);
	}
	if (pid < 0)
		return -1;
	if (waitpid(pid, &status, 0) != pid) {
		fail(what, -errno, 0);
		return -1;
	}
	if (status != 0) {
		printf("FAIL: %s (child wait status %#x)\n", what, status);
		failures++;
	}
	return status;
}

static pid_t parent_pid;

static int child_ids(void)
{
	if (getppid() != parent_pid)
		fail("child's getppid", getppid(), parent_pid);
	if (getpid() == parent_pid)
		fail("child's getpid differs from the parent's", getpid(), -1);
	return failures;
}

static void check_ids_across_fork(void)
{
	parent_pid = getpid();
	if (getppid() <= 0)
		fail("getppid", getppid(), 1);
	run_child("getpid/getppid in a child", child_ids);
	if (getpid() != parent_pid)
		fail("parent's getpid after fork", getpid(), parent_pid);
}

static void check_exit_codes(void)
{
	static const int codes[] = { 0, 1, 255 };

	for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		int status = -1;
		pid_t pid = fork_flushed(), got;

		if (pid == 0)
			_exit(codes[i]);
		if (pid < 0)
			continue;
		got = waitpid(pid, &status, 0);
		if (got != pid)
			fail("waitpid's pid", got, pid);
		else if (!WIFEXITED(status) || WEXITSTATUS(status) != codes[i] ||
			 status != codes[i] << 8)
			fail("wait status of _exit(code)", status, codes[i] << 8);
	}
}

static void check_wnohang_echild(void)
{
	int status;
	pid_t pid = fork_flushed(), got;

	if (pid == 0) {
		sleep_ms(CHILD_NAP_MS);
		_exit(0);
	}
	if (pid < 0)
		return;
	got = waitpid(pid, &status, WNOHANG);
	if (got != 0)
		fail("waitpid WNOHANG on a running child", got, 0);
	if (waitpid(pid, &status, 0) != pid)
		fail("waitpid after WNOHANG (errno)", errno, 0);
	got = waitpid(-1, &status, 0);
	if (got != -1 || errno != ECHILD)
		fail("waitpid with no children: errno", got == -1 ? errno : got, ECHILD);
	got = waitpid(-1, &status, WNOHANG);
	if (got != -1 || errno != ECHILD)
		fail("waitpid WNOHANG with no children: errno",
		     got == -1 ? errno : got, ECHILD);
	got = waitpid(getpid(), &status, 0);
	if (got != -1 || errno != ECHILD)
		fail("waitpid on self: errno", got == -1 ? errno : got, ECHILD);
}

/* Three children; the middle one exits last and is waited for first. */
static void check_specific_pid(void)
{
	static const int codes[NSIBLINGS] = { 10, 11, 12 };
	static const long naps_ms[NSIBLINGS] = { 0, 200, 50 };
	pid_t pids[NSIBLINGS];
	int status, reaped = 0;

	for (int i = 0; i < NSIBLINGS; i++) {
		pids[i] = fork_flushed();
		if (pids[i] == 0) {
			sleep_ms(naps_ms[i]);
			_exit(codes[i]);
		}
		if (pids[i] < 0)
			return;
	}
	if (waitpid(pids[TARGET], &status, 0) != pids[TARGET])
		fail("waitpid on a specific pid (errno)", errno, 0);
	else if (status != codes[TARGET] << 8)
		fail("that child's status", status, codes[TARGET] << 8);
	for (int n = 0; n < NSIBLINGS - 1; n++) {
		pid_t got = waitpid(-1, &status, 0);
		int i = 0;

		while (i < NSIBLINGS && (i == TARGET || pids[i] != got))
			i++;
		if (i == NSIBLINGS || (reaped & (1 << i)))
			fail("waitpid(-1) after the specific one: pid", got, -1);
		else if (status != codes[i] << 8)
			fail("other child's status", status, codes[i] << 8);
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

	if (getppid() != first_parent)
		fail("grandchild's getppid before the orphaning", getppid(), first_parent);
	while (getppid() == first_parent && now_ms() - start < ORPHAN_WAIT_MS)
		sleep_ms(POLL_MS);
	len = snprintf(buf, sizeof(buf), "%d", getppid());
	fd = open(ORPHAN_TMP, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, buf, (size_t)len) != len || close(fd) < 0 ||
	    rename(ORPHAN_TMP, ORPHAN_FILE) < 0)
		fail("grandchild writing " ORPHAN_FILE " (errno)", errno, 0);
	_exit(failures ? 1 : 0);
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
	int status = -1;
	pid_t pid, ppid;

	unlink(ORPHAN_FILE);
	pid = fork_flushed();
	if (pid == 0) {
		pid_t me = getpid(), g = fork_flushed();

		if (g == 0)
			orphan(me);
		sleep_ms(CHILD_NAP_MS);	/* let the grandchild see us first */
		_exit(g < 0);
	}
	if (pid < 0)
		return;
	if (waitpid(pid, &status, 0) != pid || status != 0)
		fail("middle child of the orphan test: status", status, 0);
	ppid = read_orphan_ppid();
	if (ppid != INIT_PID)
		fail("orphaned grandchild's ppid", ppid, INIT_PID);
	unlink(ORPHAN_FILE);
}

static void check_uname(void)
{
	struct utsname u;

	memset(&u, 0, sizeof(u));
	if (syscall(__NR_uname, &u) != 0) {
		fail("uname (errno)", errno, 0);
		return;
	}
	if (strcmp(u.sysname, "Relay")) {
		printf("FAIL: uname sysname (got \"%.65s\", expected \"Relay\")\n", u.sysname);
		failures++;
	}
	if (!u.nodename[0] || !u.release[0] || !u.version[0] || !u.machine[0]) {
		printf("FAIL: uname: an empty field (node \"%.65s\" release \"%.65s\" "
		       "version \"%.65s\" machine \"%.65s\")\n",
		       u.nodename, u.release, u.version, u.machine);
		failures++;
	}
}

static unsigned long brk_call(unsigned long addr)
{
	return (unsigned long)syscall(__NR_brk, addr);
}

/* The child touches addr, which must kill it with SIGSEGV. */
static void expect_segv(const char *what, volatile unsigned char *addr)
{
	int status = 0;
	pid_t pid = fork_flushed();

	if (pid == 0) {
		*addr = BRK_BYTE;
		_exit(0);
	}
	if (pid < 0)
		return;
	if (waitpid(pid, &status, 0) != pid || !WIFSIGNALED(status) ||
	    WTERMSIG(status) != SIGSEGV) {
		printf("FAIL: %s (wait status %#x, expected killed by SIGSEGV)\n",
		       what, status);
		failures++;
	}
}

/* brk is used raw; the break is restored before anything else runs. */
static void check_brk(void)
{
	unsigned long cur = brk_call(0), base = (cur + PAGE - 1) & ~(PAGE - 1);
	unsigned long top = base + BRK_PAGES * PAGE, got;
	volatile unsigned char *mem = (unsigned char *)cur;

	if ((got = brk_call(1)) != cur)
		fail("brk below the start of the heap: returned", (long)got, (long)cur);
	if ((got = brk_call(top)) != top) {
		fail("brk grow: returned", (long)got, (long)top);
		brk_call(cur);
		return;
	}
	for (unsigned long i = 0; i < top - cur; i++)
		mem[i] = BRK_BYTE;
	for (unsigned long i = 0; i < top - cur; i++) {
		if (mem[i] != BRK_BYTE) {
			fail("grown heap memory: first bad offset", (long)i, -1);
			break;
		}
	}
	if ((got = brk_call(0)) != top)
		fail("brk(0) after growing", (long)got, (long)top);
	if ((got = brk_call(cur)) != cur)
		fail("brk shrink: returned", (long)got, (long)cur);
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
	if (took < SLEEP_MS - SLEEP_EARLY_MS || took > SLEEP_MS + SLEEP_LATE_MS)
		fail("nanosleep(200 ms) took (ms)", took, SLEEP_MS);
}

static void check_enosys(void)
{
	static const long numbers[] = { UNKNOWN_SYSCALL, UNUSED_LINUX_SYSCALL,
					HUGE_SYSCALL, -1 };

	for (unsigned i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		long ret = syscall(numbers[i], 0, 0, 0);

		if (ret != -1 || errno != ENOSYS) {
			printf("FAIL: system call %ld (got %ld errno %d, expected ENOSYS)\n",
			       numbers[i], ret, ret == -1 ? errno : 0);
			failures++;
		}
	}
}

static void expect_ids(const char *what, unsigned ruid, unsigned euid, unsigned suid)
{
	uid_t r = ~0u, e = ~0u, s = ~0u;

	getresuid(&r, &e, &s);
	if (r != ruid || e != euid || s != suid || getuid() != ruid || geteuid() != euid) {
		printf("FAIL: %s: uids %u/%u/%u (getuid %u geteuid %u), expected %u/%u/%u\n",
		       what, r, e, s, getuid(), geteuid(), ruid, euid, suid);
		failures++;
	}
}

static void expect_eperm(const char *what, int ret)
{
	if (ret != -1 || errno != EPERM)
		fail(what, ret == -1 ? errno : ret, EPERM);
}

/* Root becomes a normal user for good. */
static int child_drop_root(void)
{
	if (setgid(GROUP_ID) != 0 || getgid() != GROUP_ID || getegid() != GROUP_ID)
		fail("root setgid(1000): getgid", getgid(), GROUP_ID);
	if (setuid(USER_ID) != 0)
		fail("root setuid(1000) (errno)", errno, 0);
	expect_ids("after root setuid(1000)", USER_ID, USER_ID, USER_ID);
	expect_eperm("user setuid(0): errno", setuid(0));
	expect_eperm("user setgid(0): errno", setgid(0));
	expect_ids("after a refused setuid(0)", USER_ID, USER_ID, USER_ID);
	if (setuid(USER_ID) != 0)
		fail("user setuid(own uid) (errno)", errno, 0);
	return failures;
}

/* With root as the saved uid, a normal user may take it back. */
static int child_saved_root(void)
{
	if (setresuid(-1, USER_ID, -1) != 0)
		fail("setresuid(-1, 1000, -1) (errno)", errno, 0);
	expect_ids("after setresuid(-1, 1000, -1)", 0, USER_ID, 0);
	if (setuid(0) != 0)
		fail("setuid(0) with real uid 0 (errno)", errno, 0);
	expect_ids("after taking root back", 0, 0, 0);
	if (setuid(USER_ID) != 0)
		fail("root setuid(1000) (errno)", errno, 0);
	expect_ids("after root setuid(1000)", USER_ID, USER_ID, USER_ID);
	expect_eperm("setuid(0) after dropping root: errno", setuid(0));
	return failures;
}

static void check_credentials(void)
{
	if (getuid() != 0 || geteuid() != 0) {
		fail("the test runs as root: getuid", getuid(), 0);
		return;
	}
	run_child("dropping root", child_drop_root);
	run_child("saved root uid", child_saved_root);
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
	return failures ? 1 : 0;
}
