// Package support is the help desk between businesses and the platform:
// tickets a business's staff open, the conversation on each, and the
// platform support team's queue. Internal notes of the support team are
// never shown to the business.
package support

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Priority is how urgent a ticket is.
type Priority string

// The priorities, least urgent first.
const (
	Low      Priority = "LOW"
	Medium   Priority = "MEDIUM"
	High     Priority = "HIGH"
	Critical Priority = "CRITICAL"
)

// Priorities lists every priority.
var Priorities = []Priority{Low, Medium, High, Critical}

// Status is where a ticket is in its life.
type Status string

// The statuses.
const (
	Open       Status = "OPEN"
	InProgress Status = "IN_PROGRESS"
	Resolved   Status = "RESOLVED"
	Closed     Status = "CLOSED"
)

// transitions are the valid status changes: work starts, ends resolved or
// closed; a resolved ticket may be reopened or closed; closed is final.
var transitions = map[Status][]Status{
	Open:       {InProgress, Closed},
	InProgress: {Open, Resolved, Closed},
	Resolved:   {InProgress, Closed},
	Closed:     nil,
}

// CanBecome reports whether a ticket in status s may move to to.
func (s Status) CanBecome(to Status) bool { return slices.Contains(transitions[s], to) }

// Categories are the kinds of ticket a business may open.
var Categories = []string{"GENERAL", "BILLING", "TECHNICAL", "ACCOUNT", "FEATURE_REQUEST"}

// Ticket is one support request of a business.
type Ticket struct {
	ID             string
	Number         int64
	TenantID       string
	BusinessName   string
	RequesterID    string
	RequesterEmail string
	RequesterName  string
	Subject        string
	Description    string
	Priority       Priority
	Category       string
	Status         Status
	AssigneeID     string
	AssigneeEmail  string
	CreatedAt      time.Time
	UpdatedAt      time.Time
	ResolvedAt     *time.Time
}

// Validate trims and checks a new ticket, filling defaults.
func (t *Ticket) Validate() error {
	var v errs.Validation
	t.Subject, t.Description = strings.TrimSpace(t.Subject), strings.TrimSpace(t.Description)
	if n := len([]rune(t.Subject)); n == 0 || n > 200 {
		v.Add("subject", "a subject of 1 to 200 characters is required")
	}
	if n := len([]rune(t.Description)); n == 0 || n > 10000 {
		v.Add("description", "a description of 1 to 10,000 characters is required")
	}
	if t.Priority == "" {
		t.Priority = Medium
	}
	if !slices.Contains(Priorities, t.Priority) {
		v.Add("priority", "priority must be LOW, MEDIUM, HIGH or CRITICAL, not %q", t.Priority)
	}
	t.Category = strings.ToUpper(strings.TrimSpace(t.Category))
	if t.Category == "" {
		t.Category = "GENERAL"
	}
	if !slices.Contains(Categories, t.Category) {
		v.Add("category", "category must be one of %s", strings.Join(Categories, ", "))
	}
	return v.Err()
}

// Message is one entry of a ticket's conversation.
type Message struct {
	ID          string
	TicketID    string
	AuthorID    string
	AuthorName  string
	AuthorEmail string
	// FromPlatform: written by the support team (not the business).
	FromPlatform bool
	Body         string
	Internal     bool
	CreatedAt    time.Time
}

// Filter narrows a ticket list.
type Filter struct {
	TenantID   string
	Status     Status
	Priority   Priority
	AssigneeID string
	Search     string
	Limit      int
	Offset     int
}

// Change is a platform-side change of a ticket (nil: unchanged; an empty
// AssigneeID unassigns).
type Change struct {
	Status     *Status
	Priority   *Priority
	AssigneeID *string
}

// Store keeps tickets and their messages. Lookups that find nothing return
// errs.NotFound.
type Store interface {
	CreateTicket(ctx context.Context, t *Ticket) error
	Ticket(ctx context.Context, id string) (*Ticket, error)
	Tickets(ctx context.Context, f Filter) ([]Ticket, int, error)
	// UpdateTicket applies c if the ticket's status is still from (the
	// caller checked the transition against it); else Conflict.
	UpdateTicket(ctx context.Context, id string, from Status, c Change, now time.Time) error
	// AddMessage inserts m and touches the ticket's updated_at.
	AddMessage(ctx context.Context, m *Message) error
	Messages(ctx context.Context, ticketID string, internal bool) ([]Message, error)
	// PlatformUser reports whether id is an active platform user (an
	// assignee).
	PlatformUser(ctx context.Context, id string) (bool, error)
}
