package httpapi

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// GrantOut is a permission grant as the API shows it.
type GrantOut struct {
	ID        string     `json:"id"`
	GrantorID string     `json:"grantorId"`
	GranteeID string     `json:"granteeId"`
	Action    string     `json:"action" doc:"the permission granted, e.g. platform.plans.write"`
	Reason    string     `json:"reason"`
	CreatedAt time.Time  `json:"createdAt"`
	ExpiresAt time.Time  `json:"expiresAt"`
	RevokedAt *time.Time `json:"revokedAt"`
	Status    string     `json:"status" enum:"active,expired,revoked"`
}

func (s *Server) grantOut(g identity.GrantRow) GrantOut {
	return GrantOut{ID: g.ID, GrantorID: g.GrantorID, GranteeID: g.GranteeID, Action: string(g.Action), Reason: g.Reason,
		CreatedAt: g.CreatedAt, ExpiresAt: g.ExpiresAt, RevokedAt: g.RevokedAt, Status: string(g.Status(s.Now().UTC()))}
}

type grantIn struct {
	Body struct {
		GranteeID       string `json:"granteeId" required:"false" maxLength:"64"`
		Action          string `json:"action" required:"false" maxLength:"64" doc:"a grantable permission of the catalog that the grantor's role holds"`
		Reason          string `json:"reason" required:"false" maxLength:"1000"`
		DurationMinutes int    `json:"durationMinutes" required:"false" doc:"default 30, at most 480"`
	}
}

func (s *Server) createGrant(ctx context.Context, in *grantIn) (*struct{ Body GrantOut }, error) {
	b := in.Body
	g, err := s.Identity.CreateGrant(ctx, principalFrom(ctx), identity.GrantRequest{GranteeID: b.GranteeID,
		Action: access.Permission(b.Action), Reason: b.Reason, DurationMinutes: b.DurationMinutes}, clientFrom(ctx))
	if err != nil {
		return nil, err
	}
	return &struct{ Body GrantOut }{s.grantOut(*g)}, nil
}

type grantsIn struct {
	PageParams
	Status string `query:"status" enum:"active,expired,revoked," doc:"only grants in this state now"`
}

func (s *Server) listGrants(ctx context.Context, in *grantsIn) (*struct{ Body Page[GrantOut] }, error) {
	list, total, err := s.Identity.ListGrants(ctx, principalFrom(ctx), access.GrantStatus(in.Status), in.limit(), in.offset())
	if err != nil {
		return nil, err
	}
	out := make([]GrantOut, len(list))
	for i, g := range list {
		out[i] = s.grantOut(g)
	}
	return &struct{ Body Page[GrantOut] }{page(&in.PageParams, total, out)}, nil
}

func (s *Server) revokeGrant(ctx context.Context, in *objectIDPath) (*struct{ Body GrantOut }, error) {
	g, err := s.Identity.RevokeGrant(ctx, principalFrom(ctx), in.ID, clientFrom(ctx))
	if err != nil {
		return nil, err
	}
	return &struct{ Body GrantOut }{s.grantOut(*g)}, nil
}

type bulkRevokeIn struct {
	Body struct {
		IDs []string `json:"ids" maxItems:"100" doc:"grants to revoke; unknown and already revoked ones are skipped"`
	}
}

type bulkRevokeOut struct {
	Body struct {
		Count   int        `json:"count" doc:"how many grants this call revoked"`
		Revoked []GrantOut `json:"revoked"`
	}
}

func (s *Server) bulkRevokeGrants(ctx context.Context, in *bulkRevokeIn) (*bulkRevokeOut, error) {
	list, err := s.Identity.RevokeGrants(ctx, principalFrom(ctx), in.Body.IDs, clientFrom(ctx))
	if err != nil {
		return nil, err
	}
	out := &bulkRevokeOut{}
	out.Body.Revoked = make([]GrantOut, len(list))
	for i, g := range list {
		out.Body.Revoked[i] = s.grantOut(g)
	}
	out.Body.Count = len(list)
	return out, nil
}

// auditGrantUse records GRANT_USED when the request's principal passed
// rule's permission check only thanks to a grant (its role alone does not
// hold the permission). Called by check once per request.
func (s *Server) auditGrantUse(ctx context.Context, rule access.Rule, now time.Time) {
	p := principalFrom(ctx)
	if rule.Permission == "" || p == nil || s.Identity == nil {
		return
	}
	if g, ok := p.GrantFor(rule.Permission, now); ok {
		s.Identity.GrantUsed(ctx, p, g, rule.Description, clientFrom(ctx))
	}
}
