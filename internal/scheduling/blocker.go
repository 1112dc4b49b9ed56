package scheduling

import (
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/teambition/rrule-go"
)

// Blocker takes time away from one resource, or from the whole business
// when ResourceID is nil: a lunch break, a holiday, a maintenance window.
//
// With an RRule it repeats. Each occurrence keeps the wall-clock times of
// Start and End in the zone of its resource (or the business), so a 12:00
// lunch stays at 12:00 local across DST changes. The rule only chooses dates:
// FREQ must be DAILY or coarser and BYHOUR/BYMINUTE/BYSECOND are refused.
type Blocker struct {
	ID         string
	ResourceID *string
	Start, End time.Time
	Title      string
	Reason     string
	// RRule is an RFC 5545 rule without the "RRULE:" prefix, e.g.
	// "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"; empty for a one-off blocker.
	RRule string
	// Until, if set, ends the repetition (occurrences starting after it
	// are dropped).
	Until *time.Time
}

// Validate checks the blocker's fields.
func (b Blocker) Validate() error {
	var v errs.Validation
	if b.Start.IsZero() {
		v.Add("startTime", "startTime is required")
	}
	if !b.End.After(b.Start) {
		v.Add("endTime", "the blocker must end after it starts")
	}
	if len(b.Title) > 200 {
		v.Add("title", "title is at most 200 characters")
	}
	if b.RRule != "" {
		if _, err := parseRule(b.RRule); err != nil {
			v.Add("rrule", "%s", err.Message)
		}
		if b.End.Sub(b.Start) > 7*24*time.Hour {
			v.Add("endTime", "a recurring blocker lasts at most 7 days")
		}
	}
	if b.Until != nil && b.Until.Before(b.Start) {
		v.Add("until", "until must not be before startTime")
	}
	return v.Err()
}

func parseRule(s string) (*rrule.ROption, *errs.Error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "RRULE:")
	if strings.ContainsAny(s, "\n\r") || strings.Contains(strings.ToUpper(s), "DTSTART") {
		return nil, errs.Field("rrule", "rrule is one RRULE line; the start comes from startTime")
	}
	opt, err := rrule.StrToROption(s)
	if err != nil {
		return nil, errs.Field("rrule", "rrule is not a valid RFC 5545 rule: %v", err)
	}
	if opt.Freq > rrule.DAILY {
		return nil, errs.Field("rrule", "a blocker repeats daily at most (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)")
	}
	if len(opt.Byhour)+len(opt.Byminute)+len(opt.Bysecond) > 0 {
		return nil, errs.Field("rrule", "BYHOUR, BYMINUTE and BYSECOND are not supported; startTime sets the time")
	}
	return opt, nil
}

// Occurrences returns the blocker's occurrences that overlap [from, to),
// as [start, end) pairs in order, with loc the zone its wall-clock times
// repeat in. A one-off blocker has at most one.
func (b Blocker) Occurrences(loc *time.Location, from, to time.Time) [][2]time.Time {
	var out [][2]time.Time
	b.eachOccurrence(loc, from.UnixNano(), to.UnixNano(), func(s span) {
		out = append(out, [2]time.Time{time.Unix(0, s.lo).In(loc), time.Unix(0, s.hi).In(loc)})
	})
	return out
}

// eachOccurrence calls f for each occurrence overlapping [from, to), in
// order. Rules that fail to parse yield nothing (Validate refuses them).
func (b Blocker) eachOccurrence(loc *time.Location, from, to int64, f func(span)) {
	if b.RRule == "" {
		if s := (span{b.Start.UnixNano(), b.End.UnixNano()}); s.lo < to && s.hi > from {
			f(s)
		}
		return
	}
	opt, ok := cachedRule(b.RRule)
	if !ok {
		return
	}
	// Recur over floating wall-clock times (UTC, no DST), then place each
	// occurrence in loc with Date.At semantics.
	start, end := wallClock(b.Start, loc), wallClock(b.End, loc)
	opt.Dtstart = start
	if b.Until != nil {
		u := wallClock(*b.Until, loc)
		if opt.Until.IsZero() || u.Before(opt.Until) {
			opt.Until = u
		}
	} else if !opt.Until.IsZero() && untilIsInstant(b.RRule) {
		opt.Until = wallClock(opt.Until, loc)
	}
	rule, rerr := rrule.NewRRule(opt)
	if rerr != nil {
		return
	}
	length := end.Sub(start)
	// Wall clocks differ from instants by less than a day either way.
	lo := wallClock(time.Unix(0, from), loc).Add(-length - 24*time.Hour)
	hi := wallClock(time.Unix(0, to), loc).Add(24 * time.Hour)
	for _, o := range rule.Between(lo, hi, true) {
		s := span{localInstant(o, loc).UnixNano(), localInstant(o.Add(length), loc).UnixNano()}
		if s.lo < to && s.hi > from && s.hi > s.lo {
			f(s)
		}
	}
}

// rules caches parsed rules by text (parsing costs more than expanding
// a month of occurrences). It stops growing at maxCachedRules entries.
var rules struct {
	sync.Map // string → rrule.ROption, or nil for an invalid rule
	size     atomic.Int64
}

const maxCachedRules = 4096

// cachedRule parses rule, from the cache when possible. The result is a
// copy the caller may change.
func cachedRule(rule string) (rrule.ROption, bool) {
	if v, ok := rules.Load(rule); ok {
		opt, valid := v.(rrule.ROption)
		return opt, valid
	}
	opt, err := parseRule(rule)
	var v any
	if err == nil {
		v = *opt
	}
	if rules.size.Load() < maxCachedRules {
		if _, loaded := rules.LoadOrStore(rule, v); !loaded {
			rules.size.Add(1)
		}
	}
	if err != nil {
		return rrule.ROption{}, false
	}
	return *opt, true
}

// untilIsInstant reports whether the rule's UNTIL is a UTC instant
// ("…T120000Z") rather than a floating local date or time.
func untilIsInstant(rule string) bool {
	for _, part := range strings.Split(strings.ToUpper(rule), ";") {
		if v, ok := strings.CutPrefix(part, "UNTIL="); ok {
			return strings.HasSuffix(v, "Z")
		}
	}
	return false
}
