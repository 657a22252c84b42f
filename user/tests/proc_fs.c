/*
 * proc_fs - /proc as Linux formats it.
 *
 *  - /proc/self is a link to the caller's pid (readlink gives "PID");
 *  - /proc/self/exe is a link to the running program: it names the same
 *    file as argv[0]; /proc/self/cmdline holds argv, NUL after each;
 *  - /proc/PID/stat: "PID (comm) S PPID PGRP SID ..." - at least 44
 *    fields, state one of RSDTZ, ppid and process group right;
 *  - /proc/PID/status: Name, State, Pid and PPid lines; Uid with four ids;
 *  - a child's directory and files exist while it lives (and as a
 *    zombie, with state Z) and are gone (ENOENT) once it is reaped;
 *  - /proc/meminfo: MemTotal, MemFree, MemAvailable, Buffers, Cached,
 *    SwapTotal, SwapFree in kB, MemFree <= MemTotal;
 *  - /proc/uptime: two non-negative decimal numbers;
 *  - readdir of /proc lists "self" and the caller's pid; of /proc/PID
 *    "stat" and "status";
 *  - a user cannot open /proc files for writing (EACCES); nobody can
 *    make files in /proc (ENOENT); even root cannot remove /proc (EBUSY)
 *    or its files (EPERM).
 */
#include <dirent.h>
#include <limits.h>
#include <sys/stat.h>
#include "test.h"

#define TEXT	4096
#define MIN_STAT_FIELDS	44
#define NOBODY	65534

static int read_text(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY), n, total = 0;

	if (fd < 0)
		return -1;
	while ((n = (int)read(fd, buf + total, size - 1 - (size_t)total)) > 0)
		total += n;
	buf[total] = '\0';
	close(fd);
	return total;
}

static long field(const char *text, const char *name)
{
	const char *p = strstr(text, name);

	return p ? strtol(p + strlen(name), NULL, 10) : -1;
}

static void self_links(const char *argv0)
{
	char buf[PATH_MAX], want[32];
	struct stat a, b;
	ssize_t n;

	snprintf(want, sizeof(want), "%d", getpid());
	n = readlink("/proc/self", buf, sizeof(buf) - 1);
	CHECK(n > 0, "readlink /proc/self");
	buf[n > 0 ? n : 0] = '\0';
	CHECK(!strcmp(buf, want), "/proc/self -> '%s', want '%s'", buf, want);
	n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	CHECK(n > 0 && buf[0] == '/', "readlink /proc/self/exe");
	CHECK_EQ("stat exe", stat("/proc/self/exe", &a), 0);
	CHECK_EQ("stat argv0", stat(argv0, &b), 0);
	CHECK(a.st_ino == b.st_ino && a.st_dev == b.st_dev, "exe is the program");
	CHECK_EQ("lstat self", lstat("/proc/self", &a), 0);
	CHECK(S_ISLNK(a.st_mode), "/proc/self is a link");
}

static void stat_of(pid_t pid, pid_t ppid, char want_state)
{
	char path[64], text[TEXT], comm[64], state = '?';
	int rpid = 0, rppid = 0, pgrp = 0, fields = 0;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	REQUIRE(read_text(path, text, sizeof(text)) > 0, "read %s", path);
	CHECK(sscanf(text, "%d (%63[^)]) %c %d %d", &rpid, comm, &state, &rppid, &pgrp) == 5,
	      "parse '%s'", text);
	CHECK_EQ("stat pid", rpid, pid);
	CHECK_EQ("stat ppid", rppid, ppid);
	CHECK(state == want_state || (want_state == 'S' && strchr("RS", state)),
	      "state %c, want %c", state, want_state);
	for (const char *p = strrchr(text, ')'); p && *p; p++)
		if (*p == ' ')
			fields++;
	CHECK(fields + 2 >= MIN_STAT_FIELDS, "stat has %d fields", fields + 2);
	if (pid == getpid())
		CHECK_EQ("stat pgrp", pgrp, getpgrp());
}

static void status_of(pid_t pid, pid_t ppid)
{
	char path[64], text[TEXT];

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	REQUIRE(read_text(path, text, sizeof(text)) > 0, "read %s", path);
	CHECK(!strncmp(text, "Name:\t", 6), "status starts with Name");
	CHECK(strstr(text, "\nState:\t") != NULL, "State line");
	CHECK_EQ("Pid", field(text, "\nPid:\t"), pid);
	CHECK_EQ("PPid", field(text, "\nPPid:\t"), ppid);
	CHECK_EQ("Uid", field(text, "\nUid:\t"), (long)getuid());
}

