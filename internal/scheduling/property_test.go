package scheduling

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// randomWorld builds a random business around one of 2026's DST changes.
// Opening times stay between 06:00 and 22:00, away from the changes' gaps.
func randomWorld(t *testing.T, rng *rand.Rand) (Inputs, Query) {
	zones := []string{"UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata"}
	loc := zone(t, zones[rng.IntN(len(zones))])
	starts := []string{"2026-03-06", "2026-03-27", "2026-10-23", "2026-10-30", "2026-06-01"}
	first := day(starts[rng.IntN(len(starts))])
	quarter := func(lo, hi int) TimeOfDay { return TimeOfDay(15 * (lo*4 + rng.IntN((hi-lo)*4))) }
	randomWeek := func() []WeeklyInterval {
		var w []WeeklyInterval
		for d := Monday; d <= Sunday; d++ {
			open := quarter(6, 12)
			for k := rng.IntN(3); k > 0 && open < Clock(22, 0); k-- {
				closeAt := min(open+TimeOfDay(15*(1+rng.IntN(24))), Clock(22, 0))
				w = append(w, WeeklyInterval{DayOfWeek: d, Open: open, Close: closeAt})
				open = closeAt + TimeOfDay(15*rng.IntN(6))
			}
		}
		return w
	}
	in := Inputs{BusinessZone: loc, BusinessHours: randomWeek()}
	for i := range 1 + rng.IntN(4) {
		r := Resource{ID: fmt.Sprintf("r%d", i), Name: "r", Type: []ResourceType{Staff, Staff, Room}[rng.IntN(3)], Capacity: 1 + rng.IntN(3)*rng.IntN(2), IsActive: rng.IntN(8) > 0}
		if rng.IntN(2) == 0 {
			r.Hours = randomWeek()
			r.TimeZone = zones[rng.IntN(len(zones))]
		}
		in.Resources = append(in.Resources, r)
	}
	from, to := DayRange(first, loc)
	to = to.AddDate(0, 0, 3)
	instant := func() time.Time {
		return from.Add(time.Duration(rng.Int64N(int64(to.Sub(from)))).Truncate(5 * time.Minute))
	}
	for i := range rng.IntN(6) {
		s := instant()
		b := Blocker{ID: fmt.Sprintf("b%d", i), Start: s, End: s.Add(time.Duration(15*(1+rng.IntN(12))) * time.Minute)}
		if rng.IntN(3) == 0 {
			b.RRule, b.Start, b.End = "FREQ=DAILY", b.Start.AddDate(0, 0, -7), b.End.AddDate(0, 0, -7)
		}
		if rng.IntN(2) == 0 {
			b.ResourceID = &in.Resources[rng.IntN(len(in.Resources))].ID
		}
		in.Blockers = append(in.Blockers, b)
	}
	for i := range rng.IntN(40) {
		s := instant()
		in.Bookings = append(in.Bookings, Booking{AppointmentID: fmt.Sprintf("a%d", i), ResourceID: in.Resources[rng.IntN(len(in.Resources))].ID,
			Start: s, End: s.Add(time.Duration(15*(1+rng.IntN(8))) * time.Minute), Seats: 1})
	}
	svc := service(15 * (1 + rng.IntN(8)))
	svc.BufferBefore = time.Duration(5*rng.IntN(3)) * time.Minute
	svc.BufferAfter = time.Duration(5*rng.IntN(3)) * time.Minute
	svc.SlotStep = time.Duration(15*rng.IntN(3)) * time.Minute
	if rng.IntN(3) == 0 {
		svc.Requirements = []Requirement{{Type: Staff, Count: 1}, {Type: Room, Count: 1}}
	}
	q := Query{Service: svc, From: from, To: to, Now: from.Add(time.Duration(rng.IntN(12)) * time.Hour), Seats: 1 + rng.IntN(2)*rng.IntN(2)}
	q.Service.MinNotice = time.Duration(rng.IntN(3)) * time.Hour
	return in, q
}

