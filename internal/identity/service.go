package identity

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/notify"
)

// Lifetimes of the single-use tokens.
const (
	InvitationTTL = 7 * 24 * time.Hour
	ResetTTL      = 30 * time.Minute
	MFAStepTTL    = 5 * time.Minute
)

// Service runs sign-in, sessions, MFA, invitations and password resets on
// top of a Store. It holds no state of its own: several serve processes can
// run one each against the same database.
type Service struct {
	Store  Store
	Mailer notify.Mailer
	Audit  audit.Recorder
	Log    *slog.Logger
	// Box seals TOTP secrets (NewSecretBox(SECRET_KEY, "totp")).
	Box *SecretBox
	Now func() time.Time
	// AccessTTL is an access token's life; SessionTTL a session's (its
	// refresh tokens and cookie).
	AccessTTL, SessionTTL time.Duration
	// PlatformMFA makes platform staff without MFA enrol before anything
	// else (see Authenticated.MFAEnrollmentRequired).
	PlatformMFA bool
	// URL builds links for messages: URL(host, "/reset-password?token=…").
	URL func(host, path string) string
	// Issuer labels TOTP entries in authenticator apps.
	Issuer string
	// MasqueradeTTL is the longest a masquerade lasts (MASQUERADE_TTL;
	// zero: DefaultMasqueradeTTL), never beyond the impersonator's session.
	MasqueradeTTL time.Duration
}

func (s *Service) now() time.Time { return s.Now().UTC() }

// record stores an audit event that stands alone — a refusal or a failure
// (LOGIN_FAILED, MASQUERADE_DENIED …): there is no change to pair it with.
// A failure is logged, not returned. An event that records a change is not
// recorded here: it is handed to the Store method that makes the change,
// which writes it in the same transaction (see Store).
func (s *Service) record(ctx context.Context, e audit.Event) {
	if err := s.Audit.Record(ctx, s.stamp(e)); err != nil {
		s.Log.ErrorContext(ctx, "audit event not recorded", "action", string(e.Action), "err", err)
	}
}

// stamp dates e (now, unless it is dated already).
func (s *Service) stamp(e audit.Event) audit.Event {
	if e.CreatedAt.IsZero() {
		e.CreatedAt = s.now()
	}
	return e
}

// event starts an audit event about account a (may be nil) from client c.
func event(action audit.Action, a *Account, realm Realm, c Client) audit.Event {
	e := audit.Event{Action: action, TenantID: realm.TenantID, IP: c.IP, UserAgent: c.UserAgent}
	if a != nil {
		e.ActorID, e.ActorEmail, e.TargetID, e.TargetEmail = a.ID, a.Email, a.ID, a.Email
	}
	return e
}

// actorEvent starts an audit event done by principal p to target.
func actorEvent(action audit.Action, p *access.Principal, actorEmail string, target *User, c Client) audit.Event {
	e := audit.Event{Action: action, ActorID: p.UserID, ActorEmail: actorEmail, ImpersonatorID: p.ImpersonatorID,
		TenantID: p.TenantID, SessionID: p.SessionID, IP: c.IP, UserAgent: c.UserAgent}
	if target != nil {
		e.TargetID, e.TargetEmail = target.ID, target.Email
		if target.TenantID != nil {
			e.TenantID = *target.TenantID
		}
	}
	return e
}

// send delivers a message in the background, so that the time a request
// takes says nothing about whether a message was sent.
func (s *Service) send(ctx context.Context, m notify.Message) {
	ctx = context.WithoutCancel(ctx)
	go func() {
		ctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		if err := s.Mailer.Send(ctx, m); err != nil {
			s.Log.ErrorContext(ctx, "mail not sent", "to", m.To, "subject", m.Subject, "err", err)
		}
	}()
}

// hashNewPassword checks pw against the policy for a user and hashes it.
func hashNewPassword(pw, email, name string) (string, error) {
	if err := ValidatePassword(pw, email, name); err != nil {
		return "", err
	}
	return HashPassword(pw)
}

func newID() string { return uuid.NewString() }

// validUUID reports whether id looks like a UUID (path parameters are
// checked before they reach SQL casts).
func validUUID(id string) bool {
	_, err := uuid.Parse(id)
	return err == nil && len(id) == 36
}

// throttleKeys are the keys a sign-in to realm as email from c counts on.
func throttleKeys(realm Realm, email string, c Client) (account, ip string) {
	site := realm.TenantID
	if site == "" {
		site = "platform"
	}
	return "acct:" + site + ":" + strings.ToLower(email), "ip:" + c.IP
}

// checkThrottle refuses with TooMany while any key is locked.
func (s *Service) checkThrottle(ctx context.Context, keys ...string) error {
	return s.refuseLocked(ctx, "failed attempts", keys...)
}

// refuseLocked refuses with TooMany ("too many <what>", with
// retryAfterSeconds) while any key is locked.
func (s *Service) refuseLocked(ctx context.Context, what string, keys ...string) error {
	now := s.now()
	until, err := s.Store.LockedUntil(ctx, keys, now)
	if err != nil {
		return err
	}
	if !until.After(now) {
		return nil
	}
	secs := int(until.Sub(now).Round(time.Second) / time.Second)
	secs = max(secs, 1)
	return errs.E(errs.TooMany, "too many %s; try again in %d seconds", what, secs).With("retryAfterSeconds", secs)
}

// countRequest refuses with TooMany while key (or one of also) is locked,
// then counts this request on key under rule, whatever its outcome will be.
func (s *Service) countRequest(ctx context.Context, key string, rule ThrottleRule, also ...string) error {
	if err := s.refuseLocked(ctx, "requests from this address", append([]string{key}, also...)...); err != nil {
		return err
	}
	_, err := s.Store.Fail(ctx, key, rule, s.now())
	return err
}

// fail counts a failed attempt on the account key and the address key and
// audits a lockout when one starts.
func (s *Service) fail(ctx context.Context, accountKey, ipKey string, e audit.Event) {
	now := s.now()
	for _, k := range []struct {
		key  string
		rule ThrottleRule
	}{{accountKey, AccountThrottle}, {ipKey, IPThrottle}} {
		until, err := s.Store.Fail(ctx, k.key, k.rule, now)
		if err != nil {
			s.Log.ErrorContext(ctx, "throttle not updated", "key", k.key, "err", err)
			continue
		}
		if until.After(now) {
			lock := e
			lock.Action = audit.LoginLockedOut
			lock.Detail = map[string]any{"key": k.key, "lockedUntil": until, "reason": e.Reason}
			s.record(ctx, lock)
		}
	}
}
