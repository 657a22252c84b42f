/*
 * fuzz_worker.h - a worker of /bin/fuzz (fuzz.c includes it once): it
 * draws calls and arguments (fuzz_calls.h) from its own generator,
 * tames the calls that could block for good or disarm its alarm, records
 * each call on the board before making it, and puts back afterwards what
 * it needs (its alarm, SIGALRM unblocked, its scratch area and working
 * directory, nonblocking descriptors).
 *
 * Its memory: the scratch area, the last SCRATCH_PAGES pages of its heap
 * with an unmapped page after them, which every "valid" pointer points
 * into; its own state in `w`; the board, which it checks around every
 * call (a call that breaks it is reported by the runner).
 */
#ifndef FUZZ_WORKER_H
#define FUZZ_WORKER_H


/* A worker's own state (each worker is a process of its own). */
static struct {
	unsigned rng;
	int slot;
	int pid;
	char *scratch;
	unsigned long heap_end;		/* the scratch area ends here */
	int recent_ids[NKINDS][RECENT];
	unsigned long recent_at[RECENT];	/* shmat addresses */
	int child;			/* last child of a fork call */
} w;

static unsigned rnd(void)
{
	w.rng ^= w.rng << 13;
	w.rng ^= w.rng >> 17;
	w.rng ^= w.rng << 5;
	return w.rng;
}

static unsigned below(unsigned n)
{
	return rnd() % n;
}

#define PICK(table)	((table)[below(sizeof(table) / sizeof((table)[0]))])

static unsigned mix(unsigned x)
{
	x ^= x >> 16;
	x *= 0x7feb352du;
	x ^= x >> 15;
	x *= 0x846ca68bu;
	x ^= x >> 16;
	return x ? x : 1;
}

static bool in_scratch(long p, unsigned long len)
{
	unsigned long a = (unsigned long)p, base = (unsigned long)w.scratch;

	return a >= base && a <= w.heap_end && len <= w.heap_end - a;
}

static long small_step(void)
{
	static const long steps[] = { 1, 2, 3, 4, 7, 8, 16, 64, 100, PAGE - 1 };

	return PICK(steps);
}

static void on_alarm(int sig)
{
	(void)sig;
	alarm(ALARM_SECS);
}

/* A handler workers may install for any signal: it only returns. */
static void benign_handler(int sig)
{
	(void)sig;
}

static long gen_ptr(void)
{
	unsigned r = below(32);

	if (r < 14)
		return (long)(w.scratch + below(SCRATCH_SIZE - 256));
	if (r < 16)
		return 0;
	if (r < 19)
		return PICK(bad_addrs);
	if (r < 22)
		return (long)(w.heap_end - small_step());
	if (r < 25)
		return (long)(KERNBASE_ADDR - small_step());
	if (r < 26)
		return (long)rnd();
	if (r < 27)
		return (long)&gen_ptr;		/* read-only text */
	if (r < 29 && w.recent_at[0])
		return (long)(w.recent_at[below(RECENT)] + below(PAGE));
	return (long)w.scratch;
}

static long gen_int(void)
{
	switch (below(4)) {
	case 0:
		return PICK(edge_ints);
	case 1:
		return below(64);
	case 2:
		return (long)rnd();
	default:
		return 1L << below(31);
	}
}

static long gen_size(void)
{
	unsigned r = below(8);

	if (r < 4)
		return PICK(edge_ints);
	if (r < 7)
		return below(512);
	return below(2 * PAGE);
}

static long gen_fd(void)
{
	static const long bad_fds[] = { -1, 256, 1023, 0x7fffffff, (long)0x80000000, 60 };
	unsigned r = below(16);

	if (r < 11)
		return fds[below(nfds)];
	if (r < 14)
		return below(32);
	return PICK(bad_fds);
}

/* A string of length len ending at the end of the scratch area, without
 * its NUL: the kernel has to stop at the unmapped page after it. */
static long unterminated_path(unsigned len)
{
	char *s = (char *)w.heap_end - len;

	memset(s, 'a', len);
	return (long)s;
}

