/*
 * time.c - calendar time: gmtime, localtime, mktime, timegm, asctime,
 * ctime, strftime, difftime.
 *
 * There are no time zones: local time is UTC and tm_isdst is always 0.
 * The gmtime family, asctime and ctime return pointers to static storage
 * (their _r forms use the caller's).  Dates are proleptic Gregorian.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define SECS_PER_MIN	60
#define SECS_PER_HOUR	3600
#define SECS_PER_DAY	86400L
#define DAYS_PER_WEEK	7
#define DAYS_PER_YEAR	365		/* a common year */
#define CYCLE_YEARS	400		/* the Gregorian calendar repeats */
#define CYCLE_DAYS	146097		/* days in CYCLE_YEARS */
#define MONTHS		12
#define EPOCH_YEAR	1970
#define EPOCH_WDAY	4		/* 1 January 1970 was a Thursday */
#define TM_YEAR_BASE	1900
#define ASCTIME_SIZE	26		/* "Thu Jan  1 00:00:00 1970\n" + NUL */
#define FIELD_MAX	32		/* one strftime conversion */

static const char *const day_names[DAYS_PER_WEEK] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday",
};

static const char *const month_names[MONTHS] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* Days before each month, in common and in leap years. */
static const short days_before[2][MONTHS + 1] = {
	{ 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 },
	{ 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 },
};

static bool is_leap(long long year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* floor(a / b) for b > 0. */
static long long floor_div(long long a, long long b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Leap years in [1, year) (year may be <= 0: then negative). */
static long long leaps_before(long long year)
{
	long long y = year - 1;

	return floor_div(y, 4) - floor_div(y, 100) + floor_div(y, 400);
}

/* Days from 1 January 1970 to 1 January of year. */
static long long days_to_year(long long year)
{
	return (year - EPOCH_YEAR) * DAYS_PER_YEAR + leaps_before(year) -
	       leaps_before(EPOCH_YEAR);
}

struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	long long days = floor_div(*t, SECS_PER_DAY);
	long secs = *t - days * SECS_PER_DAY;
	long long year = EPOCH_YEAR + floor_div(days * CYCLE_YEARS, CYCLE_DAYS);
	int leap, mon;

	/* The estimate is at most a year off either way. */
	while (days_to_year(year) > days)
		year--;
	while (days_to_year(year + 1) <= days)
		year++;
	days -= days_to_year(year);
	leap = is_leap(year);
	for (mon = 0; days >= days_before[leap][mon + 1]; mon++)
		;
	tm->tm_year = (int)(year - TM_YEAR_BASE);
	tm->tm_mon = mon;
	tm->tm_mday = (int)(days - days_before[leap][mon]) + 1;
	tm->tm_yday = (int)days;
	tm->tm_hour = secs / SECS_PER_HOUR;
	tm->tm_min = secs % SECS_PER_HOUR / SECS_PER_MIN;
	tm->tm_sec = secs % SECS_PER_MIN;
	tm->tm_wday = (int)((floor_div(*t, SECS_PER_DAY) % DAYS_PER_WEEK +
			     EPOCH_WDAY + DAYS_PER_WEEK) % DAYS_PER_WEEK);
	tm->tm_isdst = 0;
	return tm;
}

struct tm *gmtime(const time_t *t)
{
	static struct tm tm;

	return gmtime_r(t, &tm);
}

struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	return gmtime_r(t, tm);
}

struct tm *localtime(const time_t *t)
{
	return gmtime(t);
}

/*
 * Seconds since the epoch for *tm, whose fields may be out of range
 * (month 14, day 0, ...); *tm is then rewritten normalized.
 */
time_t timegm(struct tm *tm)
{
	long long year = (long long)tm->tm_year + TM_YEAR_BASE;
	long long mon = tm->tm_mon, secs;
	time_t t;

	year += floor_div(mon, MONTHS);
	mon -= floor_div(mon, MONTHS) * MONTHS;
	secs = (days_to_year(year) + days_before[is_leap(year)][mon] +
		tm->tm_mday - 1) * SECS_PER_DAY +
	       (long long)tm->tm_hour * SECS_PER_HOUR +
	       (long long)tm->tm_min * SECS_PER_MIN + tm->tm_sec;
	if (secs < LONG_MIN || secs > LONG_MAX) {
		errno = EOVERFLOW;
		return (time_t)-1;
	}
	t = (time_t)secs;
	gmtime_r(&t, tm);
	return t;
}

time_t mktime(struct tm *tm)
{
	return timegm(tm);
}

double difftime(time_t end, time_t start)
{
	return (double)end - (double)start;
}

static const char *short_name(const char *const *names, int i, int n)
{
	return i >= 0 && i < n ? names[i] : "???";
}

char *asctime_r(const struct tm *restrict tm, char *restrict buf)
{
	snprintf(buf, ASCTIME_SIZE, "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n",
		 short_name(day_names, tm->tm_wday, DAYS_PER_WEEK),
		 short_name(month_names, tm->tm_mon, MONTHS),
		 tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
		 tm->tm_year + TM_YEAR_BASE);
	return buf;
}

char *asctime(const struct tm *tm)
{
	static char buf[ASCTIME_SIZE];

	return asctime_r(tm, buf);
}

