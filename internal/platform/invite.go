package platform

import (
	"context"
	"net/url"
	"strings"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/notify"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// InviteBusiness invites inv.Email to open a business named
// inv.BusinessName on plan inv.Plan, and mails a single-use link to the
// apex host, valid BusinessInvitationTTL.
func (a *Admin) InviteBusiness(ctx context.Context, p *access.Principal, inv BusinessInvitation) (*BusinessInvitation, error) {
	if err := inv.Validate(); err != nil {
		return nil, err
	}
	now := a.now()
	token, hash := identity.NewToken(identity.PrefixInvitation)
	inv.ID, inv.InvitedBy, inv.CreatedAt, inv.ExpiresAt = newID(), p.UserID, now, now.Add(BusinessInvitationTTL)
	e := a.event(ctx, p, audit.Event{Action: audit.BusinessInvited, TargetEmail: inv.Email,
		Detail: map[string]any{"invitationId": inv.ID, "businessName": inv.BusinessName, "plan": inv.Plan, "overrides": inv.Overrides != nil}})
	if err := a.Admin.CreateBusinessInvitation(ctx, &inv, hash, e); err != nil {
		return nil, err
	}
	a.mailBusinessInvitation(ctx, &inv, token)
	return &inv, nil
}

func (a *Admin) mailBusinessInvitation(ctx context.Context, inv *BusinessInvitation, token string) {
	brand := "SmoothSchedule"
	if st, err := a.Store.Settings(ctx); err == nil && st.BrandName != "" {
		brand = st.BrandName
	}
	link := a.URL(a.BaseDomain, "/accept-business-invitation?token="+url.QueryEscape(token))
	a.send(ctx, notify.Message{To: inv.Email, Subject: "Open " + inv.BusinessName + " on " + brand, Link: link,
		Text: "Hello,\n\nYou are invited to open " + inv.BusinessName + " on " + brand + ". Choose your address and password within 7 days:\n\n" +
			link + "\n\nIf you did not expect this, ignore this message.\n"})
}

// BusinessInvitations lists the invitations not yet accepted or revoked.
func (a *Admin) BusinessInvitations(ctx context.Context) ([]BusinessInvitation, error) {
	return a.Admin.PendingBusinessInvitations(ctx)
}

// pendingByID finds an invitation that is neither accepted nor revoked.
func (a *Admin) pendingByID(ctx context.Context, id string) (*BusinessInvitation, error) {
	if !validID(id) {
		return nil, errs.E(errs.NotFound, "no business invitation %q", id)
	}
	inv, err := a.Admin.BusinessInvitationByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if inv.AcceptedAt != nil || inv.RevokedAt != nil {
		return nil, errs.E(errs.Conflict, "this invitation was already accepted or revoked")
	}
	return inv, nil
}

// ResendBusinessInvitation mails a new link (the old one stops working)
// valid for another BusinessInvitationTTL.
func (a *Admin) ResendBusinessInvitation(ctx context.Context, p *access.Principal, id string) (*BusinessInvitation, error) {
	inv, err := a.pendingByID(ctx, id)
	if err != nil {
		return nil, err
	}
	token, hash := identity.NewToken(identity.PrefixInvitation)
	inv.ExpiresAt = a.now().Add(BusinessInvitationTTL)
	e := a.event(ctx, p, audit.Event{Action: audit.BusinessInvited, TargetEmail: inv.Email, Detail: map[string]any{"invitationId": id, "resent": true}})
	if err := a.Admin.RenewBusinessInvitation(ctx, id, hash, inv.ExpiresAt, e); err != nil {
		return nil, err
	}
	a.mailBusinessInvitation(ctx, inv, token)
	return inv, nil
}

// RevokeBusinessInvitation withdraws a pending invitation.
func (a *Admin) RevokeBusinessInvitation(ctx context.Context, p *access.Principal, id string) (*BusinessInvitation, error) {
	inv, err := a.pendingByID(ctx, id)
	if err != nil {
		return nil, err
	}
	now := a.now()
	e := a.event(ctx, p, audit.Event{Action: audit.BusinessInvitationRevoked, TargetEmail: inv.Email, Detail: map[string]any{"invitationId": id}})
	if err := a.Admin.RevokeBusinessInvitation(ctx, id, now, e); err != nil {
		return nil, err
	}
	inv.RevokedAt = &now
	return inv, nil
}

const errInvalidInvitation = "this invitation is not valid, was already used or has expired; ask for a new one"

// BusinessInvitation looks up a pending invitation by its token.
func (a *Admin) BusinessInvitation(ctx context.Context, token string) (*BusinessInvitation, error) {
	inv, err := a.Admin.BusinessInvitationByToken(ctx, identity.HashToken(token))
	if errs.Is(err, errs.NotFound) || (err == nil && !inv.Pending(a.now())) {
		return nil, errs.E(errs.NotFound, "%s", errInvalidInvitation)
	}
	return inv, err
}

// Acceptance is what the invitee chooses.
type Acceptance struct {
	Token, Subdomain, Password, Name, TimeZone string
}

// AcceptBusinessInvitation provisions the business, its owner (the invitee)
// and the invitation's overrides in one transaction, and uses the
// invitation up in the same one. It returns the new business and the URL of
// its sign-in page.
func (a *Admin) AcceptBusinessInvitation(ctx context.Context, in Acceptance) (*tenancy.Tenant, string, error) {
	inv, err := a.BusinessInvitation(ctx, in.Token)
	if err != nil {
		return nil, "", errs.Field("token", "%s", errInvalidInvitation)
	}
	now := a.now()
	var v errs.Validation
	owner, err := newOwner(inv.Email, strings.TrimSpace(in.Name), in.Password, now)
	if in.Password == "" {
		v.Add("password", "a password is required")
	}
	v.Merge(err)
	if in.TimeZone == "" {
		in.TimeZone = "UTC"
	}
	nt := tenancy.NewTenant{Name: inv.BusinessName, Slug: strings.ToLower(strings.TrimSpace(in.Subdomain)), Plan: inv.Plan, TimeZone: in.TimeZone}
	nt.Normalize()
	v.Merge(errs.Renamed(nt.Validate(), asSubdomain))
	if err := v.Err(); err != nil {
		return nil, "", err
	}
	t, err := a.create(ctx, nt, func(ctx context.Context, t *tenancy.Tenant, domain string) error {
		e := a.event(ctx, nil, audit.Event{Action: audit.BusinessInvitationAccepted, ActorID: owner.ID, ActorEmail: owner.Email, TenantID: t.ID,
			Detail: map[string]any{"invitationId": inv.ID, "slug": t.Slug, "plan": t.Plan}})
		err := a.Admin.AcceptBusinessInvitation(ctx, identity.HashToken(in.Token),
			Provisioning{Tenant: t, Domain: domain, Owner: owner, Overrides: inv.Overrides, Audit: []audit.Event{e}}, now)
		if errs.Is(err, errs.NotFound) {
			return errs.Field("token", "%s", errInvalidInvitation)
		}
		return err
	})
	if err != nil {
		return nil, "", errs.Renamed(err, asSubdomain)
	}
	return t, a.URL(a.host(t.Slug), "/login?email="+url.QueryEscape(owner.Email)), nil
}
