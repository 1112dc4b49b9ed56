package scheduling

import (
	"fmt"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// DefaultSlotStep is the spacing of offered start times when a service sets
// none.
const DefaultSlotStep = 30 * time.Minute

// Service is something customers book. Durations are whole minutes; the API
// names them in minutes, and Validate reports them as durationMinutes,
// bufferBeforeMinutes, bufferAfterMinutes, slotStepMinutes, minNoticeMinutes
// and maxAdvanceMinutes.
type Service struct {
	ID          string
	Name        string
	Description string
	Category    string
	Duration    time.Duration
	Price       Money
	Currency    string // ISO 4217, e.g. "EUR"
	// BufferBefore and BufferAfter are preparation and clean-up time: the
	// resources are held for them, but they may fall outside opening hours.
	BufferBefore, BufferAfter time.Duration
	// SlotStep spaces the offered start times; 0 means DefaultSlotStep.
	SlotStep time.Duration
	// MinNotice is how long before its start a slot stops being offered.
	MinNotice time.Duration
	// MaxAdvance is how far ahead slots are offered; 0 means no limit.
	MaxAdvance time.Duration
	// ResourceIDs are the resources that perform it; empty means any active
	// STAFF resource. Ignored when Requirements is set.
	ResourceIDs []string
	// Requirements list resources needed together (one STAFF and one ROOM).
	Requirements []Requirement
	// Capacity is the number of seats of a group session (a class); 1 (or
	// 0) for one customer per appointment.
	Capacity int
	IsActive bool
}

// Requirement is one group of resources an appointment needs: Count
// distinct resources, taken from ResourceIDs if given, else of Type. A
// resource is never used for two requirements of the same appointment.
type Requirement struct {
	Type        ResourceType
	ResourceIDs []string
	Count       int
}

// Step is the effective slot step.
func (s Service) Step() time.Duration {
	if s.SlotStep <= 0 {
		return DefaultSlotStep
	}
	return s.SlotStep
}

// Seats is the effective number of seats per session (at least 1).
func (s Service) Seats() int { return max(s.Capacity, 1) }

// Needs is the effective list of requirements: Requirements, else one of
// ResourceIDs, else one active STAFF resource.
func (s Service) Needs() []Requirement {
	switch {
	case len(s.Requirements) > 0:
		return s.Requirements
	case len(s.ResourceIDs) > 0:
		return []Requirement{{ResourceIDs: s.ResourceIDs, Count: 1}}
	default:
		return []Requirement{{Type: Staff, Count: 1}}
	}
}

// Validate checks the service's fields.
func (s Service) Validate() error {
	var v errs.Validation
	if name := strings.TrimSpace(s.Name); name == "" || len(name) > 200 {
		v.Add("name", "name is required (at most 200 characters)")
	}
	minutes := func(field string, d time.Duration, lo, hi time.Duration) {
		if d < lo || d > hi || d%time.Minute != 0 {
			v.Add(field, "%s must be whole minutes from %d to %d", field, lo/time.Minute, hi/time.Minute)
		}
	}
	minutes("durationMinutes", s.Duration, time.Minute, 24*time.Hour)
	minutes("bufferBeforeMinutes", s.BufferBefore, 0, 24*time.Hour)
	minutes("bufferAfterMinutes", s.BufferAfter, 0, 24*time.Hour)
	minutes("slotStepMinutes", s.SlotStep, 0, 24*time.Hour)
	minutes("minNoticeMinutes", s.MinNotice, 0, 366*24*time.Hour)
	minutes("maxAdvanceMinutes", s.MaxAdvance, 0, 3*366*24*time.Hour)
	if s.Price < 0 || s.Price > maxMoney {
		v.Add("price", "price must be a non-negative amount like 50.00")
	}
	if !validCurrency(s.Currency) {
		v.Add("currency", "currency must be an ISO 4217 code such as EUR")
	}
	if s.Capacity < 0 || s.Capacity > MaxCapacity {
		v.Add("capacity", "capacity must be from 1 to %d", MaxCapacity)
	}
	for i, r := range s.Requirements {
		at := fmt.Sprintf("requirements[%d]", i)
		if r.Count < 1 || r.Count > MaxCapacity {
			v.Add(at+".count", "count must be from 1 to %d", MaxCapacity)
		}
		if len(r.ResourceIDs) == 0 && !r.Type.Valid() {
			v.Add(at+".type", "give resourceIds or a type (STAFF, ROOM or EQUIPMENT)")
		}
		if len(r.ResourceIDs) > 0 && r.Count > len(r.ResourceIDs) {
			v.Add(at+".count", "count exceeds the number of resourceIds")
		}
	}
	return v.Err()
}
