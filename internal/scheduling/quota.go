package scheduling

import "context"

// Quota is something a business's plan limits.
type Quota string

// The quotas scheduling enforces. Their names are the platform's limit names.
// QuotaAppointmentsPerMonth counts the appointments created this month that
// still hold time (not cancelled) and limits only online bookings: staff
// bookings count toward it but are never refused by it.
const (
	QuotaResources            Quota = "maxResources"
	QuotaServices             Quota = "maxServices"
	QuotaAppointmentsPerMonth Quota = "maxAppointmentsPerMonth"
)

// Quotas applies the plan of business b: nil when one more of q may be added, an errs.LimitReached naming the limit and the plan that allows
// more otherwise. count is called only when the plan limits q. r is the
// unit of work the check belongs to: the plan is read through it, inside
// its transaction, never on a second pool connection.
type Quotas func(ctx context.Context, r Repo, b Business, q Quota, count func() (int, error)) error

// within checks q inside a unit of work, before the insert it guards. The
// count is read in the same transaction; for resources and services it is
// also serialized per business, so two concurrent creations cannot both take
// the last place. Appointments are not serialized (that would queue every
// booking of a business behind one lock): at the boundary a burst may
// overshoot the monthly limit by the bookings in flight.
func (s *Scheduler) within(ctx context.Context, r Repo, b Business, q Quota) error {
	if s.Quotas == nil {
		return nil
	}
	return s.Quotas(ctx, r, b, q, func() (int, error) { return r.CountForQuota(ctx, q, s.now()) })
}
