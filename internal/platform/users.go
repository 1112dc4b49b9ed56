package platform

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// User reads one user for the console.
func (a *Admin) User(ctx context.Context, id string) (*UserRow, error) {
	if !validID(id) {
		return nil, errs.E(errs.NotFound, "no user %q", id)
	}
	return a.Admin.User(ctx, id)
}

// SetUserStatus disables or enables a user on behalf of p. Disabling ends
// every session of the user at once (the store revokes them in the same
// transaction). Nobody changes their own status, and only a SUPERUSER
// changes a user of equal or higher rank (as for platform staff).
func (a *Admin) SetUserStatus(ctx context.Context, p *access.Principal, id string, to identity.Status) (*UserRow, error) {
	u, err := a.User(ctx, id)
	if err != nil {
		return nil, err
	}
	forbid := func(format string, args ...any) error {
		return errs.E(errs.Forbidden, format, args...).With("rule", "change a user's status")
	}
	switch {
	case u.ID == p.UserID:
		return nil, forbid("you cannot disable or enable yourself")
	case u.Role == access.Superuser && p.Role != access.Superuser,
		p.Role != access.Superuser && (access.Outranks(u.Role, p.Role) || u.Role == p.Role):
		return nil, forbid("a %s cannot change the status of a %s", p.Role, u.Role)
	}
	action := audit.UserEnabled
	if to == identity.StatusDisabled {
		action = audit.UserDisabled
	}
	tenant := ""
	if u.TenantID != nil {
		tenant = *u.TenantID
	}
	// The change and its event are one transaction; a user already in that
	// status changes nothing and is audited on its own, as before.
	e := audit.Event{Action: action, TenantID: tenant, TargetID: u.ID, TargetEmail: u.Email}
	if u.Status == to {
		a.record(ctx, p, e)
	} else if err := a.Users.UpdateUser(ctx, u.ID, identity.UserChange{Status: &to}, a.now(), a.event(ctx, p, e)); err != nil {
		return nil, err
	}
	return a.User(ctx, id)
}
