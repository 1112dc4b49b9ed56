package identity

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Tokens are the credentials of a new or refreshed session, shown once.
type Tokens struct {
	SessionID       string
	Access          string
	Refresh         string
	Cookie          string // rotates on refresh too: the old cookie stops working
	AccessExpiresAt time.Time
	ExpiresAt       time.Time
}

// Credential kinds that Authenticate accepts.
type Credential int

// Bearer is an access token from the Authorization header; Cookie is the
// browser session cookie.
const (
	Bearer Credential = iota + 1
	Cookie
)

// Authenticated is a session that Authenticate accepted.
type Authenticated struct {
	Principal *access.Principal
	Email     string
	// MFAEnrollmentRequired: platform staff without MFA while PlatformMFA
	// is on. The HTTP layer then lets them reach only their own account and
	// MFA enrolment.
	MFAEnrollmentRequired bool
}

// seenEvery is how stale last_seen_at may get before a request updates it.
const seenEvery = time.Minute

// tokenHashes are what the store keeps of a session's tokens.
type tokenHashes struct{ access, refresh, cookie []byte }

// mint makes new tokens for session id, which ends at expires: an access
// token for AccessTTL from now (never beyond the session), a refresh token
// and a cookie. Opening, refreshing, masquerading and handing a
// masquerade over all mint here.
func (s *Service) mint(id string, now, expires time.Time) (*Tokens, tokenHashes) {
	t := &Tokens{SessionID: id, ExpiresAt: expires, AccessExpiresAt: now.Add(s.AccessTTL)}
	if expires.Before(t.AccessExpiresAt) {
		t.AccessExpiresAt = expires
	}
	var h tokenHashes
	t.Access, h.access = NewToken(PrefixAccess)
	t.Refresh, h.refresh = NewToken(PrefixRefresh)
	t.Cookie, h.cookie = NewToken(PrefixCookie)
	return t, h
}

// openSession creates a session for a in realm and returns its tokens.
func (s *Service) openSession(ctx context.Context, a *Account, realm Realm, c Client, mfaVerified bool) (*Tokens, error) {
	s.linkCustomer(ctx, a)
	now := s.now()
	t, h := s.mint(newID(), now, now.Add(s.SessionTTL))
	ns := NewSession{
		Session: Session{
			ID: t.SessionID, UserID: a.ID, TenantID: a.TenantID, MFAVerified: mfaVerified,
			IP: c.IP, UserAgent: truncate(c.UserAgent, 512),
			CreatedAt: now, LastSeenAt: now, ExpiresAt: t.ExpiresAt, AccessExpiresAt: t.AccessExpiresAt,
		},
		AccessHash: h.access, RefreshHash: h.refresh, CookieHash: h.cookie,
	}
	e := event(audit.LoginSucceeded, a, realm, c)
	e.SessionID = ns.ID
	e.Detail = map[string]any{"mfa": mfaVerified}
	if err := s.Store.CreateSession(ctx, ns, s.stamp(e)); err != nil {
		return nil, err
	}
	return t, nil
}

// Authenticate resolves a credential presented on realm into a principal.
// It refuses (Unauthorized) unknown, expired and revoked credentials, the
// sessions of disabled users, and sessions minted for another realm.
func (s *Service) Authenticate(ctx context.Context, realm Realm, kind Credential, token string) (*Authenticated, error) {
	var v *SessionView
	var err error
	switch kind {
	case Bearer:
		v, err = s.Store.SessionByAccess(ctx, HashToken(token))
	case Cookie:
		v, err = s.Store.SessionByCookie(ctx, HashToken(token))
	default:
		return nil, errs.E(errs.Internal, "unknown credential kind %d", kind)
	}
	if errs.Is(err, errs.NotFound) {
		return nil, errs.E(errs.Unauthorized, "this session is not valid; sign in again")
	} else if err != nil {
		return nil, err
	}
	now := s.now()
	if err := s.usable(v, realm, now); err != nil {
		s.endedMasquerade(ctx, v, now)
		return nil, err
	}
	if err := s.masqueradeStillAllowed(ctx, v); err != nil {
		return nil, err
	}
	if kind == Bearer && !now.Before(v.AccessExpiresAt) {
		return nil, errs.E(errs.Unauthorized, "the access token has expired; get a new one from /api/auth/refresh/")
	}
	if now.Sub(v.LastSeenAt) >= seenEvery {
		if err := s.Store.TouchSession(ctx, v.ID, now); err != nil {
			s.Log.WarnContext(ctx, "session not touched", "err", err)
		}
	}
	p := principalOf(v)
	// Grants are loaded on every request and checked against the clock at
	// every permission check (Principal.Can): expiry and revocation take
	// effect at once, without a clean-up job.
	grants, err := s.Store.ActiveGrants(ctx, v.UserID, now)
	if err != nil {
		return nil, err
	}
	p.Grants = validGrants(grants, v.User.Role)

	return &Authenticated{
		Principal:             p,
		Email:                 v.User.Email,
		MFAEnrollmentRequired: s.PlatformMFA && v.User.Role.IsPlatform() && !v.User.MFAEnabled && v.ImpersonatorID == "",
	}, nil
}

