/*
 * libc_string - <string.h>, <strings.h>, <ctype.h> and <libgen.h>:
 * copies (overlapping ones too, and every size and alignment around the
 * 64-byte blocks of the SSE paths, with guard bytes around), comparisons
 * and their signs, searches,
 * tokenizers, duplication, error messages, every ctype class for all 256
 * byte values, and path components.
 * Prints "FAIL: ..." for each wrong result; exits 0 only if none.
 */
#include <ctype.h>
#include <libgen.h>
#include <strings.h>
#include "test.h"

#define BIG_LEN		1000
#define BYTE_VALUES	256
#define GUARD		16		/* bytes either side that must not change */
#define AREA		(4096 + 2 * GUARD + 8)
#define MAX_OFFSET	3

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

/* memcpy, memset and memmove of each size at each alignment: the bytes
 * asked for, and not one more. */
static void test_sizes(void)
{
	static const size_t sizes[] = { 0, 1, 3, 63, 64, 65, 127, 128, 129, 255, 256, 257,
					 511, 1000, 4095, 4096 };
	static unsigned char src[AREA], dst[AREA];

	for (int i = 0; i < AREA; i++)
		src[i] = (unsigned char)(i * 13 + 7);
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		size_t n = sizes[k];

		for (int so = 0; so <= MAX_OFFSET; so++)
			for (int d = 0; d <= MAX_OFFSET; d++) {
				unsigned char *to = dst + GUARD + d;

				memset(dst, 0x5a, AREA);
				memcpy(to, src + GUARD + so, n);
				CHECK(memcmp(to, src + GUARD + so, n) == 0 && to[-1] == 0x5a &&
				      to[n] == 0x5a, "memcpy of %zu bytes, offsets %d, %d", n, so, d);
				memset(to, 0xa5, n);
				CHECK((n == 0 || (to[0] == 0xa5 && to[n - 1] == 0xa5 &&
						  memchr(to, 0x5a, n) == NULL)) &&
				      to[-1] == 0x5a && to[n] == 0x5a, "memset of %zu bytes, offset %d", n, d);
			}
		/* Overlapping moves of n bytes by 40 (less than a block), each way. */
		memcpy(dst, src, AREA);
		memmove(dst + 40, dst, n);
		CHECK(memcmp(dst + 40, src, n) == 0, "memmove of %zu bytes up by 40", n);
		memcpy(dst, src, AREA);
		memmove(dst, dst + 40, n);
		CHECK(memcmp(dst, src + 40, n) == 0, "memmove of %zu bytes down by 40", n);
	}
}

static void test_memory(void)
{
	char buf[32], big[BIG_LEN], copy[BIG_LEN];
	int i;

	memset(buf, 'a', sizeof(buf));
	CHECK_TRUE(memset(buf, 'b', 10) == buf);
	CHECK_TRUE(buf[0] == 'b' && buf[9] == 'b' && buf[10] == 'a');

	for (i = 0; i < BIG_LEN; i++)
		big[i] = (char)(i * 7);
	CHECK_TRUE(memcpy(copy, big, BIG_LEN) == copy);
	CHECK_TRUE(memcmp(copy, big, BIG_LEN) == 0);

	/* Overlapping moves, both directions. */
	strcpy(buf, "0123456789");
	CHECK_TRUE(memmove(buf + 2, buf, 8) == buf + 2);
	CHECK_TRUE(memcmp(buf, "0101234567", 10) == 0);
	strcpy(buf, "0123456789");
	memmove(buf, buf + 3, 7);
	CHECK_TRUE(memcmp(buf, "3456789789", 10) == 0);
	memmove(big + 1, big, BIG_LEN - 1);
	CHECK_TRUE(memcmp(big + 1, copy, BIG_LEN - 1) == 0);

	CHECK_TRUE(memcmp("abc", "abd", 3) < 0);
	CHECK_TRUE(memcmp("abd", "abc", 3) > 0);
	CHECK_TRUE(memcmp("abc", "abd", 2) == 0);
	/* bytes compare unsigned */
	CHECK_TRUE(memcmp("\x80", "\x01", 1) > 0);
	CHECK_TRUE(memcmp("x", "y", 0) == 0);

	strcpy(buf, "hello");
	CHECK_TRUE(memchr(buf, 'l', 5) == buf + 2);
	CHECK_TRUE(memchr(buf, 'z', 5) == NULL);
	CHECK_TRUE(memchr(buf, '\0', 6) == buf + 5);
	CHECK_TRUE(memchr(buf, 'o', 4) == NULL);

	bzero(buf, 4);
	CHECK_TRUE(buf[0] == 0 && buf[3] == 0 && buf[4] == 'o');
	CHECK_TRUE(ffs(0) == 0 && ffs(1) == 1 && ffs(0x80) == 8);
}

