/*
 * libc_unistd - the POSIX wrappers: processes (fork, waitpid, wait, the
 * W* macros, exit status, atexit order, exec and PATH search), pipes and
 * dup2, files and directories (open/creat/lseek/fstat/stat, mkdir,
 * chdir/getcwd, opendir/readdir, access, unlink, rmdir), the clocks and
 * sleeping, uname, isatty and getopt.
 * Prints "FAIL: ..." for each wrong result; exits 0 only if none.
 */
#include <dirent.h>
#include <libgen.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include "test.h"

#define TMP_DIR		"/tmp/libc_unistd.dir"
#define TMP_FILE	TMP_DIR "/file"
#define TMP_OTHER	TMP_DIR "/other"
#define EXEC_FLAG	"--libc-unistd-exec"
#define EXEC_STATUS	42
#define CHILD_STATUS	7
#define SLEEP_NS	20000000L	/* 20 ms */
#define NSEC_PER_SEC	1000000000LL
#define ATEXIT_TEXT	"321"

static void test_process(void)
{
	pid_t parent = getpid(), pid;
	int status = 0;

	CHECK_TRUE(parent > 0);
	CHECK_TRUE(getppid() >= 0);

	fflush(stdout);
	pid = fork();
	CHECK_TRUE(pid >= 0);
	if (pid == 0)
		_exit(getppid() == parent ? CHILD_STATUS : 1);
	CHECK_TRUE(waitpid(pid, &status, 0) == pid);
	CHECK_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == CHILD_STATUS);
	CHECK_TRUE(!WIFSIGNALED(status));

	pid = fork();
	if (pid == 0)
		exit(3);
	CHECK_TRUE(wait(&status) == pid && WIFEXITED(status) &&
		   WEXITSTATUS(status) == 3);

	errno = 0;
	CHECK_TRUE(wait(&status) == -1 && errno == ECHILD);
	errno = 0;
	CHECK_TRUE(waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD);
}

static int atexit_fd;

static void at_1(void)
{
	write(atexit_fd, "1", 1);
}

static void at_2(void)
{
	write(atexit_fd, "2", 1);
}

static void at_3(void)
{
	write(atexit_fd, "3", 1);
}

/* atexit functions run last registered first, then the process ends. */
static void test_atexit(void)
{
	char buf[8] = { 0 };
	int fds[2], status;
	ssize_t n, total = 0;
	pid_t pid;

	CHECK_TRUE(pipe(fds) == 0);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		atexit_fd = fds[1];
		atexit(at_1);
		atexit(at_2);
		atexit(at_3);
		exit(0);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf + total, sizeof(buf) - 1 - total)) > 0)
		total += n;
	close(fds[0]);
	CHECK_TRUE(strcmp(buf, ATEXIT_TEXT) == 0);
	CHECK_TRUE(waitpid(pid, &status, 0) == pid && WIFEXITED(status));
}

/* Run this program again with EXEC_FLAG through each exec function. */
static void test_exec(const char *self)
{
	char path_copy[PATH_MAX], name_copy[PATH_MAX], search[PATH_MAX + 16];
	char *argv[] = { (char *)self, EXEC_FLAG, NULL };
	const char *old_path = getenv("PATH");
	char *saved_path = old_path ? strdup(old_path) : NULL;
	int status, how;
	pid_t pid;

	if (strlen(self) >= PATH_MAX || !strchr(self, '/'))
		return;
	strcpy(path_copy, self);
	strcpy(name_copy, self);
	for (how = 0; how < 4; how++) {
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			if (how == 0) {
				execv(self, argv);
			} else if (how == 1) {
				execl(self, self, EXEC_FLAG, (char *)NULL);
			} else if (how == 2) {
				/* By name only, found through PATH. */
				setenv("PATH", dirname(path_copy), 1);
				execvp(basename(name_copy), argv);
			} else {
				/* Directories without it are skipped. */
				snprintf(search, sizeof(search),
					 "/nonexistent:%s", dirname(path_copy));
				setenv("PATH", search, 1);
				execlp(basename(name_copy), self, EXEC_FLAG,
				       (char *)NULL);
			}
			_exit(1);
		}
		CHECK_TRUE(waitpid(pid, &status, 0) == pid);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == EXEC_STATUS,
		      "exec variant %d: status %#x", how, status);
	}

	errno = 0;
	CHECK_TRUE(execv("/nonexistent/program", argv) == -1 &&
		   errno == ENOENT);
	setenv("PATH", "/nonexistent", 1);
	errno = 0;
	CHECK_TRUE(execvp("libc-unistd-no-such-program", argv) == -1 &&
		   errno == ENOENT);
	if (saved_path)
		setenv("PATH", saved_path, 1);
	else
		unsetenv("PATH");
	free(saved_path);
}

