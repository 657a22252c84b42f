/*
 * shm_fault - a segment's memory appears page by page, on first touch:
 *  - shmget and shmat take no page of memory (SHM_INFO's shm_rss stays;
 *    on this kernel, free frames drop by at most a page table);
 *  - the first touch of a page, read or write, brings in exactly one
 *    page (shm_rss + 1; on this kernel one frame, plus a page table the
 *    first time); a second touch brings in nothing;
 *  - shmdt keeps the pages (they belong to the segment); removing the
 *    segment gives every frame back (a page table may stay with the
 *    process: a warm-up segment makes it exist before counting starts).
 * Linux has no kstat: there only shm_rss is checked.
 */
#include "ipc_test.h"

#define MODE		0600
#define PAGE		4096
#define NPAGES		8
#define PAGE_TABLE_SLACK 1	/* frames a first mapping may take for a page table */

static bool have_kstat;

static unsigned long shm_rss(void)
{
	struct shm_info info;

	CHECK(shmctl(0, SHM_INFO, (struct shmid_ds *)&info) >= 0, "SHM_INFO");
	return info.shm_rss;
}

/* The frames taken since *mark (and the new mark); 0 without kstat. */
static long frames_taken(long *mark)
{
	long now = free_frames(), taken = *mark - now;

	*mark = now;
	return have_kstat ? taken : 0;
}

/*
 * A segment attached, touched, detached and removed: the page table its
 * attach needs stays with the process, so later counts are exact.
 */
static void warm_up(void)
{
	int id = new_shm(NPAGES * PAGE, MODE);
	volatile char *p = shmat(id, NULL, 0);

	CHECK(p != (void *)-1, "shmat");
	if (p != (void *)-1) {
		p[0] = 1;
		shmdt((void *)p);
	}
	shmctl(id, IPC_RMID, NULL);
}

int main(void)
{
	unsigned long rss0;
	long start, mark, taken;
	volatile char *p;
	int id;

	warm_up();
	rss0 = shm_rss();
	start = mark = free_frames();
	have_kstat = start >= 0;
	id = new_shm(NPAGES * PAGE, MODE);
	taken = frames_taken(&mark);
	CHECK(taken < NPAGES && shm_rss() == rss0,
	      "shmget of %d pages took %ld frames, shm_rss %lu -> %lu", NPAGES,
	      taken, rss0, shm_rss());
	p = shmat(id, NULL, 0);
	if (p == (void *)-1) {
		CHECK(0, "shmat");
		return test_done("shm_fault");
	}
	taken = frames_taken(&mark);
	CHECK(taken <= PAGE_TABLE_SLACK && shm_rss() == rss0,
	      "shmat took %ld frames, shm_rss %lu -> %lu", taken, rss0, shm_rss());

	for (int i = 0; i < NPAGES; i++) {
		char c;

		if (i % 2) {
			p[i * PAGE + i] = (char)i;
		} else {
			c = p[i * PAGE];
			CHECK(c == 0, "page %d reads %#x", i, c);
		}
		taken = frames_taken(&mark);
		CHECK(!have_kstat || taken == 1 ||
		      (i == 0 && taken == 1 + PAGE_TABLE_SLACK),
		      "first %s of page %d took %ld frames", i % 2 ? "write" : "read",
		      i, taken);
		CHECK(shm_rss() == rss0 + i + 1, "shm_rss %lu after touching %d pages",
		      shm_rss() - rss0, i + 1);
		p[i * PAGE + 1] = (char)i;
		c = p[i * PAGE + PAGE - 1];
		CHECK(c == 0, "byte %d of page %d is %#x", PAGE - 1, i, c);
		taken = frames_taken(&mark);
		CHECK(taken == 0, "touching page %d again took %ld frames", i, taken);
	}
	if (have_kstat)
		printf("shm_fault: %d pages touched, %ld frames taken in all\n",
		       NPAGES, start - mark);

	CHECK(shmdt((void *)p) == 0, "shmdt");
	CHECK(shm_rss() == rss0 + NPAGES, "shm_rss %lu after shmdt, expected %d",
	      shm_rss() - rss0, NPAGES);
	CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	CHECK(shm_rss() == rss0, "shm_rss %lu after IPC_RMID", shm_rss() - rss0);
	frames_taken(&mark);
	CHECK(!have_kstat || mark == start,
	      "free frames %ld after removal, %ld at the start", mark, start);
	return test_done("shm_fault");
}
