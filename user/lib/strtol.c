/*
 * strtol.c - string to integer: strtol, strtoul, strtoll, strtoull,
 * strtoimax, strtoumax, atoi, atol, atoll.
 *
 * All of them share parse_digits(): optional white space and sign, an
 * optional 0x/0X prefix (base 16 or 0), then digits of the base.  Out of
 * range values are clamped with errno = ERANGE; *end is set to the first
 * unused character, or to the start of the string if nothing was
 * converted.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>

#define MAX_BASE	36

struct parsed {
	unsigned long long value;	/* magnitude, valid if !overflow */
	bool negative;
	bool overflow;			/* magnitude exceeds ULLONG_MAX */
};

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return tolower(c) - 'a' + 10;
	return MAX_BASE;
}

static void parse_digits(const char *s, char **end, int base, struct parsed *p)
{
	const char *start = s;
	bool any = false;
	int d;

	p->value = 0;
	p->negative = false;
	p->overflow = false;
	if (base < 0 || base == 1 || base > MAX_BASE) {
		errno = EINVAL;
		goto none;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+' || *s == '-')
		p->negative = *s++ == '-';
	if ((base == 0 || base == 16) && s[0] == '0' &&
	    (s[1] == 'x' || s[1] == 'X') && isxdigit((unsigned char)s[2])) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = *s == '0' ? 8 : 10;
	}
	for (; (d = digit_value((unsigned char)*s)) < base; s++) {
		any = true;
		if (p->value > (ULLONG_MAX - d) / base)
			p->overflow = true;
		else
			p->value = p->value * base + d;
	}
	if (!any)
		goto none;
	if (end)
		*end = (char *)s;
	return;
none:
	p->negative = false;
	if (end)
		*end = (char *)start;
}

/* The signed result, clamped to [min, max]. */
static long long to_signed(const struct parsed *p, long long min,
			   long long max)
{
	unsigned long long limit = p->negative ?
		(unsigned long long)max + 1 : (unsigned long long)max;

	if (p->overflow || p->value > limit) {
		errno = ERANGE;
		return p->negative ? min : max;
	}
	if (p->negative)
		return p->value ? -(long long)(p->value - 1) - 1 : 0;
	return (long long)p->value;
}

/* The unsigned result; a minus sign negates it modulo 2^bits. */
static unsigned long long to_unsigned(const struct parsed *p,
				      unsigned long long max)
{
	if (p->overflow || p->value > max) {
		errno = ERANGE;
		return max;
	}
	return p->negative ? (max - p->value + 1) & max : p->value;
}

long strtol(const char *restrict s, char **restrict end, int base)
{
	struct parsed p;

	parse_digits(s, end, base, &p);
	return (long)to_signed(&p, LONG_MIN, LONG_MAX);
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	struct parsed p;

	parse_digits(s, end, base, &p);
	return to_signed(&p, LLONG_MIN, LLONG_MAX);
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	struct parsed p;

	parse_digits(s, end, base, &p);
	return (unsigned long)to_unsigned(&p, ULONG_MAX);
}

unsigned long long strtoull(const char *restrict s, char **restrict end,
			    int base)
{
	struct parsed p;

	parse_digits(s, end, base, &p);
	return to_unsigned(&p, ULLONG_MAX);
}

intmax_t strtoimax(const char *restrict s, char **restrict end, int base)
{
	return strtoll(s, end, base);
}

uintmax_t strtoumax(const char *restrict s, char **restrict end, int base)
{
	return strtoull(s, end, base);
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
