/*
 * slabinfo - show the kernel's object caches (kstat KSTAT_CACHES), in
 * the spirit of Linux's /proc/slabinfo: for each cache its name, object
 * size, objects in use, objects its slabs hold and page frames taken;
 * the big allocations (whole pages) last, then the heap's total.
 */
#include <stdio.h>
#include <string.h>
#include <sys/kstat.h>

#define MAX_CACHES	64

int main(void)
{
	static struct kstat_cache c[MAX_CACHES];
	struct kstat_info info;
	int n = kstat(KSTAT_CACHES, c, sizeof(c));

	if (n < 0 || kstat(KSTAT_INFO, &info, sizeof(info)) < 0) {
		perror("slabinfo: kstat");
		return 1;
	}
	printf("%-16s %8s %8s %8s %6s\n", "cache", "objsize", "inuse", "total", "pages");
	for (int i = 0; i < n; i++)
		printf("%-16s %8lu %8lu %8lu %6lu\n", c[i].name, c[i].object_size,
		       c[i].inuse, c[i].total, c[i].pages);
	printf("heap: %lu of %lu KiB in use\n", info.heap_used >> 10, info.heap_size >> 10);
	return 0;
}
