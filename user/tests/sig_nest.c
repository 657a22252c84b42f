/*
 * sig_nest - the mask while a handler runs, and nested handlers.
 *
 * Checks: while a handler runs, its signal is blocked (unless
 * SA_NODEFER) on top of the mask of the interrupted code and sa_mask;
 * the same signal raised inside its handler waits until the handler
 * returns, then runs at once (before the outer raise() returns); with
 * SA_NODEFER it nests; a signal in sa_mask waits; a different signal not
 * in sa_mask nests; when the handler returns the old mask is back, even
 * if the handler changed its own mask; an SA_SIGINFO handler's
 * uc_sigmask is the interrupted mask, and a change made to it there is
 * the mask after the handler returns.
 */
#include "sig_test.h"

#define MAX_EVENTS	16

/* What happened, in order: +sig when a handler starts, -sig when it ends. */
static volatile int events[MAX_EVENTS];
static volatile sig_atomic_t n_events, depth, max_depth;
static sigset_t mask_seen[NSIG];
static volatile sig_atomic_t raise_inside;	/* the SIGUSR1 handler raises it once */

static void record(int ev)
{
	if (n_events < MAX_EVENTS)
		events[n_events++] = ev;
}

static void reset(void)
{
	n_events = depth = max_depth = 0;
	memset(mask_seen, 0, sizeof(mask_seen));
}

static void handler(int sig)
{
	record(sig);
	if (++depth > max_depth)
		max_depth = depth;
	sigprocmask(SIG_BLOCK, NULL, &mask_seen[sig]);
	if (sig == SIGUSR1 && raise_inside) {
		int inner = raise_inside;

		raise_inside = 0;
		raise(inner);
	}
	depth--;
	record(-sig);
}

static void install(int sig, int flags, sigset_t mask)
{
	struct sigaction sa;

	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sa.sa_mask = mask;
	sigaction(sig, &sa, NULL);
}

static int events_are(const int *want, int n)
{
	if (n_events != n)
		return 0;
	for (int i = 0; i < n; i++)
		if (events[i] != want[i])
			return 0;
	return 1;
}

static void print_events(void)
{
	fprintf(stderr, "    events:");
	for (int i = 0; i < n_events; i++)
		fprintf(stderr, " %+d", events[i]);
	fprintf(stderr, "\n");
}

/* The same signal inside its handler: deferred, then run right after. */
static void check_self_deferred(void)
{
	static const int want[] = { SIGUSR1, -SIGUSR1, SIGUSR1, -SIGUSR1 };
	sigset_t term = set_of(SIGTERM, 0);

	reset();
	sigprocmask(SIG_SETMASK, &term, NULL);
	install(SIGUSR1, 0, 0);
	raise_inside = SIGUSR1;
	raise(SIGUSR1);
	CHECK(events_are(want, 4) && max_depth == 1,
	      "SIGUSR1 raised in its handler should run after it, not nested");
	if (!events_are(want, 4))
		print_events();
	CHECK(mask_seen[SIGUSR1] == set_of(SIGTERM, SIGUSR1),
	      "mask in the handler %#llx, want SIGTERM and SIGUSR1", mask_seen[SIGUSR1]);
	CHECK(current_mask() == term, "mask after the handler %#llx, want %#llx",
	      current_mask(), term);
	sigprocmask(SIG_UNBLOCK, &term, NULL);
}

static void check_nodefer(void)
{
	static const int want[] = { SIGUSR1, SIGUSR1, -SIGUSR1, -SIGUSR1 };

	reset();
	install(SIGUSR1, SA_NODEFER, 0);
	raise_inside = SIGUSR1;
	raise(SIGUSR1);
	CHECK(events_are(want, 4) && max_depth == 2, "SA_NODEFER: no nesting");
	if (!events_are(want, 4))
		print_events();
	CHECK(mask_seen[SIGUSR1] == 0, "SA_NODEFER: mask in the handler %#llx",
	      mask_seen[SIGUSR1]);
	CHECK(current_mask() == 0, "mask after the handlers %#llx", current_mask());
}

static void check_sa_mask(void)
{
	static const int want[] = { SIGUSR1, -SIGUSR1, SIGUSR2, -SIGUSR2 };

	reset();
	install(SIGUSR1, 0, set_of(SIGUSR2, 0));
	install(SIGUSR2, 0, 0);
	raise_inside = SIGUSR2;
	raise(SIGUSR1);
	CHECK(events_are(want, 4) && max_depth == 1,
	      "SIGUSR2 in sa_mask should wait for the SIGUSR1 handler");
	if (!events_are(want, 4))
		print_events();
	CHECK(mask_seen[SIGUSR1] == set_of(SIGUSR1, SIGUSR2), "mask in the handler %#llx",
	      mask_seen[SIGUSR1]);
	CHECK(mask_seen[SIGUSR2] == set_of(SIGUSR2, 0), "mask in the SIGUSR2 handler %#llx",
	      mask_seen[SIGUSR2]);
	CHECK(current_mask() == 0, "mask after the handlers %#llx", current_mask());
}

static void check_other_nests(void)
{
	static const int want[] = { SIGUSR1, SIGUSR2, -SIGUSR2, -SIGUSR1 };

	reset();
	install(SIGUSR1, 0, 0);
	install(SIGUSR2, 0, 0);
	raise_inside = SIGUSR2;
	raise(SIGUSR1);
	CHECK(events_are(want, 4) && max_depth == 2, "SIGUSR2 did not nest in SIGUSR1's handler");
	if (!events_are(want, 4))
		print_events();
	CHECK(mask_seen[SIGUSR2] == set_of(SIGUSR1, SIGUSR2),
	      "mask in the nested handler %#llx", mask_seen[SIGUSR2]);
	CHECK(current_mask() == 0, "mask after the handlers %#llx", current_mask());
}

static volatile unsigned long uc_mask_seen;

/* Blocks SIGTERM for itself (undone on return) and SIGHUP in the saved
 * context (which is the mask after the return). */
static void edit_masks(int sig, siginfo_t *info, void *ctx)
{
	ucontext_t *uc = ctx;
	sigset_t term = set_of(SIGTERM, 0);

	(void)sig, (void)info;
	uc_mask_seen = uc->uc_sigmask[0];
	sigprocmask(SIG_BLOCK, &term, NULL);
	uc->uc_sigmask[0] |= set_of(SIGHUP, 0);
}

static void check_context_mask(void)
{
	struct sigaction sa;
	sigset_t quit = set_of(SIGQUIT, 0), empty = 0;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = edit_masks;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	sigprocmask(SIG_SETMASK, &quit, NULL);
	raise(SIGUSR1);
	CHECK(uc_mask_seen == quit, "uc_sigmask %#lx, want the interrupted mask %#llx",
	      uc_mask_seen, quit);
	CHECK(current_mask() == set_of(SIGQUIT, SIGHUP),
	      "mask after return %#llx, want SIGQUIT and SIGHUP (from uc_sigmask)",
	      current_mask());
	sigprocmask(SIG_SETMASK, &empty, NULL);
	signal(SIGUSR1, SIG_DFL);
}

int main(void)
{
	sigset_t empty = 0;

	sigprocmask(SIG_SETMASK, &empty, NULL);
	check_self_deferred();
	check_nodefer();
	check_sa_mask();
	check_other_nests();
	check_context_mask();
	return test_done("sig_nest");
}
