package scheduling

import (
	"context"
	"slices"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// NewAppointment is a booking made by staff (or an API client).
type NewAppointment struct {
	CustomerID  string
	ServiceID   string
	ResourceIDs []string // may be empty for a PENDING request
	Start       time.Time
	Duration    time.Duration // 0: the service's
	Status      Status        // "": CONFIRMED
	Notes       string
	Source      Source // "": STAFF
	CreatedBy   *string
}

// Create books an appointment. Staff may book outside opening hours and
// over blockers (they see the schedule); they may not book over another
// appointment — the database refuses it and the result is a conflict.
func (s *Scheduler) Create(ctx context.Context, b Business, n NewAppointment) (*Record, error) {
	rec := &Record{Appointment: Appointment{
		CustomerID: n.CustomerID, ServiceID: n.ServiceID, ResourceIDs: dedupe(n.ResourceIDs), Start: n.Start,
		Duration: n.Duration, Status: n.Status, Notes: n.Notes, Source: n.Source,
	}, CreatedBy: n.CreatedBy}
	if rec.Status == "" {
		rec.Status = Confirmed
	}
	if rec.Source == "" {
		rec.Source = SourceStaff
	}
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		svc, err := serviceFor(ctx, r, n.ServiceID, "serviceId")
		if err != nil {
			return err
		}
		if rec.Duration == 0 {
			rec.Duration = svc.Duration
		}
		if err := s.validate(rec, nil); err != nil {
			return err
		}
		cust, err := customerFor(ctx, r, n.CustomerID)
		if err != nil {
			return err
		}
		if !cust.CanBook() {
			return errs.E(errs.Forbidden, "customer %s is %s and cannot be booked", cust.Name, cust.Status)
		}
		if err := resourcesExist(ctx, r, rec.ResourceIDs); err != nil {
			return err
		}
		priceFrom(rec, svc)
		// No maxAppointmentsPerMonth check: the plan limits online
		// bookings (Book); the business's own staff are never refused.
		if err := r.CreateAppointment(ctx, rec); err != nil {
			return err
		}
		if err := r.RecordBooking(ctx, s.now()); err != nil {
			return err
		}
		return s.statusEffects(ctx, r, rec, "")
	})
	if err != nil {
		return nil, err
	}
	return rec, nil
}

// Patch is a change to an appointment; nil fields stay as they are. An
// empty (non-nil) ResourceIDs unassigns a PENDING appointment.
type Patch struct {
	CustomerID  *string
	ResourceIDs *[]string
	Start       *time.Time
	Duration    *time.Duration
	Status      *Status
	Notes       *string
}

// Moves reports whether the patch touches time or resources (what a
// TENANT_STAFF member may do to their own appointments under the
// resourcesCanReschedule policy).
func (p Patch) Moves() bool { return p.ResourceIDs != nil || p.Start != nil || p.Duration != nil }

// OnlyMoves reports whether the patch changes nothing but time and resources.
func (p Patch) OnlyMoves() bool { return p.CustomerID == nil && p.Status == nil && p.Notes == nil }

// Change applies a patch for caller c in one transaction: the object check,
// the appointment row and its holds together, or not at all. A caller who
// may change every appointment changes anything; a TENANT_STAFF member may
// only move (time and resources) an appointment on their own resource, and
// keep it there, while the business's resourcesCanReschedule policy is on.
func (s *Scheduler) Change(ctx context.Context, b Business, c Caller, id string, p Patch) (*Record, error) {
	if !c.WriteAll && (!c.Staff || !b.ResourcesCanReschedule || !p.OnlyMoves()) {
		return nil, errs.E(errs.Forbidden, "changing appointments requires the permission appointments.write (staff may only move their own appointments, when the business allows it)")
	}
	var rec *Record
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		var err error
		if rec, err = r.GetAppointment(ctx, id); err != nil {
			return err
		}
		if !c.WriteAll {
			if err := staffMove(ctx, r, c, rec, p); err != nil {
				return err
			}
		}
		before := *rec
		if p.CustomerID != nil && *p.CustomerID != rec.CustomerID {
			cust, err := customerFor(ctx, r, *p.CustomerID)
			if err != nil {
				return err
			}
			if !cust.CanBook() {
				return errs.E(errs.Forbidden, "customer %s is %s and cannot be booked", cust.Name, cust.Status)
			}
			rec.CustomerID = cust.ID
		}
		if p.ResourceIDs != nil {
			rec.ResourceIDs = dedupe(*p.ResourceIDs)
			if err := resourcesExist(ctx, r, rec.ResourceIDs); err != nil {
				return err
			}
		}
		if p.Start != nil {
			rec.Start = *p.Start
		}
		if p.Duration != nil {
			rec.Duration = *p.Duration
		}
		if p.Notes != nil {
			rec.Notes = *p.Notes
		}
		if p.Status != nil {
			if !p.Status.Valid() {
				return errs.Field("status", "status must be PENDING, CONFIRMED, COMPLETED, NO_SHOW or CANCELLED")
			}
			if !CanTransition(rec.Status, *p.Status) {
				return ErrTransition(rec.Status, *p.Status)
			}
			rec.Status = *p.Status
		}
		if err := s.validate(rec, &before); err != nil {
			return err
		}
		if err := r.UpdateAppointment(ctx, rec); err != nil {
			return err
		}
		return s.statusEffects(ctx, r, rec, before.Status)
	})
	if err != nil {
		return nil, err
	}
	return rec, nil
}

