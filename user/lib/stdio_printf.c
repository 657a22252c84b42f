/*
 * stdio_printf.c - formatted output: printf, fprintf, dprintf, sprintf,
 * snprintf, asprintf and their v* forms.
 *
 * One formatter, format(), writes everything through a struct sink:
 *   SINK_STRING  into a caller's buffer, keeping room for the NUL;
 *   SINK_STREAM  into a FILE, staged in chunk[] and passed on with
 *                __stdio_write (so an unbuffered stderr still gets one
 *                write() per chunk, not one per piece);
 *   SINK_FD      to a file descriptor, staged the same way.
 * sink.total counts every character produced, written or not: that is
 * what the functions return (snprintf's "would have written").
 *
 * Conversions: d i u o x X c s p n % and f F e E g G, with the flags
 * - + space # 0, width and precision (numbers or *), and the length
 * modifiers hh h l ll j z t L.  Floating point is converted through
 * long double to MAX_SIG significant decimal digits (to_decimal), then
 * rounded in decimal, half to even on exact ties.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libc_private.h"
#include "stdio_impl.h"

#define CHUNK_SIZE	256	/* staging buffer of the stream and fd sinks */
#define PAD_RUN		16	/* padding characters emitted at once */
#define INT_DIGITS_MAX	24	/* digits of a 64-bit value in octal, and more */
#define MAX_SIG		20	/* significant digits a float conversion makes */
#define FLOAT_PREC	6	/* precision of %f %e %g when none is given */
#define FLOAT_PREC_MAX	(INT_MAX / 2)	/* keeps digit positions in range */
#define EXP_TEXT_MAX	8	/* "e-4951" and a NUL */

/* x87 long double: 64-bit significand, then sign and 15-bit exponent. */
#define LD_EXP_MASK	0x7fff
#define LD_EXP_BIAS	16383
#define LOG10_2_Q18	78913	/* log10(2) * 2^18 */
#define Q18_SHIFT	18

#define FL_LEFT		0x01	/* '-' */
#define FL_PLUS		0x02	/* '+' */
#define FL_SPACE	0x04	/* ' ' */
#define FL_ALT		0x08	/* '#' */
#define FL_ZERO		0x10	/* '0' */

enum sink_kind { SINK_STRING, SINK_STREAM, SINK_FD };

struct sink {
	enum sink_kind kind;
	size_t total;		/* characters produced so far */
	bool error;		/* a write failed */
	char *buf;		/* SINK_STRING: the destination */
	size_t cap;		/* SINK_STRING: its size, NUL included */
	FILE *stream;		/* SINK_STREAM */
	int fd;			/* SINK_FD */
	size_t fill;		/* bytes waiting in chunk */
	char chunk[CHUNK_SIZE];
};

struct spec {
	unsigned int flags;	/* FL_* */
	int width;		/* 0 if none */
	int prec;		/* -1 if none */
	enum length len;
	char conv;
};

/* Decimal digits of a float: value = d[0].d[1]d[2]... * 10^exp. */
struct decimal {
	unsigned char d[MAX_SIG];
	int exp;
	bool exact;		/* no non-zero digits after d[MAX_SIG - 1] */
};

static void flush_chunk(struct sink *s)
{
	size_t done = 0;
	ssize_t n;

	if (s->kind == SINK_STREAM) {
		if (__stdio_write(s->stream, s->chunk, s->fill) != s->fill)
			s->error = true;
	} else {
		while (done < s->fill) {
			n = write(s->fd, s->chunk + done, s->fill - done);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				s->error = true;
				break;
			}
			done += n;
		}
	}
	s->fill = 0;
}

static void emit(struct sink *s, const char *p, size_t n)
{
	size_t c;

	if (s->kind == SINK_STRING) {
		if (s->total + 1 < s->cap) {
			c = s->cap - 1 - s->total;
			memcpy(s->buf + s->total, p, n < c ? n : c);
		}
		s->total += n;
		return;
	}
	s->total += n;
	while (n) {
		c = CHUNK_SIZE - s->fill;
		if (c > n)
			c = n;
		memcpy(s->chunk + s->fill, p, c);
		s->fill += c;
		p += c;
		n -= c;
		if (s->fill == CHUNK_SIZE)
			flush_chunk(s);
	}
}

