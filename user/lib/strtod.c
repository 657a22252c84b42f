/*
 * strtod.c - string to floating point: strtod, strtof, strtold, atof.
 *
 * Accepts white space, a sign, then "inf"/"infinity"/"nan" or decimal
 * digits with an optional point and e/E exponent (no hexadecimal floats).
 * Up to MAX_SIG_DIGITS significant digits are kept in an integer, which
 * is then scaled by a power of ten computed in long double: results are
 * within an ulp or so, not always correctly rounded.
 */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <strings.h>
#include "libc_private.h"

#define MAX_SIG_DIGITS	19	/* fit in an unsigned long long */
#define MAX_EXP10	100000	/* exponents beyond this are all alike */
#define HALF_RANGE	4000	/* long double 10^n is finite up to ~4932 */

/* 10^n for n >= 0 by repeated squaring. */
static long double pow10_pos(int n)
{
	long double result = 1.0L, base = 10.0L;

	for (; n; n >>= 1) {
		if (n & 1)
			result *= base;
		base *= base;
	}
	return result;
}

/* m * 10^e, in steps when 10^|e| alone would overflow. */
long double __scale10(long double m, int e)
{
	if (e > HALF_RANGE)
		return __scale10(m * pow10_pos(HALF_RANGE), e - HALF_RANGE);
	if (e < -HALF_RANGE)
		return __scale10(m / pow10_pos(HALF_RANGE), e + HALF_RANGE);
	return e >= 0 ? m * pow10_pos(e) : m / pow10_pos(-e);
}

static const char *parse_exponent(const char *s, int *exp10)
{
	const char *p = s + 1;
	bool negative = false;
	int e = 0;

	if (*p == '+' || *p == '-')
		negative = *p++ == '-';
	if (!isdigit((unsigned char)*p))
		return s;		/* not an exponent after all */
	for (; isdigit((unsigned char)*p); p++)
		if (e < MAX_EXP10)
			e = e * 10 + (*p - '0');
	*exp10 += negative ? -e : e;
	return p;
}

long double strtold(const char *restrict s, char **restrict end)
{
	const char *p = s;
	unsigned long long mant = 0;
	int digits = 0, exp10 = 0;
	bool negative = false, any = false;
	long double v;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		negative = *p++ == '-';
	if (strncasecmp(p, "inf", 3) == 0) {
		p += strncasecmp(p, "infinity", 8) == 0 ? 8 : 3;
		v = __builtin_infl();
		goto done;
	}
	if (strncasecmp(p, "nan", 3) == 0) {
		p += 3;
		v = __builtin_nanl("");
		goto done;
	}
	for (; isdigit((unsigned char)*p); p++) {
		any = true;
		if (digits < MAX_SIG_DIGITS) {
			mant = mant * 10 + (*p - '0');
			digits += mant != 0;
		} else {
			exp10++;
		}
	}
	if (*p == '.') {
		for (p++; isdigit((unsigned char)*p); p++) {
			any = true;
			if (digits < MAX_SIG_DIGITS) {
				mant = mant * 10 + (*p - '0');
				digits += mant != 0;
				exp10--;
			}
		}
	}
	if (!any) {
		if (end)
			*end = (char *)s;
		return 0;
	}
	if (*p == 'e' || *p == 'E')
		p = parse_exponent(p, &exp10);
	v = mant ? __scale10((long double)mant, exp10) : 0.0L;
	if (mant && (v == 0 || __builtin_isinf(v)))
		errno = ERANGE;
done:
	if (end)
		*end = (char *)p;
	return negative ? -v : v;
}

double strtod(const char *restrict s, char **restrict end)
{
	long double v = strtold(s, end);
	double d = (double)v;

	if ((__builtin_isinf(d) && !__builtin_isinf(v)) ||
	    (d == 0 && v != 0))
		errno = ERANGE;
	return d;
}

float strtof(const char *restrict s, char **restrict end)
{
	long double v = strtold(s, end);
	float f = (float)v;

	if ((__builtin_isinf(f) && !__builtin_isinf(v)) ||
	    (f == 0 && v != 0))
		errno = ERANGE;
	return f;
}

double atof(const char *s)
{
	return strtod(s, NULL);
}
