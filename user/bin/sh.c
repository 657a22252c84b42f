/*
 * sh.c - the shell.
 *
 *   sh                 read commands from standard input (a prompt is shown
 *                      when standard input is a terminal)
 *   sh -c "COMMANDS"   run one command line, exit with its status
 *   sh FILE            run the lines of FILE, exit with the last status
 *
 * Each line goes through four stages, each in its own part of this file:
 *
 *   1. lex()       characters -> tokens: words, and the operators
 *                  | || & && ; < > >> >&.  Words stay as typed.
 *   2. parse()     tokens -> pipelines of commands, each command a list
 *                  of words and its redirections.
 *   3. expand_pipeline(), just before a pipeline runs: quotes are
 *                  removed and $NAME ${NAME} $? $$ replaced, giving the
 *                  argv of each command.
 *   4. run_list()  the pipelines run one after the other, joined by ';',
 *                  '&&' and '||'; a pipeline ending in '&' runs in the
 *                  background.
 *
 * The grammar (one line, no nesting):
 *
 *   list        := pipeline { joiner pipeline } [ ';' | '&' ]
 *   joiner      := ';' | '&' | '&&' | '||'
 *   pipeline    := command { '|' command }
 *   command     := { WORD | redirection }
 *   redirection := [DIGIT] ( '<' WORD | '>' WORD | '>>' WORD | '>&' DIGIT )
 *
 * Expanded values are not split into words and there is no globbing.
 *
 * Every pipeline runs in a process group of its own, led by its first
 * process.  That is the ground for job control, still to come: handing
 * the terminal to the foreground group with tcsetpgrp(), fg, bg, jobs,
 * and the shell ignoring Ctrl-C.  It would go in start_pipeline(),
 * run_child() and wait_foreground().
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_LINE	4096	/* bytes in a command line */
#define MAX_TOKENS	512	/* tokens in a command line */
#define WORD_POOL	4096	/* bytes for the expanded words of a line */
#define MAX_NAME	64	/* bytes in a variable name */
#define MAX_ARGS	32	/* words in one command */
#define MAX_REDIRS	4	/* redirections of one command */
#define MAX_CMDS	16	/* commands in one pipeline */
#define MAX_COMMANDS	64	/* commands in one line */
#define MAX_PIPELINES	64	/* pipelines in one line */
#define MAX_JOBS	16	/* background jobs at a time */
#define MAX_JOB_TEXT	128	/* bytes of a job's command line kept */
#define MAX_PATH	256
#define MAX_SIGNAL	32

#define DEFAULT_PATH	"/bin"
#define EXIT_SYNTAX	2	/* status of a line with a syntax error */
#define EXIT_NOEXEC	126	/* found, but could not be run */
#define EXIT_NOTFOUND	127	/* command not found */
#define EXIT_SIGNAL	128	/* 128 + n: killed by signal n */

extern char **environ;

static int last_status;		/* $? */
static int interactive;		/* reading a terminal: prompt, job notices */

/* ------------------------------------------------------------------ lexer */

enum token_type {
	T_WORD,
	T_PIPE,		/* |  */
	T_OR,		/* || */
	T_AMP,		/* &  */
	T_AND,		/* && */
	T_SEMI,		/* ;  */
	T_REDIR,	/* <  >  >>  >&N, maybe with an fd number in front */
};

enum redir_type {
	R_IN,		/* N<file   fd N (default 0) reads file */
	R_OUT,		/* N>file   fd N (default 1) writes file, truncated */
	R_APPEND,	/* N>>file  fd N (default 1) appends to file */
	R_DUP,		/* N>&M     fd N (default 1) becomes a copy of fd M */
};

struct token {
	enum token_type type;
	const char *src;	/* the token in the line, as typed ... */
	int len;		/* ... and its length there */
	enum redir_type redir;	/* T_REDIR: the kind */
	int fd;			/* T_REDIR: the fd redirected */
	int dup_fd;		/* T_REDIR, R_DUP: the fd copied */
};

struct lexer {
	const char *pos;	/* next character to read */
	struct token tokens[MAX_TOKENS];
	int ntokens;
};

