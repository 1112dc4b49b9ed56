package scheduling

import (
	"math"
	"time"
)

// Inputs is everything about a business the availability engine reads.
// Callers load what overlaps the range they ask about; the engine ignores
// whatever lies outside it.
type Inputs struct {
	// BusinessZone is the zone of BusinessHours, business-wide overrides
	// and business-wide blockers, and of returned times by default.
	BusinessZone  *time.Location
	BusinessHours []WeeklyInterval
	// Overrides replace the hours of one date, for the business or (with
	// a ResourceID) for one resource.
	Overrides []DateOverride
	Resources []Resource
	Blockers  []Blocker
	// Bookings are the time held by appointments that block time, one per
	// appointment and resource (see BookingsOf). Sorted by ResourceID and
	// Start is fastest, but any order works.
	Bookings []Booking
}

// Booking is time an appointment holds on one resource, buffers included.
type Booking struct {
	AppointmentID string
	ServiceID     string
	ResourceID    string
	Start, End    time.Time
	// Seats is how many units of the resource's capacity it takes (0 is
	// read as 1); in a group session, how many of the session's seats.
	Seats int
	// Group marks a booking in a group session (a service with several
	// seats): a resource's group bookings with the same ServiceID and Start
	// are one session and take one unit of its capacity together.
	Group bool
}

// Query asks for the bookable start times of a service.
type Query struct {
	Service Service
	// From and To bound the start times searched, [From, To). DayRange
	// gives the range of a date in the viewer's zone.
	From, To time.Time
	// ResourceID, if set, asks for slots that use this resource.
	ResourceID string
	// Seats is the party size (0 is read as 1): units of a resource's
	// capacity for an ordinary service, seats of the session for a group
	// service.
	Seats int
	// Now is the clock for MinNotice and MaxAdvance; the zero time
	// disables both.
	Now time.Time
	// Zone is the location of the returned times (nil: BusinessZone). It
	// changes how they print, never which instants they are.
	Zone *time.Location
}

// Slot is a bookable start time.
type Slot struct {
	Start, End time.Time // the appointment itself, buffers excluded
	// Choices follow Service.Needs(): Choices[i] lists the resources free
	// for requirement i, of which Count are needed. Some assignment of
	// distinct resources is guaranteed to exist; Pick finds one.
	Choices []Choice
}

// Choice is the set of free resources for one requirement of a slot.
type Choice struct {
	Count       int
	ResourceIDs []string
}

// Available returns the bookable start times of q.Service within
// [q.From, q.To), in order. A start time t is bookable when
//
//   - t lies on the slot grid: opening time + k × Service.Step() of an
//     interval during which the business and the resource are both open,
//     counted in elapsed time (across a DST change inside an interval the
//     grid continues without jump, so a spring-forward gap is skipped and
//     an autumn hour that happens twice is offered twice);
//   - the appointment itself, [t, t+Duration), lies within business hours
//     and the resource's own hours (intervals that touch, such as 22:00–24:00
//     and 00:00–06:00 of the next day, join); buffers may fall outside them;
//   - the held interval [t−BufferBefore, t+Duration+BufferAfter) meets no
//     blocker and leaves enough capacity beside existing bookings (or, for
//     a group service, t is the start of one of its sessions with seats
//     left and no blocker);
//   - Now+MinNotice ≤ t ≤ Now+MaxAdvance;
//   - each requirement of the service gets its count of distinct, active,
//     eligible resources that pass the tests above.
//
// Its cost is O(B log B + R·S) for B bookings in range, R resources and S
// grid points, independent of how bookings and slots interleave.
func Available(in Inputs, q Query) []Slot {
	p := newPlan(in, q, true)
	if p.lo >= p.hi || len(p.res) == 0 {
		return nil
	}
	// Each resource's start times come out sorted; merge them, noting at
	// each time which resources are free.
	times := make([][]int64, len(p.res))
	for ri := range p.res {
		p.scan(ri, func(t int64) { times[ri] = append(times[ri], t) })
	}
	next := make([]int, len(p.res))
	free := make([]bool, len(p.res))
	var slots []Slot
	for {
		t := int64(math.MaxInt64)
		for ri, ts := range times {
			if next[ri] < len(ts) {
				t = min(t, ts[next[ri]])
			}
		}
		if t == math.MaxInt64 {
			break
		}
		for ri, ts := range times {
			free[ri] = next[ri] < len(ts) && ts[next[ri]] == t
			if free[ri] {
				next[ri]++
			}
		}
		if s, ok := p.slotAt(t, free); ok {
			slots = append(slots, s)
		}
	}
	return slots
}

// slotAt builds the slot at t if the free resources satisfy every
// requirement together.
func (p *plan) slotAt(t int64, free []bool) (Slot, bool) {
	groups := make([][]int, len(p.members))
	for g, ms := range p.members {
		for _, ri := range ms {
			if free[ri] {
				groups[g] = append(groups[g], ri)
			}
		}
		if len(groups[g]) < p.reqs[g].Count {
			return Slot{}, false
		}
	}
	if len(groups) > 1 && assign(groups, p.counts()) == nil {
		return Slot{}, false
	}
	s := Slot{Start: time.Unix(0, t).In(p.zone), End: time.Unix(0, t+p.dur).In(p.zone), Choices: make([]Choice, len(groups))}
	for g, rs := range groups {
		ids := make([]string, len(rs))
		for k, ri := range rs {
			ids[k] = p.res[ri].r.ID
		}
		s.Choices[g] = Choice{Count: p.reqs[g].Count, ResourceIDs: ids}
	}
	return s, true
}

// Pick returns one assignment of distinct resources meeting every
// requirement, preferring resources listed earlier, or nil if none exists.
func (s Slot) Pick() []string {
	index := map[string]int{}
	var ids []string
	groups := make([][]int, len(s.Choices))
	counts := make([]int, len(s.Choices))
	for g, c := range s.Choices {
		counts[g] = c.Count
		for _, id := range c.ResourceIDs {
			if _, ok := index[id]; !ok {
				index[id] = len(ids)
				ids = append(ids, id)
			}
			groups[g] = append(groups[g], index[id])
		}
	}
	picked := assign(groups, counts)
	if picked == nil {
		return nil
	}
	out := make([]string, len(picked))
	for i, ri := range picked {
		out[i] = ids[ri]
	}
	return out
}