static void test_copy_concat(void)
{
	char buf[32];

	CHECK_TRUE(strlen("") == 0 && strlen("hello") == 5);
	CHECK_TRUE(strnlen("hello", 3) == 3 && strnlen("hi", 10) == 2);

	CHECK_TRUE(strcpy(buf, "abc") == buf && strcmp(buf, "abc") == 0);

	memset(buf, 'x', sizeof(buf));
	CHECK_TRUE(strncpy(buf, "ab", 5) == buf);
	CHECK_TRUE(memcmp(buf, "ab\0\0\0x", 6) == 0);	/* padded with NULs */
	memset(buf, 'x', sizeof(buf));
	strncpy(buf, "abcdef", 3);
	/* no NUL added */
	CHECK_TRUE(memcmp(buf, "abcx", 4) == 0);

	strcpy(buf, "foo");
	CHECK_TRUE(strcat(buf, "bar") == buf && strcmp(buf, "foobar") == 0);
	CHECK_TRUE(strncat(buf, "bazqux", 3) == buf &&
		   strcmp(buf, "foobarbaz") == 0);
	strncat(buf, "", 5);
	CHECK_TRUE(strcmp(buf, "foobarbaz") == 0);

	CHECK_TRUE(stpcpy(buf, "end") == buf + 3);
	CHECK_TRUE(memccpy(buf, "key=value", '=', 9) == buf + 4);
}

static void test_compare(void)
{
	CHECK_TRUE(strcmp("abc", "abc") == 0);
	CHECK_TRUE(strcmp("abc", "abd") < 0);
	CHECK_TRUE(strcmp("abd", "abc") > 0);
	CHECK_TRUE(strcmp("ab", "abc") < 0);
	CHECK_TRUE(strcmp("abc", "ab") > 0);
	CHECK_TRUE(strcmp("", "") == 0);
	/* chars compare unsigned */
	CHECK_TRUE(strcmp("\xff", "a") > 0);
	CHECK_TRUE(strncmp("abcdef", "abcxyz", 3) == 0);
	CHECK_TRUE(strncmp("abcdef", "abcxyz", 4) < 0);
	CHECK_TRUE(strncmp("ab", "ab\0x", 10) == 0);
	CHECK_TRUE(strncmp("a", "b", 0) == 0);
	CHECK_TRUE(strcasecmp("HeLLo", "hello") == 0);
	CHECK_TRUE(sign(strcasecmp("apple", "BANANA")) < 0);
	CHECK_TRUE(sign(strcasecmp("Zoo", "apple")) > 0);
	CHECK_TRUE(strncasecmp("ABCdef", "abcXYZ", 3) == 0);
	CHECK_TRUE(strncasecmp("ABCdef", "abcXYZ", 4) < 0);
	CHECK_TRUE(strcoll("a", "b") < 0);
}

static void test_search(void)
{
	const char *s = "hello world";

	CHECK_TRUE(strchr(s, 'o') == s + 4);
	CHECK_TRUE(strrchr(s, 'o') == s + 7);
	CHECK_TRUE(strchr(s, 'z') == NULL && strrchr(s, 'z') == NULL);
	CHECK_TRUE(strchr(s, '\0') == s + 11);
	CHECK_TRUE(strrchr(s, '\0') == s + 11);
	CHECK_TRUE(strstr(s, "world") == s + 6);
	CHECK_TRUE(strstr(s, "") == s);
	CHECK_TRUE(strstr(s, "worlds") == NULL);
	CHECK_TRUE(strstr("aaab", "aab") != NULL);
	CHECK_TRUE(strstr("", "a") == NULL);
	CHECK_TRUE(strspn("aabbcd", "ab") == 4);
	CHECK_TRUE(strspn("xyz", "ab") == 0);
	CHECK_TRUE(strcspn("hello, world", ",!") == 5);
	CHECK_TRUE(strcspn("abc", "") == 3);
	CHECK_TRUE(strpbrk(s, "dw") == s + 6);
	CHECK_TRUE(strpbrk(s, "xyz") == NULL);
}

static void test_tokens(void)
{
	char buf[64], *save, *tok, *p;

	strcpy(buf, "  one,two;;three  ");
	CHECK_TRUE((tok = strtok(buf, " ,;")) && strcmp(tok, "one") == 0);
	CHECK_TRUE((tok = strtok(NULL, " ,;")) && strcmp(tok, "two") == 0);
	CHECK_TRUE((tok = strtok(NULL, " ,;")) && strcmp(tok, "three") == 0);
	CHECK_TRUE(strtok(NULL, " ,;") == NULL);
	CHECK_TRUE(strtok(NULL, " ,;") == NULL);

	strcpy(buf, ";;;");
	CHECK_TRUE(strtok(buf, ";") == NULL);

	strcpy(buf, "a=1&b=2");
	CHECK_TRUE((tok = strtok_r(buf, "&", &save)) &&
		   strcmp(tok, "a=1") == 0);
	CHECK_TRUE((tok = strtok_r(NULL, "&", &save)) &&
		   strcmp(tok, "b=2") == 0);
	CHECK_TRUE(strtok_r(NULL, "&", &save) == NULL);

	strcpy(buf, "a,,b");
	p = buf;
	CHECK_TRUE((tok = strsep(&p, ",")) && strcmp(tok, "a") == 0);
	CHECK_TRUE((tok = strsep(&p, ",")) && strcmp(tok, "") == 0);
	CHECK_TRUE((tok = strsep(&p, ",")) && strcmp(tok, "b") == 0);
	CHECK_TRUE(p == NULL && strsep(&p, ",") == NULL);
}

