package support

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Service runs the help desk for both sides.
type Service struct {
	Store Store
	Now   func() time.Time
}

func (s *Service) now() time.Time { return s.Now().UTC() }

func validID(id string) bool { _, err := uuid.Parse(id); return err == nil && len(id) == 36 }

// Open files a ticket for p's business.
func (s *Service) Open(ctx context.Context, p *access.Principal, t Ticket) (*Ticket, error) {
	if err := t.Validate(); err != nil {
		return nil, err
	}
	now := s.now()
	t.ID, t.TenantID, t.RequesterID, t.Status, t.CreatedAt, t.UpdatedAt = uuid.NewString(), p.TenantID, p.UserID, Open, now, now
	if err := s.Store.CreateTicket(ctx, &t); err != nil {
		return nil, err
	}
	return s.Store.Ticket(ctx, t.ID)
}

// List lists tickets: a business's own (tenantID set) or the platform's
// queue (tenantID "").
func (s *Service) List(ctx context.Context, tenantID string, f Filter) ([]Ticket, int, error) {
	f.TenantID = tenantID
	if f.Status != "" {
		if _, ok := transitions[f.Status]; !ok {
			return nil, 0, errs.Field("status", "unknown status %q", f.Status)
		}
	}
	if f.AssigneeID != "" && !validID(f.AssigneeID) {
		return nil, 0, errs.Field("assignee_id", "assignee_id must be a user id")
	}
	return s.Store.Tickets(ctx, f)
}

// Get reads a ticket and its conversation for p. A business (tenantID set)
// sees only its own tickets and never internal notes; within it, p must be
// allowed to read this ticket (mayRead).
func (s *Service) Get(ctx context.Context, p *access.Principal, tenantID, id string) (*Ticket, []Message, error) {
	t, err := s.ticket(ctx, tenantID, id)
	if err != nil {
		return nil, nil, err
	}
	if err := s.mayRead(p, tenantID, t); err != nil {
		return nil, nil, err
	}
	msgs, err := s.Store.Messages(ctx, id, tenantID == "")
	return t, msgs, err
}

// mayRead is the one object rule for a ticket, applied to reading it and
// to writing into it alike: the support team (tenantID "") reads every
// ticket; on a business, a holder of tickets.read reads all the business's
// tickets, anyone else only the tickets they opened themselves.
func (s *Service) mayRead(p *access.Principal, tenantID string, t *Ticket) error {
	if tenantID == "" || p.Can(access.TicketsRead, s.now()) || (p != nil && p.UserID != "" && p.UserID == t.RequesterID) {
		return nil
	}
	return errs.E(errs.Forbidden, "you may not see ticket #%d: it needs %s or to be the one who opened it", t.Number, access.TicketsRead)
}

func (s *Service) ticket(ctx context.Context, tenantID, id string) (*Ticket, error) {
	if !validID(id) {
		return nil, errs.E(errs.NotFound, "no ticket %q", id)
	}
	t, err := s.Store.Ticket(ctx, id)
	if err != nil || (tenantID != "" && t.TenantID != tenantID) {
		return nil, errs.E(errs.NotFound, "no ticket %q", id)
	}
	return t, nil
}

// Reply adds a message by p. Business users write public messages only;
// the support team (tenantID "") may write internal notes. A closed ticket
// takes no more messages. Only someone who may read the ticket (mayRead)
// may write into it.
func (s *Service) Reply(ctx context.Context, p *access.Principal, tenantID, id, body string, internal bool) (*Message, error) {
	t, err := s.ticket(ctx, tenantID, id)
	if err != nil {
		return nil, err
	}
	if err := s.mayRead(p, tenantID, t); err != nil {
		return nil, err
	}
	body = strings.TrimSpace(body)
	if n := len([]rune(body)); n == 0 || n > 10000 {
		return nil, errs.Field("body", "a message of 1 to 10,000 characters is required")
	}
	if t.Status == Closed {
		return nil, errs.E(errs.Conflict, "ticket #%d is closed; open a new one", t.Number)
	}
	m := &Message{ID: uuid.NewString(), TicketID: id, AuthorID: p.UserID, Body: body, Internal: internal && tenantID == "", CreatedAt: s.now()}
	if err := s.Store.AddMessage(ctx, m); err != nil {
		return nil, err
	}
	msgs, err := s.Store.Messages(ctx, id, true)
	if err != nil {
		return nil, err
	}
	for i := range msgs {
		if msgs[i].ID == m.ID {
			return &msgs[i], nil
		}
	}
	return m, nil
}

// Update changes a ticket's status (valid transitions only), priority or
// assignee (an active platform user), for the support team.
func (s *Service) Update(ctx context.Context, id string, c Change) (*Ticket, error) {
	t, err := s.ticket(ctx, "", id)
	if err != nil {
		return nil, err
	}
	var v errs.Validation
	if c.Status != nil && *c.Status != t.Status && !t.Status.CanBecome(*c.Status) {
		if _, known := transitions[*c.Status]; !known {
			v.Add("status", "unknown status %q", *c.Status)
		} else {
			v.Add("status", "a %s ticket cannot become %s", t.Status, *c.Status)
		}
	}
	if c.Priority != nil {
		if err := (&Ticket{Subject: "x", Description: "x", Priority: *c.Priority}).Validate(); err != nil {
			v.Add("priority", "priority must be LOW, MEDIUM, HIGH or CRITICAL, not %q", *c.Priority)
		}
	}
	if c.AssigneeID != nil && *c.AssigneeID != "" {
		ok := validID(*c.AssigneeID)
		if ok {
			if ok, err = s.Store.PlatformUser(ctx, *c.AssigneeID); err != nil {
				return nil, err
			}
		}
		if !ok {
			v.Add("assigneeId", "the assignee must be an active platform user")
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.Store.UpdateTicket(ctx, id, t.Status, c, s.now()); err != nil {
		return nil, err
	}
	return s.Store.Ticket(ctx, id)
}
