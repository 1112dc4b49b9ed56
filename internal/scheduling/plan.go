package scheduling

import (
	"cmp"
	"slices"
	"time"
)

// plan is one query's working state: the window searched, the eligible
// resources and, per resource, its open time and free time as sorted spans.
type plan struct {
	svc                      Service
	zone                     *time.Location
	dur, before, after, step int64
	need                     int   // capacity units a new appointment takes
	seats                    int   // party size
	lo, hi                   int64 // start times searched, [lo, hi)
	reqs                     []Requirement
	members                  [][]int // per requirement: indices into res
	res                      []resource
	business                 []span // business opening pieces
	pinnedMissing            bool   // the pinned resource cannot serve
}

// resource is one eligible resource's state within a plan.
type resource struct {
	r        *Resource
	own      []span // its own hours, merged; nil when unrestricted
	pieces   []span // open with the business: grid anchors
	open     []span // pieces merged: where appointments fit
	free     []span // neither blocked nor booked beyond capacity
	clear    []span // not blocked (for joining a group session)
	sessions map[int64]int
	blocks   []occurrence // blocker occurrences in the window, by start
	bookings []*Booking   // bookings in the window, by start
}

// occurrence is one time a blocker blocks.
type occurrence struct {
	span
	b *Blocker
}

// newPlan prepares a query. With clock false it ignores MinNotice and
// MaxAdvance (WhyNot reports those itself).
func newPlan(in Inputs, q Query, clock bool) *plan {
	bz := in.BusinessZone
	if bz == nil {
		bz = time.UTC
	}
	p := &plan{
		svc: q.Service, zone: cmp.Or(q.Zone, bz),
		dur: int64(q.Service.Duration), before: int64(q.Service.BufferBefore), after: int64(q.Service.BufferAfter),
		step: int64(q.Service.Step()), seats: max(q.Seats, 1),
		lo: q.From.UnixNano(), hi: q.To.UnixNano(), reqs: q.Service.Needs(),
	}
	p.need = p.seats
	if q.Service.Seats() > 1 {
		p.need = 1
	}
	if clock && !q.Now.IsZero() {
		p.lo = max(p.lo, q.Now.Add(q.Service.MinNotice).UnixNano())
		if q.Service.MaxAdvance > 0 {
			p.hi = min(p.hi, q.Now.Add(q.Service.MaxAdvance).UnixNano()+1)
		}
	}
	if !q.Service.IsActive || p.dur <= 0 || p.lo >= p.hi {
		p.lo, p.hi = 0, 0
		return p
	}
	p.choose(in.Resources, q.ResourceID)
	if len(p.res) == 0 {
		return p
	}
	openLo, openHi := p.lo, p.hi+p.dur
	wlo, whi := p.lo-p.before, p.hi+p.dur+p.after

	biz := newSchedule(in.BusinessHours, false)
	own := map[string]schedule{}
	for _, o := range in.Overrides {
		if o.ResourceID == nil {
			biz.addOverride(o)
			continue
		}
		s, ok := own[*o.ResourceID]
		if !ok {
			s = p.ownSchedule(*o.ResourceID, in.Resources)
			own[*o.ResourceID] = s
		}
		s.addOverride(o)
	}
	p.business = pieces(biz, bz, openLo, openHi)

	byID := make(map[string]int, len(p.res))
	for i := range p.res {
		byID[p.res[i].r.ID] = i
	}
	var global []occurrence
	for i := range in.Blockers {
		b := &in.Blockers[i]
		if b.ResourceID == nil {
			b.eachOccurrence(bz, wlo, whi, func(s span) { global = append(global, occurrence{s, b}) })
		} else if ri, ok := byID[*b.ResourceID]; ok {
			rs := &p.res[ri]
			b.eachOccurrence(rs.r.Location(bz), wlo, whi, func(s span) { rs.blocks = append(rs.blocks, occurrence{s, b}) })
		}
	}
	for i := range in.Bookings {
		b := &in.Bookings[i]
		if b.End.UnixNano() <= wlo || b.Start.UnixNano() >= whi {
			continue
		}
		if ri, ok := byID[b.ResourceID]; ok {
			p.res[ri].bookings = append(p.res[ri].bookings, b)
		}
	}
	for i := range p.res {
		rs := &p.res[i]
		if s, ok := own[rs.r.ID]; ok || rs.r.Hours != nil {
			if !ok {
				s = newSchedule(rs.r.Hours, false)
			}
			rs.own = merge(pieces(s, rs.r.Location(bz), openLo, openHi))
			rs.pieces = intersect(p.business, rs.own)
		} else {
			rs.pieces = p.business
		}
		rs.open = merge(slices.Clone(rs.pieces))
		rs.blocks = append(rs.blocks, global...)
		slices.SortFunc(rs.blocks, func(a, b occurrence) int { return cmp.Compare(a.lo, b.lo) })
		p.fillFree(rs)
	}
	return p
}