static void test_dup(void)
{
	char *d;

	d = strdup("duplicate");
	CHECK_TRUE(d && strcmp(d, "duplicate") == 0);
	free(d);
	d = strndup("duplicate", 3);
	CHECK_TRUE(d && strcmp(d, "dup") == 0);
	free(d);
	d = strndup("ab", 10);
	CHECK_TRUE(d && strcmp(d, "ab") == 0);
	free(d);
}

static void test_errors(void)
{
	char buf[64];

	CHECK_TRUE(strcmp(strerror(ENOENT), "No such file or directory") == 0);
	CHECK_TRUE(strcmp(strerror(EACCES), "Permission denied") == 0);
	CHECK_TRUE(strcmp(strerror(9999), "Unknown error 9999") == 0);
	CHECK_TRUE(strlen(strerror(EINVAL)) > 0);
	CHECK_TRUE(strerror_r(ENOENT, buf, sizeof(buf)) == 0 &&
		   strcmp(buf, "No such file or directory") == 0);
	CHECK_TRUE(strerror_r(ENOENT, buf, 4) == ERANGE);
}

/* The classes by definition, for comparison with <ctype.h>. */
static void test_ctype(void)
{
	int c, bad = 0;
	int digit, upper, lower, alpha, space, punct, print;

	for (c = 0; c < BYTE_VALUES; c++) {
		digit = c >= '0' && c <= '9';
		upper = c >= 'A' && c <= 'Z';
		lower = c >= 'a' && c <= 'z';
		alpha = upper || lower;
		space = c == ' ' || (c >= '\t' && c <= '\r');
		print = c >= ' ' && c <= '~';
		punct = print && c != ' ' && !alpha && !digit;
		bad += !isdigit(c) != !digit;
		bad += !isupper(c) != !upper;
		bad += !islower(c) != !lower;
		bad += !isalpha(c) != !alpha;
		bad += !isalnum(c) != !(alpha || digit);
		bad += !isspace(c) != !space;
		bad += !isprint(c) != !print;
		bad += !isgraph(c) != !(print && c != ' ');
		bad += !ispunct(c) != !punct;
		bad += !iscntrl(c) != !(c < ' ' || c == 0x7f);
		bad += !isblank(c) != !(c == ' ' || c == '\t');
		bad += !isxdigit(c) != !(digit || (c >= 'a' && c <= 'f') ||
					 (c >= 'A' && c <= 'F'));
		bad += toupper(c) != (lower ? c - 'a' + 'A' : c);
		bad += tolower(c) != (upper ? c - 'A' + 'a' : c);
	}
	CHECK_TRUE(bad == 0);
	CHECK_TRUE(!isalpha(EOF) && !isspace(EOF) && !isdigit(EOF) &&
		   !isprint(EOF));
	CHECK_TRUE(toupper(EOF) == EOF && tolower(EOF) == EOF);
}

static void test_libgen(void)
{
	char a[32];

	strcpy(a, "/usr/lib");
	CHECK_TRUE(strcmp(basename(a), "lib") == 0);
	strcpy(a, "/usr/lib/");
	CHECK_TRUE(strcmp(basename(a), "lib") == 0);
	strcpy(a, "/");
	CHECK_TRUE(strcmp(basename(a), "/") == 0);
	strcpy(a, "file");
	CHECK_TRUE(strcmp(basename(a), "file") == 0);
	strcpy(a, "/usr/lib");
	CHECK_TRUE(strcmp(dirname(a), "/usr") == 0);
	strcpy(a, "/usr/");
	CHECK_TRUE(strcmp(dirname(a), "/") == 0);
	strcpy(a, "file");
	CHECK_TRUE(strcmp(dirname(a), ".") == 0);
	strcpy(a, "/");
	CHECK_TRUE(strcmp(dirname(a), "/") == 0);
	strcpy(a, "a/b//c");
	CHECK_TRUE(strcmp(dirname(a), "a/b") == 0);
}

int main(void)
{
	test_memory();
	test_sizes();
	test_copy_concat();
	test_compare();
	test_search();
	test_tokens();
	test_dup();
	test_errors();
	test_ctype();
	test_libgen();
	return test_done("libc_string");
}
