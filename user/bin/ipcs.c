/*
 * ipcs.c - show the System V IPC objects: message queues, shared memory
 * segments and semaphore sets, one line each, in the columns of
 * util-linux's ipcs.
 *
 *   ipcs [-q] [-m] [-s] [-a]
 *
 *   -q  message queues: key, id, owner, perms, used-bytes, messages
 *   -m  shared memory: key, id, owner, perms, bytes, nattch, status
 *       (dest: removed, freed at the last detach; locked: SHM_LOCK)
 *   -s  semaphore sets: key, id, owner, perms, nsems
 *   -a  all three (the default)
 *
 * Each kind's MSG_INFO/SHM_INFO/SEM_INFO gives the highest slot index in
 * use; MSG_STAT/SHM_STAT/SEM_STAT on each index up to it gives the id
 * and the data of the object there (unused slots fail and are skipped;
 * objects the caller may not read fail with EACCES and are counted in a
 * line "(N not shown: no read permission)", as when alice looks at root's
 * objects of mode 600).  Owners are named from /etc/passwd.
 */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>

#define SHOW_MSG	1
#define SHOW_SHM	2
#define SHOW_SEM	4
#define SHOW_ALL	(SHOW_MSG | SHOW_SHM | SHOW_SEM)
#define PERM_BITS	0777
#define OWNER_LEN	16

/* semctl's argument, which the caller defines (POSIX). */
union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
	struct seminfo *__buf;
};

static int usage(void)
{
	fprintf(stderr, "usage: ipcs [-q] [-m] [-s] [-a]\n");
	return 1;
}

/* The user's name from /etc/passwd, else the number. */
static const char *owner(uid_t uid)
{
	static char buf[OWNER_LEN];
	struct passwd *pw = getpwuid(uid);

	if (pw)
		snprintf(buf, sizeof(buf), "%s", pw->pw_name);
	else
		snprintf(buf, sizeof(buf), "%u", uid);
	return buf;
}

/* After a kind's list: how many objects the caller may not read. */
static void note_hidden(int hidden)
{
	if (hidden)
		printf("(%d not shown: no read permission)\n", hidden);
}

static void print_perm(int id, const struct ipc_perm *perm)
{
	printf("0x%08x %-10d %-10s %-10o ", (unsigned int)perm->__key, id,
	       owner(perm->uid), perm->mode & PERM_BITS);
}

static int show_msg(void)
{
	struct msginfo info;
	struct msqid_ds ds;
	int top, id, hidden = 0;

	printf("\n------ Message Queues --------\n");
	printf("%-10s %-10s %-10s %-10s %-12s %-12s\n", "key", "msqid", "owner",
	       "perms", "used-bytes", "messages");
	top = msgctl(0, MSG_INFO, (struct msqid_ds *)&info);
	if (top < 0) {
		fprintf(stderr, "ipcs: message queues: %s\n", strerror(errno));
		return 1;
	}
	for (int idx = 0; idx <= top; idx++) {
		id = msgctl(idx, MSG_STAT, &ds);
		if (id < 0) {
			hidden += errno == EACCES;
			continue;
		}
		print_perm(id, &ds.msg_perm);
		printf("%-12lu %-12lu\n", ds.msg_cbytes, ds.msg_qnum);
	}
	note_hidden(hidden);
	return 0;
}

static int show_shm(void)
{
	struct shm_info info;
	struct shmid_ds ds;
	int top, id, hidden = 0;

	printf("\n------ Shared Memory Segments --------\n");
	printf("%-10s %-10s %-10s %-10s %-10s %-10s %-12s\n", "key", "shmid",
	       "owner", "perms", "bytes", "nattch", "status");
	top = shmctl(0, SHM_INFO, (struct shmid_ds *)&info);
	if (top < 0) {
		fprintf(stderr, "ipcs: shared memory: %s\n", strerror(errno));
		return 1;
	}
	for (int idx = 0; idx <= top; idx++) {
		id = shmctl(idx, SHM_STAT, &ds);
		if (id < 0) {
			hidden += errno == EACCES;
			continue;
		}
		print_perm(id, &ds.shm_perm);
		printf("%-10zu %-10lu %-6s %-6s\n", ds.shm_segsz, ds.shm_nattch,
		       ds.shm_perm.mode & SHM_DEST ? "dest" : "",
		       ds.shm_perm.mode & SHM_LOCKED ? "locked" : "");
	}
	note_hidden(hidden);
	return 0;
}

static int show_sem(void)
{
	struct seminfo info;
	struct semid_ds ds;
	int top, id, hidden = 0;

	printf("\n------ Semaphore Arrays --------\n");
	printf("%-10s %-10s %-10s %-10s %-10s\n", "key", "semid", "owner", "perms",
	       "nsems");
	top = semctl(0, 0, SEM_INFO, (union semun){ .__buf = &info });
	if (top < 0) {
		fprintf(stderr, "ipcs: semaphores: %s\n", strerror(errno));
		return 1;
	}
	for (int idx = 0; idx <= top; idx++) {
		id = semctl(idx, 0, SEM_STAT, (union semun){ .buf = &ds });
		if (id < 0) {
			hidden += errno == EACCES;
			continue;
		}
		print_perm(id, &ds.sem_perm);
		printf("%-10lu\n", ds.sem_nsems);
	}
	note_hidden(hidden);
	return 0;
}

int main(int argc, char **argv)
{
	int show = 0, status = 0, c;

	while ((c = getopt(argc, argv, "qmsa")) != -1) {
		switch (c) {
		case 'q':
			show |= SHOW_MSG;
			break;
		case 'm':
			show |= SHOW_SHM;
			break;
		case 's':
			show |= SHOW_SEM;
			break;
		case 'a':
			show |= SHOW_ALL;
			break;
		default:
			return usage();
		}
	}
	if (optind < argc)
		return usage();
	if (!show)
		show = SHOW_ALL;
	if (show & SHOW_MSG)
		status |= show_msg();
	if (show & SHOW_SHM)
		status |= show_shm();
	if (show & SHOW_SEM)
		status |= show_sem();
	printf("\n");
	return status;
}
