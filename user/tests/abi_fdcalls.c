/*
 * abi_fdcalls - descriptor calls of the Linux i386 ABI: fcntl64 (221),
 * _llseek (140), getdents64 (220).
 *
 *  - fcntl64 does what fcntl does (F_GETFD/F_SETFD, F_GETFL/F_SETFL,
 *    F_DUPFD), EBADF on a closed descriptor, EINVAL on an unknown command;
 *  - _llseek puts the 64-bit position in *result (SEEK_SET, SEEK_CUR,
 *    SEEK_END), EINVAL for a bad whence or a negative result, ESPIPE on a
 *    pipe, EBADF, EFAULT for a bad result pointer;
 *  - getdents64 returns whole records, 8-byte aligned, with d_type, and
 *    lists ".", ".." and every entry once; a buffer too small for one
 *    record is EINVAL, a file ENOTDIR, a closed fd EBADF.
 */
#include <dirent.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "test.h"

#define TOP	"/tmp/abi_fdcalls"
#define NFILES	5
#define BUF	4096

struct dirent64_rec {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static void fcntl64_calls(void)
{
	int fd = open(TOP "/f0", O_RDWR), nfd;

	REQUIRE(fd >= 0, "open");
	CHECK_EQ("F_GETFD", syscall(__NR_fcntl64, fd, F_GETFD), 0);
	CHECK_EQ("F_SETFD", syscall(__NR_fcntl64, fd, F_SETFD, FD_CLOEXEC), 0);
	CHECK_EQ("F_GETFD after", syscall(__NR_fcntl64, fd, F_GETFD), FD_CLOEXEC);
	CHECK_EQ("F_SETFL", syscall(__NR_fcntl64, fd, F_SETFL, O_APPEND), 0);
	CHECK((syscall(__NR_fcntl64, fd, F_GETFL) & (O_APPEND | O_ACCMODE)) == (O_APPEND | O_RDWR),
	      "F_GETFL");
	nfd = (int)syscall(__NR_fcntl64, fd, F_DUPFD, 20);
	CHECK(nfd >= 20, "F_DUPFD gave %d", nfd);
	close(nfd);
	errno = 0;
	CHECK_ERRNO("fcntl64 EBADF", syscall(__NR_fcntl64, 999, F_GETFD), EBADF);
	CHECK_ERRNO("fcntl64 EINVAL", syscall(__NR_fcntl64, fd, 99999), EINVAL);
	close(fd);
}

static void llseek(void)
{
	long long pos = -1;
	int fd = open(TOP "/f0", O_RDWR), p[2];

	REQUIRE(fd >= 0, "open");
	CHECK_EQ("write", write(fd, "0123456789", 10), 10);
	CHECK_EQ("_llseek set", syscall(__NR__llseek, fd, 0, 3, &pos, SEEK_SET), 0);
	CHECK_EQ("position", pos, 3);
	CHECK_EQ("_llseek cur", syscall(__NR__llseek, fd, 0, 2, &pos, SEEK_CUR), 0);
	CHECK_EQ("position cur", pos, 5);
	CHECK_EQ("_llseek end", syscall(__NR__llseek, fd, 0xffffffff, 0xfffffffe, &pos, SEEK_END), 0);
	CHECK_EQ("position end-2", pos, 8);
	{
		char c = 0;
		CHECK_EQ("read", read(fd, &c, 1), 1);
		CHECK_EQ("byte at 8", c, '8');
	}
	errno = 0;
	CHECK_ERRNO("_llseek whence", syscall(__NR__llseek, fd, 0, 0, &pos, 7), EINVAL);
	CHECK_ERRNO("_llseek negative", syscall(__NR__llseek, fd, 0xffffffff, 0xffffff00, &pos,
						SEEK_SET), EINVAL);
	CHECK_ERRNO("_llseek EFAULT", syscall(__NR__llseek, fd, 0, 1, (void *)16, SEEK_SET), EFAULT);
	CHECK_ERRNO("_llseek EBADF", syscall(__NR__llseek, 999, 0, 0, &pos, SEEK_SET), EBADF);
	REQUIRE(pipe(p) == 0, "pipe");
	CHECK_ERRNO("_llseek pipe", syscall(__NR__llseek, p[0], 0, 0, &pos, SEEK_SET), ESPIPE);
	close(p[0]);
	close(p[1]);
	close(fd);
}

static void list_dir64(void)
{
	static char buf[BUF];
	int fd = open(TOP, O_RDONLY | O_DIRECTORY), seen[NFILES] = { 0 }, dots = 0;
	long n;

	REQUIRE(fd >= 0, "open dir");
	errno = 0;
	CHECK_ERRNO("getdents64 small", syscall(__NR_getdents64, fd, buf, 8), EINVAL);
	while ((n = syscall(__NR_getdents64, fd, buf, 48)) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64_rec *d = (struct dirent64_rec *)(buf + off);
			int i;
			CHECK(d->d_reclen % 8 == 0 && d->d_reclen > 0, "reclen %u", d->d_reclen);
			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, "..")) {
				dots++;
				CHECK(d->d_type == DT_DIR, "type of %s", d->d_name);
			} else if (sscanf(d->d_name, "f%d", &i) == 1 && i >= 0 && i < NFILES) {
				seen[i]++;
				CHECK(d->d_type == DT_REG, "type of %s", d->d_name);
			} else {
				FAIL("unexpected entry %s", d->d_name);
			}
			if (d->d_reclen == 0)
				break;
			off += d->d_reclen;
		}
	}
	CHECK_EQ("end", n, 0);
	CHECK_EQ("dots", dots, 2);
	for (int i = 0; i < NFILES; i++)
		CHECK(seen[i] == 1, "f%d seen %d times", i, seen[i]);
	close(fd);
	fd = open(TOP "/f0", O_RDONLY);
	CHECK_ERRNO("getdents64 file", syscall(__NR_getdents64, fd, buf, BUF), ENOTDIR);
	close(fd);
	CHECK_ERRNO("getdents64 EBADF", syscall(__NR_getdents64, 999, buf, BUF), EBADF);
}

int main(void)
{
	char name[64];

	REQUIRE(mkdir(TOP, 0755) == 0, "mkdir");
	for (int i = 0; i < NFILES; i++) {
		snprintf(name, sizeof(name), TOP "/f%d", i);
		close(open(name, O_CREAT | O_WRONLY, 0644));
	}
	fcntl64_calls();
	llseek();
	list_dir64();
	for (int i = 0; i < NFILES; i++) {
		snprintf(name, sizeof(name), TOP "/f%d", i);
		unlink(name);
	}
	rmdir(TOP);
	return test_done("abi_fdcalls");
}
