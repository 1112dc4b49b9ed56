package identity

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Register signs a customer up on a tenant's site and signs it in. The new
// CUSTOMER login is linked to the tenant's customer record with its email
// (found, e.g. from an earlier anonymous booking, or created), so its
// bookings are the login's. One address gets RegisterIPThrottle's sign-ups
// (TooMany beyond), and none while sign-in locks it. An email that already
// has an account here, whatever its role, gets the same Invalid answer on
// body.email, so sign-up tells nobody which emails are staff.
func (s *Service) Register(ctx context.Context, realm Realm, email, password, name string, c Client) (*LoginResult, error) {
	if realm.Platform() {
		return nil, errs.E(errs.NotFound, "customers sign up on their business's site")
	}
	_, ipKey := throttleKeys(realm, "", c)
	if err := s.countRequest(ctx, "register:ip:"+c.IP, RegisterIPThrottle, ipKey); err != nil {
		return nil, err
	}
	now := s.now()
	u, err := ValidateNewUser(User{ID: newID(), TenantID: realm.tenant(), Email: email, Name: name, Role: access.Customer,
		CreatedAt: now, UpdatedAt: now})
	if err != nil {
		return nil, err
	}
	ph, err := hashNewPassword(password, u.Email, u.Name)
	if err != nil {
		return nil, err
	}
	a := &Account{User: u, PasswordHash: ph}
	registered := func(a *Account) audit.Event {
		e := event(audit.CustomerRegistered, a, realm, c)
		e.Detail = map[string]any{"customerId": a.CustomerID}
		return s.stamp(e)
	}
	if err := s.Store.CreateUser(ctx, a, registered); err != nil {
		return nil, err
	}
	t, err := s.openSession(ctx, a, realm, c, false)
	if err != nil {
		return nil, err
	}
	return &LoginResult{User: &a.User, Tokens: t}, nil
}

// linkCustomer links a CUSTOMER login made before logins were linked to
// customer records (or whose record was missing) at its next sign-in. A
// failure is logged: the sign-in goes on, the portal then shows nothing.
func (s *Service) linkCustomer(ctx context.Context, a *Account) {
	if a.Role != access.Customer || a.CustomerID != "" {
		return
	}
	if err := s.Store.LinkCustomer(ctx, a); err != nil {
		s.Log.WarnContext(ctx, "customer login not linked to a customer record", "user", a.ID, "err", err)
	}
}
