package tenancy

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Service runs the tenant lifecycle: create, suspend, activate, delete, purge.
type Service struct {
	Store      Store
	BaseDomain string
	Now        func() time.Time
}

// Create validates n and provisions the tenant: its row, its primary domain
// {slug}.{BaseDomain} and its schema at head, all or nothing.
func (s *Service) Create(ctx context.Context, n NewTenant) (*Tenant, error) {
	n.Normalize()
	if err := n.Validate(); err != nil {
		return nil, err
	}
	now := s.Now()
	t := &Tenant{
		ID:             uuid.NewString(),
		Slug:           n.Slug,
		Schema:         SchemaFor(n.Slug),
		Name:           n.Name,
		Status:         n.Status,
		Plan:           n.Plan,
		TimeZone:       n.TimeZone,
		PrimaryColor:   "#4f46e5",
		SecondaryColor: "#0f172a",
		IsDemo:         n.Demo,
		Policies:       Policies{CancellationWindowHours: 24},
		CreatedAt:      now,
		UpdatedAt:      now,
	}
	if n.Demo {
		exp := now.Add(n.DemoTTL)
		t.ExpiresAt = &exp
	}
	if err := s.Store.Create(ctx, t, n.Slug+"."+s.BaseDomain); err != nil {
		return nil, err
	}
	return t, nil
}

// The lifecycle methods take the audit events that record the change (none
// from the command line) and have the store write them in the changing
// transaction. A transition to the status the tenant already has changes
// nothing and writes no event.

// Suspend stops a tenant's site (403 for everyone but platform staff).
func (s *Service) Suspend(ctx context.Context, slug string, events ...audit.Event) (*Tenant, error) {
	return s.transition(ctx, slug, StatusSuspended, events, StatusTrial, StatusActive, StatusSuspended)
}

// Activate brings a suspended (or trial) tenant back.
func (s *Service) Activate(ctx context.Context, slug string, events ...audit.Event) (*Tenant, error) {
	return s.transition(ctx, slug, StatusActive, events, StatusTrial, StatusActive, StatusSuspended)
}

// Delete soft-deletes a tenant: its site answers 404 and its schema stays
// until Purge. The slug stays taken until then.
func (s *Service) Delete(ctx context.Context, slug string, events ...audit.Event) (*Tenant, error) {
	return s.transition(ctx, slug, StatusDeleted, events, StatusTrial, StatusActive, StatusSuspended, StatusDeleted)
}

// Purge drops a soft-deleted tenant's schema and rows for good.
func (s *Service) Purge(ctx context.Context, slug string, events ...audit.Event) error {
	t, err := s.Store.BySlug(ctx, slug)
	if err != nil {
		return err
	}
	if t.Status != StatusDeleted {
		return errs.E(errs.Conflict, "tenant %q is %s: delete it first, then purge", slug, t.Status)
	}
	return s.Store.Purge(ctx, t.ID, events...)
}

func (s *Service) transition(ctx context.Context, slug string, to Status, events []audit.Event, from ...Status) (*Tenant, error) {
	t, err := s.Store.BySlug(ctx, slug)
	if err != nil {
		return nil, err
	}
	ok := false
	for _, f := range from {
		ok = ok || t.Status == f
	}
	if !ok {
		return nil, errs.E(errs.Conflict, "tenant %q is %s and cannot become %s", slug, t.Status, to)
	}
	if t.Status != to {
		if err := s.Store.SetStatus(ctx, t.ID, to, events...); err != nil {
			return nil, err
		}
		t.Status = to
	}
	return t, nil
}