static const struct {
	const char *text;
	enum token_type type;
} control_ops[] = {		/* longest first */
	{ "||", T_OR },
	{ "&&", T_AND },
	{ "|", T_PIPE },
	{ "&", T_AMP },
	{ ";", T_SEMI },
};

#define N_CONTROL_OPS	(sizeof(control_ops) / sizeof(control_ops[0]))

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Does a word end at c (unless it is quoted)? */
static int ends_word(char c)
{
	return c == '\0' || is_blank(c) || strchr("|&;<>", c);
}

static int is_redir_start(const char *s)
{
	if (isdigit((unsigned char)s[0]))
		s++;
	return *s == '<' || *s == '>';
}

/* The quote closing the one at s, or NULL.  Inside "...", \" is no end. */
static const char *closing_quote(const char *s)
{
	char quote = *s++;

	for (; *s && *s != quote; s++)
		if (quote == '"' && *s == '\\' && s[1] != '\0')
			s++;
	return *s ? s : NULL;
}

/*
 * A word runs up to an unquoted blank or operator.  Here its quotes are
 * only checked; expand_word() removes them when the command runs.
 */
static int lex_word(struct lexer *lx, struct token *t)
{
	const char *s = lx->pos;

	while (!ends_word(*s)) {
		if (*s == '\\' && s[1] != '\0') {
			s += 2;
		} else if (*s == '\'' || *s == '"') {
			const char *end = closing_quote(s);

			if (!end) {
				fprintf(stderr, "sh: missing closing %c\n", *s);
				return -1;
			}
			s = end + 1;
		} else {
			s++;
		}
	}
	t->type = T_WORD;
	lx->pos = s;
	return 0;
}

/* A redirection operator: [DIGIT] then < > >> or >&DIGIT. */
static int lex_redir(struct lexer *lx, struct token *t)
{
	const char *s = lx->pos;

	t->type = T_REDIR;
	t->fd = -1;
	if (isdigit((unsigned char)*s))
		t->fd = *s++ - '0';
	if (*s == '<') {
		t->redir = R_IN;
		s++;
	} else if (s[1] == '>') {
		t->redir = R_APPEND;
		s += 2;
	} else if (s[1] == '&') {
		if (!isdigit((unsigned char)s[2])) {
			fprintf(stderr, "sh: >& must be followed by an fd number\n");
			return -1;
		}
		t->redir = R_DUP;
		t->dup_fd = s[2] - '0';
		s += 3;
	} else {
		t->redir = R_OUT;
		s++;
	}
	if (t->fd < 0)
		t->fd = t->redir == R_IN ? STDIN_FILENO : STDOUT_FILENO;
	lx->pos = s;
	return 0;
}

/* One of the control operators | || & && ; (lex() saw its first char). */
static int lex_control(struct lexer *lx, struct token *t)
{
	unsigned int i;

	for (i = 0; i < N_CONTROL_OPS; i++) {
		size_t len = strlen(control_ops[i].text);

		if (strncmp(lx->pos, control_ops[i].text, len) == 0)
			break;
	}
	t->type = control_ops[i].type;
	lx->pos += strlen(control_ops[i].text);
	return 0;
}

/* Split line into lx->tokens; return 0, or -1 after reporting an error. */
static int lex(struct lexer *lx, const char *line)
{
	lx->pos = line;
	lx->ntokens = 0;
	for (;;) {
		struct token *t = &lx->tokens[lx->ntokens];
		int err;

		while (is_blank(*lx->pos))
			lx->pos++;
		if (*lx->pos == '\0' || *lx->pos == '#')	/* # comment */
			return 0;
		if (lx->ntokens == MAX_TOKENS) {
			fprintf(stderr, "sh: too many words\n");
			return -1;
		}
		t->src = lx->pos;
		if (is_redir_start(lx->pos))
			err = lex_redir(lx, t);
		else if (strchr("|&;", *lx->pos))
			err = lex_control(lx, t);
		else
			err = lex_word(lx, t);
		if (err)
			return -1;
		t->len = lx->pos - t->src;
		lx->ntokens++;
	}
}

/* ----------------------------------------------------------------- parser */

struct redir {
	enum redir_type type;
	int fd;
	int dup_fd;			/* R_DUP */
	const struct token *word;	/* the others: the file, as typed */
	char *path;			/* ... and expanded */
};

