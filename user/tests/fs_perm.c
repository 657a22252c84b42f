/*
 * fs_perm - file modes, umask and permission checks for a normal user.
 *
 * As root (the parent):
 *  - umask returns the previous mask; open O_CREAT, mkdir and mkfifo
 *    apply it; a child inherits it;
 *  - chmod sets the permission bits and keeps the file type; root may
 *    open a file of mode 0 for reading and writing, but not execute a
 *    file without any x bit (access X_OK fails EACCES).
 * As USER_ID (a child that calls setuid), on root's files:
 *  - a 0600 file cannot be opened for reading or writing (EACCES), nor
 *    can a 0644 one for writing; access() agrees;
 *  - in a 0755 directory nothing can be created, made, removed or
 *    renamed (EACCES); in a 0555 directory a 0666 file can be written
 *    but not unlinked;
 *  - a 0700 directory cannot be entered, listed or looked through;
 *  - chmod of root's file fails EPERM;
 *  - in a 0777 directory the user creates a file that it owns (uid and
 *    gid USER_ID), may chmod it, and loses access after chmod 0.
 */
#include <dirent.h>
#include <sys/stat.h>
#include "test.h"

#define TOP		"/tmp/fs_perm"
#define SECRET		TOP "/secret"		/* root, 0600 */
#define PUBLIC		TOP "/public"		/* root, 0644 */
#define OPEN_DIR	TOP "/open"		/* root, 0777 */
#define CLOSED_DIR	TOP "/closed"		/* root, 0700 */
#define RO_DIR		TOP "/ro"		/* root, 0555 */
#define RO_FILE		RO_DIR "/f"		/* root, 0666 */
#define MINE		OPEN_DIR "/mine"	/* the user's */
#define MASKED		TOP "/masked"
#define MASKED_DIR	TOP "/masked.d"
#define MASKED_FIFO	TOP "/masked.fifo"
#define USER_ID		1000
#define TEXT		"secret\n"
#define BUF_LEN		128

/* open must succeed; the descriptor is closed again. */
static void expect_open(const char *what, const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	if (fd < 0)
		FAIL("%s", what);
	else
		close(fd);
}

static void expect_mode(const char *path, mode_t want)
{
	struct stat st;

	if (stat(path, &st) < 0)
		FAIL("stat %s", path);
	else if (st.st_mode != want)
		FAIL("%s has mode %#o, expected %#o", path, st.st_mode, want);
}

static void make_file(const char *path, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0 || write(fd, TEXT, strlen(TEXT)) < 0 || chmod(path, mode) < 0)
		FAIL("making %s", path);
	if (fd >= 0)
		close(fd);
}

static void make_dir(const char *path, mode_t mode)
{
	if (mkdir(path, 0700) < 0 || chmod(path, mode) < 0)
		FAIL("making %s", path);
}

static void remove_tree(void)
{
	static const char *const files[] = { SECRET, PUBLIC, RO_FILE, MINE,
					     OPEN_DIR "/moved", MASKED, MASKED_FIFO,
					     TOP "/new" };
	static const char *const dirs[] = { OPEN_DIR, CLOSED_DIR, RO_DIR,
					    MASKED_DIR, TOP "/newdir", TOP };

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		unlink(files[i]);
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		rmdir(dirs[i]);
}

static void make_tree(void)
{
	make_dir(TOP, 0755);
	make_file(SECRET, 0600);
	make_file(PUBLIC, 0644);
	make_dir(OPEN_DIR, 0777);
	make_dir(CLOSED_DIR, 0700);
	make_dir(RO_DIR, 0755);
	make_file(RO_FILE, 0666);
	chmod(RO_DIR, 0555);
}

static void check_umask(void)
{
	mode_t old = umask(027);
	int fd, status;
	pid_t pid;

	CHECK_EQ("umask returns the previous mask", umask(077), 027);
	umask(027);
	fd = open(MASKED, O_WRONLY | O_CREAT, 0777);
	if (fd >= 0)
		close(fd);
	expect_mode(MASKED, S_IFREG | 0750);
	mkdir(MASKED_DIR, 0777);
	expect_mode(MASKED_DIR, S_IFDIR | 0750);
	mkfifo(MASKED_FIFO, 0666);
	expect_mode(MASKED_FIFO, S_IFIFO | 0640);
	pid = test_fork();
	if (pid == 0)
		_exit(umask(0) == 027 ? 0 : 1);
	status = wait_status(pid);
	CHECK(status == 0, "the child did not inherit the umask (status %#x)",
	      status);
	umask(old);
}

