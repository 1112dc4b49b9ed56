package scheduling

import (
	"net/mail"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// CustomerStatus is a customer's standing with the business.
type CustomerStatus string

// Customer statuses.
const (
	CustomerActive   CustomerStatus = "Active"
	CustomerInactive CustomerStatus = "Inactive"
	CustomerBlocked  CustomerStatus = "Blocked"
)

// Customer is someone who books appointments.
type Customer struct {
	ID     string
	Name   string
	Email  string
	Phone  string
	Tags   []string
	Status CustomerStatus
	// UserID links the customer to a CUSTOMER login, if any.
	UserID     *string
	TotalSpend Money
	LastVisit  *time.Time
	// PaymentMethodID is a payment provider's reference, recorded as given
	// (there is no payments integration yet).
	PaymentMethodID string
	Notes           string
	CreatedAt       time.Time
}

// CanBook reports whether the customer may make new bookings: only active
// customers can (inactive ones must be reactivated, blocked ones never).
func (c Customer) CanBook() bool { return c.Status == CustomerActive }

// Validate checks the customer's fields.
func (c Customer) Validate() error { return c.validateAs("") }

// validateAs checks the customer's fields, naming them under prefix (an
// online booking's customer is "customer.").
func (c Customer) validateAs(prefix string) error {
	var v errs.Validation
	if name := strings.TrimSpace(c.Name); name == "" || len(name) > 200 {
		v.Add(prefix+"name", "name is required (at most 200 characters)")
	}
	if c.Email != "" {
		if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email {
			v.Add(prefix+"email", "email %q is not a valid address", c.Email)
		}
	}
	if len(c.Phone) > 40 {
		v.Add(prefix+"phone", "phone is at most 40 characters")
	}
	switch c.Status {
	case CustomerActive, CustomerInactive, CustomerBlocked:
	default:
		v.Add(prefix+"status", "status must be Active, Inactive or Blocked")
	}
	return v.Err()
}
