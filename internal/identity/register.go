package identity

import (
	"context"
	"net/url"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/notify"
)

// Register signs a customer up on a tenant's site and signs it in. Nobody
// has proven the email yet, so the new CUSTOMER login gets a customer
// record of its own (its bookings only) and a verification link is mailed;
// once it is followed (VerifyEmail) the login is linked to the business's
// customer record with that email — found, e.g. from an earlier anonymous
// booking, or its own record takes the email. Signing up with someone
// else's email thus shows nothing of theirs, and their later anonymous
// bookings never land in the new login. One address gets RegisterIPThrottle's sign-ups
// (TooMany beyond), and none while sign-in locks it. An email that already
// has an account here, whatever its role, gets the same Invalid answer on
// email, so sign-up tells nobody which emails are staff.
func (s *Service) Register(ctx context.Context, realm Realm, email, password, name string, c Client) (*LoginResult, error) {
	if realm.Platform() {
		return nil, errs.E(errs.NotFound, "customers sign up on their business's site")
	}
	_, ipKey := throttleKeys(realm, "", c)
	if err := s.countRequest(ctx, "register:ip:"+c.IP, RegisterIPThrottle, ipKey); err != nil {
		return nil, err
	}
	now := s.now()
	a, err := NewAccount(User{ID: newID(), TenantID: realm.tenant(), Email: email, Name: name, Role: access.Customer,
		CreatedAt: now, UpdatedAt: now}, password)
	if err != nil {
		return nil, err
	}
	a.Unverified = true
	registered := func(a *Account) audit.Event {
		e := event(audit.CustomerRegistered, a, realm, c)
		e.Detail = map[string]any{"customerId": a.CustomerID}
		return s.stamp(e)
	}
	if err := s.Store.CreateUser(ctx, a, registered); err != nil {
		return nil, err
	}
	if err := s.mailVerification(ctx, realm, a); err != nil {
		s.Log.WarnContext(ctx, "verification link not made", "user", a.ID, "err", err)
	}
	t, err := s.openSession(ctx, a, realm, c, false)
	if err != nil {
		return nil, err
	}
	return &LoginResult{User: &a.User, Tokens: t}, nil
}

// EmailVerificationTTL is how long a verification link works.
const EmailVerificationTTL = 48 * time.Hour

// EmailVerified records that a user proved their email.
const EmailVerified audit.Action = "EMAIL_VERIFIED"

// mailVerification mails a a link proving its email (at most one a minute).
func (s *Service) mailVerification(ctx context.Context, realm Realm, a *Account) error {
	token, hash := NewToken(PrefixVerify)
	now := s.now()
	made, err := s.Store.CreateEmailVerification(ctx, hash, a.ID, now.Add(EmailVerificationTTL), now)
	if err != nil || !made {
		return err
	}
	link := s.URL(realm.Host, "/verify-email?token="+url.QueryEscape(token))
	s.send(ctx, notify.Message{To: a.Email, Subject: "Confirm your email for " + siteName(realm), Link: link,
		Text: "Hello " + a.Name + ",\n\nConfirm that this is your email address, so that your bookings with " + siteName(realm) +
			" show up in your account:\n\n" + link + "\n\nIf you did not sign up, ignore this message.\n"})
	return nil
}

// ResendVerification mails the signed-in user a new verification link
// (Conflict when the email is verified already; no more than one a
// minute, silently).
func (s *Service) ResendVerification(ctx context.Context, p *access.Principal, realm Realm) error {
	if p.Masquerading() {
		return errs.E(errs.Forbidden, "a verification link is not sent while acting as another user").With("rule", "not while masquerading")
	}
	a, err := s.Store.UserByID(ctx, p.UserID)
	if err != nil {
		return err
	}
	if !a.Unverified {
		return errs.E(errs.Conflict, "your email is already verified")
	}
	return s.mailVerification(ctx, realm, a)
}

// VerifyEmail redeems a verification link on its site: the email counts as
// proven and a CUSTOMER login is linked to its business's customer record
// with that email. Audited EMAIL_VERIFIED.
func (s *Service) VerifyEmail(ctx context.Context, realm Realm, token string, c Client) (*User, error) {
	a, err := s.Store.VerifyEmail(ctx, HashToken(token), realm.tenant(), s.now(), func(a *Account) audit.Event {
		e := event(EmailVerified, a, realm, c)
		e.Detail = map[string]any{"customerId": a.CustomerID}
		return s.stamp(e)
	})
	if errs.Is(err, errs.NotFound) {
		return nil, errs.E(errs.Unauthorized, "this verification link is not valid, was already used or has expired; ask for a new one")
	} else if err != nil {
		return nil, err
	}
	return &a.User, nil
}

// linkCustomer links a verified CUSTOMER login made before logins were
// linked to customer records (or whose record was missing) at its next
// sign-in; an unverified one is never linked by email. A
// failure is logged: the sign-in goes on, the portal then shows nothing.
func (s *Service) linkCustomer(ctx context.Context, a *Account) {
	if a.Role != access.Customer || a.CustomerID != "" || a.Unverified {
		return
	}
	if err := s.Store.LinkCustomer(ctx, a); err != nil {
		s.Log.WarnContext(ctx, "customer login not linked to a customer record", "user", a.ID, "err", err)
	}
}
