/*
 * libc_stdlib - <stdlib.h> beyond malloc: the strto* conversions with
 * their bases, end pointers and range errors, atoi, strtod, qsort and
 * bsearch, the environment (getenv, setenv, unsetenv, putenv), rand and
 * srand, abs and div, and setjmp/longjmp.
 * Prints "FAIL: ..." for each wrong result; exits 0 only if none.
 */
#include <limits.h>
#include <setjmp.h>
#include "test.h"

#define SORT_COUNT	1000
#define RAND_COUNT	1000
#define ENV_LOOPS	200

/* strtol(s, &end, base) == want with end at s + used and errno as given. */
static void check_strtol(int line, const char *s, int base, long want,
			 int used, int want_errno)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, base);
	if (v != want || end != s + used || errno != want_errno)
		test_fail(__FILE__, line, "strtol(\"%s\", %d) = %ld, used %d, "
			  "errno %d; want %ld, %d, %d", s, base, v,
			  (int)(end - s), errno, want, used, want_errno);
}

#define STRTOL(s, base, want, used, err) \
	check_strtol(__LINE__, s, base, want, used, err)

static void test_strtol(void)
{
	char *end;

	STRTOL("0", 10, 0, 1, 0);
	STRTOL("123", 10, 123, 3, 0);
	STRTOL("  -42xyz", 10, -42, 5, 0);
	STRTOL("+7", 10, 7, 2, 0);
	STRTOL("\t\n 9", 10, 9, 4, 0);
	STRTOL("0x1F", 16, 31, 4, 0);
	STRTOL("1f", 16, 31, 2, 0);
	STRTOL("0x1F", 0, 31, 4, 0);
	STRTOL("017", 0, 15, 3, 0);
	STRTOL("017", 10, 17, 3, 0);
	STRTOL("08", 0, 0, 1, 0);		/* octal: 8 is not a digit */
	STRTOL("0x", 16, 0, 1, 0);		/* "0" then an 'x' */
	STRTOL("0xg", 0, 0, 1, 0);
	STRTOL("zz", 36, 1295, 2, 0);
	STRTOL("ZZ", 36, 1295, 2, 0);
	STRTOL("101", 2, 5, 3, 0);
	STRTOL("", 10, 0, 0, 0);
	STRTOL("   ", 10, 0, 0, 0);
	STRTOL("-", 10, 0, 0, 0);
	STRTOL("abc", 10, 0, 0, 0);
	STRTOL("2147483647", 10, LONG_MAX, 10, 0);
	STRTOL("-2147483648", 10, LONG_MIN, 11, 0);
	STRTOL("2147483648", 10, LONG_MAX, 10, ERANGE);
	STRTOL("-2147483649", 10, LONG_MIN, 11, ERANGE);
	STRTOL("99999999999999999999999", 10, LONG_MAX, 23, ERANGE);

	errno = 0;
	CHECK_TRUE(strtoul("4294967295", &end, 10) == ULONG_MAX && errno == 0);
	CHECK_TRUE(strtoul("4294967296", &end, 10) == ULONG_MAX &&
		   errno == ERANGE);
	errno = 0;
	CHECK_TRUE(strtoul("-1", &end, 10) == ULONG_MAX && errno == 0);
	CHECK_TRUE(strtoul("ffffffff", NULL, 16) == 0xffffffffUL);
	errno = 0;
	CHECK_TRUE(strtoll("-9223372036854775808", &end, 10) == LLONG_MIN &&
		   errno == 0 && *end == '\0');
	CHECK_TRUE(strtoll("9223372036854775808", &end, 10) == LLONG_MAX &&
		   errno == ERANGE);
	errno = 0;
	CHECK_TRUE(strtoull("18446744073709551615", &end, 10) == ULLONG_MAX &&
		   errno == 0);
	CHECK_TRUE(strtoull("18446744073709551616", &end, 10) == ULLONG_MAX &&
		   errno == ERANGE);
	CHECK_TRUE(strtoull("0x123456789abcdef0", NULL, 0) ==
		   0x123456789abcdef0ULL);

	CHECK_TRUE(atoi("  -123abc") == -123);
	CHECK_TRUE(atoi("junk") == 0);
	CHECK_TRUE(atol("100000") == 100000L);
	CHECK_TRUE(atoll("-12345678901") == -12345678901LL);
}

