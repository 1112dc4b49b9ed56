package httpapi

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// BusinessInvitationItem is a tier-based invitation to open a business.
type BusinessInvitationItem struct {
	ID               string          `json:"id"`
	Email            string          `json:"email"`
	BusinessName     string          `json:"businessName"`
	Tier             string          `json:"tier"`
	OverrideLimits   bool            `json:"overrideLimits"`
	LimitOverrides   map[string]*int `json:"limitOverrides"`
	FeatureOverrides map[string]bool `json:"featureOverrides"`
	InvitedBy        string          `json:"invitedBy"`
	Status           string          `json:"status" enum:"pending,expired,accepted,revoked"`
	CreatedAt        time.Time       `json:"createdAt"`
	ExpiresAt        time.Time       `json:"expiresAt"`
}

func (s *Server) businessInvitationItem(inv *platform.BusinessInvitation) BusinessInvitationItem {
	it := BusinessInvitationItem{ID: inv.ID, Email: inv.Email, BusinessName: inv.BusinessName, Tier: inv.Plan,
		OverrideLimits: inv.Overrides != nil, LimitOverrides: map[string]*int{}, FeatureOverrides: map[string]bool{},
		InvitedBy: inv.InvitedBy, Status: "pending", CreatedAt: inv.CreatedAt, ExpiresAt: inv.ExpiresAt}
	if inv.Overrides != nil {
		o := overridesBody(*inv.Overrides)
		it.LimitOverrides, it.FeatureOverrides = o.Limits, o.Features
	}
	switch {
	case inv.AcceptedAt != nil:
		it.Status = "accepted"
	case inv.RevokedAt != nil:
		it.Status = "revoked"
	case !s.Now().Before(inv.ExpiresAt):
		it.Status = "expired"
	}
	return it
}

type businessInviteIn struct {
	Body struct {
		Email            string          `json:"email" maxLength:"254"`
		BusinessName     string          `json:"businessName" maxLength:"100"`
		Tier             string          `json:"tier" maxLength:"40"`
		OverrideLimits   bool            `json:"overrideLimits,omitempty" doc:"apply limitOverrides and featureOverrides; without it they are ignored"`
		LimitOverrides   map[string]*int `json:"limitOverrides,omitempty"`
		FeatureOverrides map[string]bool `json:"featureOverrides,omitempty"`
	}
}

type businessInvitationOut struct{ Body BusinessInvitationItem }

func (s *Server) inviteBusiness(ctx context.Context, in *businessInviteIn) (*businessInvitationOut, error) {
	b := in.Body
	inv := platform.BusinessInvitation{Email: b.Email, BusinessName: b.BusinessName, Plan: b.Tier}
	if b.OverrideLimits {
		o := OverridesBody{Limits: b.LimitOverrides, Features: b.FeatureOverrides}.overrides()
		inv.Overrides = &o
	}
	return s.invitationOut(s.Admin.InviteBusiness(ctx, principalFrom(ctx), inv))
}

func (s *Server) invitationOut(inv *platform.BusinessInvitation, err error) (*businessInvitationOut, error) {
	if err != nil {
		return nil, err
	}
	return &businessInvitationOut{Body: s.businessInvitationItem(inv)}, nil
}

type businessInvitationsOut struct {
	Body Page[BusinessInvitationItem]
}

func (s *Server) listBusinessInvitations(ctx context.Context, _ *struct{}) (*businessInvitationsOut, error) {
	list, err := s.Admin.BusinessInvitations(ctx)
	if err != nil {
		return nil, err
	}
	items := make([]BusinessInvitationItem, len(list))
	for i := range list {
		items[i] = s.businessInvitationItem(&list[i])
	}
	return &businessInvitationsOut{Body: Page[BusinessInvitationItem]{Count: len(items), Results: items}}, nil
}

func (s *Server) resendBusinessInvitation(ctx context.Context, in *objectIDPath) (*businessInvitationOut, error) {
	return s.invitationOut(s.Admin.ResendBusinessInvitation(ctx, principalFrom(ctx), in.ID))
}

func (s *Server) revokeBusinessInvitation(ctx context.Context, in *objectIDPath) (*businessInvitationOut, error) {
	return s.invitationOut(s.Admin.RevokeBusinessInvitation(ctx, principalFrom(ctx), in.ID))
}

type businessInvitationLookupOut struct {
	CacheControl string `header:"Cache-Control"`
	Body         struct {
		Email        string `json:"email"`
		BusinessName string `json:"businessName"`
		Tier         string `json:"tier"`
	}
}

func (s *Server) businessInvitationLookup(ctx context.Context, in *invitationLookupIn) (*businessInvitationLookupOut, error) {
	inv, err := redeem(ctx, s, func() (*platform.BusinessInvitation, error) { return s.Admin.BusinessInvitation(ctx, in.Token) })
	if err != nil {
		return nil, err
	}
	out := &businessInvitationLookupOut{CacheControl: "no-store"}
	out.Body.Email, out.Body.BusinessName, out.Body.Tier = inv.Email, inv.BusinessName, inv.Plan
	return out, nil
}

type businessAcceptIn struct {
	Body struct {
		Token     string `json:"token" maxLength:"128"`
		Subdomain string `json:"subdomain" maxLength:"63"`
		Password  string `json:"password" maxLength:"1024"`
		Name      string `json:"name" maxLength:"150" doc:"the owner's name"`
		Timezone  string `json:"timezone,omitempty" maxLength:"64" doc:"IANA zone, default UTC"`
	}
}

type businessAcceptOut struct {
	CacheControl string `header:"Cache-Control"`
	Body         struct {
		RedirectURL string `json:"redirectUrl" doc:"the new business's sign-in page"`
		BusinessID  string `json:"businessId"`
		Subdomain   string `json:"subdomain"`
	}
}

func (s *Server) acceptBusinessInvitation(ctx context.Context, in *businessAcceptIn) (*businessAcceptOut, error) {
	b := in.Body
	var redirect string
	t, err := redeem(ctx, s, func() (t *tenancy.Tenant, err error) {
		t, redirect, err = s.Admin.AcceptBusinessInvitation(ctx, platform.Acceptance{Token: b.Token, Subdomain: b.Subdomain,
			Password: b.Password, Name: b.Name, TimeZone: b.Timezone})
		return t, err
	})
	if err != nil {
		return nil, err
	}
	out := &businessAcceptOut{CacheControl: "no-store"}
	out.Body.RedirectURL, out.Body.BusinessID, out.Body.Subdomain = redirect, t.ID, t.Slug
	return out, nil
}
