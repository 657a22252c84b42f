/*
 * time.c - wall-clock time: read once from the CMOS real-time clock at
 * boot, then advanced by the timer ticks.
 */
#include "kernel/time.h"
#include "kernel/timer.h"
#include "kernel/x86.h"

#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71
#define RTC_SEC		0x00
#define RTC_MIN		0x02
#define RTC_HOUR	0x04
#define RTC_DAY		0x07
#define RTC_MONTH	0x08
#define RTC_YEAR	0x09
#define RTC_STATUS_A	0x0a
#define RTC_STATUS_B	0x0b
#define RTC_UPDATING	0x80
#define RTC_BINARY	0x04
#define SECS_PER_DAY	86400u

static u32 boot_time;

static u8 cmos_read(u8 reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

static u32 bcd(u8 v, bool binary)
{
	return binary ? v : (v >> 4) * 10u + (v & 0x0f);
}

/* Days from 1970-01-01 to the given date (Gregorian calendar). */
static u32 days_since_epoch(u32 y, u32 m, u32 d)
{
	static const u16 before_month[12] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
	};
	u32 days = (y - 1970) * 365 + before_month[m - 1] + d - 1;

	days += (y - 1969) / 4 - (y - 1901) / 100 + (y - 1601) / 400;
	if (m > 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		days++;
	return days;
}

void time_init(void)
{
	bool bin;
	u32 s, mi, h, d, mo, y;

	while (cmos_read(RTC_STATUS_A) & RTC_UPDATING)
		;
	bin = cmos_read(RTC_STATUS_B) & RTC_BINARY;
	s = bcd(cmos_read(RTC_SEC), bin);
	mi = bcd(cmos_read(RTC_MIN), bin);
	h = bcd(cmos_read(RTC_HOUR), bin);
	d = bcd(cmos_read(RTC_DAY), bin);
	mo = bcd(cmos_read(RTC_MONTH), bin);
	y = 2000 + bcd(cmos_read(RTC_YEAR), bin);
	if (mo < 1 || mo > 12 || d < 1)
		return;
	boot_time = days_since_epoch(y, mo, d) * SECS_PER_DAY + h * 3600 + mi * 60 + s;
}

u32 uptime_seconds(void)
{
	return ticks / HZ;
}

u32 time_now(void)
{
	return boot_time + uptime_seconds();
}
