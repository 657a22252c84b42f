/*
 * rlimit_nofile - RLIMIT_NOFILE bounds the descriptors a process can get,
 * as on Linux: with the soft limit at LIMIT, open, dup, pipe and
 * fcntl(F_DUPFD) fail with EMFILE once every descriptor below LIMIT is in
 * use; dup2 or dup3 to a descriptor >= LIMIT is EBADF and F_DUPFD from
 * one is EINVAL (dup2 of a descriptor above the limit onto itself still
 * succeeds, and dup3 keeps its own EINVAL cases); a descriptor opened above the limit before it was lowered keeps
 * working; a pipe that cannot get both descriptors leaks neither.
 * Raising the limit again makes room again.
 */
#include "test.h"
#include <sys/resource.h>

#define LIMIT		10
#define HIGH_FD		20		/* opened before the limit drops */

int main(void)
{
	struct rlimit old, lim;
	struct leak_mark before;
	int fd, p[2], opened = 0;

	fflush(stdout);
	mark_leaks(&before);
	REQUIRE(getrlimit(RLIMIT_NOFILE, &old) == 0, "getrlimit");
	REQUIRE(old.rlim_cur > HIGH_FD, "room for fd %d", HIGH_FD);
	REQUIRE(dup2(STDOUT_FILENO, HIGH_FD) == HIGH_FD, "dup2 to %d", HIGH_FD);
	lim = old;
	lim.rlim_cur = LIMIT;
	REQUIRE(setrlimit(RLIMIT_NOFILE, &lim) == 0, "setrlimit(RLIMIT_NOFILE)");

	while ((fd = open("/dev/null", O_RDONLY)) >= 0) {
		CHECK(fd < LIMIT, "open gave fd %d, limit %d", fd, LIMIT);
		opened++;
		if (fd >= LIMIT)
			break;
	}
	CHECK_EQ("errno of the open past the limit", errno, EMFILE);
	for (fd = 0; fd < LIMIT; fd++)
		CHECK(fcntl(fd, F_GETFD) >= 0, "fd %d open when the table is full", fd);
	CHECK_ERR(dup(0), EMFILE);
	CHECK_ERR(fcntl(0, F_DUPFD, 0), EMFILE);
	CHECK_ERR(fcntl(0, F_DUPFD, LIMIT), EINVAL);
	CHECK_ERR(fcntl(0, F_DUPFD_CLOEXEC, LIMIT + 5), EINVAL);
	CHECK_ERR(pipe(p), EMFILE);
	CHECK_ERR(dup2(0, LIMIT), EBADF);
	CHECK_ERR(dup2(0, HIGH_FD + 1), EBADF);
	CHECK_ERR(dup3(0, LIMIT, 0), EBADF);
	CHECK_ERR(dup3(0, LIMIT, O_CLOEXEC), EBADF);
	CHECK_ERR(dup3(0, 0, 0), EINVAL);
	CHECK_ERR(dup3(0, LIMIT, O_NONBLOCK), EINVAL);
	CHECK_EQ("dup2 of the fd above the limit onto itself", dup2(HIGH_FD, HIGH_FD), HIGH_FD);
	CHECK_EQ("dup3 onto an open fd below the limit", dup3(0, LIMIT - 1, O_CLOEXEC),
		 LIMIT - 1);
	CHECK_EQ("dup3 sets FD_CLOEXEC", fcntl(LIMIT - 1, F_GETFD), FD_CLOEXEC);
	CHECK_EQ("dup2 onto an open fd below the limit", dup2(0, LIMIT - 1), LIMIT - 1);
	CHECK_EQ("dup2 clears FD_CLOEXEC", fcntl(LIMIT - 1, F_GETFD), 0);
	CHECK_EQ("write to the fd above the limit", write(HIGH_FD, "", 0), 0);

	CHECK_EQ("close one", close(LIMIT - 1), 0);
	CHECK_ERR(pipe(p), EMFILE);		/* one free slot, two needed */
	CHECK_EQ("the free slot is still free", dup(0), LIMIT - 1);

	CHECK_EQ("raise the limit", setrlimit(RLIMIT_NOFILE, &old), 0);
	fd = dup(0);
	CHECK(fd >= LIMIT, "dup after raising the limit: %d", fd);
	if (fd >= 0)
		close(fd);
	for (fd = LIMIT - 1; opened > 0; fd--, opened--)
		close(fd);
	close(HIGH_FD);
	CHECK_LEAKS("after closing everything", &before);
	return test_done("rlimit_nofile");
}