struct command {
	const struct token *words[MAX_ARGS];	/* as typed */
	int nwords;				/* 0 if only redirections */
	struct redir redirs[MAX_REDIRS];
	int nredirs;
	char *argv[MAX_ARGS + 1];	/* the words expanded, then NULL */
	int argc;
};

struct pipeline {
	struct command *cmds;	/* in parser.cmds */
	int ncmds;
	int background;		/* ended with & */
	enum token_type next;	/* what joins it to the next: ; & && || */
	const char *src;	/* its text in the line, for job reports */
	int len;
};

struct parser {
	const struct token *tokens;
	int ntokens;
	int i;			/* next token */
	struct command cmds[MAX_COMMANDS];
	int ncmds;
	struct pipeline pipes[MAX_PIPELINES];
	int npipes;
};

static int syntax_error(const struct parser *ps)
{
	if (ps->i < ps->ntokens)
		fprintf(stderr, "sh: syntax error near `%.*s'\n",
			ps->tokens[ps->i].len, ps->tokens[ps->i].src);
	else
		fprintf(stderr, "sh: syntax error at end of line\n");
	return -1;
}

static int parse_redir(struct parser *ps, struct command *c)
{
	const struct token *t = &ps->tokens[ps->i++];
	struct redir *r = &c->redirs[c->nredirs];

	if (c->nredirs == MAX_REDIRS) {
		fprintf(stderr, "sh: too many redirections\n");
		return -1;
	}
	r->type = t->redir;
	r->fd = t->fd;
	r->dup_fd = t->dup_fd;
	if (r->type != R_DUP) {
		if (ps->i == ps->ntokens || ps->tokens[ps->i].type != T_WORD)
			return syntax_error(ps);
		r->word = &ps->tokens[ps->i++];
	}
	c->nredirs++;
	return 0;
}

/* command := { WORD | redirection } */
static int parse_command(struct parser *ps, struct command *c)
{
	c->nwords = 0;
	c->nredirs = 0;
	while (ps->i < ps->ntokens) {
		const struct token *t = &ps->tokens[ps->i];

		if (t->type == T_REDIR) {
			if (parse_redir(ps, c) < 0)
				return -1;
		} else if (t->type == T_WORD) {
			if (c->nwords == MAX_ARGS) {
				fprintf(stderr, "sh: too many arguments\n");
				return -1;
			}
			c->words[c->nwords++] = t;
			ps->i++;
		} else {
			break;
		}
	}
	if (c->nwords == 0 && c->nredirs == 0)
		return syntax_error(ps);
	return 0;
}

/* pipeline := command { '|' command } */
static int parse_pipeline(struct parser *ps, struct pipeline *p)
{
	const struct token *first = &ps->tokens[ps->i];
	const struct token *last;

	p->cmds = &ps->cmds[ps->ncmds];
	p->ncmds = 0;
	p->background = 0;
	p->next = T_SEMI;
	for (;;) {
		if (p->ncmds == MAX_CMDS || ps->ncmds == MAX_COMMANDS) {
			fprintf(stderr, "sh: too many commands\n");
			return -1;
		}
		if (parse_command(ps, &ps->cmds[ps->ncmds++]) < 0)
			return -1;
		p->ncmds++;
		if (ps->i == ps->ntokens || ps->tokens[ps->i].type != T_PIPE)
			break;
		ps->i++;
	}
	last = &ps->tokens[ps->i - 1];
	p->src = first->src;
	p->len = last->src + last->len - first->src;
	return 0;
}

/* list := pipeline { joiner pipeline } [ ';' | '&' ] */
static int parse(struct parser *ps, const struct lexer *lx)
{
	ps->tokens = lx->tokens;
	ps->ntokens = lx->ntokens;
	ps->i = 0;
	ps->ncmds = 0;
	ps->npipes = 0;
	while (ps->i < ps->ntokens) {
		struct pipeline *p = &ps->pipes[ps->npipes];

		if (ps->npipes == MAX_PIPELINES) {
			fprintf(stderr, "sh: too many pipelines\n");
			return -1;
		}
		if (parse_pipeline(ps, p) < 0)
			return -1;
		ps->npipes++;
		if (ps->i == ps->ntokens)
			break;
		p->next = ps->tokens[ps->i++].type;	/* ; & && || */
		p->background = p->next == T_AMP;
		if ((p->next == T_AND || p->next == T_OR) &&
		    ps->i == ps->ntokens)
			return syntax_error(ps);
	}
	return 0;
}