// ownSchedule is the weekly schedule of resource id before overrides: its
// own hours, or unrestricted.
func (p *plan) ownSchedule(id string, all []Resource) schedule {
	for _, r := range all {
		if r.ID == id && r.Hours != nil {
			return newSchedule(r.Hours, false)
		}
	}
	return newSchedule(nil, true)
}

// choose picks the eligible resources for each requirement. A pinned
// resource serves the first requirement it is eligible for, alone.
func (p *plan) choose(all []Resource, pinned string) {
	index := map[string]int{}
	p.members = make([][]int, len(p.reqs))
	pinnedAt := -1
	for g, req := range p.reqs {
		for i := range all {
			r := &all[i]
			if !r.IsActive || !eligible(*r, req) || (pinned != "" && pinnedAt >= 0 && r.ID == pinned) {
				continue
			}
			if pinned != "" && r.ID == pinned {
				pinnedAt = g
			}
			ri, ok := index[r.ID]
			if !ok {
				ri = len(p.res)
				index[r.ID] = ri
				p.res = append(p.res, resource{r: r})
			}
			p.members[g] = append(p.members[g], ri)
		}
	}
	if pinned == "" {
		return
	}
	if pinnedAt < 0 {
		p.pinnedMissing, p.res, p.members = true, nil, nil
		return
	}
	p.members[pinnedAt] = []int{index[pinned]}
}

func eligible(r Resource, req Requirement) bool {
	if len(req.ResourceIDs) > 0 {
		return slices.Contains(req.ResourceIDs, r.ID)
	}
	return r.Type == req.Type
}

func (p *plan) counts() []int {
	c := make([]int, len(p.reqs))
	for g, r := range p.reqs {
		c[g] = r.Count
	}
	return c
}

// pieces turns a schedule into opening pieces (instants) covering
// [from, to), date by date in loc. Pieces are sorted and do not overlap.
func pieces(s schedule, loc *time.Location, from, to int64) []span {
	last := DateOf(time.Unix(0, to).In(loc)).AddDays(1)
	var out []span
	for d := DateOf(time.Unix(0, from).In(loc)).AddDays(-1); !last.Before(d); d = d.AddDays(1) {
		for _, r := range s.on(d) {
			x := span{d.At(r.Open, loc).UnixNano(), d.At(r.Close, loc).UnixNano()}
			if n := len(out); n > 0 {
				x.lo = max(x.lo, out[n-1].hi) // wall times in a DST gap can overlap
			}
			if x.lo < x.hi {
				out = append(out, x)
			}
		}
	}
	return out
}

// fillFree computes the free and clear spans of a resource and its group
// sessions for the plan's service.
func (p *plan) fillFree(rs *resource) {
	byStart := func(a, b *Booking) int { return a.Start.Compare(b.Start) }
	if !slices.IsSortedFunc(rs.bookings, byStart) {
		slices.SortFunc(rs.bookings, byStart)
	}
	blocked := make([]span, len(rs.blocks))
	for i, o := range rs.blocks {
		blocked[i] = o.span
	}
	blocked = merge(blocked)
	busy := merge(mergeSorted(blocked, booked(rs.bookings, rs.r.Capacity, p.need)))
	rs.free = complement(busy)
	if p.svc.Seats() > 1 {
		rs.clear = complement(blocked)
		rs.sessions = map[int64]int{}
		for _, b := range rs.bookings {
			if b.Group && b.ServiceID == p.svc.ID {
				rs.sessions[b.Start.UnixNano()+p.before] += max(b.Seats, 1)
			}
		}
	}
}

// mergeSorted merges two lists sorted by lo into one.
func mergeSorted(a, b []span) []span {
	out := make([]span, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].lo <= b[0].lo {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// scan calls f with each grid start time, in order, at which resource ri
// alone could take the appointment.
func (p *plan) scan(ri int, f func(t int64)) {
	rs := &p.res[ri]
	open, free, clear := cursor{spans: rs.open}, cursor{spans: rs.free}, cursor{spans: rs.clear}
	for _, pc := range rs.pieces {
		t := pc.lo
		if t < p.lo {
			t += (p.lo - t + p.step - 1) / p.step * p.step
		}
		for ; t < pc.hi && t < p.hi; t += p.step {
			if !open.covers(t, t+p.dur) {
				continue
			}
			if free.covers(t-p.before, t+p.dur+p.after) || p.joins(rs, &clear, t) {
				f(t)
			}
		}
	}
}

// joins reports whether t is a session of the plan's group service on rs
// with seats left and nothing blocked.
func (p *plan) joins(rs *resource, clear *cursor, t int64) bool {
	if rs.sessions == nil {
		return false
	}
	ok := clear.covers(t-p.before, t+p.dur+p.after)
	taken, exists := rs.sessions[t]
	return ok && exists && taken+p.seats <= p.svc.Seats()
}
