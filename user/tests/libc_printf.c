/*
 * libc_printf - the printf family formats exactly as the C standard
 * says: every flag, width, precision and length modifier on integers,
 * characters, strings, pointers and floating point, snprintf truncation
 * and return values, %n, and printing through stdio to a file.
 * Prints "FAIL: ..." for each wrong result; exits 0 only if none.
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "test.h"

#define BUF_LEN		512
#define TMP_FILE	"/tmp/libc_printf.txt"

/* vsnprintf(fmt, ap) must give exactly want, and return its length. */
static void vexpect(int line, const char *want, const char *fmt, va_list ap)
{
	char buf[BUF_LEN];
	int n;

	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	if (strcmp(buf, want) != 0 || n != (int)strlen(want))
		test_fail(__FILE__, line, "\"%s\" gave \"%s\" (%d), want \"%s\"",
			  fmt, buf, n, want);
}

__attribute__((format(printf, 3, 4)))
static void expect(int line, const char *want, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vexpect(line, want, fmt, ap);
	va_end(ap);
}

/* For formats with flags the standard ignores, which gcc warns about. */
static void expect_unchecked(int line, const char *want, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vexpect(line, want, fmt, ap);
	va_end(ap);
}

#define EXPECT(want, ...)	expect(__LINE__, want, __VA_ARGS__)

static void test_integers(void)
{
	EXPECT("0", "%d", 0);
	EXPECT("-1", "%d", -1);
	EXPECT("2147483647", "%d", INT_MAX);
	EXPECT("-2147483648", "%d", INT_MIN);
	EXPECT("-2147483648", "%i", INT_MIN);
	EXPECT("4294967295", "%u", UINT_MAX);
	EXPECT("   42", "%5d", 42);
	EXPECT("42   |", "%-5d|", 42);
	EXPECT("00042", "%05d", 42);
	EXPECT("-0042", "%05d", -42);
	EXPECT("+5", "%+d", 5);
	EXPECT("-5", "%+d", -5);
	EXPECT(" 5", "% d", 5);
	expect_unchecked(__LINE__, "+5", "%+ d", 5);
	EXPECT("007", "%.3d", 7);
	EXPECT("-007", "%.3d", -7);
	EXPECT("     007", "%8.3d", 7);
	EXPECT("007     |", "%-8.3d|", 7);
	expect_unchecked(__LINE__, "     007", "%08.3d", 7);
	EXPECT("", "%.0d", 0);
	EXPECT("     ", "%5.0d", 0);
	EXPECT("0", "%.1d", 0);
	expect_unchecked(__LINE__, "42   |", "%-05d|", 42);
	EXPECT("   42", "%*d", 5, 42);
	EXPECT("42   |", "%*d|", -5, 42);
	EXPECT("00042", "%.*d", 5, 42);
	EXPECT("42", "%.*d", -1, 42);
	EXPECT("ff", "%x", 255);
	EXPECT("FF", "%X", 255);
	EXPECT("0xff", "%#x", 255);
	EXPECT("0XFF", "%#X", 255);
	EXPECT("0", "%#x", 0);
	EXPECT("10", "%o", 8);
	EXPECT("010", "%#o", 8);
	EXPECT("0", "%#o", 0);
	EXPECT("010", "%#.3o", 8);
	EXPECT("0", "%#.0o", 0);
	EXPECT("      0xff", "%#10x", 255);
	EXPECT("0x000000ff", "%#010x", 255);
	EXPECT("0xff      |", "%-#10x|", 255);
	EXPECT("deadbeef", "%x", 0xdeadbeefu);
	EXPECT("37777777777", "%o", UINT_MAX);
	EXPECT("-1", "%hhd", 255);
	EXPECT("5", "%hhu", 261);
	EXPECT("-1", "%hd", 65535);
	EXPECT("4464", "%hu", 70000);
	EXPECT("-2147483648", "%ld", LONG_MIN);
	EXPECT("4294967295", "%lu", ULONG_MAX);
	EXPECT("-9223372036854775808", "%lld", LLONG_MIN);
	EXPECT("9223372036854775807", "%lld", LLONG_MAX);
	EXPECT("18446744073709551615", "%llu", ULLONG_MAX);
	EXPECT("123456789abcdef", "%llx", 0x123456789abcdefULL);
	EXPECT("1777777777777777777777", "%llo", ULLONG_MAX);
	EXPECT("  -1234567890123", "%16lld", -1234567890123LL);
	EXPECT("-5", "%jd", (intmax_t)-5);
	EXPECT("18446744073709551615", "%ju", UINTMAX_MAX);
	EXPECT("123", "%zu", (size_t)123);
	EXPECT("-3", "%zd", (ssize_t)-3);
	EXPECT("-7", "%td", (ptrdiff_t)-7);
	EXPECT("1 2 3", "%d %ld %lld", 1, 2L, 3LL);
}