/* -------------------------------------------------------------- expansion */

/*
 * Just before a pipeline runs, its words are expanded into the argv of
 * its commands: quotes are removed, $NAME ${NAME} $? $$ are replaced.
 * Doing it then, not when the line is read, lets `false; echo $?` see
 * the status of false.
 */
struct expander {
	char pool[WORD_POOL];	/* the expanded words, one after the other */
	int used;
	int overflow;		/* the pool was too small */
};

static void put(struct expander *ex, char c)
{
	if (ex->used < WORD_POOL)
		ex->pool[ex->used++] = c;
	else
		ex->overflow = 1;
}

static void put_string(struct expander *ex, const char *s)
{
	while (*s)
		put(ex, *s++);
}

static int is_name_char(char c, int first)
{
	return c == '_' || isalpha((unsigned char)c) ||
	       (!first && isdigit((unsigned char)c));
}

/* s is at a '$': put its value; return where the text after it starts. */
static const char *expand_dollar(struct expander *ex, const char *s)
{
	char name[MAX_NAME];
	char num[16];
	const char *value;
	int braced, n = 0;

	if (s[1] == '?' || s[1] == '$') {
		snprintf(num, sizeof(num), "%d",
			 s[1] == '?' ? last_status : (int)getpid());
		put_string(ex, num);
		return s + 2;
	}
	braced = s[1] == '{';
	s += 1 + braced;
	while (is_name_char(s[n], n == 0) && n < MAX_NAME - 1) {
		name[n] = s[n];
		n++;
	}
	name[n] = '\0';
	if (n == 0 || (braced && s[n] != '}')) {	/* a plain '$' */
		put(ex, '$');
		return s - braced;
	}
	value = getenv(name);
	if (value)
		put_string(ex, value);
	return s + n + braced;
}

/* The text between double quotes: $ expands; \" \\ \$ stand for " \ $. */
static void expand_double(struct expander *ex, const char *s, const char *end)
{
	while (s < end) {
		if (*s == '$') {
			s = expand_dollar(ex, s);
			continue;
		}
		if (*s == '\\' && s + 1 < end && strchr("\"\\$", s[1]))
			s++;
		put(ex, *s++);
	}
}

/* Expand word t; return it, or NULL if it vanished (unquoted, empty). */
static char *expand_word(struct expander *ex, const struct token *t)
{
	const char *s = t->src;
	const char *end = t->src + t->len;
	const char *close;
	int start = ex->used;
	int quoted = 0;

	while (s < end) {
		switch (*s) {
		case '\'':		/* 'text': taken as it is */
			quoted = 1;
			for (close = closing_quote(s), s++; s < close; s++)
				put(ex, *s);
			s++;
			break;
		case '"':
			quoted = 1;
			close = closing_quote(s);
			expand_double(ex, s + 1, close);
			s = close + 1;
			break;
		case '\\':		/* \c: c taken as it is */
			quoted = 1;
			if (++s < end)
				put(ex, *s++);
			break;
		case '$':
			s = expand_dollar(ex, s);
			break;
		default:
			put(ex, *s++);
		}
	}
	put(ex, '\0');
	if (!quoted && ex->used - start == 1) {
		ex->used = start;
		return NULL;
	}
	return ex->pool + start;
}

/* Fill c->argv and the paths of c's redirections. */
static int expand_command(struct expander *ex, struct command *c)
{
	int i;

	c->argc = 0;
	for (i = 0; i < c->nwords; i++) {
		char *word = expand_word(ex, c->words[i]);

		if (word)
			c->argv[c->argc++] = word;
	}
	c->argv[c->argc] = NULL;
	for (i = 0; i < c->nredirs; i++) {
		struct redir *r = &c->redirs[i];

		if (r->type != R_DUP) {
			r->path = expand_word(ex, r->word);
			if (!r->path)
				r->path = "";
		}
	}
	if (ex->overflow) {
		fprintf(stderr, "sh: command too long\n");
		return -1;
	}
	return 0;
}

