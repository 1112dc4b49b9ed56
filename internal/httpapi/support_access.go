package httpapi

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// ApprovalOut is a tenant owner's approval of platform support access.
type ApprovalOut struct {
	ID                string     `json:"id"`
	ApprovedBy        string     `json:"approvedBy"`
	ApprovedUserID    *string    `json:"approvedUserId" doc:"the platform support user this approval lets in (null: an approval from before approvals named a user, valid for the whole support team)"`
	ApprovedUserEmail string     `json:"approvedUserEmail"`
	Reason            string     `json:"reason"`
	CreatedAt         time.Time  `json:"createdAt"`
	ExpiresAt         time.Time  `json:"expiresAt"`
	RevokedAt         *time.Time `json:"revokedAt"`
	Status            string     `json:"status" enum:"active,expired,revoked"`
}

func (s *Server) approvalOut(a identity.SupportApproval) ApprovalOut {
	st := "active"
	switch {
	case a.RevokedAt != nil:
		st = "revoked"
	case !s.Now().Before(a.ExpiresAt):
		st = "expired"
	}
	return ApprovalOut{ID: a.ID, ApprovedBy: a.ApprovedBy, ApprovedUserID: a.ApprovedUserID, ApprovedUserEmail: a.ApprovedUserEmail, Reason: a.Reason, CreatedAt: a.CreatedAt,
		ExpiresAt: a.ExpiresAt, RevokedAt: a.RevokedAt, Status: st}
}

type approveIn struct {
	Body struct {
		SupportEmail    string `json:"supportEmail" maxLength:"254" doc:"the email of the one platform support user to let in"`
		DurationMinutes int    `json:"durationMinutes" required:"false" doc:"default 60, at most 10080 (7 days)"`
		Reason          string `json:"reason" required:"false" maxLength:"1000"`
	}
}

func (s *Server) approveSupport(ctx context.Context, in *approveIn) (*struct{ Body ApprovalOut }, error) {
	a, err := s.Identity.ApproveSupport(ctx, principalFrom(ctx), in.Body.SupportEmail, in.Body.DurationMinutes, in.Body.Reason, clientFrom(ctx))
	if err != nil {
		return nil, err
	}
	return &struct{ Body ApprovalOut }{s.approvalOut(*a)}, nil
}

func (s *Server) supportApprovals(ctx context.Context, _ *struct{}) (*struct{ Body Page[ApprovalOut] }, error) {
	list, err := s.Identity.SupportApprovals(ctx, principalFrom(ctx))
	if err != nil {
		return nil, err
	}
	out := make([]ApprovalOut, len(list))
	for i, a := range list {
		out[i] = s.approvalOut(a)
	}
	return &struct{ Body Page[ApprovalOut] }{Page[ApprovalOut]{Count: len(out), Results: out}}, nil
}

func (s *Server) revokeSupportApproval(ctx context.Context, in *objectIDPath) (*struct{ Body ApprovalOut }, error) {
	a, err := s.Identity.RevokeSupportApproval(ctx, principalFrom(ctx), in.ID, clientFrom(ctx))
	if err != nil {
		return nil, err
	}
	return &struct{ Body ApprovalOut }{s.approvalOut(*a)}, nil
}

// SupportPolicy is the business's rule for platform support access.
type SupportPolicy struct {
	PlatformApprovalRequired bool `json:"platformApprovalRequired" doc:"platform support may act as the business's users only while an approval is active"`
}

func (s *Server) supportPolicy(ctx context.Context, _ *struct{}) (*struct{ Body SupportPolicy }, error) {
	return &struct{ Body SupportPolicy }{SupportPolicy{tenancy.TenantFrom(ctx).ApprovalRequired}}, nil
}

func (s *Server) putSupportPolicy(ctx context.Context, in *struct{ Body SupportPolicy }) (*struct{ Body SupportPolicy }, error) {
	if err := s.Identity.SetApprovalRequired(ctx, principalFrom(ctx), in.Body.PlatformApprovalRequired, clientFrom(ctx)); err != nil {
		return nil, err
	}
	s.Resolver.Invalidate()
	return &struct{ Body SupportPolicy }{in.Body}, nil
}