static void pad(struct sink *s, char c, long long n)
{
	char run[PAD_RUN];

	memset(run, c, sizeof(run));
	for (; n > 0; n -= PAD_RUN)
		emit(s, run, n < PAD_RUN ? n : PAD_RUN);
}

/* [spaces] prefix [zeros] body [spaces], spaces filling the width. */
static void emit_field(struct sink *s, const struct spec *sp,
		       const char *prefix, size_t plen, int zeros,
		       const char *body, size_t blen)
{
	long long fill = sp->width - ((long long)plen + zeros + blen);

	if (!(sp->flags & FL_LEFT))
		pad(s, ' ', fill);
	emit(s, prefix, plen);
	pad(s, '0', zeros);
	emit(s, body, blen);
	if (sp->flags & FL_LEFT)
		pad(s, ' ', fill);
}

static long long arg_signed(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_HH:
		return (signed char)va_arg(*ap, int);
	case LEN_H:
		return (short)va_arg(*ap, int);
	case LEN_L:
		return va_arg(*ap, long);
	case LEN_LL:
	case LEN_LD:
		return va_arg(*ap, long long);
	case LEN_J:
		return va_arg(*ap, intmax_t);
	case LEN_Z:
		return va_arg(*ap, ssize_t);
	case LEN_T:
		return va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, int);
	}
}

/*
 * The unsigned argument: read as the signed type of its size (the same
 * bits), then cut back to that size.
 */
static unsigned long long arg_unsigned(va_list *ap, enum length len)
{
	long long v = arg_signed(ap, len);

	switch (len) {
	case LEN_HH:
		return (unsigned char)v;
	case LEN_H:
		return (unsigned short)v;
	case LEN_L:
		return (unsigned long)v;
	case LEN_LL:
	case LEN_LD:
	case LEN_J:
		return (unsigned long long)v;
	case LEN_Z:
	case LEN_T:
		return (size_t)v;
	default:
		return (unsigned int)v;
	}
}

/* d i u o x X p: v is the magnitude, negative its sign (d and i only). */
static void format_int(struct sink *s, const struct spec *sp,
		       unsigned long long v, bool negative)
{
	const char *digit_chars = sp->conv == 'X' ? "0123456789ABCDEF"
						  : "0123456789abcdef";
	unsigned int base = 10, small;
	char digits[INT_DIGITS_MAX];
	char *end = digits + sizeof(digits), *p = end;
	char prefix[2];
	size_t plen = 0;
	int n, zeros;
	bool zero = v == 0;

	if (sp->conv == 'o')
		base = 8;
	else if (sp->conv == 'x' || sp->conv == 'X' || sp->conv == 'p')
		base = 16;

	while (v > UINT_MAX) {
		*--p = digit_chars[v % base];
		v /= base;
	}
	for (small = (unsigned int)v; small; small /= base)
		*--p = digit_chars[small % base];
	if (zero && sp->prec != 0)
		*--p = '0';
	n = end - p;

	if (sp->conv == 'd' || sp->conv == 'i') {
		if (negative)
			prefix[plen++] = '-';
		else if (sp->flags & FL_PLUS)
			prefix[plen++] = '+';
		else if (sp->flags & FL_SPACE)
			prefix[plen++] = ' ';
	} else if (sp->conv == 'p' ||
		   (base == 16 && (sp->flags & FL_ALT) && !zero)) {
		prefix[plen++] = '0';
		prefix[plen++] = sp->conv == 'X' ? 'X' : 'x';
	}

	zeros = sp->prec > n ? sp->prec - n : 0;
	/* '#' with o: the first digit must be a 0. */
	if (base == 8 && (sp->flags & FL_ALT) && zeros == 0 &&
	    (n == 0 || *p != '0'))
		zeros = 1;
	if ((sp->flags & (FL_ZERO | FL_LEFT)) == FL_ZERO && sp->prec < 0 &&
	    sp->width > (int)plen + zeros + n)
		zeros = sp->width - (int)plen - n;
	emit_field(s, sp, prefix, plen, zeros, p, n);
}

