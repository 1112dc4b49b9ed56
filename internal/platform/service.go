package platform

import (
	"context"
	"log/slog"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/notify"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// Admin runs the platform console: businesses, their owners and overrides,
// users, plans and settings, business invitations and demos. It holds no
// state: several serve processes run one each.
type Admin struct {
	Store   Store
	Admin   AdminStore
	Tenancy *tenancy.Service
	Users   identity.Store
	Mailer  notify.Mailer
	Audit   audit.Recorder
	Log     *slog.Logger
	Now     func() time.Time
	// URL builds links: URL(host, "/path?query").
	URL        func(host, path string) string
	BaseDomain string
}

func (a *Admin) now() time.Time { return a.Now().UTC() }

// event completes audit event e done by p (nil: the system): actor and
// time. Events recording a change are handed to the store method making
// it, which writes them in the same transaction.
func (a *Admin) event(ctx context.Context, p *access.Principal, e audit.Event) audit.Event {
	e.CreatedAt = a.now()
	if p != nil {
		e.ActorID, e.ImpersonatorID, e.SessionID = p.UserID, p.ImpersonatorID, p.SessionID
		if u, err := a.Users.UserByID(ctx, p.UserID); err == nil {
			e.ActorEmail = u.Email
		}
	}
	return e
}

// record stores an event that pairs with no change of ours (an export, a
// repeated status change), logging a failure.
func (a *Admin) record(ctx context.Context, p *access.Principal, e audit.Event) {
	e = a.event(ctx, p, e)
	if err := a.Audit.Record(ctx, e); err != nil {
		a.Log.ErrorContext(ctx, "audit event not recorded", "action", string(e.Action), "err", err)
	}
}

// send delivers a message in the background (the answer's timing says
// nothing about mail delivery).
func (a *Admin) send(ctx context.Context, m notify.Message) {
	ctx = context.WithoutCancel(ctx)
	go func() {
		ctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		if err := a.Mailer.Send(ctx, m); err != nil {
			a.Log.ErrorContext(ctx, "mail not sent", "to", m.To, "subject", m.Subject, "err", err)
		}
	}()
}

// host is a tenant's canonical host.
func (a *Admin) host(slug string) string { return slug + "." + a.BaseDomain }

// provisioner is a tenancy.Store whose Create runs fn with the tenant the
// tenancy service built (validated, ID and schema set), so that every new
// business goes through the same rules as `tenant create`.
type provisioner struct {
	tenancy.Store
	fn func(ctx context.Context, t *tenancy.Tenant, domain string) error
}

func (p provisioner) Create(ctx context.Context, t *tenancy.Tenant, domain string) error {
	return p.fn(ctx, t, domain)
}

// create builds a tenant from n and hands it to fn inside the tenancy
// service's Create. Errors on body.slug are reported on slugField (the
// console and the invitation call it the subdomain).
func (a *Admin) create(ctx context.Context, n tenancy.NewTenant, slugField string, fn func(ctx context.Context, t *tenancy.Tenant, domain string) error) (*tenancy.Tenant, error) {
	svc := *a.Tenancy
	svc.Store = provisioner{Store: a.Tenancy.Store, fn: fn}
	t, err := svc.Create(ctx, n)
	return t, renameField(err, "body.slug", slugField)
}

// renameField moves field errors from one location to another.
func renameField(err error, from, to string) error {
	e, ok := err.(*errs.Error)
	if !ok || from == to {
		return err
	}
	for i := range e.Fields {
		if e.Fields[i].Location == from {
			e.Fields[i].Location = to
		}
	}
	return e
}

// mergeFields collects the field errors of several validations into v.
func mergeFields(v *errs.Validation, errors ...error) {
	for _, err := range errors {
		if e, ok := err.(*errs.Error); ok {
			for _, f := range e.Fields {
				v.Add(f.Location, "%s", f.Message)
			}
		}
	}
}

// newOwner validates a business owner and hashes its password ("" makes
// an account-less owner for an invitation).
func newOwner(email, name, password string, now time.Time) (*identity.Account, error) {
	if name == "" {
		name = "Owner"
	}
	pending := "pending"
	u, err := identity.ValidateNewUser(identity.User{ID: newID(), TenantID: &pending, Email: email, Name: name,
		Role: access.TenantOwner, CreatedAt: now, UpdatedAt: now})
	if err != nil {
		return nil, err
	}
	a := &identity.Account{User: u}
	if password == "" {
		return a, nil
	}
	if err := identity.ValidatePassword(password, u.Email, u.Name); err != nil {
		return nil, err
	}
	a.PasswordHash, err = identity.HashPassword(password)
	return a, err
}
