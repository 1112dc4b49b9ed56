package scheduling

import "math"

// span is a half-open interval of instants [lo, hi) in Unix nanoseconds.
// The engine works on these rather than time.Time for speed.
type span struct{ lo, hi int64 }

// everything is the whole time line.
var everything = span{math.MinInt64, math.MaxInt64}

// merge joins overlapping or touching spans of a list sorted by lo, in place.
func merge(s []span) []span {
	out := s[:0]
	for _, x := range s {
		if n := len(out); n > 0 && x.lo <= out[n-1].hi {
			out[n-1].hi = max(out[n-1].hi, x.hi)
			continue
		}
		out = append(out, x)
	}
	return out
}

// intersect returns the overlaps of two lists of disjoint spans, each sorted.
// Pieces keep the boundaries of both inputs (touching pieces stay apart).
func intersect(a, b []span) []span {
	var out []span
	for i, j := 0, 0; i < len(a) && j < len(b); {
		lo, hi := max(a[i].lo, b[j].lo), min(a[i].hi, b[j].hi)
		if lo < hi {
			out = append(out, span{lo, hi})
		}
		if a[i].hi < b[j].hi {
			i++
		} else {
			j++
		}
	}
	return out
}

// complement returns the gaps of a merged, sorted list of busy spans.
func complement(busy []span) []span {
	out := make([]span, 0, len(busy)+1)
	lo := int64(math.MinInt64)
	for _, b := range busy {
		if b.lo > lo {
			out = append(out, span{lo, b.lo})
		}
		lo = b.hi
	}
	if lo < math.MaxInt64 {
		out = append(out, span{lo, math.MaxInt64})
	}
	return out
}

// cursor answers "does one span contain [lo, hi)?" over a sorted disjoint
// list, for queries whose hi never decreases: amortised O(1) each.
type cursor struct {
	spans []span
	i     int
}

func (c *cursor) covers(lo, hi int64) bool {
	for c.i < len(c.spans) && c.spans[c.i].hi < hi {
		c.i++
	}
	return c.i < len(c.spans) && c.spans[c.i].lo <= lo
}

// containing reports whether one of the sorted disjoint spans contains
// [lo, hi), by binary search.
func containing(spans []span, lo, hi int64) bool {
	i, j := 0, len(spans)
	for i < j {
		m := (i + j) / 2
		if spans[m].hi < hi {
			i = m + 1
		} else {
			j = m
		}
	}
	return i < len(spans) && spans[i].lo <= lo
}