/* Estimate of floor(log10(v)) for v > 0, from the binary exponent. */
static int estimate_exp10(long double v)
{
	union {
		long double v;
		struct {
			unsigned long long significand;
			unsigned short sign_exp;
		} bits;
	} u = { .v = v };
	int exp2 = (u.bits.sign_exp & LD_EXP_MASK) - LD_EXP_BIAS;

	return (exp2 * LOG10_2_Q18) >> Q18_SHIFT;
}

/* v finite and >= 0 to MAX_SIG decimal digits. */
static void to_decimal(long double v, struct decimal *dec)
{
	long double m;
	int e, i, digit;

	memset(dec->d, 0, sizeof(dec->d));
	dec->exp = 0;
	dec->exact = true;
	if (v == 0)
		return;
	e = estimate_exp10(v);
	m = __scale10(v, -e);
	while (m >= 10) {
		m /= 10;
		e++;
	}
	while (m < 1) {
		m *= 10;
		e--;
	}
	for (i = 0; i < MAX_SIG; i++) {
		digit = (int)m;
		if (digit > 9)
			digit = 9;
		dec->d[i] = (unsigned char)digit;
		m = (m - digit) * 10;
	}
	dec->exact = m == 0;
	dec->exp = e;
}

/* Round to keep significant digits (keep <= 0: to the digit before d[0]). */
static void round_decimal(struct decimal *dec, long long keep)
{
	bool up, tie;
	int i;

	if (keep >= MAX_SIG)
		return;
	if (keep < 0) {
		memset(dec->d, 0, sizeof(dec->d));
		return;
	}
	tie = dec->d[keep] == 5 && dec->exact;
	for (i = keep + 1; tie && i < MAX_SIG; i++)
		tie = dec->d[i] == 0;
	if (tie)
		up = keep > 0 && (dec->d[keep - 1] & 1);
	else
		up = dec->d[keep] >= 5;
	memset(dec->d + keep, 0, MAX_SIG - keep);
	if (!up)
		return;
	for (i = keep - 1; i >= 0 && dec->d[i] == 9; i--)
		dec->d[i] = 0;
	if (i >= 0) {
		dec->d[i]++;
	} else {
		dec->d[0] = 1;
		dec->exp++;
	}
}

static char digit_at(const struct decimal *dec, long long i)
{
	return i >= 0 && i < MAX_SIG ? '0' + dec->d[i] : '0';
}

static void emit_digits(struct sink *s, const struct decimal *dec,
			long long first, long long count)
{
	char run[PAD_RUN];
	int n;

	while (count > 0) {
		for (n = 0; n < PAD_RUN && n < count; n++)
			run[n] = digit_at(dec, first + n);
		emit(s, run, n);
		first += n;
		count -= n;
	}
}

