/*
 * libc_stdio - FILE streams: writing and reading back files by character,
 * line and block, ungetc, fseek/ftell/rewind, append and update modes,
 * EOF and error indicators, getline, setvbuf, fdopen on a pipe,
 * remove/rename, sscanf/fscanf, and output still buffered at exit (or
 * at return from main) reaching a pipe.
 * Prints "FAIL: ..." for each wrong result; exits 0 only if none.
 */
#include "test.h"

#define TMP_FILE	"/tmp/libc_stdio.txt"
#define TMP_RENAMED	"/tmp/libc_stdio.renamed"
#define BIG_LEN		10000
#define LINE_LEN	128
#define CHILD_TEXT	"child output without newline"

static void test_write_read(void)
{
	char line[LINE_LEN];
	FILE *f;
	int c;

	f = fopen(TMP_FILE, "w");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	CHECK_TRUE(fputs("first line\n", f) >= 0);
	CHECK_TRUE(fputc('x', f) == 'x');
	CHECK_TRUE(putc('y', f) == 'y');
	CHECK_TRUE(fputc('\n', f) == '\n');
	CHECK_TRUE(fwrite("abc\ndef", 1, 7, f) == 7);
	CHECK_TRUE(fprintf(f, "\n%d\n", 12345) == 7);
	CHECK_TRUE(!ferror(f));
	CHECK_TRUE(fclose(f) == 0);

	f = fopen(TMP_FILE, "r");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	CHECK_TRUE(fgets(line, sizeof(line), f) &&
		   strcmp(line, "first line\n") == 0);
	CHECK_TRUE(fgetc(f) == 'x');
	CHECK_TRUE(ungetc('Q', f) == 'Q');
	CHECK_TRUE(getc(f) == 'Q');
	CHECK_TRUE(fgetc(f) == 'y');
	CHECK_TRUE(fgetc(f) == '\n');
	/* size - 1 */
	CHECK_TRUE(fgets(line, 3, f) && strcmp(line, "ab") == 0);
	CHECK_TRUE(fgets(line, sizeof(line), f) && strcmp(line, "c\n") == 0);
	CHECK_TRUE(fread(line, 1, 3, f) == 3 && memcmp(line, "def", 3) == 0);
	CHECK_TRUE(fscanf(f, "%d", &c) == 1 && c == 12345);
	CHECK_TRUE(fgetc(f) == '\n');
	CHECK_TRUE(!feof(f));
	CHECK_TRUE(fgetc(f) == EOF);
	CHECK_TRUE(feof(f) && !ferror(f));
	CHECK_TRUE(fgets(line, sizeof(line), f) == NULL);
	clearerr(f);
	CHECK_TRUE(!feof(f));
	CHECK_TRUE(fclose(f) == 0);
}

static void test_seek(void)
{
	char buf[16];
	FILE *f;

	f = fopen(TMP_FILE, "w+");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	CHECK_TRUE(fputs("0123456789", f) >= 0);
	CHECK_TRUE(ftell(f) == 10);
	CHECK_TRUE(fseek(f, 3, SEEK_SET) == 0);
	CHECK_TRUE(ftell(f) == 3);
	CHECK_TRUE(fgetc(f) == '3');
	CHECK_TRUE(ftell(f) == 4);
	CHECK_TRUE(fseek(f, 2, SEEK_CUR) == 0);
	CHECK_TRUE(fgetc(f) == '6');
	CHECK_TRUE(fseek(f, -2, SEEK_END) == 0);
	CHECK_TRUE(fgetc(f) == '8');
	/* Writing after reading, at the current position. */
	CHECK_TRUE(fseek(f, 0, SEEK_CUR) == 0);
	CHECK_TRUE(fputc('X', f) == 'X');
	rewind(f);
	CHECK_TRUE(fread(buf, 1, sizeof(buf), f) == 10);
	CHECK_TRUE(memcmp(buf, "012345678X", 10) == 0);
	CHECK_TRUE(feof(f));
	rewind(f);
	CHECK_TRUE(!feof(f) && ftell(f) == 0);
	CHECK_TRUE(fgetc(f) == '0');
	CHECK_TRUE(ungetc('0', f) == '0' && ftell(f) == 0);
	fclose(f);

	/* Append mode writes at the end whatever the position. */
	f = fopen(TMP_FILE, "a");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	CHECK_TRUE(fputs("AB", f) >= 0);
	fclose(f);
	f = fopen(TMP_FILE, "r+");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	CHECK_TRUE(fread(buf, 1, sizeof(buf), f) == 12);
	CHECK_TRUE(memcmp(buf, "012345678XAB", 12) == 0);
	rewind(f);
	CHECK_TRUE(fputs("ab", f) >= 0);	/* r+ overwrites in place */
	fflush(f);
	rewind(f);
	CHECK_TRUE(fread(buf, 1, sizeof(buf), f) == 12);
	CHECK_TRUE(memcmp(buf, "ab2345678XAB", 12) == 0);
	fclose(f);
}