static void test_pipe_dup(void)
{
	char buf[16];
	int fds[2], copy;

	CHECK_TRUE(pipe(fds) == 0);
	CHECK_TRUE(write(fds[1], "ping", 4) == 4);
	CHECK_TRUE(read(fds[0], buf, sizeof(buf)) == 4 &&
		   memcmp(buf, "ping", 4) == 0);
	copy = dup(fds[1]);
	CHECK_TRUE(copy > 2 && copy != fds[1]);
	CHECK_TRUE(write(copy, "x", 1) == 1);
	CHECK_TRUE(read(fds[0], buf, 1) == 1 && buf[0] == 'x');
	CHECK_TRUE(dup2(fds[1], copy) == copy);
	close(copy);
	close(fds[1]);
	CHECK_TRUE(read(fds[0], buf, 1) == 0);	/* every writer closed */
	close(fds[0]);

	errno = 0;
	CHECK_TRUE(isatty(fds[0]) == 0 && errno == EBADF);
	CHECK_TRUE(pipe(fds) == 0);
	errno = 0;
	CHECK_TRUE(isatty(fds[0]) == 0 && errno == ENOTTY);
	close(fds[0]);
	close(fds[1]);
	errno = 0;
	CHECK_TRUE(close(fds[0]) == -1 && errno == EBADF);
	CHECK_TRUE(write(-1, "x", 1) == -1 && errno == EBADF);
}