static int expand_pipeline(struct pipeline *p)
{
	static struct expander ex;
	int i;

	ex.used = 0;
	ex.overflow = 0;
	for (i = 0; i < p->ncmds; i++)
		if (expand_command(&ex, &p->cmds[i]) < 0)
			return -1;
	return 0;
}

/* ------------------------------------------------------- status reports */

static const char *const signal_text[MAX_SIGNAL] = {
	[SIGHUP] = "Hangup",
	[SIGINT] = "Interrupt",
	[SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction",
	[SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted",
	[SIGBUS] = "Bus error",
	[SIGFPE] = "Floating point exception",
	[SIGKILL] = "Killed",
	[SIGUSR1] = "User defined signal 1",
	[SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User defined signal 2",
	[SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock",
	[SIGTERM] = "Terminated",
	[SIGXCPU] = "CPU time limit exceeded",
	[SIGXFSZ] = "File size limit exceeded",
	[SIGSYS] = "Bad system call",
};

/* Print how signal sig ended a process, with prefix and suffix around. */
static void print_signal(const char *prefix, int sig, const char *suffix)
{
	if (sig < MAX_SIGNAL && signal_text[sig])
		fprintf(stderr, "%s%s%s", prefix, signal_text[sig], suffix);
	else
		fprintf(stderr, "%sSignal %d%s", prefix, sig, suffix);
}

/* Turn a wait status into a $? value. */
static int exit_code(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return EXIT_SIGNAL + WTERMSIG(status);
	return 1;
}

/* ------------------------------------------------------------------- jobs */

struct job {
	int id;			/* shown as [id]; 0 = free slot */
	pid_t pids[MAX_CMDS];	/* its processes, 0 once reaped */
	int nprocs;
	int nlive;		/* not reaped yet */
	int status;		/* wait status of its last process */
	char text[MAX_JOB_TEXT];	/* the command line, for the report */
};

static struct job jobs[MAX_JOBS];

static void add_job(const struct pipeline *p, const pid_t *pids, int n)
{
	int i;

	for (i = 0; i < MAX_JOBS && jobs[i].id; i++)
		;
	if (i == MAX_JOBS) {
		fprintf(stderr, "sh: too many jobs; this one is not tracked\n");
		return;
	}
	jobs[i].id = i + 1;
	memcpy(jobs[i].pids, pids, n * sizeof(pids[0]));
	jobs[i].nprocs = n;
	jobs[i].nlive = n;
	jobs[i].status = 0;
	snprintf(jobs[i].text, sizeof(jobs[i].text), "%.*s", p->len, p->src);
	if (interactive)
		fprintf(stderr, "[%d] %d\n", jobs[i].id, (int)pids[n - 1]);
}

static void report_job(const struct job *j)
{
	char prefix[16];

	snprintf(prefix, sizeof(prefix), "[%d] ", j->id);
	if (WIFSIGNALED(j->status))
		print_signal(prefix, WTERMSIG(j->status), "");
	else if (exit_code(j->status) == 0)
		fprintf(stderr, "%sDone", prefix);
	else
		fprintf(stderr, "%sExit %d", prefix, exit_code(j->status));
	fprintf(stderr, "  %s\n", j->text);
}

/* Process pid of a background job ended with status. */
static void job_process_done(pid_t pid, int status)
{
	int i, k;

	for (i = 0; i < MAX_JOBS; i++) {
		struct job *j = &jobs[i];

		for (k = 0; j->id && k < j->nprocs; k++) {
			if (j->pids[k] != pid)
				continue;
			j->pids[k] = 0;
			if (k == j->nprocs - 1)
				j->status = status;
			if (--j->nlive == 0) {
				if (interactive)
					report_job(j);
				j->id = 0;
			}
			return;
		}
	}
}

/*
 * Reap ended background processes.  flags WNOHANG: only those already
 * ended (before each prompt); 0: wait until every child has ended.
 */
static void reap_jobs(int flags)
{
	pid_t pid;
	int status;

	while ((pid = waitpid(-1, &status, flags)) > 0)
		job_process_done(pid, status);
}

/* ------------------------------------------------------------- builtins */

static int builtin_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : getenv("HOME");

	if (!dir || !*dir)
		dir = "/";
	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	return 0;
}

static int builtin_exit(int argc, char **argv)
{
	char *end;
	long code = last_status;

	if (argc > 1) {
		code = strtol(argv[1], &end, 10);
		if (*argv[1] == '\0' || *end != '\0') {
			fprintf(stderr, "sh: exit: %s: numeric argument required\n",
				argv[1]);
			code = EXIT_SYNTAX;
		}
	}
	exit(code & 0xff);
}

static int is_valid_name(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!is_name_char(s[i], i == 0))
			return 0;
	return len > 0;
}

/* export NAME=VALUE...: put variables in the environment of commands. */
static int builtin_export(int argc, char **argv)
{
	int i, status = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: export NAME=VALUE...\n");
		return EXIT_SYNTAX;
	}
	for (i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');

		if (!eq || !is_valid_name(argv[i], eq - argv[i])) {
			fprintf(stderr, "sh: export: `%s': not NAME=VALUE\n",
				argv[i]);
			status = 1;
			continue;
		}
		*eq = '\0';
		if (setenv(argv[i], eq + 1, 1) < 0)
			status = 1;
		*eq = '=';
	}
	return status;
}

/* wait: wait for every background job to end. */
static int builtin_wait(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	reap_jobs(0);
	return 0;
}

static const struct builtin {
	const char *name;
	int (*fn)(int argc, char **argv);
} builtins[] = {
	{ "cd", builtin_cd },
	{ "exit", builtin_exit },
	{ "export", builtin_export },
	{ "wait", builtin_wait },
};

#define N_BUILTINS	(sizeof(builtins) / sizeof(builtins[0]))

static const struct builtin *find_builtin(const struct command *c)
{
	unsigned int i;

	for (i = 0; c->argc > 0 && i < N_BUILTINS; i++)
		if (strcmp(c->argv[0], builtins[i].name) == 0)
			return &builtins[i];
	return NULL;
}

/* ------------------------------------------------------------ execution */

/*
 * Carry out the redirections of c in this process.  If saved is not
 * NULL, keep there a copy of each fd before it is replaced (-1 if it was
 * not open), for restore_redirs().
 */
static int apply_redirs(const struct command *c, int *saved)
{
	static const int open_flags[] = {
		[R_IN] = O_RDONLY,
		[R_OUT] = O_WRONLY | O_CREAT | O_TRUNC,
		[R_APPEND] = O_WRONLY | O_CREAT | O_APPEND,
	};
	int i, fd;

	for (i = 0; i < c->nredirs; i++) {
		const struct redir *r = &c->redirs[i];

		if (saved)
			saved[i] = dup(r->fd);
		if (r->type == R_DUP) {
			if (dup2(r->dup_fd, r->fd) < 0) {
				fprintf(stderr, "sh: %d: %s\n", r->dup_fd,
					strerror(errno));
				return -1;
			}
			continue;
		}
		fd = open(r->path, open_flags[r->type], 0666);
		if (fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", r->path, strerror(errno));
			return -1;
		}
		if (fd != r->fd) {
			dup2(fd, r->fd);
			close(fd);
		}
	}
	return 0;
}

#define NOT_SAVED	(-2)	/* apply_redirs() did not get that far */

/* Undo apply_redirs(c, saved), last redirection first. */
static void restore_redirs(const struct command *c, const int *saved)
{
	int i;

	for (i = c->nredirs - 1; i >= 0; i--) {
		if (saved[i] == NOT_SAVED)
			continue;
		if (saved[i] < 0) {
			close(c->redirs[i].fd);
		} else {
			dup2(saved[i], c->redirs[i].fd);
			close(saved[i]);
		}
	}
}

/* A builtin alone in the foreground runs in the shell itself. */
static int run_builtin_here(const struct builtin *b, struct command *c)
{
	int saved[MAX_REDIRS];
	int i, status = 1;

	for (i = 0; i < c->nredirs; i++)
		saved[i] = NOT_SAVED;
	if (apply_redirs(c, saved) == 0)
		status = b->fn(c->argc, c->argv);
	restore_redirs(c, saved);
	return status;
}

/* execve() name, searched in $PATH unless it contains a '/'. */
static void exec_command(char **argv)
{
	const char *name = argv[0];
	const char *dirs = getenv("PATH");
	char path[MAX_PATH];
	int err = ENOENT;

	if (strchr(name, '/')) {
		execve(name, argv, environ);
		fprintf(stderr, "sh: %s: %s\n", name, strerror(errno));
		_exit(errno == ENOENT ? EXIT_NOTFOUND : EXIT_NOEXEC);
	}
	if (!dirs || !*dirs)
		dirs = DEFAULT_PATH;
	while (*dirs) {
		int len = strcspn(dirs, ":");

		if (len == 0)
			snprintf(path, sizeof(path), "./%s", name);
		else
			snprintf(path, sizeof(path), "%.*s/%s", len, dirs,
				 name);
		execve(path, argv, environ);
		if (errno != ENOENT)
			err = errno;	/* found, but could not run it */
		dirs += len;
		if (*dirs == ':')
			dirs++;
	}
	if (err == ENOENT) {
		fprintf(stderr, "sh: %s: command not found\n", name);
		_exit(EXIT_NOTFOUND);
	}
	fprintf(stderr, "sh: %s: %s\n", name, strerror(err));
	_exit(EXIT_NOEXEC);
}

/*
 * In the child for command c of a pipeline: join process group pgid (0:
 * start one), take standard input from in_fd and standard output from
 * out_fd (-1: keep the shell's), then run c.  Never returns.
 */
static void run_child(struct command *c, pid_t pgid, int in_fd, int out_fd,
		      int unused_fd)
{
	const struct builtin *b;

	setpgid(0, pgid);
	if (in_fd >= 0) {
		dup2(in_fd, STDIN_FILENO);
		close(in_fd);
	}
	if (out_fd >= 0) {
		dup2(out_fd, STDOUT_FILENO);
		close(out_fd);
	}
	if (unused_fd >= 0)
		close(unused_fd);
	if (apply_redirs(c, NULL) < 0)
		_exit(1);
	if (c->argc == 0)
		_exit(0);
	b = find_builtin(c);
	if (b)
		_exit(b->fn(c->argc, c->argv));
	exec_command(c->argv);
}

/*
 * Fork one process per command, each reading the pipe from the one
 * before.  Return how many were started (fewer than p->ncmds if pipe()
 * or fork() failed).
 */
static int start_pipeline(struct pipeline *p, pid_t *pids)
{
	pid_t pgid = 0;		/* the group, once its first process exists */
	int in_fd = -1;		/* read end of the pipe from the previous one */
	int i;

	for (i = 0; i < p->ncmds; i++) {
		int pipefd[2] = { -1, -1 };
		int last = i == p->ncmds - 1;

		if (!last && pipe(pipefd) < 0) {
			perror("sh: pipe");
			break;
		}
		pids[i] = fork();
		if (pids[i] == 0)
			run_child(&p->cmds[i], pgid, in_fd, pipefd[1],
				  pipefd[0]);
		if (pids[i] < 0) {
			perror("sh: fork");
			close(pipefd[0]);
			close(pipefd[1]);
			break;
		}
		/* Also here, so the group exists before the next fork. */
		if (pgid == 0)
			pgid = pids[i];
		setpgid(pids[i], pgid);
		if (in_fd >= 0)
			close(in_fd);
		if (!last)
			close(pipefd[1]);
		in_fd = pipefd[0];
	}
	if (in_fd >= 0)
		close(in_fd);
	return i;
}

/* Wait for the n processes of a foreground pipeline; return its $?. */
static int wait_foreground(const pid_t *pids, int n)
{
	int i, status = 0;

	for (i = 0; i < n; i++) {
		int st = 0;

		while (waitpid(pids[i], &st, 0) < 0 && errno == EINTR)
			;
		if (i == n - 1)
			status = st;
	}
	if (WIFSIGNALED(status)) {
		if (WTERMSIG(status) == SIGINT)
			fputc('\n', stderr);
		else if (WTERMSIG(status) != SIGPIPE)
			print_signal("", WTERMSIG(status), "\n");
	}
	return exit_code(status);
}

static int run_pipeline(struct pipeline *p)
{
	const struct builtin *b;
	pid_t pids[MAX_CMDS];
	int n, status;

	if (expand_pipeline(p) < 0)
		return 1;
	b = find_builtin(&p->cmds[0]);
	if (b && p->ncmds == 1 && !p->background)
		return run_builtin_here(b, &p->cmds[0]);
	n = start_pipeline(p, pids);
	if (n == 0)
		return 1;
	if (p->background) {
		add_job(p, pids, n);
		return 0;
	}
	status = wait_foreground(pids, n);
	return n < p->ncmds ? 1 : status;
}

/* Run the pipelines of a line, minding && and ||. */
static void run_list(struct pipeline *pipes, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		enum token_type joiner = i > 0 ? pipes[i - 1].next : T_SEMI;

		if (joiner == T_AND && last_status != 0)
			continue;
		if (joiner == T_OR && last_status == 0)
			continue;
		last_status = run_pipeline(&pipes[i]);
	}
}

