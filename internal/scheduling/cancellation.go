package scheduling

import "time"

// CancellationPolicy is the business's rule for cancelling.
type CancellationPolicy struct {
	// WindowHours: cancelling less than this many hours before the start
	// is late. 0 means never late.
	WindowHours int
	// LateFeePercent of the service price is charged for a late
	// cancellation, 0 … 100.
	LateFeePercent int
}

// Cancellation is the outcome of applying a policy.
type Cancellation struct {
	// Allowed is false once the appointment has started: it can then only
	// be completed or marked a no-show.
	Allowed bool
	// Late is true inside the policy's window.
	Late bool
	// Fee is the late-cancellation fee (zero when not late).
	Fee Money
}

// CancellationTerms applies policy p to cancelling, at now, an appointment
// starting at start for a service costing price.
func CancellationTerms(p CancellationPolicy, start, now time.Time, price Money) Cancellation {
	if !now.Before(start) {
		return Cancellation{}
	}
	late := p.WindowHours > 0 && start.Sub(now) < time.Duration(p.WindowHours)*time.Hour
	c := Cancellation{Allowed: true, Late: late}
	if late {
		c.Fee = price.Percent(min(max(p.LateFeePercent, 0), 100))
	}
	return c
}