/* f F e E g G; v is the argument, sign included. */
static void format_float(struct sink *s, const struct spec *sp,
			 long double v)
{
	bool upper = sp->conv >= 'A' && sp->conv <= 'Z';
	bool alt = sp->flags & FL_ALT, strip = false, fixed = true;
	char conv = upper ? sp->conv - 'A' + 'a' : sp->conv;
	char sign = 0, exp_text[EXP_TEXT_MAX];
	int prec = sp->prec < 0 ? FLOAT_PREC : sp->prec;
	int exp_len = 0, sig, x;
	long long frac, len;
	struct decimal dec;
	const char *text;

	if (__builtin_signbit(v)) {
		sign = '-';
		v = -v;
	} else if (sp->flags & FL_PLUS) {
		sign = '+';
	} else if (sp->flags & FL_SPACE) {
		sign = ' ';
	}
	if (__builtin_isnan(v) || __builtin_isinf(v)) {
		if (__builtin_isnan(v))
			text = upper ? "NAN" : "nan";
		else
			text = upper ? "INF" : "inf";
		emit_field(s, sp, &sign, sign != 0, 0, text, 3);
		return;
	}
	if (prec > FLOAT_PREC_MAX)
		prec = FLOAT_PREC_MAX;
	to_decimal(v, &dec);

	if (conv == 'g') {
		/* %e or %f, whichever shows sig digits best, zeros dropped */
		sig = prec ? prec : 1;
		round_decimal(&dec, sig);
		x = dec.exp;
		fixed = x >= -4 && x < sig;
		prec = fixed ? sig - 1 - x : sig - 1;
		strip = !alt;
	} else {
		fixed = conv == 'f';
	}

	if (fixed) {
		round_decimal(&dec, (long long)dec.exp + 1 + prec);
		frac = prec;
		while (strip && frac > 0 && digit_at(&dec, dec.exp + frac) == '0')
			frac--;
		len = (dec.exp >= 0 ? dec.exp + 1 : 1);
	} else {
		round_decimal(&dec, (long long)prec + 1);
		frac = prec;
		while (strip && frac > 0 && digit_at(&dec, frac) == '0')
			frac--;
		x = dec.exp < 0 ? -dec.exp : dec.exp;
		exp_text[exp_len++] = upper ? 'E' : 'e';
		exp_text[exp_len++] = dec.exp < 0 ? '-' : '+';
		if (x >= 1000)
			exp_text[exp_len++] = '0' + x / 1000 % 10;
		if (x >= 100)
			exp_text[exp_len++] = '0' + x / 100 % 10;
		exp_text[exp_len++] = '0' + x / 10 % 10;
		exp_text[exp_len++] = '0' + x % 10;
		len = 1 + exp_len;
	}
	len += (sign != 0) + (frac > 0 || alt) + frac;

	if (!(sp->flags & (FL_LEFT | FL_ZERO)))
		pad(s, ' ', sp->width - len);
	if (sign)
		emit(s, &sign, 1);
	if ((sp->flags & (FL_LEFT | FL_ZERO)) == FL_ZERO)
		pad(s, '0', sp->width - len);
	if (fixed) {
		if (dec.exp >= 0)
			emit_digits(s, &dec, 0, dec.exp + 1);
		else
			emit(s, "0", 1);
		if (frac > 0 || alt)
			emit(s, ".", 1);
		emit_digits(s, &dec, dec.exp + 1, frac);
	} else {
		emit_digits(s, &dec, 0, 1);
		if (frac > 0 || alt)
			emit(s, ".", 1);
		emit_digits(s, &dec, 1, frac);
		emit(s, exp_text, exp_len);
	}
	if (sp->flags & FL_LEFT)
		pad(s, ' ', sp->width - len);
}

static int parse_number(const char **fmt)
{
	int n = 0;

	for (; **fmt >= '0' && **fmt <= '9'; (*fmt)++)
		if (n <= (INT_MAX - 9) / 10)
			n = n * 10 + (**fmt - '0');
	return n;
}

/* Flags, width, precision and length after a '%'. */
static const char *parse_spec(const char *fmt, struct spec *sp, va_list *ap)
{
	static const char flag_chars[] = "-+ #0";	/* FL_* bit order */
	const char *flag;
	int n;

	sp->flags = 0;
	sp->width = 0;
	sp->prec = -1;
	for (;; fmt++) {
		if (*fmt == '\'')	/* grouping: there are no separators */
			continue;
		flag = *fmt ? strchr(flag_chars, *fmt) : NULL;
		if (!flag)
			break;
		sp->flags |= 1u << (flag - flag_chars);
	}
	if (*fmt == '*') {
		n = va_arg(*ap, int);
		if (n < 0) {
			sp->flags |= FL_LEFT;
			n = n == INT_MIN ? INT_MAX : -n;
		}
		sp->width = n;
		fmt++;
	} else {
		sp->width = parse_number(&fmt);
	}
	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			n = va_arg(*ap, int);
			sp->prec = n < 0 ? -1 : n;
			fmt++;
		} else {
			sp->prec = parse_number(&fmt);
		}
	}
	fmt = __stdio_parse_length(fmt, &sp->len);
	sp->conv = *fmt;
	return fmt;
}