// staffMove is the object check of a staff member's move: the appointment
// is on the resource linked to their login, and stays there.
func staffMove(ctx context.Context, r Repo, c Caller, rec *Record, p Patch) error {
	all, err := r.ListResources(ctx, false)
	if err != nil {
		return err
	}
	own := ""
	for _, res := range all {
		if res.UserID != nil && *res.UserID == c.UserID {
			own = res.ID
		}
	}
	if own == "" || !slices.Contains(rec.ResourceIDs, own) {
		return errs.E(errs.Forbidden, "staff may only move appointments on their own resource")
	}
	if p.ResourceIDs != nil && !slices.Contains(*p.ResourceIDs, own) {
		return errs.E(errs.Forbidden, "staff may not move an appointment off their own resource")
	}
	return nil
}

// validate checks an appointment about to be stored. before is the stored
// version for updates (nil on create). Open appointments (PENDING or
// CONFIRMED) cannot be placed in the past; staff may record past ones as
// COMPLETED or NO_SHOW.
func (s *Scheduler) validate(rec *Record, before *Record) error {
	// Appointment.Validate demands a resource; only a PENDING request may
	// lack one, so that rule is restated here.
	var v errs.Validation
	if e, ok := rec.Appointment.Validate().(*errs.Error); ok {
		for _, f := range e.Fields {
			if f.Location != "resourceId" {
				v.Add(f.Location, "%s", f.Message)
			}
		}
	}
	if len(rec.ResourceIDs) == 0 && rec.Status != Pending {
		v.Add("resourceId", "resourceId is required (only a PENDING appointment may have none)")
	}
	if err := v.Err(); err != nil {
		return err
	}
	moved := before == nil || !before.Start.Equal(rec.Start) || before.Duration != rec.Duration
	if moved && (rec.Status == Pending || rec.Status == Confirmed) && rec.Start.Before(s.now()) {
		return errs.Field("startTime", "startTime %s is in the past", rec.Start.Format(time.RFC3339))
	}
	return nil
}

// statusEffects applies what a status change implies, in the same
// transaction: completing adds the price to the customer's total spend and
// sets their last visit.
func (s *Scheduler) statusEffects(ctx context.Context, r Repo, rec *Record, from Status) error {
	if rec.Status == Completed && from != Completed && rec.CustomerID != "" {
		return r.RecordVisit(ctx, rec.CustomerID, rec.Price, rec.Start)
	}
	return nil
}

func customerFor(ctx context.Context, r Repo, id string) (*Customer, error) {
	if id == "" {
		return nil, errs.Field("customerId", "customerId is required")
	}
	c, err := r.GetCustomer(ctx, id)
	if errs.Is(err, errs.NotFound) {
		return nil, notFoundField("customerId", "customer %s does not exist", id)
	}
	return c, err
}

func resourcesExist(ctx context.Context, r Repo, ids []string) error {
	for _, id := range ids {
		res, err := r.GetResource(ctx, id)
		if errs.Is(err, errs.NotFound) {
			return notFoundField("resourceId", "resource %s does not exist", id)
		}
		if err != nil {
			return err
		}
		if !res.IsActive {
			return errs.Field("resourceId", "resource %s is not active", res.Name)
		}
	}
	return nil
}

func priceFrom(rec *Record, svc *Service) {
	rec.ServiceName = svc.Name
	rec.BufferBefore, rec.BufferAfter = svc.BufferBefore, svc.BufferAfter
	rec.Price, rec.Currency = svc.Price, svc.Currency
	if svc.Seats() > 1 {
		rec.GroupSeats = svc.Seats()
	}
}

func dedupe(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
