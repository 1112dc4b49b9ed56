package identity

import (
	"context"
	"net/url"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/notify"
)

// Invite invites email to realm with role, by principal p, and mails the
// link. Nobody invites to a role above their own (access.CanAssignRole), and
// the role must belong on realm's side. A pending invitation for the same
// email is replaced.
func (s *Service) Invite(ctx context.Context, p *access.Principal, realm Realm, email string, role access.Role, name string, c Client) (*Invitation, error) {
	var v errs.Validation
	email, err := NormalizeEmail(email)
	if err != nil {
		v.Add("email", "%s", err.(*errs.Error).Message)
	}
	switch {
	case !role.Valid():
		v.Add("role", "unknown role %q", role)
	case role.IsPlatform() != realm.Platform():
		v.Add("role", "users with role %s cannot be invited here", role)
	}
	if len([]rune(name)) > MaxNameLength {
		v.Add("name", "the name is longer than %d characters", MaxNameLength)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if !access.CanAssignRole(p.Role, role) {
		return nil, errs.E(errs.Forbidden, "a %s cannot invite a %s: nobody can give a role above their own", p.Role, role).With("rule", "assign role")
	}
	if _, err := s.Store.UserByEmail(ctx, realm.tenant(), email); err == nil {
		return nil, errs.Field("email", "%s already has an account here", email)
	} else if !errs.Is(err, errs.NotFound) {
		return nil, err
	}
	inviter, err := s.Store.UserByID(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	token, hash := NewToken(PrefixInvitation)
	inv := &Invitation{ID: newID(), TenantID: realm.tenant(), Email: email, Role: role, Name: truncate(name, 600),
		InvitedBy: p.UserID, CreatedAt: now, ExpiresAt: now.Add(InvitationTTL), BusinessName: realm.Name}
	e := actorEvent(audit.UserInvited, p, inviter.Email, nil, c)
	e.TargetEmail, e.TenantID = email, realm.TenantID
	e.Detail = map[string]any{"role": string(role), "invitationId": inv.ID}
	if err := s.Store.CreateInvitation(ctx, inv, hash, s.stamp(e)); err != nil {
		return nil, err
	}
	link := s.URL(realm.Host, "/accept-invitation?token="+url.QueryEscape(token))
	s.send(ctx, notify.Message{To: email, Subject: inviter.Name + " invited you to " + siteName(realm), Link: link,
		Text: "Hello,\n\n" + inviter.Name + " (" + inviter.Email + ") invited you to join " + siteName(realm) +
			" as " + string(role) + ". Accept within 7 days:\n\n" + link + "\n\nIf you did not expect this, ignore this message.\n"})
	return inv, nil
}

// Invitations lists realm's pending invitations.
func (s *Service) Invitations(ctx context.Context, realm Realm) ([]Invitation, error) {
	return s.Store.ListInvitations(ctx, realm.tenant(), s.now())
}

// RevokeInvitation withdraws a pending invitation of realm.
func (s *Service) RevokeInvitation(ctx context.Context, realm Realm, id string) error {
	if !validUUID(id) {
		return errs.E(errs.NotFound, "no invitation %q", id)
	}
	return s.Store.RevokeInvitation(ctx, realm.tenant(), id, s.now())
}

// Invitation looks up a pending invitation of realm by its token.
func (s *Service) Invitation(ctx context.Context, realm Realm, token string) (*Invitation, error) {
	inv, err := s.Store.InvitationByToken(ctx, HashToken(token))
	now := s.now()
	if errs.Is(err, errs.NotFound) || (err == nil && (!realm.owns(inv.TenantID) || inv.AcceptedAt != nil ||
		inv.RevokedAt != nil || !now.Before(inv.ExpiresAt))) {
		return nil, errs.E(errs.NotFound, "this invitation is not valid, was already used or has expired; ask for a new one")
	}
	return inv, err
}

// AcceptInvitation creates the invited user with name and password and
// signs it in. The invitation is used up in the same transaction.
func (s *Service) AcceptInvitation(ctx context.Context, realm Realm, token, name, password string, c Client) (*LoginResult, error) {
	inv, err := s.Invitation(ctx, realm, token)
	if err != nil {
		return nil, errs.E(errs.Unauthorized, "%s", err.(*errs.Error).Message)
	}
	now := s.now()
	a, err := NewAccount(User{ID: newID(), TenantID: inv.TenantID, Email: inv.Email, Name: name, Role: inv.Role,
		CreatedAt: now, UpdatedAt: now}, password)
	if err != nil {
		return nil, err
	}
	e := event(audit.InvitationAccepted, a, realm, c)
	e.Detail = map[string]any{"role": string(a.Role), "invitationId": inv.ID, "invitedBy": inv.InvitedBy}
	if err := s.Store.AcceptInvitation(ctx, HashToken(token), a, now, s.stamp(e)); errs.Is(err, errs.NotFound) {
		return nil, errs.E(errs.Unauthorized, "this invitation was already used or has expired")
	} else if err != nil {
		return nil, err
	}
	t, err := s.openSession(ctx, a, realm, c, false)
	if err != nil {
		return nil, err
	}
	return &LoginResult{User: &a.User, Tokens: t}, nil
}
