package identity

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// CreateUser validates u and password and stores the user (for operators:
// the CLI). A taken email is a Conflict.
func (s *Service) CreateUser(ctx context.Context, u User, password string) (*User, error) {
	now := s.now()
	u.ID, u.CreatedAt, u.UpdatedAt = newID(), now, now
	u, err := ValidateNewUser(u)
	if err != nil {
		return nil, err
	}
	ph, err := hashNewPassword(password, u.Email, u.Name)
	if err != nil {
		return nil, err
	}
	if err := s.Store.CreateUser(ctx, &Account{User: u, PasswordHash: ph}); err != nil {
		return nil, err
	}
	return &u, nil
}

// EnsureSuperuser makes sure a SUPERUSER with email exists. An existing
// platform user is left as it is (created false), except that its password
// is set (and its sessions ended) when resetPassword is true.
func (s *Service) EnsureSuperuser(ctx context.Context, email, password string, resetPassword bool) (u *User, created bool, err error) {
	email, err = NormalizeEmail(email)
	if err != nil {
		return nil, false, err
	}
	a, err := s.Store.UserByEmail(ctx, nil, email)
	if errs.Is(err, errs.NotFound) {
		u, err := s.CreateUser(ctx, User{Email: email, Name: "Administrator", Role: access.Superuser}, password)
		return u, err == nil, err
	} else if err != nil {
		return nil, false, err
	}
	if resetPassword {
		ph, err := hashNewPassword(password, a.Email, a.Name)
		if err != nil {
			return nil, false, err
		}
		if err := s.Store.ChangePassword(ctx, a.ID, ph, "", s.now()); err != nil {
			return nil, false, err
		}
	}
	return &a.User, false, nil
}

// PlatformStaff lists the platform's users.
func (s *Service) PlatformStaff(ctx context.Context) ([]User, error) {
	return s.Store.ListUsers(ctx, UserFilter{Platform: true})
}

// UpdatePlatformStaff changes a platform user's role and/or status on behalf
// of p. Nobody changes their own role or status; only a SUPERUSER changes a
// user of equal rank; a new role is one p may assign (access.CanAssignRole).
// Disabling ends the user's sessions at once.
func (s *Service) UpdatePlatformStaff(ctx context.Context, p *access.Principal, id string, c UserChange, client Client) (*User, error) {
	if !validUUID(id) {
		return nil, errs.E(errs.NotFound, "no platform user %q", id)
	}
	a, err := s.Store.UserByID(ctx, id)
	if errs.Is(err, errs.NotFound) || (err == nil && a.TenantID != nil) {
		return nil, errs.E(errs.NotFound, "no platform user %q", id)
	} else if err != nil {
		return nil, err
	}
	if err := canChange(p, a, c); err != nil {
		return nil, err
	}
	now := s.now()
	if err := s.Store.UpdateUser(ctx, a.ID, c, now); err != nil {
		return nil, err
	}
	actor, err := s.Store.UserByID(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	before := a.User
	if c.Role != nil && *c.Role != a.Role {
		e := actorEvent(audit.UserRoleChanged, p, actor.Email, &before, client)
		e.Detail = map[string]any{"from": string(a.Role), "to": string(*c.Role)}
		s.record(ctx, e)
		a.Role = *c.Role
	}
	if c.Status != nil && *c.Status != a.Status {
		if *c.Status == StatusDisabled {
			s.record(ctx, actorEvent(audit.UserDisabled, p, actor.Email, &before, client))
		}
		a.Status = *c.Status
	}
	a.UpdatedAt = now
	return &a.User, nil
}

// canChange applies the rules of UpdatePlatformStaff.
func canChange(p *access.Principal, target *Account, c UserChange) error {
	var v errs.Validation
	if c.Role != nil && (!c.Role.Valid() || !c.Role.IsPlatform()) {
		v.Add("body.role", "%q is not a platform role", *c.Role)
	}
	if c.Status != nil && *c.Status != StatusActive && *c.Status != StatusDisabled {
		v.Add("body.status", "status must be active or disabled, not %q", *c.Status)
	}
	if err := v.Err(); err != nil {
		return err
	}
	forbid := func(format string, args ...any) error {
		return errs.E(errs.Forbidden, format, args...).With("rule", "assign role")
	}
	switch {
	case target.ID == p.UserID:
		return forbid("you cannot change your own role or status; ask another administrator")
	case p.Role != access.Superuser && !access.Outranks(p.Role, target.Role):
		return forbid("a %s cannot change a %s", p.Role, target.Role)
	case c.Role != nil && !access.CanAssignRole(p.Role, *c.Role):
		return forbid("a %s cannot give the role %s: nobody can give a role above their own", p.Role, *c.Role)
	}
	return nil
}

// Me is what GET /api/auth/me/ shows about the signed-in user.
type Me struct {
	User
	Permissions []access.Permission
	// Masquerade is set when the session acts on behalf of someone else.
	Masquerade *MasqueradeInfo
}

// Me returns the principal's user and effective permissions at now.
func (s *Service) Me(ctx context.Context, p *access.Principal) (*Me, error) {
	a, err := s.Store.UserByID(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	perms := p.Permissions(s.now())
	if perms == nil {
		perms = []access.Permission{}
	}
	m, err := s.masqueradeOf(ctx, p)
	if err != nil {
		return nil, err
	}
	return &Me{User: a.User, Permissions: perms, Masquerade: m}, nil
}
