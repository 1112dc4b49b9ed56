package scheduling

import (
	"fmt"
	"time"
)

// Weekday numbers the days as the API does: 0 = Monday … 6 = Sunday.
type Weekday int

// The days of the week.
const (
	Monday Weekday = iota
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
	Sunday
)

// WeekdayOf converts a time.Weekday (0 = Sunday) to a Weekday (0 = Monday).
func WeekdayOf(d time.Weekday) Weekday { return Weekday((int(d) + 6) % 7) }

// TimeOfDay is a wall-clock time as minutes after midnight, 0 … 1440.
// 1440 ("24:00") is only meaningful as a closing time.
type TimeOfDay int

// EndOfDay is "24:00", midnight at the end of the day.
const EndOfDay TimeOfDay = 24 * 60

// Clock builds a TimeOfDay from hours and minutes.
func Clock(hour, minute int) TimeOfDay { return TimeOfDay(hour*60 + minute) }

// ParseTimeOfDay reads "HH:MM" (00:00 … 24:00).
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	bad := fmt.Errorf("time of day %q is not HH:MM", s)
	if len(s) != 5 || s[2] != ':' {
		return 0, bad
	}
	digits := [4]int{}
	for i, c := range []byte{s[0], s[1], s[3], s[4]} {
		if c < '0' || c > '9' {
			return 0, bad
		}
		digits[i] = int(c - '0')
	}
	h, m := digits[0]*10+digits[1], digits[2]*10+digits[3]
	if h > 24 || m > 59 || (h == 24 && m != 0) {
		return 0, bad
	}
	return Clock(h, m), nil
}

// String formats t as "HH:MM".
func (t TimeOfDay) String() string { return fmt.Sprintf("%02d:%02d", int(t)/60, int(t)%60) }

// Date is a civil date with no zone, as the API's "YYYY-MM-DD".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads "YYYY-MM-DD".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// DateOf is the date t shows in its own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// String formats d as "YYYY-MM-DD".
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// AddDays returns the date n days after d (n may be negative).
func (d Date) AddDays(n int) Date { return DateOf(d.midnightUTC().AddDate(0, 0, n)) }

// Weekday is the day of the week of d.
func (d Date) Weekday() Weekday { return WeekdayOf(d.midnightUTC().Weekday()) }

// Before reports whether d comes before e.
func (d Date) Before(e Date) bool { return d.midnightUTC().Before(e.midnightUTC()) }

func (d Date) midnightUTC() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// At is the instant at which clocks in loc show date d and time of day t.
//
// Unlike time.Date, which leaves the choice unspecified, At is predictable
// across DST changes: a wall time that happens twice (autumn) is its first
// occurrence, and a wall time that never happens (the spring-forward gap) is
// read with the offset in force before the change, which lands as far past
// the gap as it was into it (02:30 in New York on 2026-03-08 is 03:30 EDT).
// A time of day of 24:00 is midnight at the start of the next day.
func (d Date) At(t TimeOfDay, loc *time.Location) time.Time {
	return localInstant(time.Date(d.Year, d.Month, d.Day, 0, int(t), 0, 0, time.UTC), loc)
}

// DayRange is the span of instants of date d in loc: [local midnight, next
// local midnight). It is 23 or 25 hours long on DST change days.
func DayRange(d Date, loc *time.Location) (from, to time.Time) {
	return d.At(0, loc), d.AddDays(1).At(0, loc)
}

// localInstant reads the wall clock of wall (whose location is ignored) in
// loc, with the rules documented on Date.At. It assumes, as holds for every
// real zone, that offsets change at most once within a day.
func localInstant(wall time.Time, loc *time.Location) time.Time {
	y, mo, d := wall.Date()
	h, mi, s := wall.Clock()
	naive := time.Date(y, mo, d, h, mi, s, wall.Nanosecond(), time.UTC)
	_, before := naive.Add(-24 * time.Hour).In(loc).Zone()
	_, after := naive.Add(24 * time.Hour).In(loc).Zone()
	first := naive.Add(-time.Duration(before) * time.Second)
	second := naive.Add(-time.Duration(after) * time.Second)
	if first.After(second) {
		first, second = second, first
	}
	for _, c := range []time.Time{first, second} {
		if _, off := c.In(loc).Zone(); c.Add(time.Duration(off) * time.Second).Equal(naive) {
			return c.In(loc)
		}
	}
	return naive.Add(-time.Duration(before) * time.Second).In(loc)
}

// wallClock is the wall-clock reading of t in loc, as a UTC time (a
// "floating" time that does arithmetic without DST).
func wallClock(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	y, mo, d := l.Date()
	h, mi, s := l.Clock()
	return time.Date(y, mo, d, h, mi, s, l.Nanosecond(), time.UTC)
}