static void test_strtod(void)
{
	const char *s;
	char *end;

	CHECK_TRUE(strtod("3.5", NULL) == 3.5);
	CHECK_TRUE(strtod("-0.25", NULL) == -0.25);
	CHECK_TRUE(strtod("1e3", NULL) == 1000.0);
	CHECK_TRUE(strtod("1.5E-2", NULL) == 0.015);
	CHECK_TRUE(strtod(".5", NULL) == 0.5);
	CHECK_TRUE(strtod("0.1", NULL) == 0.1);
	CHECK_TRUE(strtod("123456789012345678", NULL) == 123456789012345678.0);
	CHECK_TRUE(atof("2.5") == 2.5);
	s = "  12.5abc";
	CHECK_TRUE(strtod(s, &end) == 12.5 && end == s + 6);
	s = "1e+";
	CHECK_TRUE(strtod(s, &end) == 1.0 && end == s + 1);
	s = "x";
	CHECK_TRUE(strtod(s, &end) == 0.0 && end == s);
	CHECK_TRUE(strtod("inf", NULL) > 1e308);
	CHECK_TRUE(strtod("-Infinity", NULL) < -1e308);
	CHECK_TRUE(strtod("nan", NULL) != strtod("nan", NULL));
	errno = 0;
	CHECK_TRUE(strtod("1e400", NULL) > 1e308 && errno == ERANGE);
}

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_sort_search(void)
{
	int v[SORT_COUNT], one = 5, key, i, sorted = 1;
	long long sum = 0, sum_after = 0;
	unsigned int r = 1;
	const char *words[] = { "pear", "apple", "fig", "banana", "cherry" };
	int dup[] = { 3, 1, 3, 2, 1, 3 };
	int *found;

	for (i = 0; i < SORT_COUNT; i++) {
		r = r * 1103515245u + 12345u;
		v[i] = (int)(r >> 8) % 2001 - 1000;
		sum += v[i];
	}
	qsort(v, SORT_COUNT, sizeof(v[0]), compare_ints);
	for (i = 0; i < SORT_COUNT; i++) {
		sum_after += v[i];
		if (i && v[i - 1] > v[i])
			sorted = 0;
	}
	CHECK_TRUE(sorted && sum == sum_after);

	for (i = 0; i < SORT_COUNT; i++) {
		key = v[i];
		found = bsearch(&key, v, SORT_COUNT, sizeof(v[0]), compare_ints);
		if (!found || *found != key)
			sorted = 0;
	}
	CHECK_TRUE(sorted);
	key = 5000;
	CHECK_TRUE(bsearch(&key, v, SORT_COUNT, sizeof(v[0]), compare_ints) ==
		   NULL);
	CHECK_TRUE(bsearch(&key, v, 0, sizeof(v[0]), compare_ints) == NULL);

	qsort(&one, 1, sizeof(one), compare_ints);
	qsort(NULL, 0, sizeof(one), compare_ints);
	CHECK_TRUE(one == 5);

	qsort(dup, 6, sizeof(dup[0]), compare_ints);
	CHECK_TRUE(dup[0] == 1 && dup[1] == 1 && dup[2] == 2 && dup[3] == 3 &&
		   dup[5] == 3);

	qsort(words, 5, sizeof(words[0]), compare_strings);
	CHECK_TRUE(strcmp(words[0], "apple") == 0 &&
		   strcmp(words[1], "banana") == 0 &&
		   strcmp(words[2], "cherry") == 0 &&
		   strcmp(words[3], "fig") == 0 &&
		   strcmp(words[4], "pear") == 0);
}

