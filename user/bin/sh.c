/*
 * sh.c - the shell.
 *
 *   sh                 read commands from standard input (a prompt is shown
 *                      when standard input is a terminal)
 *   sh -c "COMMANDS" [NAME [ARG]...]
 *                      run the commands, exit with the last status; NAME
 *                      and the ARGs become $0, $1...
 *   sh FILE [ARG]...   run the lines of FILE (FILE is $0, ARG $1...)
 *
 * Each line goes through four stages, each in its own part of this file:
 *
 *   1. lex()       characters -> tokens: words, and the operators
 *                  | || & && ; < > >> >&.  Words stay as typed.
 *   2. parse()     tokens -> pipelines of commands, each command a list
 *                  of words and its redirections.
 *   3. expand_pipeline(), just before a pipeline runs: quotes are
 *                  removed and $NAME ${NAME} $? $$ $0..$9 replaced,
 *                  giving the argv of each command.
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
 * Each pipeline the shell starts is a job.  When standard input is a
 * terminal the shell is interactive and does job control as bash does:
 * every job runs in a process group of its own, and the terminal's
 * foreground group is the job in the foreground, so Ctrl-C and Ctrl-Z
 * reach that job and not the shell (see "jobs" below).  fg, bg, jobs
 * and kill work on jobs named %1, %2...  An interactive shell also reads
 * its lines with a small line editor, which has a history (see "line
 * editor").
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "signames.h"

#define MAX_LINE	4096	/* bytes in a command line */
#define MAX_TOKENS	512	/* tokens in a command line */
#define WORD_POOL	4096	/* bytes for the expanded words of a pipeline */
#define MAX_NAME	64	/* bytes in a variable name */
#define MAX_ARGS	32	/* words in one command */
#define MAX_REDIRS	4	/* redirections of one command */
#define MAX_CMDS	16	/* commands in one pipeline */
#define MAX_COMMANDS	64	/* commands in one line */
#define MAX_PIPELINES	64	/* pipelines in one line */
#define MAX_JOBS	16	/* jobs at a time */
#define MAX_JOB_TEXT	128	/* bytes of a job's command line kept */
#define MAX_PATH	256
#define HISTORY_SIZE	32	/* lines the line editor remembers */

#define DEFAULT_PATH	"/bin"
#define FILE_MODE	0666	/* of files made by >, less the umask */
#define EXIT_SYNTAX	2	/* status of a line with a syntax error */
#define EXIT_NOEXEC	126	/* found, but could not be run */
#define EXIT_NOTFOUND	127	/* command not found */
#define EXIT_SIGNAL	128	/* 128 + n: killed (or stopped) by signal n */

extern char **environ;

