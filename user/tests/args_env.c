/*
 * args_env - execve hands the new program exactly the argv and envp it
 * was given, and refuses argument lists that are too big with E2BIG.
 *
 * The test execs itself (in a child) with a marker as argv[1].  The new
 * image checks argc, every argv string (empty ones, spaces, a long one),
 * the NULL after argv, the environment in main's envp and in environ
 * (order, empty values, values with '='), getenv, the auxiliary vector's
 * AT_PAGESZ, and that the strings are writable; it exits 0 if all is
 * right.  A second exec passes an empty environment.  Argument lists of
 * more than ARG_LIMIT bytes (this kernel's limit; Linux allows more)
 * must fail with E2BIG, in argv or in envp, as must one string longer
 * than Linux's 128 KiB per-string limit; a list just under the limit
 * must work.
 */
#include "test.h"

#define MARK_FULL	"--args-env-full"
#define MARK_EMPTY_ENV	"--args-env-empty-env"
#define MARK_BIG	"--args-env-big"
#define EXIT_BAD_IMAGE	200	/* the new image found something wrong */
#define LONG_ARG_LEN	3000
#define ARG_LIMIT	(64 * 1024)	/* bytes of argument and env strings */
#define CHUNK_LEN	2048		/* one string of a big list */
#define MAX_CHUNKS	48		/* 96 KiB: well over ARG_LIMIT */
#define UNDER_LIMIT	(ARG_LIMIT - 4096)
#define HUGE_ARG_LEN	(200 * 1024)	/* over Linux's MAX_ARG_STRLEN too */
#define AT_NULL		0
#define AT_PAGESZ	6
#define PAGE_SIZE	4096

static const char *self_path;
static char long_arg[LONG_ARG_LEN + 1];
static char chunk[CHUNK_LEN];
static char huge_arg[HUGE_ARG_LEN + 1];

static char *const full_env[] = {
	"ARGS_ENV_A=1", "ARGS_ENV_EMPTY=", "ARGS_ENV_EQ=x=y=z", "ARGS_ENV_NOEQ",
	"PATH=/bin", NULL,
};

static void expect_str(const char *what, const char *got, const char *expected)
{
	if (!got || !expected ? got != expected : strcmp(got, expected) != 0)
		FAIL("%s (got \"%.80s\", expected \"%.80s\")", what,
		     got ? got : "(null)", expected ? expected : "(null)");
}

static void make_strings(void)
{
	memset(long_arg, 'L', LONG_ARG_LEN);
	memset(chunk, 'c', CHUNK_LEN - 1);
	memset(huge_arg, 'H', HUGE_ARG_LEN);
}

/* The argv the full exec passes; argv[0] is filled in at run time. */
static char *full_argv[] = {
	NULL, MARK_FULL, "", "two words", "tab\there", "\xc3\xa9t\xc3\xa9",
	long_arg, "last", NULL,
};

#define FULL_ARGC	((int)(sizeof(full_argv) / sizeof(full_argv[0])) - 1)

static void check_vector(const char *what, char **got, char *const *expected, int n)
{
	char name[64];

	for (int i = 0; i <= n; i++) {
		snprintf(name, sizeof(name), "%s[%d]", what, i);
		expect_str(name, got[i], expected[i]);
	}
}

static void check_auxv(char **envp)
{
	unsigned long *aux;

	while (*envp)
		envp++;
	for (aux = (unsigned long *)(envp + 1); aux[0] != AT_NULL; aux += 2)
		if (aux[0] == AT_PAGESZ)
			break;
	CHECK_EQ("auxiliary vector AT_PAGESZ",
		 aux[0] == AT_PAGESZ ? (long)aux[1] : -1, PAGE_SIZE);
}

