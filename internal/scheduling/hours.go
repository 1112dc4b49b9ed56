package scheduling

import (
	"fmt"
	"slices"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// TimeRange is an opening interval within one day, [Open, Close).
type TimeRange struct {
	Open, Close TimeOfDay
}

// WeeklyInterval is one row of a weekly schedule. A day may have several
// (split shifts); a day with none is closed.
type WeeklyInterval struct {
	DayOfWeek   Weekday
	Open, Close TimeOfDay
}

// DateOverride replaces the weekly schedule on one date: closed (a holiday)
// or open during Intervals only (special hours). With a ResourceID it
// replaces that resource's own hours instead of the business's.
type DateOverride struct {
	ResourceID *string
	Date       Date
	Closed     bool
	Intervals  []TimeRange
}

// ValidateHours checks a weekly schedule: days 0 … 6, each interval closing
// after it opens, and no two intervals of a day overlapping (touching is
// fine). prefix is the location of the list, such as "body" for the
// business-hours PUT or "hours" for a resource; fields are reported as
// prefix[i].dayOfWeek, prefix[i].openTime and prefix[i].closeTime.
func ValidateHours(prefix string, week []WeeklyInterval) error {
	var v errs.Validation
	for i, w := range week {
		at := fmt.Sprintf("%s[%d]", prefix, i)
		if w.DayOfWeek < Monday || w.DayOfWeek > Sunday {
			v.Add(at+".dayOfWeek", "dayOfWeek must be 0 (Monday) to 6 (Sunday)")
		}
		checkRange(&v, at, TimeRange{w.Open, w.Close})
	}
	order := make([]int, len(week))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if week[a].DayOfWeek != week[b].DayOfWeek {
			return int(week[a].DayOfWeek - week[b].DayOfWeek)
		}
		return int(week[a].Open - week[b].Open)
	})
	for k := 1; k < len(order); k++ {
		prev, cur := week[order[k-1]], week[order[k]]
		if prev.DayOfWeek == cur.DayOfWeek && cur.Open < prev.Close {
			v.Add(fmt.Sprintf("%s[%d].openTime", prefix, order[k]), "interval overlaps %s–%s on the same day", prev.Open, prev.Close)
		}
	}
	return v.Err()
}

// ValidateOverride checks one date override, naming its fields intervals
// and intervals[i].openTime / closeTime.
func (o DateOverride) ValidateOverride() error {
	var v errs.Validation
	switch {
	case o.Closed && len(o.Intervals) > 0:
		v.Add("intervals", "a closed day has no intervals")
	case !o.Closed && len(o.Intervals) == 0:
		v.Add("intervals", "give the special hours, or mark the day closed")
	}
	for i, r := range o.Intervals {
		at := fmt.Sprintf("intervals[%d]", i)
		checkRange(&v, at, r)
		if i > 0 && r.Open < o.Intervals[i-1].Close {
			v.Add(at+".openTime", "intervals must be in order and must not overlap")
		}
	}
	return v.Err()
}

func checkRange(v *errs.Validation, at string, r TimeRange) {
	if r.Open < 0 || r.Open >= EndOfDay {
		v.Add(at+".openTime", "openTime must be 00:00 to 23:59")
	}
	if r.Close <= r.Open || r.Close > EndOfDay {
		v.Add(at+".closeTime", "closeTime must be after openTime and at most 24:00")
	}
}

// schedule answers "which intervals are open on date d": a weekly pattern
// with date overrides. A nil weekly pattern means "no restriction" (open all
// day), used for resources that follow the business's hours.
type schedule struct {
	weekly    *[7][]TimeRange
	overrides map[Date][]TimeRange // nil slice: closed that day
}

var allDay = []TimeRange{{0, EndOfDay}}

func newSchedule(week []WeeklyInterval, unrestricted bool) schedule {
	s := schedule{overrides: map[Date][]TimeRange{}}
	if unrestricted {
		return s
	}
	s.weekly = new([7][]TimeRange)
	for _, w := range week {
		s.weekly[w.DayOfWeek] = append(s.weekly[w.DayOfWeek], TimeRange{w.Open, w.Close})
	}
	for d := range s.weekly {
		slices.SortFunc(s.weekly[d], func(a, b TimeRange) int { return int(a.Open - b.Open) })
	}
	return s
}

func (s schedule) addOverride(o DateOverride) {
	if o.Closed {
		s.overrides[o.Date] = nil
		return
	}
	s.overrides[o.Date] = o.Intervals
}

func (s schedule) on(d Date) []TimeRange {
	if r, ok := s.overrides[d]; ok {
		return r
	}
	if s.weekly == nil {
		return allDay
	}
	return s.weekly[d.Weekday()]
}
