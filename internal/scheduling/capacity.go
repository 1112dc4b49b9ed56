package scheduling

import (
	"cmp"
	"slices"
)

// load is capacity taken over a span.
type load struct {
	span
	units int
}

// booked returns, merged and sorted, the spans during which bookings
// (sorted by Start) leave fewer than need units of a resource's capacity.
func booked(bs []*Booking, capacity, need int) []span {
	capacity = max(capacity, 1)
	if need > capacity {
		return []span{everything}
	}
	loads := loads(bs)
	if need == capacity { // any booking at all is in the way
		out := make([]span, len(loads))
		for i, l := range loads {
			out[i] = l.span
		}
		return merge(out)
	}
	type event struct {
		at    int64
		delta int
	}
	events := make([]event, 0, 2*len(loads))
	for _, l := range loads {
		events = append(events, event{l.lo, l.units}, event{l.hi, -l.units})
	}
	// Ends before starts at the same instant: intervals are half-open.
	slices.SortFunc(events, func(a, b event) int { return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.delta, b.delta)) })
	var out []span
	used, limit := 0, capacity-need
	for _, e := range events {
		was := used > limit
		used += e.delta
		switch now := used > limit; {
		case now && !was:
			out = append(out, span{e.at, e.at})
		case !now && was:
			out[len(out)-1].hi = e.at
		}
	}
	return merge(out)
}

// loads turns bookings (sorted by Start) into capacity loads, sorted by
// start: a group session's bookings (same ServiceID and Start) take one
// unit together; any other booking takes its Seats.
func loads(bs []*Booking) []load {
	out := make([]load, 0, len(bs))
	var session map[string]int // ServiceID → index in out, for the current Start
	for i, b := range bs {
		l := load{span{b.Start.UnixNano(), b.End.UnixNano()}, max(b.Seats, 1)}
		if l.hi <= l.lo {
			continue
		}
		if !b.Group {
			out = append(out, l)
			continue
		}
		if i == 0 || !b.Start.Equal(bs[i-1].Start) || session == nil {
			session = map[string]int{}
		}
		if k, ok := session[b.ServiceID]; ok {
			out[k].hi = max(out[k].hi, l.hi)
			continue
		}
		session[b.ServiceID] = len(out)
		l.units = 1
		out = append(out, l)
	}
	return out
}
