/*
 * bench - measure the cost of kernel operations in CPU cycles.
 *
 * Each benchmark repeats one operation many times between two reads of
 * the time stamp counter (rdtsc) and reports cycles per operation.
 * `make bench` runs this under QEMU with -icount, which makes the
 * counter count guest instructions: the numbers are then repeatable from
 * run to run and compare one kernel version with another.
 *
 *   bench            run every benchmark
 *   bench NAME...    run the named ones
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE_SIZE	4096
#define PIPE_CHUNK	4096

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void bench_getpid(int n)
{
	for (int i = 0; i < n; i++)
		getpid();
}

/* One byte through a pipe and back, within one process. */
static void bench_pipe_self(int n)
{
	int fd[2];
	char c = 'x';

	if (pipe(fd) < 0)
		die("pipe");
	for (int i = 0; i < n; i++)
		if (write(fd[1], &c, 1) != 1 || read(fd[0], &c, 1) != 1)
			die("pipe i/o");
	close(fd[0]);
	close(fd[1]);
}

/* Ping-pong a byte between two processes: two context switches each. */
static void bench_pipe_pingpong(int n)
{
	int ping[2], pong[2];
	char c = 'x';
	pid_t pid;

	if (pipe(ping) < 0 || pipe(pong) < 0)
		die("pipe");
	if ((pid = fork()) < 0)
		die("fork");
	if (pid == 0) {
		close(ping[1]);
		close(pong[0]);
		while (read(ping[0], &c, 1) == 1)
			write(pong[1], &c, 1);
		_exit(0);
	}
	close(ping[0]);
	close(pong[1]);
	for (int i = 0; i < n; i++)
		if (write(ping[1], &c, 1) != 1 || read(pong[0], &c, 1) != 1)
			die("ping-pong");
	close(ping[1]);
	close(pong[0]);
	waitpid(pid, NULL, 0);
}

/* Stream PIPE_CHUNK-byte writes to a child that reads them. */
static void bench_pipe_stream(int n)
{
	static char buf[PIPE_CHUNK];
	int fd[2];
	pid_t pid;

	if (pipe(fd) < 0)
		die("pipe");
	if ((pid = fork()) < 0)
		die("fork");
	if (pid == 0) {
		close(fd[1]);
		while (read(fd[0], buf, sizeof(buf)) > 0)
			;
		_exit(0);
	}
	close(fd[0]);
	for (int i = 0; i < n; i++)
		if (write(fd[1], buf, sizeof(buf)) != sizeof(buf))
			die("write");
	close(fd[1]);
	waitpid(pid, NULL, 0);
}

static void bench_fork_wait(int n)
{
	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0)
			_exit(0);
		waitpid(pid, NULL, 0);
	}
}

static void bench_fork_exec_wait(int n)
{
	char *argv[] = { "true", NULL };

	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0) {
			execv("/bin/true", argv);
			_exit(127);
		}
		waitpid(pid, NULL, 0);
	}
}

/* Grow the heap and touch each new page: a page of memory from brk. */
static void bench_brk_page(int n)
{
	char *p = sbrk(0);

	if (sbrk((intptr_t)n * PAGE_SIZE) == (void *)-1)
		die("sbrk");
	for (int i = 0; i < n; i++)
		p[(size_t)i * PAGE_SIZE] = 1;
	sbrk(-(intptr_t)n * PAGE_SIZE);
}

static const struct benchmark {
	const char *name;
	const char *unit;
	void (*fn)(int n);
	int n;
} benchmarks[] = {
	{ "getpid", "call", bench_getpid, 20000 },
	{ "pipe_self", "byte write+read", bench_pipe_self, 5000 },
	{ "pipe_pingpong", "round trip", bench_pipe_pingpong, 2000 },
	{ "pipe_stream", "4 KiB transfer", bench_pipe_stream, 2000 },
	{ "fork_wait", "fork+exit+wait", bench_fork_wait, 200 },
	{ "fork_exec_wait", "fork+exec+wait", bench_fork_exec_wait, 100 },
	{ "brk_page", "page", bench_brk_page, 1000 },
};

static void run(const struct benchmark *b)
{
	uint64_t start = rdtsc(), cycles;

	b->fn(b->n);
	cycles = (rdtsc() - start) / (uint64_t)b->n;
	printf("%-16s %10llu cycles per %s\n", b->name, (unsigned long long)cycles, b->unit);
}

static bool selected(const char *name, int argc, char **argv)
{
	if (argc < 2)
		return true;
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	for (size_t i = 0; i < sizeof(benchmarks) / sizeof(benchmarks[0]); i++)
		if (selected(benchmarks[i].name, argc, argv))
			run(&benchmarks[i]);
	return 0;
}