/* A path of len bytes in the scratch area under prefix. */
static long long_path(const char *prefix, unsigned len)
{
	char *s = w.scratch;
	size_t n = strlen(prefix);

	memcpy(s, prefix, n);
	memset(s + n, 'a', len - n);
	for (unsigned i = n + 200; i < len; i += 200)
		s[i] = '/';
	s[len] = '\0';
	return (long)s;
}

static long gen_bad_path(void)
{
	switch (below(4)) {
	case 0:
		return 0;
	case 1:
		return PICK(bad_addrs);
	case 2:
		return unterminated_path(1 + below(PAGE));
	default:		/* the last bytes of the stack: no NUL */
		return (long)(KERNBASE_ADDR - 1 - below(3));
	}
}

static long gen_path(const char *const *paths, unsigned n, const char *prefix)
{
	unsigned r = below(16);

	if (r < 12)
		return (long)paths[below(n)];
	if (r < 14)
		return gen_bad_path();
	return long_path(prefix, 250 + below(2 * PAGE));
}

#define GEN_PATH(table, prefix) \
	gen_path(table, sizeof(table) / sizeof(table[0]), prefix)

static long gen_open_flags(void)
{
	static const long bits[] = { O_CREAT, O_EXCL, O_TRUNC, O_APPEND,
				     O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC, O_NOCTTY };
	long flags = below(4);

	for (unsigned i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (below(4) == 0)
			flags |= bits[i];
	if (below(16) == 0)
		flags |= (long)rnd();
	return flags;
}

static long gen_mode(void)
{
	static const long modes[] = {
		0, 0777, 0644, 0600, 07777, -1, S_IFIFO | 0666, S_IFREG | 0644,
		S_IFDIR | 0755, S_IFCHR | 0666, S_IFBLK | 0600, 0170777,
	};

	return below(4) ? PICK(modes) : (long)(rnd() & 0177777);
}

static long gen_pid(void)
{
	static const long bogus[] = { 0x7fffffff, (long)0x80000000, -0x7fffffff,
				      BOGUS_PID, -BOGUS_PID };
	unsigned r = below(16);
	long pid;

	if (r < 2)
		return 0;
	if (r < 5)
		pid = w.pid;
	else if (r < 9)
		pid = board->slots[below(nworkers)].pid;
	else if (r < 11)
		pid = -board->slots[below(nworkers)].pid;
	else if (r < 12)
		pid = -w.pid;
	else if (r < 13)
		pid = w.child;
	else
		pid = PICK(bogus);
	return pid == -1 || pid == 1 ? BOGUS_PID : pid;
}

static long gen_sig(void)
{
	static const long sigs[] = {
		0, SIGSTOP, SIGCONT, SIGKILL, SIGTERM, SIGUSR1, SIGUSR2, SIGCHLD,
		SIGALRM, SIGSEGV, SIGTSTP, SIGPIPE, SIGHUP, 32, 33, 64, 65, -1, 1000,
	};

	return below(2) ? PICK(sigs) : (long)below(32);
}

static long gen_uid(void)
{
	static const long uids[] = { 0, NOBODY, OTHER_UID, -1, 0xffff, 0x10000, 1 };

	return below(8) ? PICK(uids) : (long)rnd();
}

static long gen_addr(void)
{
	static const long addrs[] = {
		0, 0x40000000, (long)0xbf000000, (long)(KERNBASE_ADDR - PAGE),
		(long)KERNBASE_ADDR, 0x08048000, 0x1000, -1,
	};

	switch (below(8)) {
	case 0:
	case 1:
		return (long)w.recent_at[below(RECENT)];
	case 2:
		return (long)(w.heap_end + PAGE * below(16));
	case 3:
		return (long)w.scratch;
	case 4:
		return 0x40000000 + (long)(PAGE * below(64)) + (below(4) ? 0 : 1);
	case 5:
		return (long)rnd();
	default:
		return PICK(addrs);
	}
}

static long gen_dev(void)
{
	static const long devs[] = { 0, 0x103, 0x105, 0x163, 0x6300, -1, 0x10003 };

	return PICK(devs);
}

/* An id of System V kind k: pre-made, another kind's, one this worker
 * made, a removed object's, or a bad one. */
static long gen_id(int k)
{
	static const long bad_ids[] = { -1, 0x7fffffff, (long)0x80000000, IPC_SLOTS, 0 };
	unsigned r = below(16);

	if (r < 9)
		return board->ids[k][below(PREMADE)];
	if (r < 10)
		return board->ids[below(NKINDS)][below(PREMADE)];
	if (r < 12)
		return w.recent_ids[k][below(RECENT)];
	if (r < 13)
		return board->stale[k][below(NSTALE)];
	if (r < 15)
		return PICK(bad_ids);
	return below(IPC_SLOTS * 2);
}

static long gen_key(void)
{
	unsigned r = below(32);

	if (r < 10)
		return IPC_PRIVATE;
	if (r < 31)
		return FUZZ_KEY + below(NKEYS);
	return (long)rnd();
}

static long gen_ipc_cmd(void)
{
	static const long odd[] = { -1, 99, 0x7fffffff, 21, 30, IPC_RMID | IPC_64 };
	unsigned r = below(32);

	if (r < 1)
		return IPC_RMID;
	if (r < 3)
		return IPC_SET;
	if (r < 9)
		return IPC_STAT;
	if (r < 11)
		return IPC_INFO;
	if (r < 26)
		return 11 + below(10);
	if (r < 29)
		return (long)below(21) | IPC_64;
	return PICK(odd);
}

static long gen_any(void)
{
	switch (below(4)) {
	case 0:
		return gen_ptr();
	case 1:
		return (long)rnd();
	default:
		return gen_int();
	}
}

static long gen_arg(char kind)
{
	switch (kind) {
	case 'f': return gen_fd();
	case 'p': return gen_ptr();
	case 'n': return gen_size();
	case 's': return GEN_PATH(read_paths, "/");
	case 'w': return GEN_PATH(write_paths, FUZZ_DIR "/");
	case 'e': return GEN_PATH(exec_paths, "/");
	case 'o': return gen_open_flags();
	case 'm': return gen_mode();
	case 'i': return gen_int();
	case 'l': return below(2) ? PICK(edge_ints) : (long)rnd();
	case 'd': return gen_pid();
	case 'g': return gen_sig();
	case 'u': return gen_uid();
	case 'r': return below(8) ? (long)below(17) : -1;
	case 'a': return gen_addr();
	case 'D': return gen_dev();
	case 'Q': return gen_id(K_MSG);
	case 'S': return gen_id(K_SEM);
	case 'M': return gen_id(K_SHM);
	case 'k': return gen_key();
	case 'c': return gen_ipc_cmd();
	case 'v': return below(2) ? gen_ptr() : gen_int();
	default: return gen_any();
	}
}

/* ---------------------------------------------- fixing calls that block */

/* A timespec of up to SLEEP_MAX_NS (or now and then an invalid one). */
static long short_timeout(void)
{
	struct timespec *ts = (struct timespec *)(w.scratch + SCRATCH_SIZE - PAGE);

	ts->tv_sec = 0;
	ts->tv_nsec = (long)below(SLEEP_MAX_NS);
	if (below(16) == 0)
		ts->tv_nsec = below(2) ? -1 : 1000000000L;
	return (long)ts;
}

/* A timeout a blocking call reads: NULL and kernel addresses are kept,
 * any other pointer mostly becomes a short timeout. */
static long tame_timeout(long p)
{
	if (p == 0 || (unsigned long)p >= KERNBASE_ADDR || below(8) == 0)
		return p;
	return short_timeout();
}

/* Semaphore operations at p get IPC_NOWAIT (most of the time). */
static void tame_sembufs(long p, long nsops)
{
	struct sembuf *ops = (struct sembuf *)p;

	if (below(RANDOM_SHARE) == 0)
		return;
	for (long i = 0; i < nsops && i < SEMOPM; i++) {
		if (!in_scratch((long)&ops[i], sizeof(ops[i])))
			return;
		ops[i].sem_flg |= IPC_NOWAIT;
	}
}

static long with_nowait(long flags)
{
	return below(RANDOM_SHARE) ? flags | IPC_NOWAIT : flags;
}

/* The mask words at p must not block SIGALRM. */
static long tame_mask(long p)
{
	if (!in_scratch(p, sizeof(sigset_t)))
		return p == 0 || (unsigned long)p >= KERNBASE_ADDR ? p : 0;
	*(sigset_t *)p &= ~(1ul << (SIGALRM - 1));
	return p;
}

/* What rt_sigaction installs: a handler that returns, SIG_DFL, SIG_IGN,
 * or an address that faults - never a random address in the worker. */
static long tame_sigaction(long p)
{
	static const long handlers[] = { (long)SIG_DFL, (long)SIG_IGN,
					 (long)KERNBASE_ADDR, 0x10 };

	if (!in_scratch(p, 2 * sizeof(long)))
		return p == 0 || (unsigned long)p >= KERNBASE_ADDR ? p : 0;
	((long *)p)[0] = below(2) ? (long)&benign_handler : PICK(handlers);
	((long *)p)[1] &= ~SA_RESTORER_FLAG;	/* the kernel's return code */
	return p;
}

/* Is path one of read_paths that names something outside the sandbox?
 * (Paths in the scratch area cannot: they are relative, or absolute
 * with a 200-character first name that does not exist.) */
static bool outside_sandbox(long path)
{
	for (unsigned i = 0; i < sizeof(read_paths) / sizeof(read_paths[0]); i++) {
		const char *s = read_paths[i];

		if ((long)s == path)
			return strncmp(s, FUZZ_DIR "/", sizeof(FUZZ_DIR)) != 0 &&
			       (s[0] == '/' || strcmp(s, "..") == 0);
	}
	return false;
}

/* The ipc() multiplexer: the same fixes as the calls it stands for. */
static void tame_ipc(long *a)
{
	switch (a[0] & 0xffff) {
	case 1:				/* semop(first, ptr, second) */
	case 4:				/* semtimedop(..., fifth) */
		tame_sembufs(a[4], a[2]);
		a[5] = tame_timeout(a[5]);
		break;
	case 11:			/* msgsnd(first, ptr, second, third) */
	case 12:			/* msgrcv */
		a[3] = with_nowait(a[3]);
		break;
	}
}

/* Fix the arguments of calls that could block for good or disarm the
 * worker's alarm; bound what a path outside the sandbox may do. */
static void tame(long nr, long *a)
{
	switch (nr) {
	case __NR_open:
		a[1] |= O_NONBLOCK;
		if (outside_sandbox(a[0]))
			a[1] &= ~(O_CREAT | O_TRUNC | O_ACCMODE);
		break;
	case __NR_msgsnd:
		a[3] = with_nowait(a[3]);
		break;
	case __NR_msgrcv:
		a[4] = with_nowait(a[4]);
		break;
	case __NR_semtimedop:
		tame_sembufs(a[1], a[2]);
		a[3] = tame_timeout(a[3]);
		break;
	case __NR_nanosleep:
		a[0] = tame_timeout(a[0]);
		break;
	case __NR_waitpid:
	case __NR_wait4:
		if (below(8))
			a[2] |= WNOHANG;
		break;
	case __NR_sigsuspend:
		a[2] &= ~(1l << (SIGALRM - 1));
		break;
	case __NR_rt_sigsuspend:
		a[0] = tame_mask(a[0]);
		break;
	case __NR_rt_sigaction:
		if (a[0] == SIGALRM)
			a[0] = SIGUSR2;
		a[1] = tame_sigaction(a[1]);
		break;
	case __NR_ipc:
		a[0] = PICK(ipc_calls);
		a[1] = gen_id(below(NKINDS));
		tame_ipc(a);
		break;
	case __NR_ioctl:
		if (below(2))
			a[1] = PICK(ioctl_cmds);
		break;
	case __NR_fcntl:
		if (below(4))
			a[1] = PICK(fcntl_cmds);
		break;
	}
}

static void set_nonblock(long fd)
{
	if (fd >= 0 && fd < 1024)
		fcntl((int)fd, F_SETFL, O_NONBLOCK);
}

static void remember_id(int k, long id)
{
	if (id >= 0)
		w.recent_ids[k][below(RECENT)] = (int)id;
}

/* Put back what the worker needs after a call: its alarm, SIGALRM
 * unblocked, its scratch area, its directory, nonblocking descriptors;
 * remember what the call made. */
static void after(long nr, const long *a, long ret)
{
	sigset_t alrm = 1ul << (SIGALRM - 1);

	switch (nr) {
	case __NR_fork:
		if (ret == 0)
			_exit(0);
		if (ret > 0)
			w.child = (int)ret;
		break;
	case __NR_alarm:
		alarm(ALARM_SECS);
		break;
	case __NR_sigprocmask:
	case __NR_rt_sigprocmask:
		sigprocmask(SIG_UNBLOCK, &alrm, NULL);
		break;
	case __NR_brk:
		syscall(__NR_brk, w.heap_end);
		break;
	case __NR_chdir:		/* relative paths must stay in the sandbox */
		if (chdir(FUZZ_DIR) < 0)
			_exit(EXIT_CWD);
		break;
	case __NR_pipe:
	case __NR_pipe2:
		if (ret == 0 && in_scratch(a[0], 2 * sizeof(int))) {
			set_nonblock(((int *)a[0])[0]);
			set_nonblock(((int *)a[0])[1]);
		}
		break;
	case __NR_open:			/* a new descriptor */
	case __NR_creat:
	case __NR_dup:
	case __NR_dup2:
		set_nonblock(ret);
		break;
	case __NR_fcntl:		/* F_DUPFD's, or flags changed */
	case __NR_ioctl:		/* FIONBIO */
		set_nonblock(ret);
		set_nonblock(a[0]);
		break;
	case __NR_msgget:
		remember_id(K_MSG, ret);
		break;
	case __NR_semget:
		remember_id(K_SEM, ret);
		break;
	case __NR_shmget:
		remember_id(K_SHM, ret);
		break;
	case __NR_shmat:
		if (ret != -1)
			w.recent_at[below(RECENT)] = (unsigned long)ret;
		break;
	}
}

/* Numbers outside the table, none of them a call that could leave the
 * test (exit, clone, vfork, reboot, the thread-signal calls). */
static long unknown_nr(void)
{
	static const long never[] = { __NR_exit, __NR_exit_group, 120, 190, 88,
				      238, 270, 178, 335, 26 };
	long nr = below(2) ? (long)below(460) : PICK(unknown_nrs);

	for (unsigned i = 0; i < sizeof(never) / sizeof(never[0]); i++)
		if (nr == never[i])
			return 999;
	for (int i = 0; i < NCALLS; i++)
		if (fuzz_calls[i].nr == nr)
			return 999;
	return nr;
}

static int total_weight;

static const struct fuzz_call *pick_call(void)
{
	int r = (int)below((unsigned)total_weight);

	for (int i = 0; i < NCALLS; i++) {
		r -= fuzz_calls[i].weight;
		if (r < 0)
			return &fuzz_calls[i];
	}
	return &fuzz_calls[0];
}

static bool board_ok(void)
{
	return board->canary == BOARD_CANARY && board->end_canary == BOARD_CANARY;
}

/*
 * sigreturn and rt_sigreturn load every register from the stack.  Called
 * from the fuzzer's own stack they would resume it anywhere in its code
 * with its own pointers in its registers (and write to the board, say).
 * So they are made on a frame of values that are all unmapped addresses,
 * bad or odd selectors and eflags: the kernel has to refuse the frame or
 * resume at a fault, and the worker dies either way.
 */
static const unsigned long bad_values[] = {
	0, 0x10, 0x1b, 0x23, 0x2b, 0x08, 0x3202, 0x1000, 0xfffffff0,
	KERNBASE_ADDR + PAGE,
};

static unsigned long *bad_frame(void)
{
	unsigned long *frame = (unsigned long *)(w.scratch + SCRATCH_SIZE / 2);

	for (int i = 0; i < FRAME_WORDS; i++)
		frame[i] = PICK(bad_values);
	return frame;
}

static _Noreturn void contained_sigreturn(struct slot *s, long nr)
{
	unsigned long *frame = bad_frame();

	s->nr = nr;
	s->in_call = 1;
	asm volatile("movl %0, %%esp\n\tint $0x80\n\tud2"
		     : : "r"(frame), "a"(nr) : "memory");
	__builtin_unreachable();
}

/*
 * Now and then a call is made with sysenter itself, not through the
 * vsyscall page, with ebp - where the kernel takes the stack pointer and
 * reads the sixth argument - at a frame of bad values or at a bad address
 * itself.  The call runs (its other arguments tamed); the way back
 * through the page pops those values and returns to one of them, so the
 * worker dies.
 */
static unsigned long *sysenter_ebp;

static _Noreturn void contained_sysenter(struct slot *s, long nr, const long *a)
{
	sysenter_ebp = below(2) ? bad_frame() : (unsigned long *)PICK(bad_values);
	s->nr = nr;
	for (int i = 0; i < 6; i++)
		s->args[i] = a[i];
	s->in_call = 1;
	asm volatile("movl sysenter_ebp, %%ebp\n\tsysenter\n\tud2"
		     : : "a"(nr), "b"(a[0]), "c"(a[1]), "d"(a[2]), "S"(a[3]), "D"(a[4])
		     : "memory");
	__builtin_unreachable();
}

static void fuzz_one(struct slot *s)
{
	const struct fuzz_call *c = NULL;
	const char *sig = FUZZ_SIG FUZZ_SIG FUZZ_SIG FUZZ_SIG FUZZ_SIG FUZZ_SIG;
	long nr, a[6] = { 0 }, ret;

	if (below(UNKNOWN_SHARE) == 0) {
		nr = unknown_nr();
	} else {
		c = pick_call();
		nr = c->nr;
		sig = c->sig;
	}
	if (nr == __NR_sigreturn || nr == __NR_rt_sigreturn)
		contained_sigreturn(s, nr);
	for (int i = 0; i < 6 && sig[i]; i++)
		a[i] = gen_arg(sig[i]);
	tame(nr, a);
	if (below(SYSENTER_SHARE) == 0)
		contained_sysenter(s, nr, a);
	s->nr = nr;
	for (int i = 0; i < 6; i++)
		s->args[i] = a[i];
	s->in_call = 1;
	if (!board_ok())
		_exit(EXIT_SEEN);		/* someone else broke the board */
	ret = syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	if (!board_ok())
		_exit(EXIT_CORRUPT);	/* most likely in this call */
	s->in_call = 0;
	after(nr, a, ret);
	s->calls++;
	s->succeeded += ret != -1;
}

/* The scratch area: the last SCRATCH_PAGES pages of the heap, with an
 * unmapped page after them. */
static void make_scratch(void)
{
	unsigned long end = (unsigned long)syscall(__NR_brk, 0);

	end = (end + PAGE - 1) / PAGE * PAGE + SCRATCH_SIZE;
	if ((unsigned long)syscall(__NR_brk, end) != end)
		_exit(EXIT_SETUP);
	w.heap_end = end;
	w.scratch = (char *)(end - SCRATCH_SIZE);
	for (unsigned i = 0; i < SCRATCH_SIZE; i++)
		w.scratch[i] = (char)rnd();
}

/* Descriptors 0-2 become /dev/null: the console stays out of reach. */
static void leave_console(void)
{
	int fd = open("/dev/null", O_RDWR);

	if (fd < 0)
		_exit(EXIT_SETUP);
	for (int i = 0; i < 3; i++)
		dup2(fd, i);
	if (fd > 2)
		close(fd);
}

static void become(int uid)
{
	if (uid != 0 && (setresgid(uid, uid, uid) < 0 || setresuid(uid, uid, uid) < 0))
		_exit(EXIT_SETUP);
}

static _Noreturn void worker(int slot)
{
	struct slot *s = &board->slots[slot];
	struct sigaction sa;

	memset(&w, 0, sizeof(w));
	w.slot = slot;
	w.pid = getpid();
	w.rng = mix(board->seed ^ mix((unsigned)slot * 0x9e3779b9u ^ (unsigned)ctl[slot].gen));
	for (int i = 0; i < NCALLS; i++)
		total_weight += fuzz_calls[i].weight;
	setpgid(0, 0);
	leave_console();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	become(ctl[slot].uid);
	make_scratch();
	alarm(ALARM_SECS);
	for (int i = 0; i < WORKER_LIFETIME && s->calls < ctl[slot].quota; i++)
		fuzz_one(s);
	_exit(0);
}

#endif