static void test_big_block(void)
{
	static char out[BIG_LEN], in[BIG_LEN + 1];
	size_t i;
	FILE *f;

	for (i = 0; i < BIG_LEN; i++)
		out[i] = (char)('a' + i % 26);
	f = fopen(TMP_FILE, "w");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	/* a small piece buffered... */
	CHECK_TRUE(fwrite(out, 1, 10, f) == 10);
	CHECK_TRUE(fwrite(out + 10, 1, BIG_LEN - 10, f) == BIG_LEN - 10);
	CHECK_TRUE(fclose(f) == 0);

	f = fopen(TMP_FILE, "r");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	CHECK_TRUE(fgetc(f) == 'a');
	CHECK_TRUE(fread(in + 1, 1, BIG_LEN, f) == BIG_LEN - 1);
	in[0] = 'a';
	CHECK_TRUE(memcmp(in, out, BIG_LEN) == 0);
	CHECK_TRUE(feof(f));
	fclose(f);

	/* Records: size 4, a trailing partial record does not count. */
	f = fopen(TMP_FILE, "r");
	CHECK_TRUE(f && fread(in, 4, BIG_LEN, f) == BIG_LEN / 4);
	if (f)
		fclose(f);
}

static void test_getline(void)
{
	char *line = NULL;
	size_t cap = 0;
	FILE *f;
	int i;

	f = fopen(TMP_FILE, "w");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	fputs("short\n", f);
	for (i = 0; i < 300; i++)
		fputc('L', f);
	fputs("\nlast", f);
	fclose(f);

	f = fopen(TMP_FILE, "r");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	CHECK_TRUE(getline(&line, &cap, f) == 6 &&
		   strcmp(line, "short\n") == 0);
	CHECK_TRUE(getline(&line, &cap, f) == 301 && line[299] == 'L' &&
		   line[300] == '\n' && cap > 301);
	CHECK_TRUE(getline(&line, &cap, f) == 4 && strcmp(line, "last") == 0);
	CHECK_TRUE(getline(&line, &cap, f) == -1);
	free(line);
	fclose(f);
}

static void test_files(void)
{
	char buf[8];
	FILE *f;

	errno = 0;
	CHECK_TRUE(fopen("/tmp/libc_stdio.does.not.exist", "r") == NULL);
	CHECK_TRUE(errno == ENOENT);
	errno = 0;
	CHECK_TRUE(fopen(TMP_FILE, "z") == NULL && errno == EINVAL);

	f = fopen(TMP_FILE, "w");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	CHECK_TRUE(fileno(f) > 2);
	/* not open for reading */
	CHECK_TRUE(fgetc(f) == EOF && ferror(f));
	clearerr(f);
	fputs("renamed", f);
	fclose(f);

	CHECK_TRUE(rename(TMP_FILE, TMP_RENAMED) == 0);
	CHECK_TRUE(fopen(TMP_FILE, "r") == NULL);
	f = fopen(TMP_RENAMED, "r");
	CHECK_TRUE(f && fgets(buf, sizeof(buf), f) &&
		   strcmp(buf, "renamed") == 0);
	if (f)
		fclose(f);
	CHECK_TRUE(remove(TMP_RENAMED) == 0);
	errno = 0;
	CHECK_TRUE(remove(TMP_RENAMED) == -1 && errno == ENOENT);
}

static void test_setvbuf(void)
{
	static char buf[64];
	char back[8];
	FILE *f;

	f = fopen(TMP_FILE, "w+");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	CHECK_TRUE(setvbuf(f, buf, _IOFBF, sizeof(buf)) == 0);
	CHECK_TRUE(fputs("hold", f) >= 0);
	CHECK_TRUE(fflush(f) == 0);
	rewind(f);
	CHECK_TRUE(fread(back, 1, 4, f) == 4 && memcmp(back, "hold", 4) == 0);
	fclose(f);

	f = fopen(TMP_FILE, "w+");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	CHECK_TRUE(setvbuf(f, NULL, _IONBF, 0) == 0);
	fputs("now", f);
	fclose(f);
	remove(TMP_FILE);
}