static void run_line(const char *line)
{
	static struct lexer lx;
	static struct parser ps;

	if (lex(&lx, line) < 0 || parse(&ps, &lx) < 0) {
		last_status = EXIT_SYNTAX;
		return;
	}
	run_list(ps.pipes, ps.npipes);
}

/* ------------------------------------------------------------ main loop */

/* Where command lines come from: a file, or the string of sh -c. */
struct input {
	int fd;
	const char *text;	/* if not NULL, read this instead of fd */
};

/*
 * The next character of in, or -1 at its end.  A file is read a byte at
 * a time, so that the commands the shell starts find their input right
 * after the line it read (as in `sh < script`).
 */
static int next_char(struct input *in)
{
	unsigned char c;

	if (in->text)
		return *in->text ? (unsigned char)*in->text++ : -1;
	return read(in->fd, &c, 1) == 1 ? c : -1;
}

/* Is a quote left open at the end of s?  Then the next line goes on. */
static int quote_open(const char *s)
{
	int word_start = 1;

	while (*s) {
		if (word_start && *s == '#')	/* a comment */
			return 0;
		word_start = ends_word(*s);
		if (*s == '\\' && s[1] != '\0') {
			s += 2;
		} else if (*s == '\'' || *s == '"') {
			s = closing_quote(s);
			if (!s)
				return 1;
			s++;
		} else {
			s++;
		}
	}
	return 0;
}

