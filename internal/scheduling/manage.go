package scheduling

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// CancellationQuote is what cancelling an appointment now would cost.
type CancellationQuote struct {
	Cancellation
	Policy   CancellationPolicy
	Currency string
}

// Quote previews a customer's cancellation of appointment id under the
// business's policy, for who holds its manage link or is its customer.
func (s *Scheduler) Quote(ctx context.Context, b Business, id string, who SelfService) (*Record, *CancellationQuote, error) {
	var rec *Record
	var q *CancellationQuote
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		var err error
		if rec, err = s.owned(ctx, r, id, who); err != nil {
			return err
		}
		q = quote(b, rec, s.now())
		return nil
	})
	return rec, q, err
}

func quote(b Business, rec *Record, now time.Time) *CancellationQuote {
	return &CancellationQuote{Cancellation: CancellationTerms(b.Cancellation, rec.Start, now, rec.Price), Policy: b.Cancellation, Currency: rec.Currency}
}

// CancelByCustomer cancels an appointment for its customer, enforcing the
// cancellation window: a late cancellation records the fee (the
// appointment's price × lateCancellationFeePercent). An appointment that
// has started cannot be cancelled.
func (s *Scheduler) CancelByCustomer(ctx context.Context, b Business, id string, who SelfService) (*Record, *CancellationQuote, error) {
	var rec *Record
	var q *CancellationQuote
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		var err error
		if rec, err = s.owned(ctx, r, id, who); err != nil {
			return err
		}
		now := s.now()
		q = quote(b, rec, now)
		if !q.Allowed {
			return errs.E(errs.Conflict, "this appointment has already started and can no longer be cancelled online")
		}
		if !CanTransition(rec.Status, Cancelled) {
			return ErrTransition(rec.Status, Cancelled)
		}
		rec.Status, rec.CancellationFee, rec.CancelledAt = Cancelled, q.Fee, &now
		return r.UpdateAppointment(ctx, rec)
	})
	return rec, q, err
}

// RescheduleByCustomer moves an appointment to a new start offered by the
// availability engine (its own current time does not count against it),
// keeping its resource when that one is free, else choosing fairly. It is
// refused inside the cancellation window, where moving would dodge the fee.
func (s *Scheduler) RescheduleByCustomer(ctx context.Context, b Business, id string, start time.Time, who SelfService) (*Record, error) {
	var rec *Record
	err := retryConflicts(func() error {
		return s.Store.Tx(ctx, b, func(r Repo) error {
			var err error
			if rec, err = s.owned(ctx, r, id, who); err != nil {
				return err
			}
			if rec.Status != Pending && rec.Status != Confirmed {
				return errs.E(errs.Conflict, "a %s appointment cannot be rescheduled", rec.Status)
			}
			if q := quote(b, rec, s.now()); q.Late || !q.Allowed {
				return errs.E(errs.Conflict, "this appointment is within the %d-hour cancellation window and can no longer be rescheduled online; contact the business",
					b.Cancellation.WindowHours)
			}
			svc, err := serviceFor(ctx, r, rec.ServiceID, "serviceId")
			if err != nil {
				return err
			}
			pinned := ""
			if len(rec.ResourceIDs) == 1 {
				pinned = rec.ResourceIDs[0]
			}
			ids, err := s.pickResources(ctx, r, b, svc, start, pinned, rec.ID)
			if errs.Is(err, errs.Conflict) && pinned != "" {
				ids, err = s.pickResources(ctx, r, b, svc, start, "", rec.ID)
			}
			if err != nil {
				return err
			}
			rec.Start, rec.ResourceIDs = start, ids
			return r.UpdateAppointment(ctx, rec)
		})
	}, func() bool { return true })
	return rec, err
}

// SelfService is who manages an appointment without staff permissions:
// the signed-in caller, and whether the request carried a manage token
// (Token) that signs this appointment (TokenValid, checked by the edge that
// issues the tokens).
type SelfService struct {
	Caller
	Token, TokenValid bool
}

// allows is the object check of customer self-service: a valid manage
// token for the appointment, or the signed-in customer it belongs to.
func (w SelfService) allows(rec *Record) error {
	switch {
	case w.TokenValid, w.owns(rec):
		return nil
	case w.Token:
		return errs.E(errs.Forbidden, "this manage link is not valid for this appointment")
	}
	return errs.E(errs.Unauthorized, "sign in, or use the link from your booking confirmation")
}

// owned reads and locks an appointment and applies the object check.
func (s *Scheduler) owned(ctx context.Context, r Repo, id string, who SelfService) (*Record, error) {
	rec, err := r.GetAppointment(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := who.allows(rec); err != nil {
		return nil, err
	}
	rec.AsBooked() // customer self-service shows the booking as its booker made it
	return rec, nil
}
