package identity

import (
	"context"
	"net/url"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/notify"
)

// ForgotPassword mails a reset link to email if it names an active user of
// realm. Whatever the email, it answers the same and in about the same time
// (the message goes out in the background); at most one link a minute is
// made per user, and one address gets ResetIPThrottle's requests (TooMany
// beyond, counted whatever the email, so that the limit says nothing about
// accounts).
func (s *Service) ForgotPassword(ctx context.Context, realm Realm, email string, c Client) error {
	email, err := NormalizeEmail(email)
	if err != nil {
		return err
	}
	if err := s.countRequest(ctx, "reset:ip:"+c.IP, ResetIPThrottle); err != nil {
		return err
	}
	a, err := s.Store.UserByEmail(ctx, realm.tenant(), email)
	if errs.Is(err, errs.NotFound) || (err == nil && a.Status != StatusActive) {
		return nil
	} else if err != nil {
		return err
	}
	token, hash := NewToken(PrefixReset)
	now := s.now()
	made, err := s.Store.CreateReset(ctx, hash, a.ID, now.Add(ResetTTL), now)
	if err != nil || !made {
		return err
	}
	link := s.URL(realm.Host, "/reset-password?token="+url.QueryEscape(token))
	s.send(ctx, notify.Message{To: a.Email, Subject: "Reset your " + siteName(realm) + " password", Link: link,
		Text: "Hello " + a.Name + ",\n\nSomeone (hopefully you) asked to reset your password. Choose a new one here within 30 minutes:\n\n" +
			link + "\n\nIf it wasn't you, ignore this message: your password stays as it is.\n"})
	return nil
}

// ResetPassword sets a new password with a reset link's token, ends every
// session of the user and voids the user's other links.
func (s *Service) ResetPassword(ctx context.Context, realm Realm, token, password string, c Client) error {
	invalid := errs.E(errs.Unauthorized, "this reset link is not valid, was already used or has expired; ask for a new one")
	hash := HashToken(token)
	a, err := s.Store.ResetTarget(ctx, hash, s.now())
	if errs.Is(err, errs.NotFound) || (err == nil && (!realm.owns(a.TenantID) || a.Status != StatusActive)) {
		return invalid
	} else if err != nil {
		return err
	}
	ph, err := hashNewPassword(password, a.Email, a.Name)
	if err != nil {
		return err
	}
	err = s.Store.ResetPassword(ctx, hash, a.ID, ph, s.now(), s.stamp(event(audit.PasswordReset, a, realm, c)))
	if errs.Is(err, errs.NotFound) {
		return invalid
	} else if err != nil {
		return err
	}
	acctKey, _ := throttleKeys(realm, a.Email, c)
	return s.Store.ClearThrottle(ctx, acctKey)
}

// ChangePassword sets a new password for the signed-in user after checking
// the current one, and ends the user's other sessions.
func (s *Service) ChangePassword(ctx context.Context, p *access.Principal, current, next string, c Client) error {
	a, err := s.checkPassword(ctx, p, current, "currentPassword", c)
	if err != nil {
		return err
	}
	ph, err := hashNewPassword(next, a.Email, a.Name)
	if err != nil {
		return errs.Renamed(err, map[string]string{"password": "newPassword"})
	}
	return s.Store.ChangePassword(ctx, a.ID, ph, p.SessionID, s.now(), s.stamp(actorEvent(audit.PasswordChanged, p, a.Email, &a.User, c)))
}

func siteName(r Realm) string {
	if r.Name != "" {
		return r.Name
	}
	return "SmoothSchedule"
}
