/*
 * stdio_scanf.c - formatted input: scanf, fscanf, sscanf and their v*
 * forms.
 *
 * One scanner, scan(), reads characters from a struct source (a string
 * or a FILE) with one character of push-back.  Conversions: d i u o x X p
 * (text collected, then strtoll/strtoull), f e g E G a (strtold), s c [
 * n %, with '*' (assign nothing), a maximum field width and the length
 * modifiers hh h l ll j z t L.  The result is the number of items
 * assigned, or EOF if the input ended before the first conversion.
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "libc_private.h"
#include "stdio_impl.h"

#define NUM_TEXT_MAX	128	/* characters of one number kept */
#define CHARSET_SIZE	(UCHAR_MAX + 1)

struct source {
	const char *str;	/* string input, or NULL for stream */
	FILE *stream;
	size_t count;		/* characters consumed (for %n) */
};

static int next(struct source *in)
{
	int c;

	if (in->str)
		c = *in->str ? (unsigned char)*in->str++ : EOF;
	else
		c = fgetc(in->stream);
	if (c != EOF)
		in->count++;
	return c;
}

static void back(struct source *in, int c)
{
	if (c == EOF)
		return;
	in->count--;
	if (in->str)
		in->str--;
	else
		ungetc(c, in->stream);
}

/* Skip white space; returns the next character (not consumed), or EOF. */
static int skip_space(struct source *in)
{
	int c;

	do {
		c = next(in);
	} while (c != EOF && isspace(c));
	back(in, c);
	return c;
}

static bool digit_in_base(int c, int base)
{
	if (base == 16)
		return isxdigit(c);
	return c >= '0' && c < '0' + base;
}

/* Characters of a decimal float after its sign; prev is the one before. */
static bool float_char(int c, int prev)
{
	if (c == '+' || c == '-')
		return prev == 'e' || prev == 'E';
	return isdigit(c) || c == '.' || c == 'e' || c == 'E';
}

/*
 * Text of the number that starts the input, at most width characters,
 * into buf.  For integers base is 0, 8, 10 or 16; for floats it is -1.
 * Returns false (a matching failure) if there is no number.
 */
static bool scan_number(struct source *in, char *buf, int width, int base)
{
	int n = 0, c;
	bool digits = false, is_float = base < 0;

	if (width <= 0 || width >= NUM_TEXT_MAX)
		width = NUM_TEXT_MAX - 1;
	c = next(in);
	if ((c == '+' || c == '-') && n < width) {
		buf[n++] = (char)c;
		c = next(in);
	}
	if (!is_float && (base == 0 || base == 16) && c == '0' && n < width) {
		buf[n++] = (char)c;
		digits = true;
		c = next(in);
		if ((c == 'x' || c == 'X') && n < width) {
			buf[n++] = (char)c;
			c = next(in);
			base = 16;
		} else if (base == 0) {
			base = 8;
		}
	}
	if (base == 0)
		base = 10;
	for (; c != EOF && n < width; c = next(in)) {
		if (is_float ? !float_char(c, n ? buf[n - 1] : 0)
			     : !digit_in_base(c, base))
			break;
		if (!is_float || isdigit(c))
			digits = true;
		buf[n++] = (char)c;
	}
	back(in, c);
	buf[n] = '\0';
	return digits;
}

/* 256 flags for a %[...] set; returns the format after the ']'. */
static const char *parse_set(const char *fmt, bool set[CHARSET_SIZE])
{
	bool invert = false;
	int c, i;

	if (*fmt == '^') {
		invert = true;
		fmt++;
	}
	memset(set, 0, CHARSET_SIZE * sizeof(bool));
	if (*fmt == ']')
		set[(unsigned char)*fmt++] = true;
	for (; *fmt && *fmt != ']'; fmt++) {
		c = (unsigned char)*fmt;
		if (fmt[1] == '-' && fmt[2] && fmt[2] != ']') {
			for (i = c; i <= (unsigned char)fmt[2]; i++)
				set[i] = true;
			fmt += 2;
		} else {
			set[c] = true;
		}
	}
	if (invert)
		for (i = 0; i < CHARSET_SIZE; i++)
			set[i] = !set[i];
	return *fmt ? fmt + 1 : fmt;
}

/*
 * Characters for %s, %c or %[ into dst (NULL when suppressed): at most
 * width of them (exactly width for %c), those in set (NULL: any but
 * white space for %s, anything for %c).  Returns the count read.
 */