char *ctime_r(const time_t *t, char *buf)
{
	struct tm tm;

	return asctime_r(localtime_r(t, &tm), buf);
}

char *ctime(const time_t *t)
{
	struct tm tm;

	return asctime(localtime_r(t, &tm));
}

/* One strftime conversion into field; returns its length, -1 if unknown. */
static int convert(char *field, char conv, const struct tm *tm)
{
	int hour12 = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12;
	int year = tm->tm_year + TM_YEAR_BASE;
	char text[ASCTIME_SIZE];
	struct tm copy;

	switch (conv) {
	case 'a':
		return snprintf(field, FIELD_MAX, "%.3s",
				short_name(day_names, tm->tm_wday, DAYS_PER_WEEK));
	case 'A':
		return snprintf(field, FIELD_MAX, "%s",
				short_name(day_names, tm->tm_wday, DAYS_PER_WEEK));
	case 'b':
	case 'h':
		return snprintf(field, FIELD_MAX, "%.3s",
				short_name(month_names, tm->tm_mon, MONTHS));
	case 'B':
		return snprintf(field, FIELD_MAX, "%s",
				short_name(month_names, tm->tm_mon, MONTHS));
	case 'c':
		return snprintf(field, FIELD_MAX, "%.24s", asctime_r(tm, text));
	case 'C':
		return snprintf(field, FIELD_MAX, "%02d", year / 100);
	case 'd':
		return snprintf(field, FIELD_MAX, "%02d", tm->tm_mday);
	case 'D':
		return snprintf(field, FIELD_MAX, "%02d/%02d/%02d",
				tm->tm_mon + 1, tm->tm_mday, year % 100);
	case 'e':
		return snprintf(field, FIELD_MAX, "%2d", tm->tm_mday);
	case 'F':
		return snprintf(field, FIELD_MAX, "%d-%02d-%02d",
				year, tm->tm_mon + 1, tm->tm_mday);
	case 'H':
		return snprintf(field, FIELD_MAX, "%02d", tm->tm_hour);
	case 'I':
		return snprintf(field, FIELD_MAX, "%02d", hour12);
	case 'j':
		return snprintf(field, FIELD_MAX, "%03d", tm->tm_yday + 1);
	case 'm':
		return snprintf(field, FIELD_MAX, "%02d", tm->tm_mon + 1);
	case 'M':
		return snprintf(field, FIELD_MAX, "%02d", tm->tm_min);
	case 'n':
		return snprintf(field, FIELD_MAX, "\n");
	case 'p':
		return snprintf(field, FIELD_MAX, "%s",
				tm->tm_hour < 12 ? "AM" : "PM");
	case 'r':
		return snprintf(field, FIELD_MAX, "%02d:%02d:%02d %s", hour12,
				tm->tm_min, tm->tm_sec,
				tm->tm_hour < 12 ? "AM" : "PM");
	case 'R':
		return snprintf(field, FIELD_MAX, "%02d:%02d",
				tm->tm_hour, tm->tm_min);
	case 's':
		copy = *tm;
		return snprintf(field, FIELD_MAX, "%ld", (long)timegm(&copy));
	case 'S':
		return snprintf(field, FIELD_MAX, "%02d", tm->tm_sec);
	case 't':
		return snprintf(field, FIELD_MAX, "\t");
	case 'T':
	case 'X':
		return snprintf(field, FIELD_MAX, "%02d:%02d:%02d",
				tm->tm_hour, tm->tm_min, tm->tm_sec);
	case 'u':
		return snprintf(field, FIELD_MAX, "%d",
				tm->tm_wday ? tm->tm_wday : DAYS_PER_WEEK);
	case 'w':
		return snprintf(field, FIELD_MAX, "%d", tm->tm_wday);
	case 'x':
		return snprintf(field, FIELD_MAX, "%02d/%02d/%02d",
				tm->tm_mon + 1, tm->tm_mday, year % 100);
	case 'y':
		return snprintf(field, FIELD_MAX, "%02d", year % 100);
	case 'Y':
		return snprintf(field, FIELD_MAX, "%d", year);
	case 'z':
		return snprintf(field, FIELD_MAX, "+0000");
	case 'Z':
		return snprintf(field, FIELD_MAX, "UTC");
	case '%':
		return snprintf(field, FIELD_MAX, "%%");
	default:
		return -1;
	}
}

/*
 * Returns the length written, or 0 (contents unspecified) if the result
 * and its NUL do not fit in max bytes.  Unknown conversions are copied.
 */
size_t strftime(char *restrict s, size_t max, const char *restrict fmt,
		const struct tm *restrict tm)
{
	char field[FIELD_MAX];
	const char *piece;
	size_t n = 0;
	int len;

	for (; *fmt; fmt++) {
		piece = fmt;
		len = 1;
		if (*fmt == '%' && fmt[1]) {
			len = convert(field, *++fmt, tm);
			if (len < 0) {
				piece = fmt - 1;
				len = 2;
			} else {
				piece = field;
			}
		}
		if (n + len >= max)
			return 0;
		memcpy(s + n, piece, len);
		n += len;
	}
	if (n >= max)
		return 0;
	s[n] = '\0';
	return n;
}
