package scheduling

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Caller is who reads or changes appointments, as their permissions make
// them; the HTTP edge builds it from the signed-in principal. The object
// checks of appointments (whose appointment it is, whose resource) are made
// with it, inside the unit of work.
type Caller struct {
	UserID string
	// CustomerID is the customer record linked to the caller's login, when
	// known (else it is looked up by the login).
	CustomerID string
	ReadAll    bool // may read every appointment (appointments.read)
	ReadOwn    bool // may read their own (appointments.own)
	WriteAll   bool // may change every appointment (appointments.write)
	// Staff is a TENANT_STAFF member: without WriteAll, they may move the
	// appointments of their own resource while the business allows it.
	Staff bool
}

// owns reports whether rec is the caller's own: booked by their login, or
// for their customer record.
func (c Caller) owns(rec *Record) bool {
	if rec.CustomerUserID != nil && c.UserID != "" && *rec.CustomerUserID == c.UserID {
		return true
	}
	return rec.CustomerID != "" && c.CustomerID != "" && rec.CustomerID == c.CustomerID
}

// noOwnRecord is a customer id no record has: a login without a customer
// record owns nothing.
const noOwnRecord = "00000000-0000-0000-0000-000000000000"

// ownCustomer is the customer record whose appointments are the caller's
// own; callers who may not read their own are refused.
func ownCustomer(ctx context.Context, r Repo, c Caller) (string, error) {
	if !c.ReadOwn {
		return "", errs.E(errs.Forbidden, "reading appointments requires the permission appointments.read")
	}
	if c.CustomerID != "" {
		return c.CustomerID, nil
	}
	cust, err := r.CustomerByUser(ctx, c.UserID)
	if errs.Is(err, errs.NotFound) {
		return noOwnRecord, nil
	}
	if err != nil {
		return "", err
	}
	return cust.ID, nil
}

// Appointments lists what f selects among the appointments c may read:
// every one for staff, their own for customers (the filter's customer is
// then forced to theirs).
func (s *Scheduler) Appointments(ctx context.Context, b Business, c Caller, f AppointmentFilter) ([]Record, int, error) {
	return s.appointments(ctx, b, c, f, !c.ReadAll)
}

// OwnAppointments lists the caller's own appointments (a customer's "my
// bookings"), whatever else they may read.
func (s *Scheduler) OwnAppointments(ctx context.Context, b Business, c Caller, f AppointmentFilter) ([]Record, int, error) {
	return s.appointments(ctx, b, c, f, true)
}

func (s *Scheduler) appointments(ctx context.Context, b Business, c Caller, f AppointmentFilter, own bool) ([]Record, int, error) {
	var recs []Record
	var total int
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		if own {
			id, err := ownCustomer(ctx, r, c)
			if err != nil {
				return err
			}
			f.CustomerID = id
		}
		var err error
		recs, total, err = r.ListAppointments(ctx, f)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return recs, total, nil
}

// Appointment reads one appointment c may read; any other is NotFound,
// never a hint that it exists.
func (s *Scheduler) Appointment(ctx context.Context, b Business, c Caller, id string) (*Record, error) {
	var rec *Record
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		var err error
		rec, err = r.GetAppointment(ctx, id)
		return err
	})
	switch {
	case err != nil:
		return nil, err
	case c.ReadAll, c.ReadOwn && c.owns(rec):
		return rec, nil
	}
	return nil, errs.E(errs.NotFound, "appointment %s does not exist", rec.ID)
}

// DeleteAppointment deletes an appointment and the time it holds.
func (s *Scheduler) DeleteAppointment(ctx context.Context, b Business, id string) error {
	return s.Store.Tx(ctx, b, func(r Repo) error { return r.DeleteAppointment(ctx, id) })
}