// endedMasquerade audits the end of a masquerade session found expired or
// revoked before anyone recorded its end (the lazy MASQUERADE_END).
func (s *Service) endedMasquerade(ctx context.Context, v *SessionView, now time.Time) {
	if v.ImpersonatorID == "" || v.MasqueradeEndedAt != nil {
		return
	}
	switch {
	case v.RevokedAt != nil:
		s.endMasquerade(ctx, v, "revoked", Client{})
	case !now.Before(v.ExpiresAt):
		s.endMasquerade(ctx, v, "expired", Client{})
	}
}

// usable checks that a session may be used on realm at now.
func (s *Service) usable(v *SessionView, realm Realm, now time.Time) error {
	switch {
	case v.RevokedAt != nil:
		return errs.E(errs.Unauthorized, "this session has ended; sign in again")
	case !now.Before(v.ExpiresAt):
		return errs.E(errs.Unauthorized, "this session has expired; sign in again")
	case now.Sub(v.LastSeenAt) >= s.idleTimeout():
		return errs.E(errs.Unauthorized, "this session was unused for %s and has ended; sign in again", s.idleTimeout())
	case v.User.Status != StatusActive:
		return errs.E(errs.Unauthorized, "this account is disabled")
	case !realm.owns(v.TenantID):
		return &errs.Error{Code: errs.Unauthorized, Message: "this session belongs to another site; sign in here", Err: ErrOtherSite}
	}
	return nil
}

// masqueradeStillAllowed re-checks a masquerade session against its
// impersonator as they are now: a disabled impersonator, or one whose
// current role the masquerade matrix no longer lets act as the session's
// user (a support agent moved to sales, say), ends the masquerade at once
// (revoked, MASQUERADE_END audited) and gets Unauthorized. The facts come
// with the session lookup; nothing else is read on the way.
func (s *Service) masqueradeStillAllowed(ctx context.Context, v *SessionView) error {
	if v.ImpersonatorID == "" {
		return nil
	}
	why := ""
	if v.ImpersonatorStatus != StatusActive {
		why = "the impersonator's account is disabled"
	} else {
		target := access.Target{UserID: v.UserID, Role: v.User.Role, TenantIsDemo: v.TenantIsDemo}
		if v.User.TenantID != nil {
			target.TenantID = *v.User.TenantID
		}
		d := access.CanMasquerade(access.Actor{UserID: v.ImpersonatorID, Role: v.ImpersonatorRole, TenantID: v.ImpersonatorTenantID}, target)
		if !d.Allowed {
			why = "the impersonator's role " + string(v.ImpersonatorRole) + " no longer allows it: " + d.Reason
		}
	}
	if why == "" {
		return nil
	}
	if v.MasqueradeEndedAt == nil {
		_ = s.endMasquerade(ctx, v, "impersonator changed", Client{})
	}
	return errs.E(errs.Unauthorized, "this masquerade has ended: %s", why)
}

// ErrOtherSite is wrapped by Authenticate's error when a live session was
// presented on a site other than its own.
var ErrOtherSite = errors.New("session of another site")

// validGrants keeps the grants whose grantor, as they are now (the store
// already drops disabled grantors), could still make them to a grantee of
// granteeRole: a grant stops working the moment its grantor is demoted.
func validGrants(list []ActiveGrant, granteeRole access.Role) []access.Grant {
	var out []access.Grant
	for _, g := range list {
		grantor := access.Principal{UserID: g.GrantorID, Role: g.GrantorRole, TenantID: g.GrantorTenantID}
		if access.ValidateGrant(grantor, granteeRole, g.TenantID, g.Action, "still valid", access.MinGrantDuration) == nil {
			out = append(out, g.Grant)
		}
	}
	return out
}

func principalOf(v *SessionView) *access.Principal {
	p := &access.Principal{
		UserID: v.UserID, Role: v.User.Role, CustomerID: v.User.CustomerID,
		ImpersonatorID: v.ImpersonatorID, ImpersonatorRole: v.ImpersonatorRole,
		MFAVerified: v.MFAVerified, SessionID: v.ID,
	}
	if v.User.TenantID != nil {
		p.TenantID = *v.User.TenantID
	}
	return p
}

