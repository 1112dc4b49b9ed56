package identity

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// CreateUser validates u and password and stores the user (for operators:
// the CLI). A taken email is a Conflict.
func (s *Service) CreateUser(ctx context.Context, u User, password string) (*User, error) {
	now := s.now()
	u.ID, u.CreatedAt, u.UpdatedAt = newID(), now, now
	a, err := NewAccount(u, password)
	if err != nil {
		return nil, err
	}
	if err := s.Store.CreateUser(ctx, a); err != nil {
		return nil, err
	}
	return &a.User, nil
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

// Me is what GET /api/auth/me/ shows about the signed-in user.
type Me struct {
	User
	Permissions []access.Permission
	// Masquerade is set when the session acts on behalf of someone else.
	Masquerade *MasqueradeInfo
	// EmailVerified: the user proved their email (see Account.Unverified).
	EmailVerified bool
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
	return &Me{User: a.User, Permissions: perms, Masquerade: m, EmailVerified: !a.Unverified}, nil
}