static void test_chars_strings(void)
{
	EXPECT("A", "%c", 'A');
	EXPECT("  A", "%3c", 'A');
	EXPECT("A  |", "%-3c|", 'A');
	EXPECT("hi", "%s", "hi");
	EXPECT("   hi", "%5s", "hi");
	EXPECT("hi   |", "%-5s|", "hi");
	EXPECT("h", "%.1s", "hi");
	EXPECT("abc", "%.*s", 3, "abcdef");
	EXPECT("  abc", "%5.3s", "abcdef");
	EXPECT("", "%s", "");
	EXPECT("%", "%%");
	EXPECT("a%b", "a%%b");
	EXPECT("100%", "%d%%", 100);
	EXPECT("x\ty\n", "x\ty\n");
	EXPECT("0x1234", "%p", (void *)0x1234);
}

static void test_floats(void)
{
	EXPECT("3.141590", "%f", 3.14159);
	EXPECT("3.14", "%.2f", 3.14159);
	EXPECT("3", "%.0f", 3.14159);
	EXPECT("3.", "%#.0f", 3.14159);
	EXPECT("2", "%.0f", 2.5);
	EXPECT("4", "%.0f", 3.5);
	EXPECT("0", "%.0f", 0.5);
	EXPECT("2", "%.0f", 1.5);
	EXPECT("0.1", "%.1f", 0.05);
	EXPECT("0.125", "%.3f", 0.125);
	EXPECT("0.12", "%.2f", 0.125);
	EXPECT("-0.000000", "%f", -0.0);
	EXPECT("0.000000", "%f", 0.0);
	EXPECT("   3.142", "%8.3f", 3.14159);
	EXPECT("3.14    |", "%-8.2f|", 3.14159);
	EXPECT("-0003.14", "%08.2f", -3.14159);
	EXPECT("+2.0", "%+.1f", 2.0);
	EXPECT(" 2.0", "% .1f", 2.0);
	EXPECT("1000.000", "%.3f", 999.9999);
	EXPECT(" 10.0", "%5.1f", 9.96);
	EXPECT("0.1000000000", "%.10f", 0.1);
	EXPECT("100000000000000000000.000000", "%f", 1e20);
	EXPECT("123456789.000000", "%f", 123456789.0);
	EXPECT("-1.500000", "%f", -1.5);
	EXPECT("0.000001", "%f", 1e-6);
	EXPECT("0.000000", "%f", 1e-7);
	EXPECT("1.500000", "%Lf", 1.5L);
	EXPECT("1.234568e+04", "%e", 12345.678);
	EXPECT("1.23e-04", "%.2e", 0.000123);
	EXPECT("1.000000E+100", "%E", 1e100);
	EXPECT("0.000000e+00", "%e", 0.0);
	EXPECT("1e+00", "%.0e", 1.0);
	EXPECT("1.e+00", "%#.0e", 1.0);
	EXPECT("1.0e+01", "%.1e", 9.96);
	EXPECT("2.225074e-308", "%e", 2.2250738585072014e-308);
	EXPECT("1.797693e+308", "%e", 1.7976931348623157e308);
	EXPECT("0.0001", "%g", 0.0001);
	EXPECT("1e-05", "%g", 0.00001);
	EXPECT("123456", "%g", 123456.0);
	EXPECT("1.23457e+06", "%g", 1234567.0);
	EXPECT("100", "%g", 100.0);
	EXPECT("0", "%g", 0.0);
	EXPECT("1.00000", "%#g", 1.0);
	EXPECT("3.14", "%.3g", 3.14159);
	EXPECT("1e+02", "%.1g", 123.0);
	EXPECT("0.5", "%g", 0.5);
	EXPECT("1.5E-10", "%G", 1.5e-10);
	EXPECT("0.1", "%.15g", 0.1);
	EXPECT("0.10000000000000001", "%.17g", 0.1);
	EXPECT("    3.1416", "%10.4f", 3.14159265);
	EXPECT("inf", "%f", 1.0 / 0.0);
	EXPECT("-inf", "%f", -1.0 / 0.0);
	EXPECT("INF", "%F", 1.0 / 0.0);
	EXPECT("  inf", "%5f", 1.0 / 0.0);
	EXPECT("nan", "%f", __builtin_nan(""));
	EXPECT("NAN", "%G", __builtin_nan(""));
}

