package identity

import (
	"context"
	"strings"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// MFASetup is a new TOTP secret, shown once, before confirmation.
type MFASetup struct {
	Secret     string
	OTPAuthURI string
}

// SetupMFA starts TOTP enrolment: a new secret is stored sealed as pending
// and shown once. Until ConfirmMFA, sign-in does not ask for it. Calling it
// again replaces the pending secret.
func (s *Service) SetupMFA(ctx context.Context, p *access.Principal) (*MFASetup, error) {
	a, err := s.Store.UserByID(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	if a.MFAEnabled {
		return nil, errs.E(errs.Conflict, "two-factor authentication is already on; turn it off first to enrol a new device")
	}
	secret, uri, err := NewTOTPSecret(s.Issuer, a.Email)
	if err != nil {
		return nil, err
	}
	if err := s.Store.SetMFAPending(ctx, a.ID, s.Box.Seal([]byte(secret), []byte(a.ID))); err != nil {
		return nil, err
	}
	return &MFASetup{Secret: secret, OTPAuthURI: uri}, nil
}

// ConfirmMFA turns MFA on when code matches the pending secret, and returns
// new recovery codes (shown once; stored hashed).
func (s *Service) ConfirmMFA(ctx context.Context, p *access.Principal, code string, c Client) ([]string, error) {
	a, err := s.Store.UserByID(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	if a.MFAEnabled {
		return nil, errs.E(errs.Conflict, "two-factor authentication is already on")
	}
	if a.MFAPending == nil {
		return nil, errs.E(errs.Conflict, "start with /api/auth/mfa/setup/ to get a secret")
	}
	secret, err := s.Box.Open(a.MFAPending, []byte(a.ID))
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "the pending MFA secret of user %s does not open", a.ID)
	}
	step, ok := ValidateTOTP(string(secret), code, s.now(), 0)
	if !ok {
		return nil, errs.Field("code", "the code is not correct; check your authenticator app's clock")
	}
	plain, hashes := NewRecoveryCodes(0)
	if err := s.Store.EnableMFA(ctx, a.ID, a.MFAPending, step, hashes, s.stamp(actorEvent(audit.MFAEnabled, p, a.Email, &a.User, c))); err != nil {
		return nil, err
	}
	return plain, nil
}

// DisableMFA turns MFA off after checking the user's password and a fresh
// second factor (a current TOTP code, not used before, or a recovery
// code): a stolen session with a known password must not strip MFA.
// Wrong codes count on the user's MFA throttle key, reserved before the
// check, like at sign-in.
func (s *Service) DisableMFA(ctx context.Context, p *access.Principal, password, code string, c Client) error {
	a, err := s.checkPassword(ctx, p, password, "password", c)
	if err != nil {
		return err
	}
	if !a.MFAEnabled {
		return errs.E(errs.Conflict, "two-factor authentication is not on")
	}
	if strings.TrimSpace(code) == "" {
		return errs.Field("code", "a current code from your authenticator app (or a recovery code) is required")
	}
	mfaKey := "mfa:" + a.ID
	att, err := s.reserve(ctx, "failed attempts", ThrottleKey{Key: mfaKey, Rule: AccountThrottle})
	if err != nil {
		return err
	}
	ok, err := s.checkSecondFactor(ctx, a, code)
	if err != nil {
		return err
	}
	if !ok {
		att.Failed(ctx, nil)
		return errs.Field("code", "the code is not correct")
	}
	if err := att.Succeeded(ctx, mfaKey); err != nil {
		return err
	}
	if err := s.Store.DisableMFA(ctx, a.ID, s.stamp(actorEvent(audit.MFADisabled, p, a.Email, &a.User, c))); err != nil {
		return err
	}
	return nil
}

// checkPassword verifies the signed-in user's own password (re-entry for
// sensitive changes), counting failures like sign-in failures so that a
// stolen session cannot guess it.
func (s *Service) checkPassword(ctx context.Context, p *access.Principal, password, loc string, c Client) (*Account, error) {
	a, err := s.Store.UserByID(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	key := "reauth:" + a.ID
	att, err := s.reserve(ctx, "failed attempts", ThrottleKey{Key: key, Rule: AccountThrottle})
	if err != nil {
		return nil, err
	}
	if ok, _, _ := VerifyPassword(a.PasswordHash, password); !ok {
		att.Failed(ctx, nil)
		return nil, errs.Field(loc, "the password is not correct")
	}
	return a, att.Succeeded(ctx, key)
}
