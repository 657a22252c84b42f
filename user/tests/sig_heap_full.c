/*
 * sig_heap_full - delivering a signal and returning from its handler
 * need no kernel memory: the frame is built on the user stack.
 *
 * Checks: a child fills the kernel heap with messages in a System V
 * queue (ever smaller ones, until msgsnd fails with ENOMEM; where the
 * kernel has no kstat - Linux - only until the queue is full), then
 * raises SIGUSR1 twice with a handler installed: the handler runs both
 * times and the child goes on to exit 0 - it is not killed with SIGSEGV.
 * The queue is removed afterwards, which gives the memory back.
 */
#include <sys/ipc.h>
#include <sys/msg.h>
#include "test.h"

#define RAISES		2

struct fill_msg {
	long mtype;
	char mtext[4096];
};

static const size_t fill_sizes[] = { 4096, 512, 64, 1 };

static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

/* Root may let one queue take the whole heap (Relay: kstat says how
 * big it is); on Linux, without kstat, the queue stays as it is: false. */
static bool widen_queue(int id)
{
	struct kstat_info info;
	struct msqid_ds ds;

	if (kstat(KSTAT_INFO, &info, sizeof(info)) < 0)
		return false;
	REQUIRE(msgctl(id, IPC_STAT, &ds) == 0, "IPC_STAT");
	ds.msg_qbytes = info.heap_size;
	REQUIRE(msgctl(id, IPC_SET, &ds) == 0, "msg_qbytes raised to the heap's size");
	return true;
}

static long fill(int id)
{
	static struct fill_msg m = { 1, { 0 } };
	long sent = 0;

	for (unsigned i = 0; i < sizeof(fill_sizes) / sizeof(fill_sizes[0]); i++)
		while (msgsnd(id, &m, fill_sizes[i], IPC_NOWAIT) == 0)
			sent++;
	return sent;
}

static void signal_when_full(void *arg)
{
	int id = *(int *)arg;
	long sent;
	int err;
	bool whole_heap;

	signal(SIGUSR1, on_usr1);
	whole_heap = widen_queue(id);
	sent = fill(id);
	err = errno;
	if (whole_heap)
		CHECK_EQ("the fill ends with the heap full (ENOMEM)", err, ENOMEM);
	for (int i = 0; i < RAISES; i++)
		raise(SIGUSR1);
	printf("sig_heap_full: %ld messages queued, then errno %d\n", sent, err);
	fflush(stdout);
	CHECK_EQ("handler runs with the heap full", handled, RAISES);
}

int main(void)
{
	int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600), status;

	REQUIRE(id >= 0, "msgget");
	status = run_child(signal_when_full, &id);
	CHECK(msgctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the child: wait status %#x (signal %d)", status,
	      WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return test_done("sig_heap_full");
}