// Refresh exchanges a refresh token for new access and refresh tokens and
// a new cookie. The old refresh token and cookie stop working. Presenting a refresh token that was
// already exchanged is taken as theft: the whole session is revoked.
func (s *Service) Refresh(ctx context.Context, realm Realm, refresh string, c Client) (*Tokens, error) {
	invalid := errs.E(errs.Unauthorized, "this refresh token is not valid; sign in again")
	hash := HashToken(refresh)
	v, rotated, err := s.Store.SessionByRefresh(ctx, hash)
	if errs.Is(err, errs.NotFound) {
		return nil, invalid
	} else if err != nil {
		return nil, err
	}
	now := s.now()
	if !realm.owns(v.TenantID) {
		return nil, invalid
	}
	if rotated {
		s.reuse(ctx, v, realm, c, now)
		return nil, invalid
	}
	if err := s.usable(v, realm, now); err != nil {
		return nil, err
	}
	t, h := s.mint(v.ID, now, v.ExpiresAt)
	err = s.Store.RotateRefresh(ctx, v.ID, hash, h.refresh, h.access, h.cookie, t.AccessExpiresAt, now)
	if errs.Is(err, errs.Conflict) {
		s.reuse(ctx, v, realm, c, now)
		return nil, invalid
	} else if err != nil {
		return nil, err
	}
	return t, nil
}

// reuse revokes a session whose rotated refresh token came back.
// The event goes into the revoking transaction; when there is nothing to
// revoke (or revoking fails) it is recorded on its own: a detected attack
// is audited whatever became of the session.
func (s *Service) reuse(ctx context.Context, v *SessionView, realm Realm, c Client, now time.Time) {
	e := s.stamp(event(audit.RefreshReuseDetected, &v.User, realm, c))
	e.SessionID = v.ID
	if v.RevokedAt == nil {
		err := s.Store.RevokeSession(ctx, "", v.ID, "refresh token reused", now, e)
		if err == nil {
			return
		}
		if !errs.Is(err, errs.NotFound) {
			s.Log.ErrorContext(ctx, "session not revoked after refresh reuse", "session", v.ID, "err", err)
		}
	}
	s.record(ctx, e)
}

// Logout ends the principal's session.
func (s *Service) Logout(ctx context.Context, p *access.Principal, c Client) error {
	a, err := s.Store.UserByID(ctx, p.UserID)
	if err != nil {
		return err
	}
	e := s.stamp(actorEvent(audit.Logout, p, a.Email, &a.User, c))
	if err := s.Store.RevokeSession(ctx, p.UserID, p.SessionID, "logout", s.now(), e); errs.Is(err, errs.NotFound) {
		// Revoked meanwhile: the sign-out changed nothing but is audited
		// as before.
		s.record(ctx, e)
	} else if err != nil {
		return err
	}
	if p.Masquerading() {
		if v, err := s.Store.SessionByID(ctx, p.SessionID); err == nil {
			s.endMasquerade(ctx, v, "logged out", c)
		}
	}
	return nil
}

// errSessionsWhileMasquerading refuses the session list and its revocation
// to a masquerade: the sessions are the impersonated user's own (their
// addresses, devices), and ending them would sign the real user out.
func errSessionsWhileMasquerading() error {
	return errs.E(errs.Forbidden, "while acting as another user you cannot see or end their sessions; stop the masquerade first").
		With("rule", "not while masquerading")
}

// Sessions lists the principal's live sessions. A masquerade is refused
// (Forbidden).
func (s *Service) Sessions(ctx context.Context, p *access.Principal) ([]Session, error) {
	if p.Masquerading() {
		return nil, errSessionsWhileMasquerading()
	}
	return s.Store.ListSessions(ctx, p.UserID, s.now())
}

// RevokeSession ends one of the principal's own sessions. A masquerade is
// refused (Forbidden).
func (s *Service) RevokeSession(ctx context.Context, p *access.Principal, id string) error {
	if p.Masquerading() {
		return errSessionsWhileMasquerading()
	}
	if !validUUID(id) {
		return errs.E(errs.NotFound, "no session %q", id)
	}
	return s.Store.RevokeSession(ctx, p.UserID, id, "revoked by its owner", s.now())
}

// truncate makes client-supplied text storable: valid UTF-8 without NUL
// bytes, at most n bytes.
func truncate(s string, n int) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, ""), "\x00", "")
	if len(s) > n {
		s = strings.ToValidUTF8(s[:n], "")
	}
	return s
}
