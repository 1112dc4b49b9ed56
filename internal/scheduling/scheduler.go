package scheduling

import (
	"context"
	"errors"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Scheduler is the service layer over a Store: availability queries and the
// multi-step rules of appointments (creation, changes, status effects),
// each write in one transaction. The database stays the guarantee against
// double booking; the checks made here give clearer errors first.
type Scheduler struct {
	Store Store
	Now   func() time.Time
	// Shuffle orders equally loaded resources for fair assignment (nil:
	// random). Tests may make it deterministic.
	Shuffle func(ids []string)
	// Quotas applies the business's plan limits (nil: no limits).
	Quotas Quotas
	// BookingsPerAddress and BookingsPerBooker limit online bookings
	// (zero: DefaultBookingsPerAddress, DefaultBookingsPerBooker).
	BookingsPerAddress, BookingsPerBooker BookingLimit
}

// Business is what the scheduler needs to know about the tenant.
type Business struct {
	Zone                 *time.Location
	Cancellation         CancellationPolicy
	RequirePaymentMethod bool
}

// margin is how far around a window of start times bookings and blockers
// must be loaded: an appointment starting in the window holds its
// resources from BufferBefore before it to Duration + BufferAfter after
// it, and the store selects what overlaps (not what starts in) the window.
func margin(svc *Service) time.Duration {
	return svc.BufferBefore + svc.Duration + svc.BufferAfter
}

func (s *Scheduler) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

// AvailabilityQuery asks for bookable start times.
type AvailabilityQuery struct {
	ServiceID  string
	From, To   time.Time
	ResourceID string
	Zone       *time.Location // of the returned slots
}

// Availability returns the service and its bookable slots in the window.
func (s *Scheduler) Availability(ctx context.Context, b Business, q AvailabilityQuery) (*Service, []Slot, error) {
	var svc *Service
	var slots []Slot
	err := s.Store.Tx(ctx, func(r Repo) error {
		var err error
		if svc, err = serviceFor(ctx, r, q.ServiceID, "service_id"); err != nil {
			return err
		}
		if err := checkResource(ctx, r, q.ResourceID, "resource_id"); err != nil {
			return err
		}
		in, err := r.Inputs(ctx, q.From, q.To, margin(svc))
		if err != nil {
			return err
		}
		in.BusinessZone = b.Zone
		slots = Available(in, Query{Service: *svc, From: q.From, To: q.To, ResourceID: q.ResourceID, Now: s.now(), Zone: q.Zone})
		return nil
	})
	return svc, slots, err
}

// WhyNotAt explains why the service cannot start at the instant at.
func (s *Scheduler) WhyNotAt(ctx context.Context, b Business, serviceID, resourceID string, at time.Time) (*Service, []Reason, error) {
	var svc *Service
	var reasons []Reason
	err := s.Store.Tx(ctx, func(r Repo) error {
		var err error
		if svc, err = serviceFor(ctx, r, serviceID, "service_id"); err != nil {
			return err
		}
		if err := checkResource(ctx, r, resourceID, "resource_id"); err != nil {
			return err
		}
		in, err := r.Inputs(ctx, at, at.Add(time.Minute), margin(svc))
		if err != nil {
			return err
		}
		in.BusinessZone = b.Zone
		reasons = WhyNot(in, Query{Service: *svc, ResourceID: resourceID, Now: s.now()}, at)
		return nil
	})
	return svc, reasons, err
}

// serviceFor reads a service, naming the input location when it is unknown.
func serviceFor(ctx context.Context, r Repo, id, loc string) (*Service, error) {
	svc, err := r.GetService(ctx, id)
	if errs.Is(err, errs.NotFound) {
		return nil, notFoundField(loc, "service %s does not exist", id)
	}
	return svc, err
}

func checkResource(ctx context.Context, r Repo, id, loc string) error {
	if id == "" {
		return nil
	}
	_, err := r.GetResource(ctx, id)
	if errs.Is(err, errs.NotFound) {
		return notFoundField(loc, "resource %s does not exist", id)
	}
	return err
}

// notFoundField is a NotFound error that names the input it came from.
func notFoundField(loc, format string, args ...any) *errs.Error {
	e := errs.E(errs.NotFound, format, args...)
	e.Fields = []errs.FieldError{{Location: loc, Message: e.Message}}
	return e
}

// retryConflicts runs fn again (up to three times in all) while it fails
// with a conflict and retry says a new attempt may choose differently.
func retryConflicts(fn func() error, retry func() bool) error {
	var err error
	for range 3 {
		if err = fn(); !errs.Is(err, errs.Conflict) || !retry() {
			return err
		}
	}
	return err
}

// isIdempotencyRace reports whether err is the store's "this idempotency
// key was just used by a concurrent request" conflict.
func isIdempotencyRace(err error) bool {
	var e *errs.Error
	return errors.As(err, &e) && e.Extra["idempotencyKeyTaken"] == true
}
