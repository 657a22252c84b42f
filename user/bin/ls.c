/*
 * ls.c - list directory contents.
 *
 *   ls [-la] [PATH]...     -a: also names starting with '.'
 *                          -l: long format, one file per line:
 *
 *   drwxr-xr-x  2    0    0     1024 bin
 *   |\_______/  |    |    |        |
 *   |   mode  links uid  gid     size
 *   type: d directory, - regular file, p FIFO, c character device,
 *         b block device, l symbolic link, s socket
 *   a symbolic link shows its target: "lrwxrwxrwx ... name -> target";
 *   with -l a link named on the command line is shown, not followed.
 *
 * The names of a directory are sorted as GNU ls sorts them in the C
 * locale, byte by byte (strcmp): "Z" before "a".  On a terminal the
 * short format fills the line in columns; elsewhere it gives one per line.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_PATH	256
#define SCREEN_WIDTH	80
#define COLUMN_WIDTH	16
#define FIRST_NAMES	32	/* room for names at first; it doubles */

/* The names read from a directory. */
struct names {
	char **v;
	int count;
	int room;
};

static int show_all, long_format, in_columns;
static int column;		/* where the cursor is, in columns mode */

static char type_letter(mode_t mode)
{
	if (S_ISDIR(mode))
		return 'd';
	if (S_ISFIFO(mode))
		return 'p';
	if (S_ISCHR(mode))
		return 'c';
	if (S_ISBLK(mode))
		return 'b';
	if (S_ISLNK(mode))
		return 'l';
	if (S_ISSOCK(mode))
		return 's';
	return '-';
}

/* "rwxr-x---" from the nine permission bits of mode. */
static void mode_string(mode_t mode, char *s)
{
	static const char letters[] = "rwxrwxrwx";
	int i;

	for (i = 0; i < 9; i++)
		s[i] = mode & (0400 >> i) ? letters[i] : '-';
	s[9] = '\0';
}

static void show_name(const char *name)
{
	int len = strlen(name);
	int start = 0;		/* the column where name will begin */

	if (!in_columns) {
		printf("%s\n", name);
		return;
	}
	if (column > 0) {	/* the next column boundary, 2 spaces away */
		start = (column + 2 + COLUMN_WIDTH - 1) / COLUMN_WIDTH *
			COLUMN_WIDTH;
		if (start + len >= SCREEN_WIDTH) {
			printf("\n");
			column = 0;
			start = 0;
		}
	}
	printf("%*s%s", start - column, "", name);
	column = start + len;
}

static void end_names(void)
{
	if (column > 0)
		printf("\n");
	column = 0;
}

/* Show one file: path is where to stat() it, name what to print. */
static int show_file(const char *path, const char *name)
{
	struct stat st;
	char perms[10], target[MAX_PATH];
	ssize_t n = -1;

	if (!long_format) {
		show_name(name);
		return 0;
	}
	if (lstat(path, &st) < 0) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (S_ISLNK(st.st_mode))
		n = readlink(path, target, sizeof(target) - 1);
	target[n > 0 ? n : 0] = '\0';
	mode_string(st.st_mode, perms);
	printf("%c%s %2u %4u %4u %8lu %s%s%s\n", type_letter(st.st_mode), perms,
	       (unsigned int)st.st_nlink, (unsigned int)st.st_uid,
	       (unsigned int)st.st_gid, (unsigned long)st.st_size, name,
	       n > 0 ? " -> " : "", target);
	return 0;
}

static void free_names(struct names *n)
{
	while (n->count > 0)
		free(n->v[--n->count]);
	free(n->v);
}

/* Add a copy of name to n; -1 if memory ran out. */
static int add_name(struct names *n, const char *name)
{
	char **grown;

	if (n->count == n->room) {
		n->room = n->room ? 2 * n->room : FIRST_NAMES;
		grown = reallocarray(n->v, n->room, sizeof(n->v[0]));
		if (!grown)
			return -1;
		n->v = grown;
	}
	n->v[n->count] = strdup(name);
	if (!n->v[n->count])
		return -1;
	n->count++;
	return 0;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read the names of dir (those starting with '.' only with -a), sorted. */
static int read_names(DIR *dir, struct names *n)
{
	struct dirent *e;

	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.' && !show_all)
			continue;
		if (add_name(n, e->d_name) < 0)
			return -1;
	}
	qsort(n->v, n->count, sizeof(n->v[0]), compare_names);
	return 0;
}

static int list_dir(const char *path)
{
	char child[MAX_PATH];
	struct names n = { NULL, 0, 0 };
	DIR *dir = opendir(path);
	int i, status = 0;

	if (!dir) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return -1;
	}
	status = read_names(dir, &n);
	closedir(dir);
	if (status < 0) {
		fprintf(stderr, "ls: %s: out of memory\n", path);
		free_names(&n);
		return -1;
	}
	for (i = 0; i < n.count; i++) {
		if (snprintf(child, sizeof(child), "%s/%s", path, n.v[i]) >=
		    (int)sizeof(child)) {
			fprintf(stderr, "ls: %s/%s: name too long\n", path,
				n.v[i]);
			status = -1;
		} else if (show_file(child, n.v[i]) < 0) {
			status = -1;
		}
	}
	free_names(&n);
	end_names();
	return status;
}

/*
 * List path: the file itself, or what the directory holds.  With several
 * paths, a directory's list gets a header, and a blank line before it if
 * it is not the first.
 */
static int list(const char *path, int with_header, int after_others)
{
	struct stat st;
	int status;

	if ((long_format ? lstat(path, &st) : stat(path, &st)) < 0) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		status = show_file(path, path);
		end_names();
		return status;
	}
	if (with_header)
		printf("%s%s:\n", after_others ? "\n" : "", path);
	return list_dir(path);
}

int main(int argc, char **argv)
{
	int i, first, status = 0;
	const char *opt;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (opt = argv[i] + 1; *opt; opt++) {
			if (*opt == 'a') {
				show_all = 1;
			} else if (*opt == 'l') {
				long_format = 1;
			} else {
				fprintf(stderr, "usage: ls [-la] [PATH]...\n");
				return 2;
			}
		}
	}
	in_columns = !long_format && isatty(STDOUT_FILENO);
	if (i == argc)
		return list(".", 0, 0) < 0;
	for (first = i; i < argc; i++)
		if (list(argv[i], argc - first > 1, i > first) < 0)
			status = 1;
	return status;
}
