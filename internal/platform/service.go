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

// send delivers a message in the background (notify.SendLater).
func (a *Admin) send(ctx context.Context, m notify.Message) {
	notify.SendLater(ctx, a.Mailer, a.Log, m)
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
// service's Create.
func (a *Admin) create(ctx context.Context, n tenancy.NewTenant, fn func(ctx context.Context, t *tenancy.Tenant, domain string) error) (*tenancy.Tenant, error) {
	svc := *a.Tenancy
	svc.Store = provisioner{Store: a.Tenancy.Store, fn: fn}
	return svc.Create(ctx, n)
}

// The console, the invitation and the demo form call a tenant's slug its
// subdomain; the console and the demo form name the owner's inputs apart
// from the business's own.
var (
	asSubdomain = map[string]string{"slug": "subdomain"}
	asOwner     = map[string]string{"email": "ownerEmail", "name": "ownerName", "password": "ownerPassword"}
)

// CreateTenant provisions tenant n and its owner, who signs in with
// password, in one transaction: a refused owner (a weak password, a bad
// email) leaves no tenant behind. It is the `tenant create` command's way
// in; the console's CreateBusiness is the same with an audit event and,
// without a password, an invitation.
func (a *Admin) CreateTenant(ctx context.Context, n tenancy.NewTenant, email, name, password string) (*tenancy.Tenant, *identity.User, error) {
	if password == "" {
		return nil, nil, errs.Field("password", "a password is required")
	}
	owner, err := newOwner(email, name, password, a.now())
	if err != nil {
		return nil, nil, err
	}
	t, err := a.create(ctx, n, func(ctx context.Context, t *tenancy.Tenant, domain string) error {
		return a.Admin.Provision(ctx, Provisioning{Tenant: t, Domain: domain, Owner: owner})
	})
	if err != nil {
		return nil, nil, err
	}
	return t, &owner.User, nil
}

// newOwner validates a business owner and hashes its password ("" makes
// an account-less owner for an invitation). The tenant does not exist yet:
// the owner is validated as a member of one, and Provision sets which.
func newOwner(email, name, password string, now time.Time) (*identity.Account, error) {
	if name == "" {
		name = "Owner"
	}
	pending := "pending"
	u := identity.User{ID: newID(), TenantID: &pending, Email: email, Name: name, Role: access.TenantOwner, CreatedAt: now, UpdatedAt: now}
	if password != "" {
		return identity.NewAccount(u, password)
	}
	u, err := identity.ValidateNewUser(u)
	if err != nil {
		return nil, err
	}
	return &identity.Account{User: u}, nil
}
