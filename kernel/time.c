/*
 * time.c - the kernel's clocks.
 *
 * clock_ns(), nanoseconds since boot, is the one source of time: from
 * the TSC where there is one (kernel/tsc.c), which keeps counting with
 * interrupts off, else from the PIT's interrupts (kernel/timer.c).  It
 * never goes back: a reading below the last one (possible only with the
 * PIT, whose counter reloads before its late interrupt is counted)
 * returns the last one.  Timer ticks, sleeps, alarms and the wall clock
 * are all derived from it.
 *
 * The wall clock is the date read once from the CMOS real-time clock at
 * boot (whole seconds) plus clock_ns() since that reading.  Nothing sets
 * it afterwards.
 */
#include "kernel/time.h"
#include "kernel/printk.h"
#include "kernel/timer.h"
#include "kernel/tsc.h"
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
#define TSC_RES_NS	1		/* finer than any reading takes */
#define PIT_RES_NS	((1000000000u + PIT_FREQ - 1) / PIT_FREQ)

static bool have_tsc;
static u64 last_ns;		/* the latest clock_ns() returned */
static u64 boot_epoch_ns;	/* the wall clock when clock_ns() was 0 */

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

/* The RTC's date in seconds since the epoch, or 0 if it makes no sense. */
static u32 rtc_read(void)
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
		return 0;
	return days_since_epoch(y, mo, d) * SECS_PER_DAY + h * 3600 + mi * 60 + s;
}

void time_init(void)
{
	u32 date;

	have_tsc = tsc_init();
	if (!have_tsc)
		printk("clock: no TSC, counting PIT interrupts\n");
	date = rtc_read();
	if (date)
		boot_epoch_ns = (u64)date * NSEC_PER_SEC - clock_ns();
}

u64 clock_ns(void)
{
	u64 now = have_tsc ? tsc_ns() : timer_pit_ns();

	if (now < last_ns)
		return last_ns;
	return last_ns = now;
}

u64 clock_ticks(void)
{
	return clock_ns() / NSEC_PER_TICK;
}

u64 clock_boot_epoch_ns(void)
{
	return boot_epoch_ns;
}

u64 clock_realtime_ns(void)
{
	return boot_epoch_ns + clock_ns();
}

u32 clock_resolution_ns(void)
{
	return have_tsc ? TSC_RES_NS : PIT_RES_NS;
}

u64 deadline_after(u64 ns)
{
	u64 now = clock_ns();

	return ns >= TIME_FOREVER - now ? TIME_FOREVER : now + ns;
}

u32 uptime_seconds(void)
{
	return (u32)(clock_ns() / NSEC_PER_SEC);
}

u32 time_now(void)
{
	return (u32)(clock_realtime_ns() / NSEC_PER_SEC);
}