/* In the new image started with MARK_FULL. */
static int check_full_image(int argc, char **argv, char **envp)
{
	full_argv[0] = argv[0];
	if (argc != FULL_ARGC)
		FAIL("argc: got %d, expected %d", argc, FULL_ARGC);
	else
		check_vector("argv", argv, full_argv, FULL_ARGC);
	check_vector("envp", envp, full_env, 5);
	CHECK_EQ("environ is main's envp", (long)environ, (long)envp);
	expect_str("getenv ARGS_ENV_A", getenv("ARGS_ENV_A"), "1");
	expect_str("getenv ARGS_ENV_EMPTY", getenv("ARGS_ENV_EMPTY"), "");
	expect_str("getenv ARGS_ENV_EQ", getenv("ARGS_ENV_EQ"), "x=y=z");
	expect_str("getenv ARGS_ENV_NOEQ", getenv("ARGS_ENV_NOEQ"), NULL);
	expect_str("getenv ARGS_ENV_MISSING", getenv("ARGS_ENV_MISSING"), NULL);
	check_auxv(envp);
	*(volatile char *)argv[argc - 1] = 'L';	/* strings are writable */
	return failures ? EXIT_BAD_IMAGE : 0;
}

/* What a new image does; -1 if argv carries no marker (the parent). */
static int run_as_image(int argc, char **argv, char **envp)
{
	if (argc < 2)
		return -1;
	if (!strcmp(argv[1], MARK_FULL))
		return check_full_image(argc, argv, envp);
	if (!strcmp(argv[1], MARK_EMPTY_ENV)) {
		CHECK(argc == 2 && !envp[0] && !environ[0],
		      "empty-env exec: argc %d (expected 2) or an env string",
		      argc);
		return failures ? EXIT_BAD_IMAGE : 0;
	}
	if (!strcmp(argv[1], MARK_BIG))
		return 0;	/* an exec the parent expected to fail */
	return -1;
}

/* Exec self in a child; returns its exit code: 0 if the image was
 * happy, EXIT_BAD_IMAGE if not, or the errno of a failed execve. */
static int exec_child(char *const argv[], char *const envp[])
{
	int status;
	pid_t pid = test_fork();

	if (pid == 0) {
		execve(self_path, argv, envp);
		_exit(errno);
	}
	status = wait_status(pid);
	if (status == -1) {
		FAIL("waitpid");
		return -1;
	}
	if (!WIFEXITED(status)) {
		FAIL("exec'd child killed by signal %d", WTERMSIG(status));
		return -1;
	}
	return WEXITSTATUS(status);
}

/* argv or envp (the other empty) with n chunks; room for MAX_CHUNKS. */
static void fill_list(char **list, int first, int n)
{
	int i;

	for (i = 0; i < n; i++)
		list[first + i] = chunk;
	list[first + i] = NULL;
}

static void check_limits(void)
{
	static char *argv[MAX_CHUNKS + 3], *envp[MAX_CHUNKS + 1];
	char *no_env[] = { NULL };

	argv[0] = (char *)self_path;
	argv[1] = MARK_BIG;
	fill_list(argv, 2, UNDER_LIMIT / CHUNK_LEN);
	CHECK_EQ("exec with a list just under 64 KiB: exit code", exec_child(argv, no_env), 0);
	fill_list(argv, 2, MAX_CHUNKS);
	CHECK_EQ("exec with over 64 KiB of argv: errno", exec_child(argv, no_env), E2BIG);
	fill_list(argv, 2, 0);
	fill_list(envp, 0, MAX_CHUNKS);
	CHECK_EQ("exec with over 64 KiB of envp: errno", exec_child(argv, envp), E2BIG);
	argv[2] = huge_arg;
	argv[3] = NULL;
	CHECK_EQ("exec with a 200 KiB argument: errno", exec_child(argv, no_env), E2BIG);
}

int main(int argc, char **argv, char **envp)
{
	char *empty_argv[] = { argv[0], MARK_EMPTY_ENV, NULL };
	char *no_env[] = { NULL };
	int image;

	make_strings();
	image = run_as_image(argc, argv, envp);
	if (image >= 0)
		return image;
	self_path = argv[0];
	full_argv[0] = argv[0];
	CHECK_EQ("full exec: exit code", exec_child(full_argv, full_env), 0);
	CHECK_EQ("empty environment exec: exit code", exec_child(empty_argv, no_env), 0);
	check_limits();
	return test_done("args_env");
}