static void test_sscanf(void)
{
	char word[16], rest[16], c;
	unsigned int u, x;
	long l;
	int a, b, n;
	double d;
	float fl;

	CHECK_TRUE(sscanf("42", "%d", &a) == 1 && a == 42);
	CHECK_TRUE(sscanf("  -17 25", "%d %d", &a, &b) == 2 && a == -17 &&
		   b == 25);
	CHECK_TRUE(sscanf("x=5,y=6", "x=%d,y=%d", &a, &b) == 2 && a == 5 &&
		   b == 6);
	CHECK_TRUE(sscanf("ff 0x1A", "%x %x", &u, &x) == 2 && u == 255 &&
		   x == 26);
	CHECK_TRUE(sscanf("0x10 010 10", "%i %i %i", &a, &b, &n) == 3 &&
		   a == 16 && b == 8 && n == 10);
	CHECK_TRUE(sscanf("4000000000", "%u", &u) == 1 && u == 4000000000u);
	CHECK_TRUE(sscanf("-123456", "%ld", &l) == 1 && l == -123456L);
	CHECK_TRUE(sscanf("hello world", "%s %s", word, rest) == 2 &&
		   strcmp(word, "hello") == 0 && strcmp(rest, "world") == 0);
	CHECK_TRUE(sscanf("abcdef", "%3s%s", word, rest) == 2 &&
		   strcmp(word, "abc") == 0 && strcmp(rest, "def") == 0);
	CHECK_TRUE(sscanf("  Z", "%c", &c) == 1 && c == ' ');
	CHECK_TRUE(sscanf("  Z", " %c", &c) == 1 && c == 'Z');
	CHECK_TRUE(sscanf("12345", "%2d%d", &a, &b) == 2 && a == 12 &&
		   b == 345);
	CHECK_TRUE(sscanf("1 2", "%d %*d %d", &a, &b) == 1 && a == 1);
	CHECK_TRUE(sscanf("key: value;", "%[^:]: %[^;]", word, rest) == 2 &&
		   strcmp(word, "key") == 0 && strcmp(rest, "value") == 0);
	CHECK_TRUE(sscanf("abc123", "%[a-z]%d", word, &a) == 2 &&
		   strcmp(word, "abc") == 0 && a == 123);
	CHECK_TRUE(sscanf("3.25 -1e2", "%lf %f", &d, &fl) == 2 && d == 3.25 &&
		   fl == -100.0f);
	CHECK_TRUE(sscanf("abc", "%d", &a) == 0);
	CHECK_TRUE(sscanf("", "%d", &a) == EOF);
	CHECK_TRUE(sscanf("   ", "%d", &a) == EOF);
	CHECK_TRUE(sscanf("7", "%d %d", &a, &b) == 1);
	CHECK_TRUE(sscanf("100%", "%d%%", &a) == 1 && a == 100);
	CHECK_TRUE(sscanf("abc de", "%s%n", word, &n) == 1 && n == 3);
}

/*
 * A child prints without a newline and ends (by exit() or by returning
 * from main) with its stdout a pipe: the text must still arrive.
 */
static void test_exit_flush(int use_exit)
{
	char buf[LINE_LEN];
	int fds[2], status;
	ssize_t n, total = 0;
	pid_t pid;

	CHECK_TRUE(pipe(fds) == 0);
	pid = fork();
	CHECK_TRUE(pid >= 0);
	if (pid < 0)
		return;
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		printf("%s", CHILD_TEXT);
		if (use_exit)
			exit(0);
		_exit(0);	/* _exit: no flush, nothing must arrive */
	}
	close(fds[1]);
	while ((n = read(fds[0], buf + total, sizeof(buf) - 1 - total)) > 0)
		total += n;
	buf[total] = '\0';
	close(fds[0]);
	CHECK_TRUE(waitpid(pid, &status, 0) == pid && WIFEXITED(status));
	if (use_exit)
		CHECK_TRUE(strcmp(buf, CHILD_TEXT) == 0);
	else
		CHECK_TRUE(total == 0);
}

static void test_fdopen_pipe(void)
{
	char line[LINE_LEN];
	int fds[2];
	FILE *r, *w;

	CHECK_TRUE(pipe(fds) == 0);
	w = fdopen(fds[1], "w");
	r = fdopen(fds[0], "r");
	CHECK_TRUE(w && r);
	if (!w || !r)
		return;
	fprintf(w, "through a pipe %d\n", 7);
	CHECK_TRUE(fflush(w) == 0);
	CHECK_TRUE(fgets(line, sizeof(line), r) &&
		   strcmp(line, "through a pipe 7\n") == 0);
	fclose(w);
	CHECK_TRUE(fgetc(r) == EOF && feof(r));
	fclose(r);
}

int main(void)
{
	test_write_read();
	test_seek();
	test_big_block();
	test_getline();
	test_files();
	test_setvbuf();
	test_sscanf();
	fflush(stdout);		/* nothing pending in the children's copy */
	test_exit_flush(1);
	test_exit_flush(0);
	test_fdopen_pipe();
	remove(TMP_FILE);
	return test_done("libc_stdio");
}
