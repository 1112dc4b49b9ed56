package scheduling

import (
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// ResourceType says what a resource is.
type ResourceType string

// The kinds of resources.
const (
	Staff     ResourceType = "STAFF"
	Room      ResourceType = "ROOM"
	Equipment ResourceType = "EQUIPMENT"
)

// Valid reports whether t is a known resource type.
func (t ResourceType) Valid() bool { return t == Staff || t == Room || t == Equipment }

// Resource is something appointments are booked on: a person, a room, a
// machine.
type Resource struct {
	ID   string
	Name string
	Type ResourceType
	// UserID links a STAFF resource to its login, if any.
	UserID *string
	// TimeZone is an IANA zone for the resource's own hours and blockers;
	// empty means the business's zone.
	TimeZone string
	// Capacity is how many appointments (seats) it can hold at once, ≥ 1.
	Capacity int
	IsActive bool
	// Hours are the resource's own weekly hours, in its zone. nil means it
	// follows the business hours only. Appointments must fit within both.
	Hours []WeeklyInterval
}

// Validate checks the resource's fields.
func (r Resource) Validate() error {
	var v errs.Validation
	if name := strings.TrimSpace(r.Name); name == "" || len(name) > 200 {
		v.Add("name", "name is required (at most 200 characters)")
	}
	if !r.Type.Valid() {
		v.Add("type", "type must be STAFF, ROOM or EQUIPMENT")
	}
	if r.TimeZone != "" {
		if _, err := time.LoadLocation(r.TimeZone); err != nil || r.TimeZone == "Local" {
			v.Add("timezone", "timezone %q is not an IANA zone such as Europe/Berlin", r.TimeZone)
		}
	}
	if r.Capacity < 1 || r.Capacity > MaxCapacity {
		v.Add("capacity", "capacity must be from 1 to %d", MaxCapacity)
	}
	if err := ValidateHours("hours", r.Hours); err != nil {
		return mergeValidation(&v, err)
	}
	return v.Err()
}

// MaxCapacity bounds the seats of a resource or a group service (the
// database's check).
const MaxCapacity = 1000

// Location is the zone of the resource's hours: its own, or business.
// An unknown zone (never valid after Validate) falls back to business.
func (r Resource) Location(business *time.Location) *time.Location {
	if r.TimeZone == "" {
		return business
	}
	if loc, err := time.LoadLocation(r.TimeZone); err == nil {
		return loc
	}
	return business
}

// mergeValidation adds the fields of err (an errs.Invalid from another
// validator) to v and returns the combined error.
func mergeValidation(v *errs.Validation, err error) error {
	if e, ok := err.(*errs.Error); ok {
		for _, f := range e.Fields {
			v.Add(f.Location, "%s", f.Message)
		}
	}
	return v.Err()
}