/*
 * Read a command line into buf, without its newline: one line, and more
 * while a quote is open.  Return 0, or -1 at the end of the input.
 */
static int read_command(struct input *in, char *buf, int size)
{
	int n = 0, c;

	while ((c = next_char(in)) >= 0) {
		if (c == '\n') {
			buf[n] = '\0';
			if (!quote_open(buf))
				return 0;
			if (interactive)
				fprintf(stderr, "> ");
		}
		if (n == size - 1) {
			fprintf(stderr, "sh: line too long\n");
			while (c >= 0 && c != '\n')
				c = next_char(in);
			n = 0;
			break;
		}
		buf[n++] = c;
	}
	buf[n] = '\0';
	return c < 0 && n == 0 ? -1 : 0;
}

static void print_prompt(void)
{
	char cwd[MAX_PATH];

	if (!getcwd(cwd, sizeof(cwd)))
		strcpy(cwd, "?");
	fprintf(stderr, "%s $ ", cwd);
}

static int run_input(struct input *in)
{
	char line[MAX_LINE];

	for (;;) {
		reap_jobs(WNOHANG);
		if (interactive)
			print_prompt();
		if (read_command(in, line, sizeof(line)) < 0)
			break;
		run_line(line);
	}
	if (interactive)
		fprintf(stderr, "exit\n");
	return last_status;
}

int main(int argc, char **argv)
{
	struct input in = { STDIN_FILENO, NULL };

	if (argc > 1 && strcmp(argv[1], "-c") == 0) {
		if (argc < 3) {
			fprintf(stderr, "usage: sh [-c COMMANDS | FILE]\n");
			return EXIT_SYNTAX;
		}
		in.text = argv[2];
	} else if (argc > 1) {
		in.fd = open(argv[1], O_RDONLY);
		if (in.fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
			return EXIT_NOTFOUND;
		}
	} else {
		interactive = isatty(STDIN_FILENO);
	}
	return run_input(&in);
}
