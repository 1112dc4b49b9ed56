package identity

import (
	"context"
	"log/slog"
	"slices"
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
	// IdleTimeout ends a session unused for that long
	// (SESSION_IDLE_TIMEOUT; zero: DefaultIdleTimeout).
	IdleTimeout time.Duration
}

// DefaultIdleTimeout applies when Service.IdleTimeout is zero.
const DefaultIdleTimeout = 12 * time.Hour

func (s *Service) idleTimeout() time.Duration {
	if s.IdleTimeout > 0 {
		return s.IdleTimeout
	}
	return DefaultIdleTimeout
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

// send delivers a message in the background (notify.SendLater).
func (s *Service) send(ctx context.Context, m notify.Message) {
	notify.SendLater(ctx, s.Mailer, s.Log, m)
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

// tooMany is the refusal while a throttle key is locked until until.
func tooMany(what string, until, now time.Time) error {
	secs := int(until.Sub(now).Round(time.Second) / time.Second)
	secs = max(secs, 1)
	return errs.E(errs.TooMany, "too many %s; try again in %d seconds", what, secs).With("retryAfterSeconds", secs)
}

// Attempt is a try reserved on throttle keys before it is judged (see
// Store.Reserve): whatever runs concurrently, no more tries are judged
// than the rules allow. End it with Succeeded or Failed.
type Attempt struct {
	s     *Service
	keys  []ThrottleKey
	locks []time.Time
	now   time.Time
}

// reserve reserves an attempt on keys, or refuses with TooMany ("too many
// <what>", with retryAfterSeconds) while one of them is locked.
func (s *Service) reserve(ctx context.Context, what string, keys ...ThrottleKey) (*Attempt, error) {
	now := s.now()
	until, locks, err := s.Store.Reserve(ctx, keys, now)
	if err != nil {
		return nil, err
	}
	if until.After(now) {
		return nil, tooMany(what, until, now)
	}
	return &Attempt{s: s, keys: keys, locks: locks, now: now}, nil
}

// Succeeded takes the attempt back on its keys and forgets the failures of
// the keys named in clear.
func (a *Attempt) Succeeded(ctx context.Context, clear ...string) error {
	var refund []ThrottleKey
	for _, k := range a.keys {
		if !slices.Contains(clear, k.Key) {
			refund = append(refund, k)
		}
	}
	for _, k := range clear {
		if err := a.s.Store.ClearThrottle(ctx, k); err != nil {
			return err
		}
	}
	if len(refund) == 0 {
		return nil
	}
	return a.s.Store.Refund(ctx, refund, a.s.now())
}

// Failed leaves the attempt counted and audits, as LOGIN_LOCKED_OUT, each
// lock it started (e is the failure's event; nil: no audit).
func (a *Attempt) Failed(ctx context.Context, e *audit.Event) {
	if e == nil {
		return
	}
	for i, k := range a.keys {
		if i < len(a.locks) && a.locks[i].After(a.now) {
			lock := *e
			lock.Action = audit.LoginLockedOut
			lock.Detail = map[string]any{"key": k.Key, "lockedUntil": a.locks[i], "reason": e.Reason}
			a.s.record(ctx, lock)
		}
	}
}

// signInKeys are the keys a password or second-factor try counts on.
func signInKeys(accountKey, ipKey string) []ThrottleKey {
	return []ThrottleKey{{Key: accountKey, Rule: AccountThrottle}, {Key: ipKey, Rule: IPThrottle}}
}

// countRequest refuses with TooMany while key (or one of also) is locked,
// and otherwise counts this request on key under rule, whatever its
// outcome will be — atomically, so that a burst gets no more through.
func (s *Service) countRequest(ctx context.Context, key string, rule ThrottleRule, also ...string) error {
	keys := []ThrottleKey{{Key: key, Rule: rule}}
	for _, k := range also {
		keys = append(keys, ThrottleKey{Key: k, CheckOnly: true})
	}
	_, err := s.reserve(ctx, "requests from this address", keys...)
	return err
}