static void test_env(void)
{
	static char put_string[] = "LIBC_TEST_PUT=direct";
	char value[32];
	int i, ok = 1;

	CHECK_TRUE(getenv("LIBC_TEST_NOPE") == NULL);
	CHECK_TRUE(setenv("LIBC_TEST_A", "one", 1) == 0);
	CHECK_TRUE(getenv("LIBC_TEST_A") &&
		   strcmp(getenv("LIBC_TEST_A"), "one") == 0);
	/* no overwrite */
	CHECK_TRUE(setenv("LIBC_TEST_A", "two", 0) == 0);
	CHECK_TRUE(strcmp(getenv("LIBC_TEST_A"), "one") == 0);
	CHECK_TRUE(setenv("LIBC_TEST_A", "three", 1) == 0);
	CHECK_TRUE(strcmp(getenv("LIBC_TEST_A"), "three") == 0);
	CHECK_TRUE(setenv("LIBC_TEST_B", "", 1) == 0);
	CHECK_TRUE(getenv("LIBC_TEST_B") && *getenv("LIBC_TEST_B") == '\0');
	/* a prefix only */
	CHECK_TRUE(getenv("LIBC_TEST") == NULL);

	/* Many rewrites keep one entry each, and the others survive. */
	for (i = 0; i < ENV_LOOPS; i++) {
		snprintf(value, sizeof(value), "v%d", i);
		ok &= setenv("LIBC_TEST_LOOP", value, 1) == 0;
	}
	CHECK_TRUE(ok && strcmp(getenv("LIBC_TEST_LOOP"), "v199") == 0);
	CHECK_TRUE(strcmp(getenv("LIBC_TEST_A"), "three") == 0);

	CHECK_TRUE(unsetenv("LIBC_TEST_A") == 0);
	CHECK_TRUE(getenv("LIBC_TEST_A") == NULL);
	CHECK_TRUE(getenv("LIBC_TEST_B") != NULL);
	/* absent is fine */
	CHECK_TRUE(unsetenv("LIBC_TEST_A") == 0);

	errno = 0;
	CHECK_TRUE(setenv("BAD=NAME", "x", 1) == -1 && errno == EINVAL);
	errno = 0;
	CHECK_TRUE(setenv("", "x", 1) == -1 && errno == EINVAL);
	errno = 0;
	CHECK_TRUE(unsetenv("") == -1 && errno == EINVAL);

	CHECK_TRUE(putenv(put_string) == 0);
	CHECK_TRUE(getenv("LIBC_TEST_PUT") &&
		   strcmp(getenv("LIBC_TEST_PUT"), "direct") == 0);
	put_string[14] = 'D';				/* the string itself */
	CHECK_TRUE(strcmp(getenv("LIBC_TEST_PUT"), "Direct") == 0);
	unsetenv("LIBC_TEST_PUT");
	unsetenv("LIBC_TEST_B");
	unsetenv("LIBC_TEST_LOOP");
}

static void test_rand(void)
{
	int first[RAND_COUNT], i, same = 1, in_range = 1, distinct = 0;

	srand(42);
	for (i = 0; i < RAND_COUNT; i++) {
		first[i] = rand();
		in_range &= first[i] >= 0 && first[i] <= RAND_MAX;
		distinct += i && first[i] != first[i - 1];
	}
	srand(42);
	for (i = 0; i < RAND_COUNT; i++)
		same &= rand() == first[i];
	CHECK_TRUE(in_range);
	CHECK_TRUE(same);
	CHECK_TRUE(distinct > RAND_COUNT / 2);
	srand(43);
	CHECK_TRUE(rand() != first[0] || rand() != first[1]);
}

static void test_arith(void)
{
	div_t d = div(7, -2);
	ldiv_t ld = ldiv(-7L, 2L);
	lldiv_t lld = lldiv(100000000000LL, 7LL);

	CHECK_TRUE(abs(-5) == 5 && abs(5) == 5 && abs(0) == 0);
	CHECK_TRUE(labs(-100000L) == 100000L);
	CHECK_TRUE(llabs(-10000000000LL) == 10000000000LL);
	CHECK_TRUE(d.quot == -3 && d.rem == 1);
	CHECK_TRUE(ld.quot == -3 && ld.rem == -1);
	CHECK_TRUE(lld.quot == 14285714285LL && lld.rem == 5);
}

static jmp_buf jump_target;
static volatile int jump_depth;

static void jump_from_deep(int value)
{
	jump_depth = 3;
	longjmp(jump_target, value);
}

static void jump_from_middle(int value)
{
	char pad[64];

	memset(pad, jump_depth = 2, sizeof(pad));
	jump_from_deep(value + pad[0] - 2);
}

static void jump_back(int value)
{
	jump_depth = 1;
	jump_from_middle(value);
}

static void test_setjmp(void)
{
	volatile int calls = 0;
	int r;

	r = setjmp(jump_target);
	calls++;
	if (r == 0)
		jump_back(7);
	CHECK_TRUE(r == 7 && calls == 2 && jump_depth == 3);

	r = setjmp(jump_target);
	if (r == 0)
		longjmp(jump_target, 0);	/* 0 arrives as 1 */
	CHECK_TRUE(r == 1);
}

int main(void)
{
	test_strtol();
	test_strtod();
	test_sort_search();
	test_env();
	test_rand();
	test_arith();
	test_setjmp();
	return test_done("libc_stdlib");
}
