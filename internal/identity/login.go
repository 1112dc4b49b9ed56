package identity

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// LoginResult is a sign-in's outcome: a session, or (for users with MFA)
// the token of the second step.
type LoginResult struct {
	User     *User
	Tokens   *Tokens
	MFAToken string
}

// errBadCredentials is the one answer to a wrong email or password, whether
// or not the account exists or is disabled.
func errBadCredentials() error {
	return errs.E(errs.Unauthorized, "the email or password is not correct")
}

// Login signs a user in to realm with email and password. Only realm's own
// users can: a tenant's users on its host, platform staff on the platform.
// Unknown emails cost the same password hash as known ones and get the same
// answer. Repeated failures lock the account key and the address key with
// growing delays (TooMany with "retryAfterSeconds").
func (s *Service) Login(ctx context.Context, realm Realm, email, password string, c Client) (*LoginResult, error) {
	email, err := NormalizeEmail(email)
	if err != nil {
		return nil, err
	}
	// The try is reserved on the account and address keys before the
	// password is checked: a burst of concurrent guesses gets no more
	// tries than sequential ones would (the rest are TooMany, unjudged).
	acctKey, ipKey := throttleKeys(realm, email, c)
	att, err := s.reserve(ctx, "failed attempts", signInKeys(acctKey, ipKey)...)
	if err != nil {
		return nil, err
	}
	a, err := s.Store.UserByEmail(ctx, realm.tenant(), email)
	if err != nil && !errs.Is(err, errs.NotFound) {
		return nil, err
	}
	failed := event(audit.LoginFailed, nil, realm, c)
	failed.ActorEmail, failed.TargetEmail = email, email
	if a == nil {
		DummyVerify()
		failed.Reason = "unknown email"
		s.record(ctx, failed)
		att.Failed(ctx, &failed)
		return nil, errBadCredentials()
	}
	failed.ActorID, failed.TargetID = a.ID, a.ID
	ok, rehash, err := VerifyPassword(a.PasswordHash, password)
	if err != nil {
		s.Log.ErrorContext(ctx, "unreadable password hash", "user", a.ID, "err", err)
	}
	if !ok || a.Status != StatusActive {
		failed.Reason = "wrong password"
		if ok {
			failed.Reason = "account disabled"
		}
		s.record(ctx, failed)
		att.Failed(ctx, &failed)
		return nil, errBadCredentials()
	}
	if err := att.Succeeded(ctx, acctKey); err != nil {
		return nil, err
	}
	if rehash {
		if h, err := HashPassword(password); err == nil {
			if err := s.Store.SetPasswordHash(ctx, a.ID, h); err != nil {
				s.Log.WarnContext(ctx, "password hash not upgraded", "user", a.ID, "err", err)
			}
		}
	}
	if a.MFAEnabled {
		token, hash := NewToken(PrefixMFA)
		if err := s.Store.CreateMFAChallenge(ctx, hash, a.ID, a.TenantID, s.now().Add(MFAStepTTL)); err != nil {
			return nil, err
		}
		return &LoginResult{User: &a.User, MFAToken: token}, nil
	}
	t, err := s.openSession(ctx, a, realm, c, false)
	if err != nil {
		return nil, err
	}
	return &LoginResult{User: &a.User, Tokens: t}, nil
}

// VerifyMFA completes a sign-in with a TOTP code or a recovery code. The
// MFA token is single use; wrong codes count towards the same locks as
// wrong passwords.
func (s *Service) VerifyMFA(ctx context.Context, realm Realm, mfaToken, code string, c Client) (*LoginResult, error) {
	invalid := errs.E(errs.Unauthorized, "this sign-in step has expired or was already used; sign in again")
	hash := HashToken(mfaToken)
	userID, tenantID, err := s.Store.MFAChallenge(ctx, hash, s.now())
	if errs.Is(err, errs.NotFound) || (err == nil && !realm.owns(tenantID)) {
		return nil, invalid
	} else if err != nil {
		return nil, err
	}
	a, err := s.Store.UserByID(ctx, userID)
	if err != nil {
		return nil, err
	}
	// Second-factor failures count on a key of their own, which a correct
	// password does not clear: knowing the password must not reset the
	// delays between guesses of the code.
	// The try is reserved before the code is checked (see Login).
	_, ipKey := throttleKeys(realm, a.Email, c)
	mfaKey := "mfa:" + a.ID
	if a.Status != StatusActive || !a.MFAEnabled {
		return nil, invalid
	}
	att, err := s.reserve(ctx, "failed attempts", signInKeys(mfaKey, ipKey)...)
	if err != nil {
		return nil, err
	}
	ok, err := s.checkSecondFactor(ctx, a, code)
	if err != nil {
		return nil, err
	}
	if !ok {
		failed := event(audit.LoginFailed, a, realm, c)
		failed.Reason = "wrong second factor"
		s.record(ctx, failed)
		att.Failed(ctx, &failed)
		return nil, errs.Field("code", "the code is not correct")
	}
	if used, err := s.Store.ConsumeMFAChallenge(ctx, hash, s.now()); err != nil {
		return nil, err
	} else if !used {
		return nil, invalid
	}
	if err := att.Succeeded(ctx, mfaKey); err != nil {
		return nil, err
	}
	t, err := s.openSession(ctx, a, realm, c, true)
	if err != nil {
		return nil, err
	}
	return &LoginResult{User: &a.User, Tokens: t}, nil
}

// checkSecondFactor accepts a current TOTP code (once: the step is recorded
// atomically, so a replay fails) or an unused recovery code (consumed).
func (s *Service) checkSecondFactor(ctx context.Context, a *Account, code string) (bool, error) {
	secret, err := s.Box.Open(a.MFASecret, []byte(a.ID))
	if err != nil {
		return false, errs.Wrap(errs.Internal, err, "the MFA secret of user %s does not open", a.ID)
	}
	if step, ok := ValidateTOTP(string(secret), code, s.now(), a.MFALastStep); ok {
		return s.Store.UseTOTPStep(ctx, a.ID, step)
	}
	if len(code) < 12 {
		return false, nil
	}
	return s.Store.UseRecoveryCode(ctx, a.ID, HashToken(NormalizeRecoveryCode(code)))
}