static void test_snprintf(void)
{
	char buf[16];
	char *s = NULL;
	int n, count = -1;

	memset(buf, 'x', sizeof(buf));
	n = snprintf(buf, 5, "%s", "abcdefgh");
	CHECK_TRUE(n == 8);
	CHECK_TRUE(strcmp(buf, "abcd") == 0);
	CHECK_TRUE(buf[5] == 'x');

	n = snprintf(NULL, 0, "%d", 12345);
	CHECK_TRUE(n == 5);

	buf[0] = 'x';
	n = snprintf(buf, 1, "hello");
	CHECK_TRUE(n == 5 && buf[0] == '\0');

	buf[0] = 'x';
	n = snprintf(buf, 0, "hello");
	CHECK_TRUE(n == 5 && buf[0] == 'x');

	n = sprintf(buf, "%d-%s", 7, "ab");
	CHECK_TRUE(n == 4 && strcmp(buf, "7-ab") == 0);

	n = snprintf(buf, sizeof(buf), "abc%ndef", &count);
	CHECK_TRUE(n == 6 && count == 3);

	n = asprintf(&s, "%s=%d", "answer", 42);
	CHECK_TRUE(n == 9 && s && strcmp(s, "answer=42") == 0);
	free(s);
}

static void test_stream_output(void)
{
	char line[BUF_LEN];
	FILE *f;
	int n;

	f = fopen(TMP_FILE, "w");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	n = fprintf(f, "%s %05d %x\n", "stream", 42, 255);
	CHECK_TRUE(n == 16);
	n = fprintf(f, "%-4s|%4s|\n", "ab", "cd");
	CHECK_TRUE(n == 11);
	CHECK_TRUE(fclose(f) == 0);

	f = fopen(TMP_FILE, "r");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	CHECK_TRUE(fgets(line, sizeof(line), f) &&
		   strcmp(line, "stream 00042 ff\n") == 0);
	CHECK_TRUE(fgets(line, sizeof(line), f) &&
		   strcmp(line, "ab  |  cd|\n") == 0);
	CHECK_TRUE(fgets(line, sizeof(line), f) == NULL && feof(f));
	fclose(f);
	remove(TMP_FILE);

	/* A long result goes through the staging chunks intact. */
	memset(line, 'z', 400);
	line[400] = '\0';
	f = fopen(TMP_FILE, "w+");
	CHECK_TRUE(f != NULL);
	if (!f)
		return;
	CHECK_TRUE(fprintf(f, "<%s>", line) == 402);
	rewind(f);
	memset(line, 0, sizeof(line));
	CHECK_TRUE(fread(line, 1, sizeof(line), f) == 402);
	CHECK_TRUE(line[0] == '<' && line[1] == 'z' && line[400] == 'z' &&
		   line[401] == '>');
	fclose(f);
	remove(TMP_FILE);
}

int main(void)
{
	test_integers();
	test_chars_strings();
	test_floats();
	test_snprintf();
	test_stream_output();
	return test_done("libc_printf");
}
