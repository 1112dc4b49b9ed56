package httpapi

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// InvitationItem is a pending invitation as its realm's managers see it.
type InvitationItem struct {
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	Role      string    `json:"role"`
	Name      string    `json:"name"`
	InvitedBy string    `json:"invitedBy"`
	CreatedAt time.Time `json:"createdAt"`
	ExpiresAt time.Time `json:"expiresAt"`
}

func invitationItem(i *identity.Invitation) InvitationItem {
	return InvitationItem{ID: i.ID, Email: i.Email, Role: string(i.Role), Name: i.Name, InvitedBy: i.InvitedBy,
		CreatedAt: i.CreatedAt, ExpiresAt: i.ExpiresAt}
}

type inviteIn struct {
	Body struct {
		Email string `json:"email" maxLength:"254"`
		Role  string `json:"role" maxLength:"32"`
		Name  string `json:"name,omitempty" maxLength:"150"`
	}
}

type inviteOut struct {
	Body InvitationItem
}

// invite serves both the tenant's and the platform's invitations: the
// realm of the host decides which.
func (s *Server) invite(ctx context.Context, in *inviteIn) (*inviteOut, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	role, err := access.ParseRole(in.Body.Role)
	if err != nil {
		return nil, err
	}
	// Staff seats are what the plan's maxUsers counts; an invitation that
	// would be refused anyway is left to Invite, which says why.
	if p := principalFrom(ctx); role != access.Customer && p != nil && access.CanAssignRole(p.Role, role) {
		if err := s.checkStaffSeat(ctx); err != nil {
			return nil, err
		}
	}
	inv, err := s.Identity.Invite(ctx, principalFrom(ctx), realm, in.Body.Email, role, in.Body.Name, clientFrom(ctx))
	if err != nil {
		return nil, err
	}
	return &inviteOut{Body: invitationItem(inv)}, nil
}

type invitationsOut struct {
	Body Page[InvitationItem]
}

func (s *Server) invitations(ctx context.Context, _ *struct{}) (*invitationsOut, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	list, err := s.Identity.Invitations(ctx, realm)
	if err != nil {
		return nil, err
	}
	out := &invitationsOut{}
	out.Body.Results = make([]InvitationItem, 0, len(list))
	for i := range list {
		out.Body.Results = append(out.Body.Results, invitationItem(&list[i]))
	}
	out.Body.Count = len(list)
	return out, nil
}

func (s *Server) revokeInvitation(ctx context.Context, in *objectIDPath) (*struct{}, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	return nil, s.Identity.RevokeInvitation(ctx, realm, in.ID)
}

type invitationLookupIn struct {
	Token string `path:"token" maxLength:"128"`
}

type invitationLookupOut struct {
	CacheControl string `header:"Cache-Control"`
	Body         struct {
		Email        string  `json:"email"`
		Role         string  `json:"role"`
		BusinessName *string `json:"businessName" doc:"null for platform staff invitations"`
	}
}

func (s *Server) invitationLookup(ctx context.Context, in *invitationLookupIn) (*invitationLookupOut, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	inv, err := redeem(ctx, s, func() (*identity.Invitation, error) { return s.Identity.Invitation(ctx, realm, in.Token) })
	if err != nil {
		return nil, err
	}
	out := &invitationLookupOut{CacheControl: "no-store"}
	out.Body.Email, out.Body.Role = inv.Email, string(inv.Role)
	if inv.TenantID != nil {
		out.Body.BusinessName = &inv.BusinessName
	}
	return out, nil
}

type acceptIn struct {
	Body struct {
		Token    string `json:"token" maxLength:"128"`
		Name     string `json:"name" maxLength:"150"`
		Password string `json:"password" maxLength:"1024"`
	}
}

func (s *Server) acceptInvitation(ctx context.Context, in *acceptIn) (*loginOut, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	r, err := redeem(ctx, s, func() (*identity.LoginResult, error) {
		return s.Identity.AcceptInvitation(ctx, realm, in.Body.Token, in.Body.Name, in.Body.Password, clientFrom(ctx))
	})
	if err != nil {
		return nil, err
	}
	return s.loginAnswer(r), nil
}
