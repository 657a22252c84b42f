/*
 * permdemo.c - the permission checks of System V IPC between users,
 * explained as it runs (run it as root: it switches children to the users
 * alice (1000) and bob (1001) of /etc/passwd, as `su` does).
 *
 *   permdemo
 *
 * Every System V object carries a struct ipc_perm: owner and creator
 * (uid, gid, cuid, cgid) and nine permission bits, as a file has.  An
 * operation needs read (msgrcv, IPC_STAT) or write (msgsnd) permission,
 * chosen from the owner's, the group's or the others' bits by the caller's
 * effective uid and gid; asking *get for an existing key checks the mode
 * bits the caller names too.  Changing the object (IPC_SET) or removing it
 * (IPC_RMID) is for its owner, its creator or root only.  Root passes
 * every check.  The demo makes a queue with key 0x5eed as root, mode 600,
 * then lets alice try, then widens the mode, then gives the queue to her.
 * The queue is removed at the end, and by any signal that ends the demo.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEMO_NAME	"permdemo"
#define DEMO_ERR_FD	STDOUT_FILENO
#include "demo.h"

#define DEMO_KEY	0x5eed
#define ALICE		1000
#define TEXT_LEN	16

struct text_msg {
	long mtype;
	char text[TEXT_LEN];
};

static int msq;

/* The result of a call, as "0", "id 3" or "-1, EACCES". */
static const char *outcome(long ret, int err, char *buf, size_t size)
{
	if (ret >= 0)
		snprintf(buf, size, "%ld, allowed", ret);
	else
		snprintf(buf, size, "-1, %s", err == EACCES ? "EACCES" :
			 err == EPERM ? "EPERM" : strerror(err));
	return buf;
}

/* In a child running as alice: try each kind of access, say what happens. */
static void alice_tries(void)
{
	struct text_msg m = { 1, "hello" };
	struct msqid_ds ds;
	char buf[64];
	long r;
	pid_t pid;

	pid = fork_or_die();
	if (pid > 0) {
		waitpid(pid, NULL, 0);
		return;
	}
	if (setresgid(ALICE, ALICE, ALICE) < 0 || setresuid(ALICE, ALICE, ALICE) < 0)
		die("become alice");
	r = msgget(DEMO_KEY, 0600);
	say("  alice: msgget(0x%x, 0600)   %s\n", DEMO_KEY,
	    outcome(r, errno, buf, sizeof(buf)));
	r = msgsnd(msq, &m, sizeof(m.text), IPC_NOWAIT);
	say("  alice: msgsnd (write)         %s\n", outcome(r, errno, buf, sizeof(buf)));
	r = msgctl(msq, IPC_STAT, &ds);
	say("  alice: msgctl IPC_STAT (read) %s\n", outcome(r, errno, buf, sizeof(buf)));
	r = msgctl(msq, IPC_RMID, NULL);
	say("  alice: msgctl IPC_RMID        %s\n", outcome(r, errno, buf, sizeof(buf)));
	if (r == 0)
		demo_owns(DEMO_MSG, -1);
	exit(0);
}

/* As root: change the queue's owner and mode with IPC_SET. */
static void set_perm(uid_t uid, unsigned short mode)
{
	struct msqid_ds ds;

	if (msgctl(msq, IPC_STAT, &ds) < 0)
		die("msgctl IPC_STAT");
	ds.msg_perm.uid = uid;
	ds.msg_perm.mode = mode;
	if (msgctl(msq, IPC_SET, &ds) < 0)
		die("msgctl IPC_SET");
}

static void show_perm(void)
{
	struct msqid_ds ds;

	if (msgctl(msq, IPC_STAT, &ds) < 0)
		die("msgctl IPC_STAT");
	say("  queue %d: owner uid %u, creator uid %u, mode %03o\n", msq,
	    (unsigned)ds.msg_perm.uid, (unsigned)ds.msg_perm.cuid,
	    ds.msg_perm.mode & 0777);
}

int main(void)
{
	demo_catch_signals();
	say("System V IPC objects have owners and permission bits, as files\n"
	    "do (struct ipc_perm).  Reading (msgrcv, IPC_STAT) and writing\n"
	    "(msgsnd) are checked against the owner's, group's or others'\n"
	    "bits; IPC_SET and IPC_RMID are for the owner, the creator and\n"
	    "root only.  Root passes every check.\n\n");
	if (geteuid() != 0) {
		say("permdemo switches children to the user alice, which only root\n"
		    "may do: run it as root (the console's shell is root).\n");
		return 1;
	}
	msq = msgget(DEMO_KEY, IPC_CREAT | IPC_EXCL | 0600);
	if (msq < 0)
		die("msgget (is a queue with key 0x5eed left? ipcrm -Q 0x5eed)");
	demo_owns(DEMO_MSG, msq);
	say("root: msgget(0x%x, IPC_CREAT | 0600) made\n", DEMO_KEY);
	show_perm();
	say("Only the owner may read or write it; alice is one of the others:\n");
	alice_tries();

	say("\nroot: IPC_SET mode 666 - now everyone may read and write:\n");
	set_perm(0, 0666);
	alice_tries();
	say("(msgsnd went through; IPC_RMID is still refused: alice is\n"
	    "neither the owner nor the creator.)\n");

	say("\nroot: IPC_SET uid %d - the queue now belongs to alice:\n", ALICE);
	set_perm(ALICE, 0600);
	show_perm();
	alice_tries();
	say("\nThe owner may remove it.  In the shell: su alice, then ipcs and\n"
	    "ipcrm on root's objects say the same.\n");
	if (msgctl(msq, IPC_STAT, NULL) == 0 || errno != EINVAL)
		msgctl(msq, IPC_RMID, NULL);
	demo_owns(DEMO_MSG, -1);
	return 0;
}
