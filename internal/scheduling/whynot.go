package scheduling

import (
	"fmt"
	"slices"
	"time"
)

// ReasonCode names why a start time cannot be booked.
type ReasonCode string

// Reason codes, from the service as a whole down to single resources.
const (
	ReasonServiceInactive ReasonCode = "service_inactive" // the service is not bookable
	ReasonNoResource      ReasonCode = "no_resource"      // no active resource can perform it
	ReasonTooSoon         ReasonCode = "too_soon"         // before Now + MinNotice
	ReasonOutsideWindow   ReasonCode = "outside_window"   // after Now + MaxAdvance
	ReasonClosed          ReasonCode = "closed"           // outside business hours
	ReasonResourceClosed  ReasonCode = "resource_closed"  // outside the resource's own hours
	ReasonOffGrid         ReasonCode = "off_grid"         // open, but not on the slot grid
	ReasonBlocked         ReasonCode = "blocked"          // a blocker is in the way
	ReasonBooked          ReasonCode = "booked"           // bookings leave too little capacity
	ReasonFull            ReasonCode = "full"             // no seats left, or party larger than capacity
	ReasonNoCombination   ReasonCode = "no_combination"   // free resources, but not enough together
)

// Reason is one cause that keeps a start time from being bookable.
type Reason struct {
	Code          ReasonCode
	ResourceID    string // the resource concerned, if one
	BlockerID     string // for blocked
	AppointmentID string // for booked
	Detail        string // a human explanation
	// Until is when the cause ends, when known: the earliest allowed start
	// for too_soon, the end of a blocker or booking (buffers included).
	Until time.Time
}

// WhyNot explains why start time at is not offered by Available for q (its
// From and To are ignored). It returns nil when at is bookable. Reasons
// come for every eligible resource that cannot take the appointment, so
// "any staff" queries explain each person.
func WhyNot(in Inputs, q Query, at time.Time) []Reason {
	q.From, q.To = at, at.Add(time.Nanosecond)
	if len(Available(in, q)) > 0 {
		return nil
	}
	s := q.Service
	if !s.IsActive || s.Duration <= 0 {
		return []Reason{{Code: ReasonServiceInactive, Detail: fmt.Sprintf("service %q is not active", s.Name)}}
	}
	var out []Reason
	if !q.Now.IsZero() {
		if earliest := q.Now.Add(s.MinNotice); at.Before(earliest) {
			out = append(out, Reason{Code: ReasonTooSoon, Detail: fmt.Sprintf("bookings need %v notice", s.MinNotice), Until: earliest})
		}
		if s.MaxAdvance > 0 && at.After(q.Now.Add(s.MaxAdvance)) {
			out = append(out, Reason{Code: ReasonOutsideWindow, Detail: fmt.Sprintf("bookings open %v ahead", s.MaxAdvance)})
		}
	}
	p := newPlan(in, q, false)
	if len(p.res) == 0 {
		detail := "no active resource can perform this service"
		if p.pinnedMissing {
			detail = fmt.Sprintf("resource %s is not an active resource for this service", q.ResourceID)
		}
		return append(out, Reason{Code: ReasonNoResource, ResourceID: q.ResourceID, Detail: detail})
	}
	t := at.UnixNano()
	if !containing(merge(slices.Clone(p.business)), t, t+p.dur) {
		return append(out, Reason{Code: ReasonClosed, Detail: "the business is closed then"})
	}
	for ri := range p.res {
		if p.used(ri) {
			out = append(out, p.explain(ri, t)...)
		}
	}
	if len(out) == 0 {
		out = append(out, Reason{Code: ReasonNoCombination, Detail: "not enough free resources together for this service"})
	}
	return out
}

// used reports whether resource ri serves some requirement of the plan.
func (p *plan) used(ri int) bool {
	for _, ms := range p.members {
		if slices.Contains(ms, ri) {
			return true
		}
	}
	return false
}

// explain lists why resource ri cannot take an appointment starting at t.
func (p *plan) explain(ri int, t int64) []Reason {
	rs := &p.res[ri]
	id := rs.r.ID
	if rs.own != nil && !containing(rs.own, t, t+p.dur) {
		return []Reason{{Code: ReasonResourceClosed, ResourceID: id, Detail: rs.r.Name + " is not working then"}}
	}
	var out []Reason
	if !p.onGrid(rs, t) {
		out = append(out, Reason{Code: ReasonOffGrid, ResourceID: id, Detail: fmt.Sprintf("start times are every %v from opening", p.svc.Step())})
	}
	lo, hi := t-p.before, t+p.dur+p.after
	for _, o := range rs.blocks {
		if o.lo < hi && o.hi > lo {
			out = append(out, Reason{Code: ReasonBlocked, ResourceID: id, BlockerID: o.b.ID, Detail: o.b.Title, Until: time.Unix(0, o.hi).In(p.zone)})
		}
	}
	if taken, ok := rs.sessions[t]; ok && taken+p.seats > p.svc.Seats() {
		out = append(out, Reason{Code: ReasonFull, ResourceID: id, Detail: fmt.Sprintf("%d of %d seats taken", taken, p.svc.Seats())})
	}
	if _, joinable := rs.sessions[t]; joinable || containing(complement(booked(rs.bookings, rs.r.Capacity, p.need)), lo, hi) {
		return out
	}
	if p.need > max(rs.r.Capacity, 1) {
		return append(out, Reason{Code: ReasonFull, ResourceID: id, Detail: fmt.Sprintf("capacity %d is less than %d", rs.r.Capacity, p.need)})
	}
	for _, b := range rs.bookings {
		if b.Start.UnixNano() < hi && b.End.UnixNano() > lo {
			out = append(out, Reason{Code: ReasonBooked, ResourceID: id, AppointmentID: b.AppointmentID, Detail: rs.r.Name + " is booked", Until: b.End.In(p.zone)})
		}
	}
	return out
}

// onGrid reports whether t is a grid start time of rs.
func (p *plan) onGrid(rs *resource, t int64) bool {
	for _, pc := range rs.pieces {
		if pc.lo <= t && t < pc.hi && (t-pc.lo)%p.step == 0 {
			return true
		}
	}
	return false
}