static void format(struct sink *s, const char *fmt, va_list args)
{
	const char *start, *str;
	unsigned long long u;
	struct spec sp;
	long long v;
	va_list ap;
	void *ptr;
	char c;

	va_copy(ap, args);
	for (;;) {
		for (start = fmt; *fmt && *fmt != '%'; fmt++)
			;
		emit(s, start, fmt - start);
		if (!*fmt)
			break;
		start = fmt;
		fmt = parse_spec(fmt + 1, &sp, &ap);
		if (!*fmt) {
			emit(s, start, fmt - start);
			break;
		}
		switch (*fmt++) {
		case 'd':
		case 'i':
			v = arg_signed(&ap, sp.len);
			u = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
			format_int(s, &sp, u, v < 0);
			break;
		case 'u':
		case 'o':
		case 'x':
		case 'X':
			format_int(s, &sp, arg_unsigned(&ap, sp.len), false);
			break;
		case 'p':
			ptr = va_arg(ap, void *);
			if (ptr)
				format_int(s, &sp, (uintptr_t)ptr, false);
			else
				emit_field(s, &sp, "", 0, 0, "(nil)", 5);
			break;
		case 'c':
			c = (char)va_arg(ap, int);
			emit_field(s, &sp, "", 0, 0, &c, 1);
			break;
		case 's':
			str = va_arg(ap, const char *);
			if (!str)
				str = "(null)";
			emit_field(s, &sp, "", 0, 0, str, sp.prec < 0 ?
				   strlen(str) : strnlen(str, sp.prec));
			break;
		case 'f':
		case 'F':
		case 'e':
		case 'E':
		case 'g':
		case 'G':
			format_float(s, &sp, sp.len == LEN_LD ?
				     va_arg(ap, long double) :
				     va_arg(ap, double));
			break;
		case 'n':
			__stdio_store_int(va_arg(ap, void *), sp.len,
					  (long long)s->total);
			break;
		case '%':
			emit(s, "%", 1);
			break;
		default:	/* unknown: print the specification as it is */
			emit(s, start, fmt - start);
			break;
		}
	}
	va_end(ap);
}

/* The printf return value: the count, or -1 on error or overflow. */
static int finish(struct sink *s)
{
	if (s->kind != SINK_STRING && s->fill)
		flush_chunk(s);
	if (s->error)
		return -1;
	if (s->total > INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)s->total;
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct sink s = { .kind = SINK_STREAM, .stream = f };

	format(&s, fmt, ap);
	return finish(&s);
}

int vdprintf(int fd, const char *restrict fmt, va_list ap)
{
	struct sink s = { .kind = SINK_FD, .fd = fd };

	format(&s, fmt, ap);
	return finish(&s);
}

int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
	      va_list ap)
{
	struct sink s = { .kind = SINK_STRING, .buf = buf, .cap = size };

	format(&s, fmt, ap);
	if (size)
		buf[s.total < size ? s.total : size - 1] = '\0';
	return finish(&s);
}

int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{
	return vsnprintf(buf, SIZE_MAX, fmt, ap);
}

int vprintf(const char *restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int vasprintf(char **restrict out, const char *restrict fmt, va_list ap)
{
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	*out = n < 0 ? NULL : malloc((size_t)n + 1);
	if (*out)
		vsnprintf(*out, (size_t)n + 1, fmt, again);
	va_end(again);
	return *out ? n : -1;
}

int printf(const char *restrict fmt, ...)
{
	return VA_CALL(ap, fmt, vfprintf(stdout, fmt, ap));
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	return VA_CALL(ap, fmt, vfprintf(f, fmt, ap));
}

int dprintf(int fd, const char *restrict fmt, ...)
{
	return VA_CALL(ap, fmt, vdprintf(fd, fmt, ap));
}

int sprintf(char *restrict buf, const char *restrict fmt, ...)
{
	return VA_CALL(ap, fmt, vsprintf(buf, fmt, ap));
}

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
{
	return VA_CALL(ap, fmt, vsnprintf(buf, size, fmt, ap));
}

int asprintf(char **restrict out, const char *restrict fmt, ...)
{
	return VA_CALL(ap, fmt, vasprintf(out, fmt, ap));
}
