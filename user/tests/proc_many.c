/*
 * proc_many - many processes alive at once: NREADERS children, each
 * blocked reading the same pipe, more than the old 64-slot process table
 * held.
 *
 * Each child says it is ready on one pipe and then blocks in read() on
 * another; once all are ready (and none has ended) the parent writes one
 * byte per child, each child exits with the byte it read, and the parent
 * reaps them all.  Then descriptors and (on this kernel) free frames, heap
 * use and process count are back where they were: kernel stacks and page
 * tables of every child were given back.
 */
#include "test.h"

#define NREADERS	200
#define TOKEN		42		/* what each child reads and exits with */

static pid_t pids[NREADERS];

static void reader(int ready_fd, int go_fd)
{
	unsigned char b = 0;

	if (write(ready_fd, "r", 1) != 1)
		_exit(EXIT_CHILD_FAILED);
	if (read(go_fd, &b, 1) != 1)
		_exit(EXIT_CHILD_FAILED);
	_exit(b);
}

int main(void)
{
	unsigned char tokens[NREADERS], b;
	struct leak_mark before;
	int ready[2], go[2], n = 0, nready = 0;

	fflush(stdout);
	mark_leaks(&before);
	REQUIRE(pipe(ready) == 0 && pipe(go) == 0, "pipe");
	for (; n < NREADERS; n++) {
		pids[n] = fork();
		if (pids[n] < 0) {
			FAIL("fork of reader %d", n);
			break;
		}
		if (pids[n] == 0)
			reader(ready[1], go[0]);
	}
	close(ready[1]);
	close(go[0]);
	while (nready < n && read(ready[0], &b, 1) == 1)
		nready++;
	CHECK_EQ("readers ready", nready, NREADERS);
	CHECK_EQ("children ended while all should block",
		 waitpid(-1, NULL, WNOHANG), 0);
	memset(tokens, TOKEN, sizeof(tokens));
	CHECK_EQ("bytes written to the readers", write(go[1], tokens, n), n);
	for (int i = 0; i < n; i++) {
		int status = wait_status(pids[i]);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == TOKEN,
		      "reader %d: status %#x", i, status);
	}
	close(ready[0]);
	close(go[1]);
	CHECK_ERRNO("waitpid with no child left", waitpid(-1, NULL, WNOHANG), ECHILD);
	CHECK_LEAKS("after every reader was reaped", &before);
	return test_done("proc_many");
}
