/*
 * msgdemo.c - a client/server conversation through one System V message
 * queue, explained as it runs.
 *
 *   msgdemo [-k] [-c CLIENTS] [-r REQUESTS]
 *
 * A server process and CLIENTS client processes share one queue.  The
 * message type routes each message: requests carry type 1, which only
 * the server asks for; a reply carries the asking client's pid as its
 * type, which only that client asks for.  Each client sends REQUESTS
 * words and gets them back in capitals; then the parent sends a quit
 * request and the server exits.  Then the queue is made small (IPC_SET of
 * msg_qbytes) and a child sends more than fits: its msgsnd sleeps until
 * the parent receives one.  The queue is removed at the end, unless
 * -k keeps it (with a few messages left in it) for ipcs and ipcrm.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <unistd.h>

/* Errors are lines on standard output, like all the others. */
#define DEMO_NAME	"msgdemo"
#define DEMO_ERR_FD	STDOUT_FILENO
#include "demo.h"

#define SERVER_TYPE	1		/* requests: to the server */
#define WORD_LEN	32
#define DEFAULT_CLIENTS	3
#define DEFAULT_REQUESTS 3
#define MAX_CLIENTS	16
#define MAX_REQUESTS	100
#define KEPT_MESSAGES	3		/* left in the queue by -k */
#define KEPT_TYPE	42
#define FULL_MESSAGES	2		/* the small queue holds this many */
#define FULL_TYPE	7
#define FULL_WAIT_MS	500		/* the sender sleeps this long */
#define MSEC_PER_SEC	1000L
#define NSEC_PER_MSEC	1000000L

enum op { OP_UPPER, OP_QUIT };

struct request {
	long mtype;			/* SERVER_TYPE */
	int op;
	pid_t client;			/* the type to answer with */
	char word[WORD_LEN];
};

struct reply {
	long mtype;			/* the client's pid */
	int served;			/* requests served so far */
	char word[WORD_LEN];
};

#define REQUEST_SIZE	(sizeof(struct request) - sizeof(long))
#define REPLY_SIZE	(sizeof(struct reply) - sizeof(long))

static const char *const words[] = {
	"apple", "queue", "kernel", "message", "server", "client", "type",
	"pid", "sleep", "wake",
};

#define NWORDS		(sizeof(words) / sizeof(words[0]))

static int msq;

static _Noreturn void server(void)
{
	struct request req;
	struct reply rep;
	int served = 0;

	say("server %d: waiting for messages of type %d\n", getpid(), SERVER_TYPE);
	for (;;) {
		if (msgrcv(msq, &req, REQUEST_SIZE, SERVER_TYPE, 0) < 0)
			die("server: msgrcv");
		if (req.op == OP_QUIT)
			break;
		rep.mtype = req.client;
		rep.served = ++served;
		for (int i = 0; i < WORD_LEN; i++)
			rep.word[i] = (char)toupper((unsigned char)req.word[i]);
		say("server %d: \"%s\" from client %d -> reply of type %d\n",
		    getpid(), req.word, req.client, req.client);
		if (msgsnd(msq, &rep, REPLY_SIZE, 0) < 0)
			die("server: msgsnd");
	}
	say("server %d: quit request: %d requests served, exiting\n", getpid(),
	    served);
	exit(0);
}

static _Noreturn void client(int n, int requests)
{
	struct request req = { .mtype = SERVER_TYPE, .op = OP_UPPER };
	struct reply rep;

	req.client = getpid();
	for (int i = 0; i < requests; i++) {
		snprintf(req.word, sizeof(req.word), "%s",
			 words[(n * requests + i) % NWORDS]);
		if (msgsnd(msq, &req, REQUEST_SIZE, 0) < 0)
			die("client: msgsnd");
		if (msgrcv(msq, &rep, REPLY_SIZE, getpid(), 0) < 0)
			die("client: msgrcv");
		say("  client %d: sent \"%s\", got \"%s\" (request %d of the server)\n",
		    getpid(), req.word, rep.word, rep.served);
	}
	exit(0);
}

static void show_queue(void)
{
	struct msqid_ds ds;

	if (msgctl(msq, IPC_STAT, &ds) < 0)
		die("msgctl IPC_STAT");
	say("\nThe queue now: %lu messages (%lu bytes) of at most %lu bytes;\n"
	    "last sender pid %d, last receiver pid %d.\n", ds.msg_qnum,
	    ds.msg_cbytes, ds.msg_qbytes, ds.msg_lspid, ds.msg_lrpid);
}

/* -k: leave a few messages of type KEPT_TYPE for ipcs to count. */
static void leave_messages(void)
{
	struct reply rep = { .mtype = KEPT_TYPE, .word = "left for ipcs" };

	for (int i = 0; i < KEPT_MESSAGES; i++)
		if (msgsnd(msq, &rep, REPLY_SIZE, IPC_NOWAIT) < 0)
			die("msgsnd");
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * MSEC_PER_SEC + ts.tv_nsec / NSEC_PER_MSEC;
}

