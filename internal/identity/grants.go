package identity

import (
	"context"
	"strings"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// GrantRequest is a request to give a user one permission for a while.
type GrantRequest struct {
	GranteeID string
	Action    access.Permission
	Reason    string
	// DurationMinutes 0 means access.DefaultGrantDuration.
	DurationMinutes int
}

// maxBulkRevoke bounds one bulk revocation.
const maxBulkRevoke = 100

// grantScope is where p manages grants: every grant for platform staff
// (nil), its own tenant's for tenant users.
func grantScope(p *access.Principal) *string {
	if p.TenantID == "" {
		return nil
	}
	return &p.TenantID
}

// CreateGrant gives the grantee the action until it expires, on behalf of
// p, as access.ValidateGrant allows (the grantor holds the action by role
// and outranks the grantee; never while masquerading). A tenant user can
// name only users of its own tenant; others are "not found". Audited
// GRANT_CREATED.
func (s *Service) CreateGrant(ctx context.Context, p *access.Principal, r GrantRequest, c Client) (*GrantRow, error) {
	if !validUUID(r.GranteeID) {
		return nil, errs.Field("granteeId", "granteeId must be a user's id")
	}
	grantee, err := s.Store.UserByID(ctx, r.GranteeID)
	scope := grantScope(p)
	if errs.Is(err, errs.NotFound) || (err == nil && scope != nil && (grantee.TenantID == nil || *grantee.TenantID != *scope)) {
		return nil, errs.Field("granteeId", "there is no user %q", r.GranteeID)
	} else if err != nil {
		return nil, err
	}
	if grantee.Status != StatusActive {
		return nil, errs.Field("granteeId", "%s is disabled", grantee.Email)
	}
	tenantID := ""
	if grantee.TenantID != nil {
		tenantID = *grantee.TenantID
	}
	reason := strings.TrimSpace(r.Reason)
	d := access.GrantDuration(r.DurationMinutes)
	if r.DurationMinutes < 0 {
		d = -1
	}
	if err := access.ValidateGrant(*p, grantee.Role, tenantID, r.Action, reason, d); err != nil {
		if e, ok := err.(*errs.Error); ok && e.Code == errs.Forbidden {
			return nil, e.With("rule", "grant")
		}
		return nil, err
	}
	now := s.now()
	g := GrantRow{Grant: access.Grant{ID: newID(), GrantorID: p.UserID, GranteeID: grantee.ID, Action: r.Action,
		Reason: reason, CreatedAt: now, ExpiresAt: now.Add(d)}, TenantID: tenantID}
	if err := s.Store.CreateGrant(ctx, g, s.grantEvent(ctx, audit.GrantCreated, p, s.actorEmail(ctx, p), &grantee.User, g, c)); err != nil {
		return nil, err
	}
	return &g, nil
}

// ListGrants lists the grants p oversees, newest first, optionally by
// status at now, with the total count.
func (s *Service) ListGrants(ctx context.Context, p *access.Principal, status access.GrantStatus, limit, offset int) ([]GrantRow, int, error) {
	switch status {
	case "", access.GrantActive, access.GrantExpired, access.GrantRevoked:
	default:
		return nil, 0, errs.Field("status", "status must be active, expired or revoked, not %q", status)
	}
	return s.Store.ListGrants(ctx, GrantFilter{TenantID: grantScope(p), Status: status, Now: s.now(), Limit: limit, Offset: offset})
}

// RevokeGrant revokes one grant p oversees; revoking a revoked grant
// changes nothing. Audited GRANT_REVOKED.
func (s *Service) RevokeGrant(ctx context.Context, p *access.Principal, id string, c Client) (*GrantRow, error) {
	if !validUUID(id) {
		return nil, errs.E(errs.NotFound, "no grant %q", id)
	}
	revoked, err := s.RevokeGrants(ctx, p, []string{id}, c)
	if err != nil {
		return nil, err
	}
	if len(revoked) == 1 {
		return &revoked[0], nil
	}
	return s.Store.GrantByID(ctx, id, grantScope(p))
}

// RevokeGrants revokes the grants among ids that p oversees and that are
// not revoked yet, and returns them; other ids are skipped.
func (s *Service) RevokeGrants(ctx context.Context, p *access.Principal, ids []string, c Client) ([]GrantRow, error) {
	switch {
	case len(ids) == 0:
		return nil, errs.Field("ids", "name at least one grant")
	case len(ids) > maxBulkRevoke:
		return nil, errs.Field("ids", "at most %d grants at once", maxBulkRevoke)
	}
	for i, id := range ids {
		if !validUUID(id) {
			return nil, errs.Field("ids", "ids[%d] is not a grant id", i)
		}
	}
	if p.Masquerading() {
		return nil, errs.E(errs.Forbidden, "grants cannot be revoked while masquerading").With("rule", "grant")
	}
	email := s.actorEmail(ctx, p)
	return s.Store.RevokeGrants(ctx, ids, grantScope(p), p.UserID, s.now(), func(g GrantRow) audit.Event {
		var grantee *User
		if g.GranteeEmail != "" {
			grantee = &User{ID: g.GranteeID, Email: g.GranteeEmail}
		}
		return s.grantEvent(ctx, audit.GrantRevoked, p, email, grantee, g, c)
	})
}

// GrantUsed audits GRANT_USED: p passed a permission check for perm only
// thanks to grant g.
func (s *Service) GrantUsed(ctx context.Context, p *access.Principal, g access.Grant, route string, c Client) {
	e := actorEvent(audit.GrantUsed, p, "", nil, c)
	e.TargetID = p.UserID
	e.Reason = g.Reason
	e.Detail = map[string]any{"grantId": g.ID, "action": string(g.Action), "grantorId": g.GrantorID,
		"expiresAt": g.ExpiresAt, "route": route}
	if a, err := s.Store.UserByID(ctx, p.UserID); err == nil {
		e.ActorEmail, e.TargetEmail = a.Email, a.Email
	}
	s.record(ctx, e)
}

// grantEvent is the audit event of a grant's creation or revocation by p
// (whose email is actorEmail), written in the store's transaction.
func (s *Service) grantEvent(_ context.Context, action audit.Action, p *access.Principal, actorEmail string, grantee *User, g GrantRow, c Client) audit.Event {
	e := actorEvent(action, p, actorEmail, grantee, c)
	e.TargetID = g.GranteeID
	e.TenantID = g.TenantID
	e.Reason = g.Reason
	e.Detail = map[string]any{"grantId": g.ID, "action": string(g.Action), "expiresAt": g.ExpiresAt}
	return s.stamp(e)
}

// actorEmail is p's email ("" if the user cannot be read).
func (s *Service) actorEmail(ctx context.Context, p *access.Principal) string {
	if a, err := s.Store.UserByID(ctx, p.UserID); err == nil {
		return a.Email
	}
	return ""
}