static void check_chmod_as_root(void)
{
	CHECK_EQ("chmod", chmod(MASKED, 0604), 0);
	expect_mode(MASKED, S_IFREG | 0604);
	CHECK_EQ("chmod of a directory", chmod(MASKED_DIR, 0711), 0);
	expect_mode(MASKED_DIR, S_IFDIR | 0711);
	CHECK_EQ("chmod 0", chmod(MASKED, 0), 0);
	expect_open("root opens a mode 0 file read-write", MASKED, O_RDWR);
	CHECK_ERRNO("root: access X_OK on a file without x bits",
		    access(MASKED, X_OK), EACCES);
	CHECK_EQ("root: access X_OK on a 0711 directory", access(MASKED_DIR, X_OK), 0);
	CHECK_ERRNO("chmod of a missing file", chmod(TOP "/none", 0644), ENOENT);
}

static void user_checks_files(void)
{
	CHECK_ERRNO("user reads a 0600 root file", open(SECRET, O_RDONLY), EACCES);
	CHECK_ERRNO("user writes a 0600 root file", open(SECRET, O_WRONLY), EACCES);
	CHECK_ERRNO("user writes a 0644 root file", open(PUBLIC, O_RDWR), EACCES);
	expect_open("user reads a 0644 root file", PUBLIC, O_RDONLY);
	CHECK_ERRNO("access R_OK on a 0600 root file", access(SECRET, R_OK), EACCES);
	CHECK_EQ("access R_OK on a 0644 root file", access(PUBLIC, R_OK), 0);
	CHECK_ERRNO("access W_OK on a 0644 root file", access(PUBLIC, W_OK), EACCES);
	CHECK_ERRNO("user chmods root's file", chmod(PUBLIC, 0666), EPERM);
}

static void user_checks_dirs(void)
{
	struct stat st;

	CHECK_ERRNO("user creates a file in a 0755 root directory",
		    open(TOP "/new", O_WRONLY | O_CREAT, 0644), EACCES);
	CHECK_ERRNO("user makes a directory there", mkdir(TOP "/newdir", 0755),
		    EACCES);
	CHECK_ERRNO("user unlinks a file there", unlink(PUBLIC), EACCES);
	CHECK_ERRNO("user renames a file out of there",
		    rename(PUBLIC, OPEN_DIR "/moved"), EACCES);
	expect_open("user writes a 0666 file in a 0555 directory", RO_FILE, O_WRONLY);
	CHECK_ERRNO("user unlinks it", unlink(RO_FILE), EACCES);
	CHECK_ERRNO("user enters a 0700 root directory", chdir(CLOSED_DIR), EACCES);
	CHECK_ERRNO("user lists it", open(CLOSED_DIR, O_RDONLY), EACCES);
	CHECK_ERRNO("user looks through it", stat(CLOSED_DIR "/x", &st), EACCES);
}

static void user_checks_own_file(void)
{
	struct stat st;
	int fd = open(MINE, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0) {
		FAIL("user creates a file in a 0777 directory");
		return;
	}
	close(fd);
	if (stat(MINE, &st) < 0 || st.st_uid != USER_ID || st.st_gid != USER_ID)
		FAIL("the user's new file belongs to %d:%d, expected %d:%d",
		     st.st_uid, st.st_gid, USER_ID, USER_ID);
	CHECK_EQ("user chmods its own file", chmod(MINE, 0), 0);
	CHECK_ERRNO("user reads its own mode 0 file", open(MINE, O_RDONLY), EACCES);
	CHECK_EQ("user unlinks its own file", unlink(MINE), 0);
}

static void user_checks(void *unused)
{
	(void)unused;
	if (setgid(USER_ID) < 0 || setuid(USER_ID) < 0) {
		FAIL("setgid/setuid %d", USER_ID);
		return;
	}
	user_checks_files();
	user_checks_dirs();
	user_checks_own_file();
}

static void check_as_user(void)
{
	int status = run_child(user_checks, NULL);

	CHECK(status == 0, "checks as user %d: child wait status %#x", USER_ID,
	      status);
}

int main(void)
{
	remove_tree();
	make_tree();
	check_umask();
	check_chmod_as_root();
	check_as_user();
	chmod(RO_DIR, 0755);
	remove_tree();
	return test_done("fs_perm");
}
