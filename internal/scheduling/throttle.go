package scheduling

import (
	"context"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// BookingLimit caps the online bookings one key (a client address, an
// email, a customer login) may make: at most Max in a window of Window
// that starts with the key's first booking.
type BookingLimit struct {
	Max    int
	Window time.Duration
}

// The default online-booking limits: per business, twenty bookings an hour
// from one address (an office or a carrier's NAT may front several honest
// bookers) and ten an hour for one email or customer login. A booking
// counts when it is made, whatever happens to it later, so booking and
// cancelling does not give the place back.
var (
	DefaultBookingsPerAddress = BookingLimit{Max: 20, Window: time.Hour}
	DefaultBookingsPerBooker  = BookingLimit{Max: 10, Window: time.Hour}
)

// throttleBooking counts this online booking on its keys, in the booking's
// own transaction (a booking that fails takes its count back with it). The
// store reserves the place atomically, so a burst cannot overshoot. Over a
// limit it refuses with TooMany and retryAfterSeconds.
func (s *Scheduler) throttleBooking(ctx context.Context, r Repo, req BookingRequest) error {
	perAddr, perBooker := s.BookingsPerAddress, s.BookingsPerBooker
	if perAddr.Max == 0 {
		perAddr = DefaultBookingsPerAddress
	}
	if perBooker.Max == 0 {
		perBooker = DefaultBookingsPerBooker
	}
	type key struct {
		key, what string
		limit     BookingLimit
	}
	var keys []key
	if req.ClientIP != "" {
		keys = append(keys, key{"ip:" + req.ClientIP, "from this address", perAddr})
	}
	switch {
	case req.CustomerUserID != "":
		keys = append(keys, key{"user:" + req.CustomerUserID, "for this customer", perBooker})
	case req.Customer != nil:
		keys = append(keys, key{"email:" + strings.ToLower(strings.TrimSpace(req.Customer.Email)), "for this email", perBooker})
	}
	for _, k := range keys { // always in this order: address, then booker
		wait, err := r.CountBooking(ctx, k.key, k.limit, s.now())
		if err != nil {
			return err
		}
		if wait > 0 {
			secs := max(int((wait+time.Second-1)/time.Second), 1)
			return errs.E(errs.TooMany, "too many online bookings %s; try again in %d seconds", k.what, secs).
				With("retryAfterSeconds", secs)
		}
	}
	return nil
}