/* The child of full_queue(): one message more than fits. */
static _Noreturn void filling_sender(void)
{
	struct reply msg = { .mtype = FULL_TYPE, .word = "filler" };
	long start;

	for (int i = 1; i <= FULL_MESSAGES; i++) {
		if (msgsnd(msq, &msg, REPLY_SIZE, 0) < 0)
			die("msgsnd");
		say("  sender %d: message %d sent at once\n", getpid(), i);
	}
	say("  sender %d: message %d does not fit: msgsnd sleeps\n", getpid(),
	    FULL_MESSAGES + 1);
	start = now_ms();
	if (msgsnd(msq, &msg, REPLY_SIZE, 0) < 0)
		die("msgsnd");
	say("  sender %d: msgsnd returned after %ld ms: there was room\n",
	    getpid(), now_ms() - start);
	exit(0);
}

/* A queue with room for FULL_MESSAGES: the next sender sleeps. */
static void full_queue(void)
{
	struct msqid_ds ds;
	struct reply msg;
	msglen_t old_qbytes;
	pid_t pid;

	if (msgctl(msq, IPC_STAT, &ds) < 0)
		die("msgctl IPC_STAT");
	say("\nA queue holds at most msg_qbytes bytes (%lu here).  The owner\n"
	    "may lower it with IPC_SET; now it is %d messages' worth, %zu\n"
	    "bytes.  A child sends %d messages; the parent waits %d ms, then\n"
	    "receives one.\n", ds.msg_qbytes, FULL_MESSAGES,
	    FULL_MESSAGES * REPLY_SIZE, FULL_MESSAGES + 1, FULL_WAIT_MS);
	old_qbytes = ds.msg_qbytes;
	ds.msg_qbytes = FULL_MESSAGES * REPLY_SIZE;
	if (msgctl(msq, IPC_SET, &ds) < 0)
		die("msgctl IPC_SET");
	pid = fork_or_die();
	if (pid == 0)
		filling_sender();
	sleep_ms(FULL_WAIT_MS);
	say("  parent: msgrcv takes one message of type %d\n", FULL_TYPE);
	for (int i = 0; i <= FULL_MESSAGES; i++) {
		if (msgrcv(msq, &msg, REPLY_SIZE, FULL_TYPE, 0) < 0)
			die("msgrcv");
		if (i == 0)
			waitpid(pid, NULL, 0);
	}
	ds.msg_qbytes = old_qbytes;
	if (msgctl(msq, IPC_SET, &ds) < 0)
		die("msgctl IPC_SET");
}

static int usage(void)
{
	fprintf(stderr, "usage: msgdemo [-k] [-c CLIENTS] [-r REQUESTS]\n");
	return 1;
}

int main(int argc, char **argv)
{
	struct request quit = { .mtype = SERVER_TYPE, .op = OP_QUIT };
	int clients = DEFAULT_CLIENTS, requests = DEFAULT_REQUESTS, keep = 0, c;
	pid_t server_pid;

	while ((c = getopt(argc, argv, "kc:r:")) != -1) {
		switch (c) {
		case 'k':
			keep = 1;
			break;
		case 'c':
			clients = atoi(optarg);
			break;
		case 'r':
			requests = atoi(optarg);
			break;
		default:
			return usage();
		}
	}
	if (optind < argc || clients < 1 || clients > MAX_CLIENTS ||
	    requests < 1 || requests > MAX_REQUESTS)
		return usage();
	demo_catch_signals();

	say("A System V message queue holds typed messages.  msgsnd adds one at\n"
	    "the end; msgrcv takes the first one of the type it asks for, and\n"
	    "sleeps until one arrives.  So one queue can carry many conversations:\n"
	    "here requests have type %d and go to the server, and each reply has\n"
	    "the asking client's pid as its type, so it reaches only that client.\n\n",
	    SERVER_TYPE);
	msq = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	if (msq < 0)
		die("msgget");
	demo_owns(DEMO_MSG, msq);
	say("msgget made queue %d.  Starting a server and %d clients.\n\n", msq,
	    clients);

	server_pid = fork_or_die();
	if (server_pid == 0)
		server();
	for (int i = 0; i < clients; i++) {
		pid_t pid = fork_or_die();

		if (pid == 0)
			client(i, requests);
	}
	for (int i = 0; i < clients; i++)
		wait(NULL);

	say("\nEvery client has its answers.  The parent sends a quit request\n"
	    "(type %d too); the server takes it and exits.\n", SERVER_TYPE);
	if (msgsnd(msq, &quit, REQUEST_SIZE, 0) < 0)
		die("msgsnd quit");
	waitpid(server_pid, NULL, 0);
	full_queue();
	if (keep)
		leave_messages();
	show_queue();

	if (keep) {
		demo_owns(DEMO_MSG, -1);
		say("\n-k: queue %d stays, with %d messages of type %d in it.\n"
		    "See it with 'ipcs -q' and remove it with 'ipcrm -q %d'.\n", msq,
		    KEPT_MESSAGES, KEPT_TYPE, msq);
		return 0;
	}
	if (msgctl(msq, IPC_RMID, NULL) < 0)
		die("msgctl IPC_RMID");
	demo_owns(DEMO_MSG, -1);
	say("\nmsgctl IPC_RMID removed the queue; anyone still sleeping on it\n"
	    "would wake with EIDRM.\n");
	return 0;
}
