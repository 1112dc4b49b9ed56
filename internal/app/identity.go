package app

import (
	"context"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/notify"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// openIdentity builds the identity service: its store, the audit log, the
// mailer and the sealing key of TOTP secrets.
func (a *App) openIdentity() error {
	mailer := a.mailer
	if mailer == nil {
		m, err := notify.New(a.Config.SMTPURL, a.Config.EmailFrom, a.Log)
		if err != nil {
			return err
		}
		mailer = m
	}
	box, err := identity.NewSecretBox(a.Config.SecretKey, "totp")
	if err != nil {
		return err
	}
	a.Users = &postgres.Identity{DB: a.DB}
	a.Identity = &identity.Service{
		Store: a.Users, Mailer: mailer, Audit: &postgres.AuditLog{DB: a.DB, Log: a.Log}, Log: a.Log, Box: box,
		Now: a.Now, AccessTTL: a.Config.AccessTTL, SessionTTL: a.Config.RefreshTTL, IdleTimeout: a.Config.SessionIdleTimeout, PlatformMFA: a.Config.PlatformMFA,
		URL: a.Config.URL, Issuer: "SmoothSchedule", MasqueradeTTL: a.Config.MasqueradeTTL,
	}
	return nil
}

// Owner is the first user of a new tenant.
type Owner struct {
	Email, Password, Name string
}

// CreateTenant creates a tenant and, when owner is given, its TENANT_OWNER in
// the same transaction: a refused owner (a weak password, a bad email)
// leaves no tenant behind.
func (a *App) CreateTenant(ctx context.Context, n tenancy.NewTenant, owner *Owner) (*tenancy.Tenant, *identity.User, error) {
	if owner == nil {
		t, err := a.Tenancy.Create(ctx, n)
		return t, nil, err
	}
	if owner.Name == "" {
		owner.Name = "Owner"
	}
	now := a.Now().UTC()
	u, err := identity.ValidateNewUser(identity.User{ID: uuid.NewString(), TenantID: ptr("pending"), Email: owner.Email,
		Name: owner.Name, Role: access.TenantOwner, CreatedAt: now, UpdatedAt: now})
	if err != nil {
		return nil, nil, err
	}
	if err := identity.ValidatePassword(owner.Password, u.Email, u.Name); err != nil {
		return nil, nil, err
	}
	hash, err := identity.HashPassword(owner.Password)
	if err != nil {
		return nil, nil, err
	}
	acct := &identity.Account{User: u, PasswordHash: hash}
	svc := *a.Tenancy
	svc.Store = withOwner{Tenants: a.Tenants, users: a.Users, owner: acct}
	t, err := svc.Create(ctx, n)
	if err != nil {
		return nil, nil, err
	}
	return t, &acct.User, nil
}

// withOwner is a tenancy.Store whose Create also inserts the owner, in the
// tenant's provisioning transaction.
type withOwner struct {
	*postgres.Tenants
	users *postgres.Identity
	owner *identity.Account
}

func (w withOwner) Create(ctx context.Context, t *tenancy.Tenant, primaryDomain string) error {
	return w.users.CreateTenantWithOwner(ctx, w.Tenants, t, primaryDomain, w.owner)
}

func ptr[T any](v T) *T { return &v }
