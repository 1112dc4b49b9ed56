package identity

import (
	"context"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Masquerade limits.
const (
	// DefaultMasqueradeTTL applies when Service.MasqueradeTTL is zero.
	DefaultMasqueradeTTL = time.Hour
	// MasqueradeCodeTTL is how long the cross-host hand-over code lives.
	MasqueradeCodeTTL   = 60 * time.Second
	maxMasqueradeReason = 500
)

// MasqueradeStarted is a masquerade just begun: a session of the target,
// bound to the target's site, recording the impersonator and the session
// it was started from.
type MasqueradeStarted struct {
	Target *User
	// TargetSlug is the target's tenant slug ("" for platform users), for
	// the target's host.
	TargetSlug string
	// SameSite: the target signs in where the request came from (an owner
	// acting as its staff); the cookie can be set directly.
	SameSite bool
	// Tokens are the masquerade session's credentials, valid on the
	// target's site only.
	Tokens *Tokens
	// Code is the one-time hand-over code for the target's host ("" when
	// SameSite).
	Code string
}

// StartMasquerade lets p act as the user userID, for reason, if the
// masquerade matrix (access.CanMasquerade) allows it. Every attempt is
// audited: MASQUERADE_START, or MASQUERADE_DENIED with the rule that
// refused it (Forbidden error with "rule" = the Decision's rule code). The
// session lasts Service.MasqueradeTTL, never beyond p's own session.
func (s *Service) StartMasquerade(ctx context.Context, p *access.Principal, here Realm, userID, reason string, c Client) (*MasqueradeStarted, error) {
	var v errs.Validation
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		v.Add("reason", "a reason is required: say why you need to act as this user")
	case len([]rune(reason)) > maxMasqueradeReason:
		v.Add("reason", "the reason is longer than %d characters", maxMasqueradeReason)
	}
	if !validUUID(userID) {
		v.Add("userId", "userId must be a user's id")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.now()
	realID := p.UserID
	if p.Masquerading() {
		realID = p.ImpersonatorID
	}
	actor, err := s.Store.UserByID(ctx, realID)
	if err != nil {
		return nil, err
	}
	e := audit.Event{ActorID: actor.ID, ActorEmail: actor.Email, ImpersonatorID: p.ImpersonatorID, TargetID: userID,
		TenantID: p.TenantID, SessionID: p.SessionID, IP: c.IP, UserAgent: c.UserAgent, Reason: reason}
	t, err := s.Store.MasqueradeTarget(ctx, userID, actor.ID, now)
	if errs.Is(err, errs.NotFound) && !p.Masquerading() {
		e.Action, e.Detail = audit.MasqueradeDenied, map[string]any{"rule": "unknown_target"}
		s.record(ctx, e)
		return nil, errs.E(errs.NotFound, "no user %q", userID)
	} else if err != nil && !errs.Is(err, errs.NotFound) {
		return nil, err
	}
	if t != nil && p.TenantID != "" && !p.Masquerading() && (t.TenantID == nil || *t.TenantID != p.TenantID) {
		// A business's user sees only its own business: a user of another
		// realm is no user at all (404, like an unknown id), and the refusal
		// is recorded in the actor's business — never in the other
		// business's transparency log, which would show it our user's
		// email and reason.
		e.Action, e.Detail = audit.MasqueradeDenied, map[string]any{"rule": "unknown_target"}
		s.record(ctx, e)
		return nil, errs.E(errs.NotFound, "no user %q", userID)
	}
	var target access.Target
	if t != nil {
		e.TargetEmail = t.Email
		if t.TenantID != nil {
			e.TenantID = *t.TenantID
		}
		target = access.Target{UserID: t.ID, Role: t.Role, TenantID: e.TenantID, Disabled: t.Status != StatusActive,
			TenantIsDemo: t.TenantIsDemo, TenantRequiresApproval: t.ApprovalRequired, ApprovalGranted: t.ApprovalActive}
	}
	d := access.CanMasquerade(access.Actor{UserID: p.UserID, Role: p.Role, TenantID: p.TenantID, Masquerading: p.Masquerading()}, target)
	if !d.Allowed {
		e.Action, e.Detail = audit.MasqueradeDenied, map[string]any{"rule": d.Rule, "decision": d.Reason}
		if p.Masquerading() {
			e.Detail["actingAs"] = p.UserID
		}
		s.record(ctx, e)
		return nil, errs.E(errs.Forbidden, "%s", d.Reason).With("rule", d.Rule)
	}
	parent, err := s.Store.SessionByID(ctx, p.SessionID)
	if err != nil {
		return nil, errs.E(errs.Forbidden, "a masquerade can only start from a signed-in session").With("rule", "session")
	}
	ttl := s.MasqueradeTTL
	if ttl <= 0 {
		ttl = DefaultMasqueradeTTL
	}
	expires := now.Add(ttl)
	if parent.ExpiresAt.Before(expires) {
		expires = parent.ExpiresAt
	}
	out := &MasqueradeStarted{Target: &t.User, TargetSlug: t.TenantSlug, SameSite: here.owns(t.TenantID)}
	// The session, its hand-over code and MASQUERADE_START are written in
	// one transaction: no masquerade runs unaudited.
	var codeHash []byte
	if !out.SameSite {
		out.Code, codeHash = NewToken(PrefixMasquerade)
	}
	e.Action = audit.MasqueradeStart
	e.Detail = map[string]any{"rule": d.Rule, "parentSessionId": parent.ID, "expiresAt": expires, "targetRole": string(t.Role)}
	out.Tokens, err = s.openMasquerade(ctx, &t.Account, parent, expires, codeHash, c, s.stamp(e))
	if err != nil {
		return nil, err
	}
	return out, nil
}

// openMasquerade creates the masquerade session of target under parent,
// with its hand-over code (codeHash, nil: none) and the MASQUERADE_START
// event start (its SessionID is set here), in one transaction.
func (s *Service) openMasquerade(ctx context.Context, target *Account, parent *SessionView, expires time.Time, codeHash []byte, c Client, start audit.Event) (*Tokens, error) {
	now := s.now()
	t, h := s.mint(newID(), now, expires)
	ns := NewSession{
		Session: Session{
			ID: t.SessionID, UserID: target.ID, TenantID: target.TenantID, ImpersonatorID: parent.UserID,
			ParentSessionID: parent.ID, MasqueradeStartedAt: &now, MFAVerified: parent.MFAVerified,
			IP: c.IP, UserAgent: truncate(c.UserAgent, 512),
			CreatedAt: now, LastSeenAt: now, ExpiresAt: expires, AccessExpiresAt: t.AccessExpiresAt,
		},
		AccessHash: h.access, RefreshHash: h.refresh, CookieHash: h.cookie,
	}
	if codeHash != nil {
		ns.CodeHash, ns.CodeExpiresAt = codeHash, now.Add(MasqueradeCodeTTL)
	}
	start.SessionID = ns.ID
	if err := s.Store.CreateSession(ctx, ns, start); err != nil {
		return nil, err
	}
	return t, nil
}

// ExchangeMasqueradeCode redeems a hand-over code on the target's site: the
// code is single use, lives MasqueradeCodeTTL and works only on the site
// it was made for. The masquerade session gets new credentials (those of
// the start answer stop working), returned with the target user.
func (s *Service) ExchangeMasqueradeCode(ctx context.Context, here Realm, code string) (*LoginResult, error) {
	invalid := errs.E(errs.Unauthorized, "this masquerade link has expired or was already used; start the masquerade again")
	if !strings.HasPrefix(code, PrefixMasquerade) {
		return nil, invalid
	}
	now := s.now()
	id, err := s.Store.ConsumeMasqueradeCode(ctx, HashToken(code), here.tenant(), now)
	if errs.Is(err, errs.NotFound) {
		return nil, invalid
	} else if err != nil {
		return nil, err
	}
	v, err := s.Store.SessionByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.usable(v, here, now); err != nil {
		return nil, invalid
	}
	t, h := s.mint(v.ID, now, v.ExpiresAt)
	if err := s.Store.ReissueSession(ctx, v.ID, h.access, h.refresh, h.cookie, t.AccessExpiresAt, now); err != nil {
		return nil, err
	}
	return &LoginResult{User: &v.User.User, Tokens: t}, nil
}

// MasqueradeStopped is the way back to the impersonator.
type MasqueradeStopped struct {
	// ImpersonatorSlug is the impersonator's tenant slug ("": the
	// platform), for the impersonator's host.
	ImpersonatorSlug string
	// SameSite: the impersonator's site is this one; Parent then holds a
	// new cookie for the impersonator's original session (nil when that
	// session has ended meanwhile).
	SameSite bool
	Parent   *Tokens
}

// StopMasquerade ends p's masquerade session (audited MASQUERADE_END) and
// returns the way back. The impersonator's original session is untouched
// and still works on its own site.
func (s *Service) StopMasquerade(ctx context.Context, p *access.Principal, here Realm, c Client) (*MasqueradeStopped, error) {
	if !p.Masquerading() {
		return nil, errs.E(errs.Conflict, "this session is not a masquerade; there is nothing to stop")
	}
	v, err := s.Store.SessionByID(ctx, p.SessionID)
	if err != nil {
		return nil, err
	}
	if err := s.endMasquerade(ctx, v, "stopped", c); err != nil {
		return nil, err
	}
	parent, err := s.Store.SessionByID(ctx, v.ParentSessionID)
	if err != nil {
		return nil, err
	}
	out := &MasqueradeStopped{SameSite: here.owns(parent.TenantID)}
	if parent.TenantID != nil {
		imp, err := s.Store.MasqueradeTarget(ctx, parent.UserID, parent.UserID, s.now())
		if err != nil {
			return nil, err
		}
		out.ImpersonatorSlug = imp.TenantSlug
	}
	if out.SameSite && s.usable(parent, here, s.now()) == nil {
		cookie, hash := NewToken(PrefixCookie)
		if err := s.Store.RenewCookie(ctx, parent.ID, hash); err != nil {
			return nil, err
		}
		out.Parent = &Tokens{SessionID: parent.ID, Cookie: cookie, ExpiresAt: parent.ExpiresAt}
	}
	return out, nil
}

// endMasquerade ends masquerade session v and audits MASQUERADE_END, once
// whoever gets there first (stop, or the first request after expiry or
// revocation).
//
// The session's end and its event are one transaction: if the event cannot
// be written the end is not marked either, and a later request (or the
// clean-up) tries again.
func (s *Service) endMasquerade(ctx context.Context, v *SessionView, how string, c Client) error {
	e := audit.Event{Action: audit.MasqueradeEnd, ActorID: v.ImpersonatorID, ImpersonatorID: v.ImpersonatorID,
		TargetID: v.UserID, TargetEmail: v.User.Email, SessionID: v.ID, IP: c.IP, UserAgent: c.UserAgent, Reason: how,
		Detail: map[string]any{"parentSessionId": v.ParentSessionID, "expiresAt": v.ExpiresAt}}
	if v.MasqueradeStartedAt != nil {
		e.Detail["startedAt"] = *v.MasqueradeStartedAt
	}
	if v.TenantID != nil {
		e.TenantID = *v.TenantID
	}
	if imp, err := s.Store.UserByID(ctx, v.ImpersonatorID); err == nil {
		e.ActorEmail = imp.Email
	}
	if _, err := s.Store.EndMasquerade(ctx, v.ID, "masquerade "+how, s.now(), s.stamp(e)); err != nil {
		s.Log.ErrorContext(ctx, "masquerade end not recorded", "session", v.ID, "err", err)
		return err
	}
	return nil
}

// MasqueradeInfo describes a masquerade session for GET /api/auth/me/.
type MasqueradeInfo struct {
	Impersonator User
	StartedAt    time.Time
	ExpiresAt    time.Time
}

// masqueradeOf describes p's masquerade (nil when p is not masquerading).
func (s *Service) masqueradeOf(ctx context.Context, p *access.Principal) (*MasqueradeInfo, error) {
	if !p.Masquerading() {
		return nil, nil
	}
	v, err := s.Store.SessionByID(ctx, p.SessionID)
	if err != nil {
		return nil, err
	}
	imp, err := s.Store.UserByID(ctx, p.ImpersonatorID)
	if err != nil {
		return nil, err
	}
	m := &MasqueradeInfo{Impersonator: imp.User, StartedAt: v.CreatedAt, ExpiresAt: v.ExpiresAt}
	if v.MasqueradeStartedAt != nil {
		m.StartedAt = *v.MasqueradeStartedAt
	}
	return m, nil
}
