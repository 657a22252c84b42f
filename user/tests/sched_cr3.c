/*
 * sched_cr3 - a switch from one process to another loads the page
 * directory register (CR3) once, not twice: the scheduler stays on the
 * outgoing process's page directory until it loads the next one.
 *
 * Checks: ROUNDS pipe round trips between parent and child (two process
 * switches each) take fewer than 3 CR3 loads per round trip, counted by
 * kstat's cr3_loads (the old scheduler loaded the kernel's page directory
 * in between: 4 per round trip); and the exchange itself works.  Relay
 * only: Linux has no kstat.
 */
#include "test.h"

#define ROUNDS		1000
#define LOADS_MAX	3	/* per round trip, with room for timer preemption */

int main(void)
{
	struct kstat_info k0, k1;
	int ping[2], pong[2];
	char c = 'x';
	pid_t pid;
	int i;

	REQUIRE(pipe(ping) == 0 && pipe(pong) == 0, "pipe");
	pid = fork();
	REQUIRE(pid >= 0, "fork");
	if (pid == 0) {
		close(ping[1]);
		close(pong[0]);
		while (read(ping[0], &c, 1) == 1)
			write(pong[1], &c, 1);
		_exit(0);
	}
	close(ping[0]);
	close(pong[1]);
	REQUIRE(kstat(KSTAT_INFO, &k0, sizeof(k0)) == 0, "kstat");
	for (i = 0; i < ROUNDS; i++)
		if (write(ping[1], &c, 1) != 1 || read(pong[0], &c, 1) != 1)
			break;
	REQUIRE(kstat(KSTAT_INFO, &k1, sizeof(k1)) == 0, "kstat");
	CHECK_EQ("round trips", i, ROUNDS);
	CHECK(k1.cr3_loads - k0.cr3_loads >= ROUNDS, "%lu CR3 loads: the counter does not count",
	      k1.cr3_loads - k0.cr3_loads);
	CHECK(k1.cr3_loads - k0.cr3_loads < (unsigned long)LOADS_MAX * ROUNDS,
	      "%lu CR3 loads for %d round trips", k1.cr3_loads - k0.cr3_loads, ROUNDS);
	close(ping[1]);
	CHECK_EXIT("echo child", pid, 0);
	return test_done("sched_cr3");
}
