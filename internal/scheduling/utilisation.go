package scheduling

import "time"

// OpenMinutes is how many minutes resource r is open within [from, to):
// the business hours (with their overrides), narrowed by the resource's own
// hours and overrides. The dashboard's utilisation divides booked time by it.
func OpenMinutes(in Inputs, r Resource, from, to time.Time) int {
	bz := in.BusinessZone
	if bz == nil {
		bz = time.UTC
	}
	lo, hi := from.UnixNano(), to.UnixNano()
	biz := newSchedule(in.BusinessHours, false)
	own := newSchedule(r.Hours, r.Hours == nil)
	for _, o := range in.Overrides {
		switch {
		case o.ResourceID == nil:
			biz.addOverride(o)
		case *o.ResourceID == r.ID:
			own.addOverride(o)
		}
	}
	open := intersect(merge(pieces(biz, bz, lo, hi)), merge(pieces(own, r.Location(bz), lo, hi)))
	var total int64
	for _, s := range intersect(open, []span{{lo, hi}}) {
		total += s.hi - s.lo
	}
	return int(time.Duration(total) / time.Minute)
}
