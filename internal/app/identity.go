package app

import (
	"context"

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
// the same transaction (platform.Admin.CreateTenant): a refused owner (a
// weak password, a bad email) leaves no tenant behind.
func (a *App) CreateTenant(ctx context.Context, n tenancy.NewTenant, owner *Owner) (*tenancy.Tenant, *identity.User, error) {
	if owner == nil {
		t, err := a.Tenancy.Create(ctx, n)
		return t, nil, err
	}
	return a.Admin.CreateTenant(ctx, n, owner.Email, owner.Name, owner.Password)
}