// naiveFree checks, independently of the engine's spans, that resource r
// can take an appointment at t: open hours minute by minute, blockers and
// booking overlaps by brute force.
func naiveFree(in Inputs, q Query, r Resource, t time.Time) error {
	s := q.Service
	openAt := func(week []WeeklyInterval, m time.Time) bool {
		tod := TimeOfDay(m.Hour()*60 + m.Minute())
		for _, w := range week {
			if w.DayOfWeek == WeekdayOf(m.Weekday()) && w.Open <= tod && tod < w.Close {
				return true
			}
		}
		return false
	}
	for m := t; m.Before(t.Add(s.Duration)); m = m.Add(time.Minute) {
		if !openAt(in.BusinessHours, m.In(in.BusinessZone)) {
			return fmt.Errorf("business closed at %v", m)
		}
		if r.Hours != nil && !openAt(r.Hours, m.In(r.Location(in.BusinessZone))) {
			return fmt.Errorf("resource closed at %v", m)
		}
	}
	lo, hi := t.Add(-s.BufferBefore), t.Add(s.Duration+s.BufferAfter)
	for _, b := range in.Blockers {
		if b.ResourceID != nil && *b.ResourceID != r.ID {
			continue
		}
		loc := in.BusinessZone
		if b.ResourceID != nil {
			loc = r.Location(loc)
		}
		if len(b.Occurrences(loc, lo, hi)) > 0 {
			return fmt.Errorf("blocker %s", b.ID)
		}
	}
	var mine []Booking
	for _, b := range in.Bookings {
		if b.ResourceID == r.ID && b.Start.Before(hi) && b.End.After(lo) {
			mine = append(mine, b)
		}
	}
	for _, p := range mine {
		point := p.Start
		if point.Before(lo) {
			point = lo
		}
		used := 0
		for _, b := range mine {
			if !b.Start.After(point) && b.End.After(point) {
				used += b.Seats
			}
		}
		if used+max(q.Seats, 1) > r.Capacity {
			return fmt.Errorf("%d seats used at %v", used, point)
		}
	}
	return nil
}

func TestPropertySlotsAreReallyFree(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	total := 0
	for iter := range 300 {
		in, q := randomWorld(t, rng)
		slots := Available(in, q)
		total += len(slots)
		byID := map[string]Resource{}
		for _, r := range in.Resources {
			byID[r.ID] = r
		}
		offered := map[int64]bool{}
		for _, s := range slots {
			offered[s.Start.UnixNano()] = true
			if s.Start.Before(q.Now.Add(q.Service.MinNotice)) || !s.Start.Before(q.To) || !s.End.Equal(s.Start.Add(q.Service.Duration)) {
				t.Fatalf("iter %d: slot %v outside the window", iter, s.Start)
			}
			if s.Pick() == nil {
				t.Fatalf("iter %d: slot %v has no assignment", iter, s.Start)
			}
			for _, c := range s.Choices {
				for _, id := range c.ResourceIDs {
					if err := naiveFree(in, q, byID[id], s.Start); err != nil {
						t.Fatalf("iter %d: slot %v offers %s, but: %v", iter, s.Start, id, err)
					}
				}
			}
			if why := WhyNot(in, q, s.Start); why != nil {
				t.Fatalf("iter %d: WhyNot(%v) = %+v for an offered slot", iter, s.Start, why)
			}
		}
		// A query for one instant agrees with the query for the range.
		for t0 := q.From; t0.Before(q.To); t0 = t0.Add(15 * time.Minute) {
			one := q
			one.From, one.To = t0, t0.Add(time.Nanosecond)
			if got := len(Available(in, one)) > 0; got != offered[t0.UnixNano()] {
				t.Fatalf("iter %d: at %v the point query says %v, the range query %v", iter, t0, got, !got)
			}
		}
	}
	if total < 1000 {
		t.Errorf("only %d slots over all iterations: the generator is too strict", total)
	}
}