static void test_files(void)
{
	char buf[32], cwd[PATH_MAX], here[PATH_MAX];
	struct stat st;
	struct dirent *e;
	DIR *dir;
	int fd, seen_file = 0, seen_other = 0, seen_dot = 0;

	unlink(TMP_FILE);
	unlink(TMP_OTHER);
	rmdir(TMP_DIR);
	CHECK_TRUE(mkdir(TMP_DIR, 0755) == 0);
	errno = 0;
	CHECK_TRUE(mkdir(TMP_DIR, 0755) == -1 && errno == EEXIST);
	CHECK_TRUE(stat(TMP_DIR, &st) == 0 && S_ISDIR(st.st_mode));

	fd = open(TMP_FILE, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK_TRUE(fd >= 0);
	CHECK_TRUE(write(fd, "hello, file", 11) == 11);
	CHECK_TRUE(lseek(fd, 0, SEEK_CUR) == 11);
	CHECK_TRUE(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		   st.st_size == 11);
	CHECK_TRUE(close(fd) == 0);

	fd = open(TMP_FILE, O_RDONLY);
	CHECK_TRUE(fd >= 0);
	CHECK_TRUE(lseek(fd, 7, SEEK_SET) == 7);
	CHECK_TRUE(read(fd, buf, sizeof(buf)) == 4 &&
		   memcmp(buf, "file", 4) == 0);
	CHECK_TRUE(read(fd, buf, sizeof(buf)) == 0);
	errno = 0;
	CHECK_TRUE(write(fd, "x", 1) == -1 && errno == EBADF);
	close(fd);

	fd = creat(TMP_OTHER, 0600);
	CHECK_TRUE(fd >= 0);
	close(fd);
	CHECK_TRUE(access(TMP_OTHER, F_OK) == 0);
	CHECK_TRUE(stat(TMP_OTHER, &st) == 0 && st.st_size == 0);
	errno = 0;
	CHECK_TRUE(open(TMP_OTHER, O_WRONLY | O_CREAT | O_EXCL, 0600) == -1 &&
		   errno == EEXIST);
	errno = 0;
	CHECK_TRUE(open(TMP_DIR "/missing", O_RDONLY) == -1 && errno == ENOENT);
	errno = 0;
	CHECK_TRUE(stat(TMP_DIR "/missing", &st) == -1 && errno == ENOENT);

	dir = opendir(TMP_DIR);
	CHECK_TRUE(dir != NULL);
	while (dir && (e = readdir(dir))) {
		seen_dot += strcmp(e->d_name, ".") == 0;
		seen_file += strcmp(e->d_name, "file") == 0;
		seen_other += strcmp(e->d_name, "other") == 0;
	}
	if (dir)
		closedir(dir);
	CHECK_TRUE(seen_dot == 1 && seen_file == 1 && seen_other == 1);
	errno = 0;
	CHECK_TRUE(opendir(TMP_FILE) == NULL && errno == ENOTDIR);

	CHECK_TRUE(getcwd(here, sizeof(here)) != NULL);
	CHECK_TRUE(chdir(TMP_DIR) == 0);
	CHECK_TRUE(getcwd(cwd, sizeof(cwd)) == cwd &&
		   strcmp(cwd, TMP_DIR) == 0);
	errno = 0;
	CHECK_TRUE(getcwd(cwd, 2) == NULL && errno == ERANGE);
	/* relative to the cwd */
	CHECK_TRUE(access("file", R_OK) == 0);
	CHECK_TRUE(chdir(here) == 0);

	errno = 0;
	CHECK_TRUE(rmdir(TMP_DIR) == -1 && errno == ENOTEMPTY);
	CHECK_TRUE(unlink(TMP_FILE) == 0 && unlink(TMP_OTHER) == 0);
	errno = 0;
	CHECK_TRUE(unlink(TMP_FILE) == -1 && errno == ENOENT);
	CHECK_TRUE(rmdir(TMP_DIR) == 0);
	CHECK_TRUE(access(TMP_DIR, F_OK) == -1 && errno == ENOENT);
}

static long long ns(const struct timespec *t)
{
	return t->tv_sec * NSEC_PER_SEC + t->tv_nsec;
}

static void test_time(void)
{
	struct timespec a, b, nap = { 0, SLEEP_NS };
	struct timeval tv;
	struct utsname u;
	struct tm tm;
	time_t t, t2;
	char text[64];

	t = time(NULL);
	CHECK_TRUE(t != (time_t)-1 && time(&t2) >= t && t2 >= t);
	CHECK_TRUE(gettimeofday(&tv, NULL) == 0 && tv.tv_usec >= 0 &&
		   tv.tv_usec < 1000000 && tv.tv_sec >= t);
	CHECK_TRUE(clock_gettime(CLOCK_MONOTONIC, &a) == 0);
	CHECK_TRUE(nanosleep(&nap, NULL) == 0);
	CHECK_TRUE(usleep(SLEEP_NS / 1000) == 0);
	CHECK_TRUE(clock_gettime(CLOCK_MONOTONIC, &b) == 0);
	CHECK_TRUE(ns(&b) - ns(&a) >= 2 * SLEEP_NS);
	CHECK_TRUE(clock_gettime(CLOCK_REALTIME, &a) == 0 && a.tv_sec >= t);
	CHECK_TRUE(sleep(0) == 0);

	t = 86400L * 365 + 3600 + 61;		/* 1971-01-01 01:01:01 UTC */
	CHECK_TRUE(gmtime_r(&t, &tm) && tm.tm_year == 71 && tm.tm_mon == 0 &&
		   tm.tm_mday == 1 && tm.tm_hour == 1 && tm.tm_min == 1 &&
		   tm.tm_sec == 1 && tm.tm_wday == 5 && tm.tm_yday == 0);
	t = 951782400L;				/* 2000-02-29 00:00:00 UTC */
	CHECK_TRUE(gmtime_r(&t, &tm) && tm.tm_year == 100 && tm.tm_mon == 1 &&
		   tm.tm_mday == 29 && tm.tm_wday == 2 && tm.tm_yday == 59);
	CHECK_TRUE(strftime(text, sizeof(text), "%Y-%m-%d %H:%M:%S %a %b",
			    &tm) &&
		   strcmp(text, "2000-02-29 00:00:00 Tue Feb") == 0);
	tm.tm_mday += 1;			/* normalized to 1 March */
	CHECK_TRUE(timegm(&tm) == t + 86400 && tm.tm_mon == 2 &&
		   tm.tm_mday == 1);
	t = 0;
	CHECK_TRUE(strcmp(asctime(gmtime(&t)),
			  "Thu Jan  1 00:00:00 1970\n") == 0);

	CHECK_TRUE(uname(&u) == 0 && u.sysname[0] != '\0' &&
		   u.machine[0] != '\0');
}

/* getopt over a made-up command line. */
static void test_getopt(void)
{
	char *args[] = { "prog", "-ab", "-o", "out", "-vfile", "--", "-x",
			 "rest", NULL };
	char *bad[] = { "prog", "-q", "-o", NULL };
	int argc = 8, c, a = 0, b = 0;
	char *o = NULL, *v = NULL;

	optind = 1;
	opterr = 0;
	while ((c = getopt(argc, args, "abo:v:")) != -1) {
		if (c == 'a')
			a++;
		else if (c == 'b')
			b++;
		else if (c == 'o')
			o = optarg;
		else if (c == 'v')
			v = optarg;
		else
			FAIL("getopt returned '%c'", c);
	}
	CHECK_TRUE(a == 1 && b == 1);
	CHECK_TRUE(o && strcmp(o, "out") == 0);
	CHECK_TRUE(v && strcmp(v, "file") == 0);
	CHECK_TRUE(optind == 6 && strcmp(args[optind], "-x") == 0);

	optind = 1;
	CHECK_TRUE(getopt(3, bad, ":o:") == '?' && optopt == 'q');
	CHECK_TRUE(getopt(3, bad, ":o:") == ':' && optopt == 'o');
	CHECK_TRUE(getopt(3, bad, ":o:") == -1);

	optind = 1;
	CHECK_TRUE(getopt(2, (char *[]){ "prog", "plain", NULL }, "a") == -1 &&
		   optind == 1);
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], EXEC_FLAG) == 0)
		return EXEC_STATUS;
	test_process();
	test_atexit();
	test_exec(argv[0]);
	test_pipe_dup();
	test_files();
	test_time();
	test_getopt();
	return test_done("libc_unistd");
}