static int last_status;		/* $? */
static int interactive;		/* reading a terminal: job control, editor */
static struct termios shell_modes;	/* the terminal's modes, as found */
static char **params;		/* $0 $1 ... $9 */
static int nparams;

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
	const char *path;		/* ... and expanded */
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
	struct redir *r;

	if (c->nredirs == MAX_REDIRS) {
		fprintf(stderr, "sh: too many redirections\n");
		return -1;
	}
	r = &c->redirs[c->nredirs];
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
 * its commands: quotes are removed, $NAME ${NAME} $? $$ $0..$9 replaced.
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
	if (isdigit((unsigned char)s[1])) {
		if (s[1] - '0' < nparams)
			put_string(ex, params[s[1] - '0']);
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

/* Turn a wait status into a $? value. */
static int exit_code(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return EXIT_SIGNAL + WTERMSIG(status);
	if (WIFSTOPPED(status))
		return EXIT_SIGNAL + WSTOPSIG(status);
	return 1;
}

/* ------------------------------------------------------------------- jobs */

/*
 * A job is a pipeline the shell started, in the foreground or in the
 * background (&).  The shell learns what its processes do from
 * waitpid(): with WUNTRACED it also hears of a process that stopped,
 * with WCONTINUED of one that was continued.
 *
 * Job control (interactive shells only): each job gets a process group
 * of its own, led by its first process.  The terminal sends the signals
 * of Ctrl-C, Ctrl-\ and Ctrl-Z to its foreground group, and stops a
 * process of another group that reads it (SIGTTIN).  So the shell gives
 * the terminal to the job it runs in the foreground (tcsetpgrp) and
 * takes it back when the job ends or stops.  The shell itself ignores
 * those signals; its children set them back to the default.
 *
 * As in bash, the current job (%+, the default of fg and bg) is the one
 * that stopped last or, if none is stopped, the one started last; the
 * previous job (%-) comes next by the same rule.
 */
enum proc_state { P_RUNNING, P_STOPPED, P_DONE };

struct job {
	int id;				/* shown as [id]; 0 = free slot */
	pid_t pgid;			/* its group (0: no job control) */
	int nprocs;			/* its processes: */
	pid_t pids[MAX_CMDS];
	enum proc_state state[MAX_CMDS];
	int status[MAX_CMDS];		/* the last wait status of each */
	unsigned int order;		/* when it was started or stopped */
	int changed;			/* it stopped or ended: report it */
	char text[MAX_JOB_TEXT];	/* the command line, for reports */
};

static struct job jobs[MAX_JOBS];
static unsigned int job_clock;		/* counts job starts and stops */

#define STATUS_WIDTH	24	/* "Stopped" and such, padded as by bash */

/* The signals an interactive shell ignores and its children do not. */
static const int job_signals[] = {
	SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU,
};

#define N_JOB_SIGNALS	(sizeof(job_signals) / sizeof(job_signals[0]))

static void set_job_signals(sighandler_t action)
{
	unsigned int i;

	for (i = 0; i < N_JOB_SIGNALS; i++)
		signal(job_signals[i], action);
}

/* A free slot for a job that runs p, or NULL if there is none. */
static struct job *new_job(const struct pipeline *p)
{
	struct job *j;
	int i;

	for (i = 0; i < MAX_JOBS && jobs[i].id; i++)
		;
	if (i == MAX_JOBS) {
		fprintf(stderr, "sh: too many jobs\n");
		return NULL;
	}
	j = &jobs[i];
	memset(j, 0, sizeof(*j));
	j->id = i + 1;
	j->order = ++job_clock;
	snprintf(j->text, sizeof(j->text), "%.*s", p->len, p->src);
	return j;
}

/*
 * A job runs while one of its processes runs; else it is stopped while
 * one of them is stopped; else it is done.
 */
static enum proc_state job_state(const struct job *j)
{
	enum proc_state state = P_DONE;
	int i;

	for (i = 0; i < j->nprocs; i++) {
		if (j->state[i] == P_RUNNING)
			return P_RUNNING;
		if (j->state[i] == P_STOPPED)
			state = P_STOPPED;
	}
	return state;
}

/* Note what waitpid() said of process pid. */
static void update_job(pid_t pid, int status)
{
	enum proc_state before, now;
	struct job *j;
	int i, k;

	for (i = 0; i < MAX_JOBS; i++) {
		j = &jobs[i];
		for (k = 0; j->id && k < j->nprocs; k++) {
			if (j->pids[k] != pid)
				continue;
			before = job_state(j);
			j->status[k] = status;
			if (WIFSTOPPED(status))
				j->state[k] = P_STOPPED;
			else if (WIFCONTINUED(status))
				j->state[k] = P_RUNNING;
			else
				j->state[k] = P_DONE;
			now = job_state(j);
			if (now != before)	/* report stops and ends */
				j->changed = now != P_RUNNING;
			if (now == P_STOPPED && before != P_STOPPED)
				j->order = ++job_clock;
			return;
		}
	}
}

/*
 * Hear of one child that ended, stopped or was continued.  flags 0:
 * wait for that; WNOHANG: only if it already happened.  Return -1 if
 * there was nothing to hear.
 */
static int wait_children(int flags)
{
	pid_t pid;
	int status;

	do
		pid = waitpid(-1, &status, flags | WUNTRACED | WCONTINUED);
	while (pid < 0 && errno == EINTR);
	if (pid <= 0)
		return -1;
	update_job(pid, status);
	return 0;
}

/* Does job a come before job b as the current job? */
static int ranks_above(const struct job *a, const struct job *b)
{
	int a_stopped = job_state(a) == P_STOPPED;
	int b_stopped = job_state(b) == P_STOPPED;

	if (a_stopped != b_stopped)
		return a_stopped;
	return a->order > b->order;
}

/* The current job if skip is NULL, the previous one if skip is that. */
static struct job *top_job(const struct job *skip)
{
	struct job *best = NULL;
	int i;

	for (i = 0; i < MAX_JOBS; i++) {
		struct job *j = &jobs[i];

		if (j->id && j != skip && (!best || ranks_above(j, best)))
			best = j;
	}
	return best;
}

/* The mark after [id] in reports: + current job, - previous job. */
static char job_mark(const struct job *j)
{
	const struct job *current = top_job(NULL);

	if (j == current)
		return '+';
	return j == top_job(current) ? '-' : ' ';
}

/* A report of j as bash gives it: "[1]+  Stopped                 cmd",
 * and "(core dumped) " after the padding when it left a core. */
static void print_job(FILE *f, const struct job *j)
{
	int status = j->status[j->nprocs - 1];
	enum proc_state state = job_state(j);
	char text[STATUS_WIDTH];
	const char *what = text;

	if (state == P_RUNNING)
		what = "Running";
	else if (state == P_STOPPED)
		what = "Stopped";
	else if (WIFSIGNALED(status))
		what = strsignal(WTERMSIG(status));
	else if (WEXITSTATUS(status) == 0)
		what = "Done";
	else
		snprintf(text, sizeof(text), "Exit %d", WEXITSTATUS(status));
	fprintf(f, "[%d]%c  %-*s%s%s%s\n", j->id, job_mark(j), STATUS_WIDTH, what,
		state == P_DONE && WIFSIGNALED(status) && WCOREDUMP(status) ?
		"(core dumped) " : "", j->text, state == P_RUNNING ? " &" : "");
}

/* Forget the jobs that ended and have been reported. */
static void forget_done_jobs(void)
{
	int i;

	for (i = 0; i < MAX_JOBS; i++)
		if (jobs[i].id && !jobs[i].changed &&
		    job_state(&jobs[i]) == P_DONE)
			jobs[i].id = 0;
}

/*
 * Before each prompt: hear what the children did meanwhile, report the
 * jobs that stopped or ended since the last time (only an interactive
 * shell does) and forget those that ended.
 */
static void notify_jobs(void)
{
	int i;

	while (wait_children(WNOHANG) == 0)
		;
	for (i = 0; i < MAX_JOBS; i++) {
		if (jobs[i].id && jobs[i].changed) {
			if (interactive)
				print_job(stderr, &jobs[i]);
			jobs[i].changed = 0;
		}
	}
	forget_done_jobs();
}

/* Send sig to the processes of j: to its group, if it has one. */
static int signal_job(const struct job *j, int sig)
{
	int i, err = 0;

	if (j->pgid)
		return killpg(j->pgid, sig);
	for (i = 0; i < j->nprocs; i++)
		if (j->state[i] != P_DONE && kill(j->pids[i], sig) < 0)
			err = -1;
	return err;
}

/* Let stopped job j run again: it becomes the current job. */
static void continue_job(struct job *j)
{
	int i;

	for (i = 0; i < j->nprocs; i++)
		if (j->state[i] == P_STOPPED)
			j->state[i] = P_RUNNING;
	j->changed = 0;
	j->order = ++job_clock;
	signal_job(j, SIGCONT);
}

/* Did Ctrl-C (SIGINT) end some process of job j? */
static int job_interrupted(const struct job *j)
{
	for (int i = 0; i < j->nprocs; i++)
		if (WIFSIGNALED(j->status[i]) && WTERMSIG(j->status[i]) == SIGINT)
			return 1;
	return 0;
}

/*
 * Wait while job j runs in the foreground, and return its $?.  With job
 * control the terminal is j's until j ends or stops; then the shell
 * takes it back, with its modes as they were.
 */
static int wait_foreground(struct job *j)
{
	int i, status;

	if (interactive)
		tcsetpgrp(STDIN_FILENO, j->pgid);
	while (job_state(j) == P_RUNNING && wait_children(0) == 0)
		;
	if (interactive) {
		tcsetpgrp(STDIN_FILENO, getpgrp());
		tcsetattr(STDIN_FILENO, TCSADRAIN, &shell_modes);
	}
	if (job_state(j) == P_STOPPED) {	/* reported before the prompt */
		fputc('\n', stderr);		/* after the terminal's "^Z" */
		for (i = 0; j->state[i] != P_STOPPED; i++)
			;
		return exit_code(j->status[i]);
	}
	status = j->status[j->nprocs - 1];
	/*
	 * As bash, say how a signal ended it, except for a broken pipe and
	 * Ctrl-C, where the terminal echoed "^C" and only a newline is due -
	 * also when Ctrl-C ended another process of the pipeline than the
	 * last, so that the prompt starts on a line of its own.
	 */
	if (job_interrupted(j))
		fputc('\n', stderr);
	else if (WIFSIGNALED(status) && WTERMSIG(status) != SIGPIPE)
		fprintf(stderr, "%s%s\n", strsignal(WTERMSIG(status)),
			WCOREDUMP(status) ? " (core dumped)" : "");
	j->id = 0;
	return exit_code(status);
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

static int any_job_running(void)
{
	int i;

	for (i = 0; i < MAX_JOBS; i++)
		if (jobs[i].id && job_state(&jobs[i]) == P_RUNNING)
			return 1;
	return 0;
}

/* wait: wait until no job runs any more. */
static int builtin_wait(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	while (any_job_running() && wait_children(0) == 0)
		;
	return 0;
}

/* jobs: list the jobs; those that ended are then forgotten. */
static int builtin_jobs(int argc, char **argv)
{
	int i;

	(void)argc;
	(void)argv;
	while (wait_children(WNOHANG) == 0)
		;
	for (i = 0; i < MAX_JOBS; i++) {
		if (jobs[i].id) {
			print_job(stdout, &jobs[i]);
			jobs[i].changed = 0;
		}
	}
	forget_done_jobs();
	return 0;
}

/*
 * The job that spec names: %n or n (job n), %%, %+ or % (the current
 * job), %- (the previous one); NULL spec: the current job.  If there is
 * no such job, say so for command cmd and return NULL.
 */
static struct job *find_job(const char *cmd, const char *spec)
{
	struct job *j = NULL;
	const char *s = spec ? spec : "%";
	char *end;
	long n;

	if (*s == '%')
		s++;
	if (*s == '\0' || strcmp(s, "%") == 0 || strcmp(s, "+") == 0) {
		j = top_job(NULL);
	} else if (strcmp(s, "-") == 0) {
		j = top_job(top_job(NULL));
	} else {
		n = strtol(s, &end, 10);
		if (*end == '\0' && n >= 1 && n <= MAX_JOBS && jobs[n - 1].id)
			j = &jobs[n - 1];
	}
	if (!j)
		fprintf(stderr, "sh: %s: %s: no such job\n", cmd,
			spec ? spec : "current");
	return j;
}

/* The job that fg or bg (argv[0]) is to continue. */
static struct job *job_to_continue(int argc, char **argv)
{
	if (!interactive) {
		fprintf(stderr, "sh: %s: no job control\n", argv[0]);
		return NULL;
	}
	return find_job(argv[0], argc > 1 ? argv[1] : NULL);
}

/* fg [JOB]: continue a job in the foreground and wait for it. */
static int builtin_fg(int argc, char **argv)
{
	struct job *j = job_to_continue(argc, argv);

	if (!j)
		return 1;
	printf("%s\n", j->text);
	fflush(stdout);
	/* The terminal first: the job may read it as soon as it runs. */
	tcsetpgrp(STDIN_FILENO, j->pgid);
	continue_job(j);
	return wait_foreground(j);
}

/* bg [JOB]: continue a stopped job in the background. */
static int builtin_bg(int argc, char **argv)
{
	struct job *j = job_to_continue(argc, argv);

	if (!j)
		return 1;
	if (job_state(j) == P_RUNNING) {
		fprintf(stderr, "sh: bg: job %d already in background\n",
			j->id);
		return 0;
	}
	continue_job(j);
	printf("[%d]%c %s &\n", j->id, job_mark(j), j->text);
	return 0;
}

/* Send sig to what kill's argument arg names: %JOB, PID or -PGID. */
static int kill_one(const char *arg, int sig)
{
	struct job *j;
	char *end;
	long pid;

	if (arg[0] == '%') {
		j = find_job("kill", arg);
		if (!j)
			return -1;
		if (signal_job(j, sig) < 0) {
			fprintf(stderr, "sh: kill: %s: %s\n", arg,
				strerror(errno));
			return -1;
		}
		/* A stopped job would only see it once continued: as bash. */
		if (job_state(j) == P_STOPPED &&
		    (sig == SIGTERM || sig == SIGHUP))
			signal_job(j, SIGCONT);
		return 0;
	}
	pid = strtol(arg, &end, 10);
	if (*arg == '\0' || *end != '\0') {
		fprintf(stderr, "sh: kill: %s: arguments must be process or job IDs\n",
			arg);
		return -1;
	}
	if (kill((pid_t)pid, sig) < 0) {
		fprintf(stderr, "sh: kill: (%ld) - %s\n", pid, strerror(errno));
		return -1;
	}
	return 0;
}

static int invalid_signal(const char *s)
{
	fprintf(stderr, "sh: kill: %s: invalid signal specification\n", s);
	return 1;
}

/*
 * kill [-SIGNAL] PID|%JOB...   and   kill -l [SIGNAL]...
 * As /bin/kill, but a builtin (as in bash) so that it knows the jobs:
 * %n means the processes of job n.
 */
static int builtin_kill(int argc, char **argv)
{
	int i = 1, sig = SIGTERM, status = 0;

	if (argc > 1 && strcmp(argv[1], "-l") == 0) {
		if (argc == 2)
			list_signals();
		for (i = 2; i < argc; i++) {
			if (print_signal_info(argv[i]) < 0)
				status = invalid_signal(argv[i]);
		}
		return status;
	}
	if (i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0) {
		sig = signal_number(argv[i] + 1);
		if (sig < 0)
			return invalid_signal(argv[i] + 1);
		i++;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i == argc) {
		fprintf(stderr, "usage: kill [-SIGNAL] PID|%%JOB...   or   "
			"kill -l [SIGNAL]...\n");
		return EXIT_SYNTAX;
	}
	for (; i < argc; i++)
		if (kill_one(argv[i], sig) < 0)
			status = 1;
	return status;
}

/* ------------------------------------------------------------- ulimit */

#define ULIMIT_DEFAULT	'f'	/* the limit `ulimit` alone shows, as in bash */
#define KIB		1024

/* A limit ulimit knows: its option letter, what it counts, and the
 * unit its numbers are in (bytes per unit; 1 for counts and seconds). */
static const struct ulimit_kind {
	char option;
	int resource;
	unsigned long unit;
	const char *what;
	const char *unit_name;
} ulimit_kinds[] = {
	{ 'c', RLIMIT_CORE, KIB, "core file size", "blocks" },
	{ 'd', RLIMIT_DATA, KIB, "data seg size", "kbytes" },
	{ 'f', RLIMIT_FSIZE, KIB, "file size", "blocks" },
	{ 'n', RLIMIT_NOFILE, 1, "open files", NULL },
	{ 's', RLIMIT_STACK, KIB, "stack size", "kbytes" },
	{ 't', RLIMIT_CPU, 1, "cpu time", "seconds" },
	{ 'u', RLIMIT_NPROC, 1, "max user processes", NULL },
	{ 'v', RLIMIT_AS, KIB, "virtual memory", "kbytes" },
};

#define N_ULIMIT_KINDS	(sizeof(ulimit_kinds) / sizeof(ulimit_kinds[0]))

static const struct ulimit_kind *ulimit_kind(char option)
{
	unsigned int i;

	for (i = 0; i < N_ULIMIT_KINDS; i++)
		if (ulimit_kinds[i].option == option)
			return &ulimit_kinds[i];
	return NULL;
}

/* Print one limit (with what it is, as `ulimit -a` does, if described). */
static int ulimit_show(const struct ulimit_kind *k, int hard, int described)
{
	struct rlimit rl;
	rlim_t v;
	char unit[MAX_NAME];

	if (getrlimit(k->resource, &rl) < 0) {
		fprintf(stderr, "sh: ulimit: %s: %s\n", k->what, strerror(errno));
		return 1;
	}
	v = hard ? rl.rlim_max : rl.rlim_cur;
	if (described) {
		if (k->unit_name)
			snprintf(unit, sizeof(unit), "(%s, -%c) ", k->unit_name, k->option);
		else
			snprintf(unit, sizeof(unit), "(-%c) ", k->option);
		printf("%-20s %20s", k->what, unit);
	}
	if (v == RLIM_INFINITY)
		printf("unlimited\n");
	else
		printf("%lu\n", v / k->unit);
	return 0;
}

/* Set the soft limit, the hard one, or (neither asked, as bash) both. */
static int ulimit_set(const struct ulimit_kind *k, const char *value, int hard, int soft)
{
	struct rlimit rl;
	unsigned long n;
	rlim_t v = RLIM_INFINITY;
	char *end;

	if (strcmp(value, "unlimited") != 0) {
		errno = 0;
		n = strtoul(value, &end, 10);
		if (!isdigit((unsigned char)*value) || *end || errno ||
		    n > (RLIM_INFINITY - 1) / k->unit) {
			fprintf(stderr, "sh: ulimit: %s: invalid number\n", value);
			return 1;
		}
		v = n * k->unit;
	}
	if (getrlimit(k->resource, &rl) < 0)
		return 1;
	if (hard || !soft)
		rl.rlim_max = v;
	if (soft || !hard)
		rl.rlim_cur = v;
	if (setrlimit(k->resource, &rl) < 0) {
		fprintf(stderr, "sh: ulimit: %s: cannot modify limit: %s\n", k->what,
			strerror(errno));
		return 1;
	}
	return 0;
}

/*
 * ulimit [-HS] [-a | -c|-d|-f|-n|-s|-t|-u|-v [LIMIT]]
 * Show or set a resource limit of the shell, which its commands inherit.
 * LIMIT is a number (in the units `ulimit -a` shows) or "unlimited".
 * -S is the soft limit (the one enforced), -H the hard one (its ceiling);
 * shown is the soft one unless -H, set are both unless -H or -S.
 */
static int builtin_ulimit(int argc, char **argv)
{
	const struct ulimit_kind *k = ulimit_kind(ULIMIT_DEFAULT);
	int hard = 0, soft = 0, all = 0, i, status = 0;
	const char *o;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (o = argv[i] + 1; *o; o++) {
			if (*o == 'H')
				hard = 1;
			else if (*o == 'S')
				soft = 1;
			else if (*o == 'a')
				all = 1;
			else if (!(k = ulimit_kind(*o))) {
				fprintf(stderr, "sh: ulimit: -%c: invalid option\n"
					"usage: ulimit [-HS] [-a | -cdfnstuv [LIMIT]]\n", *o);
				return EXIT_SYNTAX;
			}
		}
	}
	if (all) {
		for (unsigned int n = 0; n < N_ULIMIT_KINDS; n++)
			status |= ulimit_show(&ulimit_kinds[n], hard, 1);
		return status;
	}
	if (i == argc)
		return ulimit_show(k, hard && !soft, 0);
	if (i + 1 < argc) {
		fprintf(stderr, "sh: ulimit: %s: too many arguments\n", argv[i + 1]);
		return EXIT_SYNTAX;
	}
	return ulimit_set(k, argv[i], hard, soft);
}

static const struct builtin {
	const char *name;
	int (*fn)(int argc, char **argv);
} builtins[] = {
	{ "bg", builtin_bg },
	{ "cd", builtin_cd },
	{ "exit", builtin_exit },
	{ "export", builtin_export },
	{ "fg", builtin_fg },
	{ "jobs", builtin_jobs },
	{ "kill", builtin_kill },
	{ "ulimit", builtin_ulimit },
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
		fd = open(r->path, open_flags[r->type], FILE_MODE);
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
 * In the child for command c of job j: join j's process group and, in
 * the foreground, take the terminal (job control only); take standard
 * input from in_fd and standard output from out_fd (-1: keep the
 * shell's), close other_fd (the read end of the pipe to the next
 * command), then run c.  Never returns.
 */
static void run_child(struct command *c, const struct job *j, int foreground,
		      int in_fd, int out_fd, int other_fd)
{
	const struct builtin *b;

	if (interactive) {
		/* The shell does the same: whichever runs first does it. */
		setpgid(0, j->pgid);
		if (foreground)
			tcsetpgrp(STDIN_FILENO, getpgrp());
		set_job_signals(SIG_DFL);
	}
	if (in_fd >= 0) {
		dup2(in_fd, STDIN_FILENO);
		close(in_fd);
	}
	if (out_fd >= 0) {
		dup2(out_fd, STDOUT_FILENO);
		close(out_fd);
	}
	if (other_fd >= 0)
		close(other_fd);
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
 * Fork one process per command of p, each reading the pipe from the one
 * before, and note them in job j.  Fewer than p->ncmds are started if
 * pipe() or fork() fails.
 */
static void start_pipeline(struct pipeline *p, struct job *j)
{
	int in_fd = -1;		/* read end of the pipe from the previous one */
	int i;

	for (i = 0; i < p->ncmds; i++) {
		int pipefd[2] = { -1, -1 };
		int last = i == p->ncmds - 1;
		pid_t pid;

		if (!last && pipe(pipefd) < 0) {
			perror("sh: pipe");
			break;
		}
		pid = fork();
		if (pid == 0)
			run_child(&p->cmds[i], j, !p->background, in_fd,
				  pipefd[1], pipefd[0]);
		if (pid < 0) {
			perror("sh: fork");
			close(pipefd[0]);
			close(pipefd[1]);
			break;
		}
		j->pids[j->nprocs++] = pid;
		if (interactive) {
			/* Also here: the group must exist for the next fork. */
			if (j->pgid == 0)
				j->pgid = pid;
			setpgid(pid, j->pgid);
		}
		if (in_fd >= 0)
			close(in_fd);
		if (!last)
			close(pipefd[1]);
		in_fd = pipefd[0];
	}
	if (in_fd >= 0)
		close(in_fd);
}

static int run_pipeline(struct pipeline *p)
{
	const struct builtin *b;
	struct job *j;
	int started, status;

	if (expand_pipeline(p) < 0)
		return 1;
	b = find_builtin(&p->cmds[0]);
	if (b && p->ncmds == 1 && !p->background)
		return run_builtin_here(b, &p->cmds[0]);
	j = new_job(p);
	if (!j)
		return 1;
	start_pipeline(p, j);
	started = j->nprocs;
	if (started == 0) {
		j->id = 0;
		return 1;
	}
	if (p->background) {
		if (interactive)
			fprintf(stderr, "[%d] %d\n", j->id,
				(int)j->pids[started - 1]);
		return 0;
	}
	status = wait_foreground(j);
	return started < p->ncmds ? 1 : status;
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


/* ------------------------------------------------------------ line editor */

/*
 * An interactive shell reads its lines with the terminal in
 * non-canonical mode, without echo and without signals (ICANON, ECHO
 * and ISIG off): each key comes as soon as it is typed, Ctrl-C as the
 * byte 3, and the shell echoes what it wants:
 *
 *   a printable key     goes in at the cursor
 *   Backspace           deletes the character left of the cursor
 *   Left, Right         move the cursor (the keys send ESC [ D, ESC [ C)
 *   Up, Down            older and newer lines of the history (ESC [ A, B)
 *   Ctrl-U              deletes everything left of the cursor
 *   Ctrl-C              gives the line up
 *   Ctrl-D              on an empty line: the end of the input
 *   Enter               ends the line
 *
 * The cursor goes back with '\b', and ESC [ K clears the screen line
 * from the cursor on, so a line longer than the screen is not redrawn
 * well.  The terminal gets its modes back before a command runs.
 */
#define END_OF_INPUT	(-1)	/* what the line readers return ... */
#define LINE_CANCELLED	(-2)	/* ... besides a length */
#define KEY_CTRL(c)	((c) & 0x1f)
#define KEY_ESC		0x1b
#define KEY_DEL		0x7f	/* what Backspace sends */
#define CLEAR_TO_EOL	"\033[K"

struct editor {
	char *buf;		/* the line */
	int size;		/* bytes in buf, with the final '\0' */
	int len;
	int pos;		/* the cursor: 0..len */
	int shown;		/* the history line shown; history_len: new */
};

static char *history[HISTORY_SIZE];	/* the last lines, oldest first */
static int history_len;
static char draft[MAX_LINE];		/* the new line, while Up is used */

static void echo(const char *s, int n)
{
	write(STDERR_FILENO, s, n);
}

/* Move the cursor n characters left. */
static void cursor_back(int n)
{
	while (n-- > 0)
		echo("\b", 1);
}

static int read_key(void)
{
	unsigned char c;
	ssize_t n;

	do
		n = read(STDIN_FILENO, &c, 1);
	while (n < 0 && errno == EINTR);
	return n == 1 ? c : -1;
}

static void insert_char(struct editor *e, char c)
{
	if (e->len == e->size - 1)
		return;
	memmove(e->buf + e->pos + 1, e->buf + e->pos, e->len - e->pos);
	e->buf[e->pos] = c;
	e->len++;
	/* Write c and what follows it, then come back to just after c. */
	echo(e->buf + e->pos, e->len - e->pos);
	e->pos++;
	cursor_back(e->len - e->pos);
}

/* Delete the n characters left of the cursor. */
static void delete_left(struct editor *e, int n)
{
	memmove(e->buf + e->pos - n, e->buf + e->pos, e->len - e->pos);
	e->pos -= n;
	e->len -= n;
	cursor_back(n);
	echo(e->buf + e->pos, e->len - e->pos);
	echo(CLEAR_TO_EOL, strlen(CLEAR_TO_EOL));
	cursor_back(e->len - e->pos);
}

/* Show text in place of the line, the cursor at its end. */
static void replace_line(struct editor *e, const char *text)
{
	cursor_back(e->pos);
	e->len = strlen(text);
	if (e->len > e->size - 1)
		e->len = e->size - 1;
	memcpy(e->buf, text, e->len);
	e->pos = e->len;
	echo(e->buf, e->len);
	echo(CLEAR_TO_EOL, strlen(CLEAR_TO_EOL));
}

/* Up (step -1) or Down (step 1) in the history. */
static void browse_history(struct editor *e, int step)
{
	int to = e->shown + step;

	if (to < 0 || to > history_len)
		return;
	if (e->shown == history_len) {		/* keep the new line */
		memcpy(draft, e->buf, e->len);
		draft[e->len] = '\0';
	}
	e->shown = to;
	replace_line(e, to == history_len ? draft : history[to]);
}

static void add_history(const char *line)
{
	char *copy = strdup(line);

	if (!copy)
		return;
	if (history_len == HISTORY_SIZE) {	/* forget the oldest */
		free(history[0]);
		memmove(history, history + 1,
			(HISTORY_SIZE - 1) * sizeof(history[0]));
		history_len--;
	}
	history[history_len++] = copy;
}

/* After ESC: the arrow keys send ESC [ and a letter. */
static void escape_sequence(struct editor *e)
{
	if (read_key() != '[')
		return;
	switch (read_key()) {
	case 'A':
		browse_history(e, -1);
		break;
	case 'B':
		browse_history(e, 1);
		break;
	case 'C':
		if (e->pos < e->len)
			echo(e->buf + e->pos++, 1);
		break;
	case 'D':
		if (e->pos > 0) {
			cursor_back(1);
			e->pos--;
		}
		break;
	}
}

static void edit_key(struct editor *e, int c)
{
	if (c == KEY_DEL || c == '\b') {
		if (e->pos > 0)
			delete_left(e, 1);
	} else if (c == KEY_CTRL('U')) {
		delete_left(e, e->pos);
	} else if (c == KEY_ESC) {
		escape_sequence(e);
	} else if (c >= ' ') {
		insert_char(e, c);
	}
}

/*
 * Read a line from the terminal into buf (size bytes), without its
 * newline; return its length, END_OF_INPUT or LINE_CANCELLED.
 */
static int edit_line(char *buf, int size)
{
	struct editor e = { buf, size, 0, 0, history_len };
	struct termios raw = shell_modes;
	int c, result;

	raw.c_lflag &= ~(ICANON | ECHO | ISIG);
	raw.c_cc[VMIN] = 1;	/* a read returns each byte at once */
	raw.c_cc[VTIME] = 0;
	tcsetattr(STDIN_FILENO, TCSADRAIN, &raw);
	for (;;) {
		c = read_key();
		if (c < 0 || (c == KEY_CTRL('D') && e.len == 0)) {
			result = END_OF_INPUT;
			break;
		}
		if (c == '\n' || c == '\r') {
			echo("\n", 1);
			result = e.len;
			break;
		}
		if (c == KEY_CTRL('C')) {
			echo("^C\n", 3);
			result = LINE_CANCELLED;
			break;
		}
		edit_key(&e, c);
	}
	tcsetattr(STDIN_FILENO, TCSADRAIN, &shell_modes);
	buf[e.len] = '\0';
	if (result > 0)
		add_history(buf);
	return result;
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

/*
 * Read a line of in into buf (size bytes), without its newline; return
 * its length, or END_OF_INPUT if in ended before the line started.  A
 * line too long for buf is reported and read as an empty one.
 */
static int read_plain_line(struct input *in, char *buf, int size)
{
	int n = 0, c;

	while ((c = next_char(in)) >= 0 && c != '\n') {
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
	return c < 0 && n == 0 ? END_OF_INPUT : n;
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
 * Read a command line into buf: one line, and more while a quote is
 * open (joined by newlines).  Return 0, or -1 at the end of the input.
 * A line given up with Ctrl-C leaves an empty command, and $? 130 as
 * in bash.
 */
static int read_command(struct input *in, char *buf, int size)
{
	int n = 0, len;

	for (;;) {
		if (interactive)
			len = edit_line(buf + n, size - n);
		else
			len = read_plain_line(in, buf + n, size - n);
		if (len == LINE_CANCELLED) {
			buf[0] = '\0';
			last_status = EXIT_SIGNAL + SIGINT;
			return 0;
		}
		if (len == END_OF_INPUT)
			return n == 0 ? -1 : 0;
		n += len;
		if (!quote_open(buf))
			return 0;
		if (n >= size - 2) {
			fprintf(stderr, "sh: line too long\n");
			buf[0] = '\0';
			return 0;
		}
		buf[n++] = '\n';
		if (interactive)
			fprintf(stderr, "> ");
	}
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
		notify_jobs();
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

/*
 * Job control: lead a process group of our own, have the terminal, and
 * ignore the signals it sends.  The terminal's modes are kept, to be put
 * back after the line editor and after each job in the foreground.
 */
static void start_job_control(void)
{
	set_job_signals(SIG_IGN);
	setpgid(0, 0);
	tcsetpgrp(STDIN_FILENO, getpgrp());
	tcgetattr(STDIN_FILENO, &shell_modes);
}

int main(int argc, char **argv)
{
	struct input in = { STDIN_FILENO, NULL };

	params = argv;		/* $0 is "sh" unless said otherwise */
	nparams = 1;

	if (argc > 1 && strcmp(argv[1], "-c") == 0) {
		if (argc < 3) {
			fprintf(stderr, "usage: sh [-c COMMANDS | FILE]\n");
			return EXIT_SYNTAX;
		}
		in.text = argv[2];
		if (argc > 3) {
			params = argv + 3;
			nparams = argc - 3;
		}
	} else if (argc > 1) {
		params = argv + 1;
		nparams = argc - 1;
		in.fd = open(argv[1], O_RDONLY);
		if (in.fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
			return EXIT_NOTFOUND;
		}
	} else {
		interactive = isatty(STDIN_FILENO);
	}
	if (interactive)
		start_job_control();
	return run_input(&in);
}