static int scan_chars(struct source *in, char *dst, int width,
		      const bool *set, bool whole)
{
	int n = 0, c;

	while (n < width) {
		c = next(in);
		if (c == EOF)
			break;
		if (set ? !set[c] : !whole && isspace(c)) {
			back(in, c);
			break;
		}
		if (dst)
			dst[n] = (char)c;
		n++;
	}
	return n;
}

static int scan(struct source *in, const char *fmt, va_list args)
{
	int assigned = 0, converted = 0, width, c, n, base;
	char text[NUM_TEXT_MAX];
	bool set[CHARSET_SIZE];
	bool suppress;
	enum length len;
	char conv, *dst;
	long double f;
	va_list ap;
	void *p;

	va_copy(ap, args);
	for (; *fmt; fmt++) {
		if (isspace((unsigned char)*fmt)) {
			skip_space(in);
			continue;
		}
		if (*fmt != '%' || fmt[1] == '%') {
			if (*fmt == '%') {
				fmt++;
				skip_space(in);
			}
			c = next(in);
			if (c != (unsigned char)*fmt) {
				back(in, c);
				if (c == EOF)
					goto input_failure;
				break;
			}
			continue;
		}
		fmt++;
		suppress = *fmt == '*';
		if (suppress)
			fmt++;
		for (width = 0; isdigit((unsigned char)*fmt); fmt++)
			if (width <= (INT_MAX - 9) / 10)
				width = width * 10 + (*fmt - '0');
		fmt = __stdio_parse_length(fmt, &len);
		conv = *fmt;
		if (!conv)
			break;
		if (conv != '[' && conv != 'c' && conv != 'n' &&
		    skip_space(in) == EOF)
			goto input_failure;
		p = suppress || conv == 'n' ? NULL : va_arg(ap, void *);

		switch (conv) {
		case 'd':
		case 'i':
		case 'u':
		case 'o':
		case 'x':
		case 'X':
		case 'p':
			base = conv == 'd' || conv == 'u' ? 10 :
			       conv == 'i' ? 0 : conv == 'o' ? 8 : 16;
			if (!scan_number(in, text, width, base))
				goto done;
			if (!p)
				break;
			if (conv == 'p')
				*(void **)p = (void *)(uintptr_t)strtoull(text, NULL, 16);
			else if (conv == 'd' || conv == 'i')
				__stdio_store_int(p, len, strtoll(text, NULL, base));
			else
				__stdio_store_int(p, len, (long long)strtoull(text, NULL, base));
			assigned++;
			break;
		case 'f':
		case 'e':
		case 'g':
		case 'a':
		case 'E':
		case 'G':
		case 'A':
			if (!scan_number(in, text, width, -1))
				goto done;
			if (!p)
				break;
			f = strtold(text, NULL);
			if (len == LEN_LD)
				*(long double *)p = f;
			else if (len == LEN_L)
				*(double *)p = (double)f;
			else
				*(float *)p = (float)f;
			assigned++;
			break;
		case 's':
		case 'c':
		case '[':
			dst = p;
			if (conv == '[')
				fmt = parse_set(fmt + 1, set) - 1;
			if (width == 0)
				width = conv == 'c' ? 1 : INT_MAX;
			n = scan_chars(in, dst, width, conv == '[' ? set : NULL,
				       conv == 'c');
			if (n == 0 || (conv == 'c' && n < width)) {
				if (n == 0 && converted == 0 &&
				    (in->str ? !*in->str : feof(in->stream)))
					goto input_failure;
				goto done;
			}
			if (!dst)
				break;
			if (conv != 'c')
				dst[n] = '\0';
			assigned++;
			break;
		case 'n':
			if (!suppress)
				__stdio_store_int(va_arg(ap, void *), len,
					     (long long)in->count);
			continue;
		default:
			goto done;
		}
		converted++;
	}
done:
	va_end(ap);
	return assigned;
input_failure:
	va_end(ap);
	return converted ? assigned : EOF;
}

int vsscanf(const char *restrict s, const char *restrict fmt, va_list ap)
{
	struct source in = { .str = s };

	return scan(&in, fmt, ap);
}

int vfscanf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct source in = { .stream = f };

	return scan(&in, fmt, ap);
}

int vscanf(const char *restrict fmt, va_list ap)
{
	return vfscanf(stdin, fmt, ap);
}

int sscanf(const char *restrict s, const char *restrict fmt, ...)
{
	return VA_CALL(ap, fmt, vsscanf(s, fmt, ap));
}

int fscanf(FILE *restrict f, const char *restrict fmt, ...)
{
	return VA_CALL(ap, fmt, vfscanf(f, fmt, ap));
}

int scanf(const char *restrict fmt, ...)
{
	return VA_CALL(ap, fmt, vfscanf(stdin, fmt, ap));
}