static char state_of(pid_t pid)
{
	char path[64], text[TEXT], state = '?';

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_text(path, text, sizeof(text)) > 0)
		sscanf(strrchr(text, ')') + 1, " %c", &state);
	return state;
}

static void children(void)
{
	char path[64];
	struct stat st;
	pid_t child = test_fork();

	if (child == 0) {
		pause();
		_exit(0);
	}
	stat_of(child, getpid(), 'S');
	status_of(child, getpid());
	kill(child, SIGKILL);
	for (long end = now_ms() + WAIT_MS; state_of(child) != 'Z' && now_ms() < end;)
		sleep_ms(POLL_MS);
	stat_of(child, getpid(), 'Z');
	CHECK(child_killed_by(child, SIGKILL), "reap");
	snprintf(path, sizeof(path), "/proc/%d", child);
	CHECK_ERR(stat(path, &st), ENOENT);
	snprintf(path, sizeof(path), "/proc/%d/stat", child);
	CHECK_ERR(open(path, O_RDONLY), ENOENT);
}

static void system_files(void)
{
	static const char *const keys[] = { "MemTotal:", "MemFree:", "MemAvailable:",
					    "Buffers:", "Cached:", "SwapTotal:", "SwapFree:" };
	char text[TEXT];
	double up = -1, idle = -1;

	REQUIRE(read_text("/proc/meminfo", text, sizeof(text)) > 0, "read meminfo");
	for (unsigned i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		char *p = strstr(text, keys[i]);
		CHECK(p && (p == text || p[-1] == '\n'), "meminfo has %s", keys[i]);
		CHECK(p && strstr(p, " kB\n"), "%s in kB", keys[i]);
	}
	CHECK(field(text, "MemFree:") <= field(text, "MemTotal:") && field(text, "MemTotal:") > 0,
	      "MemFree <= MemTotal");
	REQUIRE(read_text("/proc/uptime", text, sizeof(text)) > 0, "read uptime");
	CHECK(sscanf(text, "%lf %lf", &up, &idle) == 2 && up >= 0 && idle >= 0,
	      "uptime '%s'", text);
}

static void as_nobody(void *arg)
{
	(void)arg;
	REQUIRE(setuid(NOBODY) == 0, "setuid");
	CHECK_ERR(open("/proc/meminfo", O_WRONLY), EACCES);
	CHECK_ERR(open("/proc/newfile", O_CREAT | O_WRONLY, 0644), ENOENT);
}

static void listing(void)
{
	char me[32], path[64];
	bool self = false, pid = false, stat_seen = false;
	struct dirent *d;
	DIR *dir = opendir("/proc");

	REQUIRE(dir, "opendir /proc");
	snprintf(me, sizeof(me), "%d", getpid());
	while ((d = readdir(dir))) {
		self |= !strcmp(d->d_name, "self");
		pid |= !strcmp(d->d_name, me);
	}
	closedir(dir);
	CHECK(self && pid, "/proc lists self (%d) and %s (%d)", self, me, pid);
	snprintf(path, sizeof(path), "/proc/%s", me);
	dir = opendir(path);
	REQUIRE(dir, "opendir %s", path);
	while ((d = readdir(dir)))
		stat_seen |= !strcmp(d->d_name, "stat");
	closedir(dir);
	CHECK(stat_seen, "%s lists stat", path);
	CHECK_ERR(open("/proc/newfile", O_CREAT | O_WRONLY, 0644), ENOENT);
	if (getuid() == 0) {
		int status;

		CHECK_ERR(rmdir("/proc"), EBUSY);
		CHECK_ERR(unlink("/proc/meminfo"), EPERM);
		status = run_child(as_nobody, NULL);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "as nobody");
	}
}

/* /proc/self/cmdline is argv, each string ended by a NUL. */
static void cmdline(int argc, char **argv)
{
	char text[TEXT], want[TEXT];
	int n, len = 0;

	for (int i = 0; i < argc; i++)
		len += snprintf(want + len, sizeof(want) - (size_t)len, "%s", argv[i]) + 1;
	n = read_text("/proc/self/cmdline", text, sizeof(text));
	CHECK(n == len && !memcmp(text, want, (size_t)len), "cmdline: %d bytes, want %d", n, len);
}

int main(int argc, char **argv)
{
	self_links(argv[0]);
	cmdline(argc, argv);
	stat_of(getpid(), getppid(), 'R');
	status_of(getpid(), getppid());
	children();
	system_files();
	listing();
	return test_done("proc_fs");
}
