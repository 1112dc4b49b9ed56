package scheduling

import (
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Status is an appointment's place in its life cycle.
type Status string

// Appointment statuses.
const (
	Pending   Status = "PENDING"
	Confirmed Status = "CONFIRMED"
	Completed Status = "COMPLETED"
	NoShow    Status = "NO_SHOW"
	Cancelled Status = "CANCELLED"
)

// Source says who made a booking.
type Source string

// Booking sources.
const (
	SourceStaff  Source = "STAFF"
	SourceOnline Source = "ONLINE"
	SourceAPI    Source = "API"
)

// transitions lists the allowed status changes. A held appointment may be
// closed as COMPLETED or NO_SHOW even if nobody confirmed it (the outcome is
// a fact; a second click would add nothing). COMPLETED, NO_SHOW and
// CANCELLED are final: reopening could collide with later bookings.
var transitions = map[Status][]Status{
	Pending:   {Confirmed, Cancelled, Completed, NoShow},
	Confirmed: {Completed, NoShow, Cancelled},
}

// CanTransition reports whether an appointment may go from one status to
// another. Staying in the same status is always allowed (an idempotent
// PATCH).
func CanTransition(from, to Status) bool {
	if from == to {
		return from.Valid()
	}
	for _, s := range transitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	switch s {
	case Pending, Confirmed, Completed, NoShow, Cancelled:
		return true
	}
	return false
}

// BlocksTime reports whether an appointment in this status holds its
// resources. CANCELLED and NO_SHOW release them.
func BlocksTime(s Status) bool { return s == Pending || s == Confirmed || s == Completed }

// Appointment is a customer's booking of a service on resources.
type Appointment struct {
	ID          string
	CustomerID  string
	ServiceID   string
	ResourceIDs []string
	Start       time.Time
	Duration    time.Duration
	Status      Status
	Notes       string
	Source      Source
}

// End is when the appointment itself ends (buffers excluded).
func (a Appointment) End() time.Time { return a.Start.Add(a.Duration) }

// Validate checks the appointment's own fields (not availability).
func (a Appointment) Validate() error {
	var v errs.Validation
	if a.CustomerID == "" {
		v.Add("customerId", "customerId is required")
	}
	if a.ServiceID == "" {
		v.Add("serviceId", "serviceId is required")
	}
	if len(a.ResourceIDs) == 0 {
		v.Add("resourceId", "resourceId is required")
	}
	if a.Start.IsZero() {
		v.Add("startTime", "startTime is required")
	}
	if a.Duration < time.Minute || a.Duration > 24*time.Hour || a.Duration%time.Minute != 0 {
		v.Add("durationMinutes", "durationMinutes must be whole minutes from 1 to 1440")
	}
	if !a.Status.Valid() {
		v.Add("status", "status must be PENDING, CONFIRMED, COMPLETED, NO_SHOW or CANCELLED")
	}
	if len(a.Notes) > 5000 {
		v.Add("notes", "notes are at most 5000 characters")
	}
	return v.Err()
}

// BookedInterval is the time an appointment holds its resources:
// [start − BufferBefore, end + BufferAfter).
func BookedInterval(a Appointment, s Service) (start, end time.Time) {
	return a.Start.Add(-s.BufferBefore), a.End().Add(s.BufferAfter)
}

// BookingsOf turns an appointment into the per-resource bookings the
// availability engine (and the database's exclusion constraint) work with.
// It returns nil for statuses that do not block time.
func BookingsOf(a Appointment, s Service) []Booking {
	if !BlocksTime(a.Status) {
		return nil
	}
	start, end := BookedInterval(a, s)
	out := make([]Booking, len(a.ResourceIDs))
	for i, r := range a.ResourceIDs {
		out[i] = Booking{AppointmentID: a.ID, ServiceID: s.ID, ResourceID: r, Start: start, End: end, Seats: 1, Group: s.Seats() > 1}
	}
	return out
}

// ErrTransition is the error for a refused status change.
func ErrTransition(from, to Status) *errs.Error {
	return &errs.Error{Code: errs.Conflict, Message: "an appointment cannot go from " + string(from) + " to " + string(to),
		Fields: []errs.FieldError{{Location: "status", Message: "cannot change status from " + string(from) + " to " + string(to)}}}
}
