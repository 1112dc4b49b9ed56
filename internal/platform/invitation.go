package platform

import (
	"context"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// BusinessInvitationTTL is how long a business invitation link is valid.
const BusinessInvitationTTL = 7 * 24 * time.Hour

// BusinessInvitation offers someone a new business on a plan. The invitee
// picks the subdomain and password when accepting; Overrides (nil unless the
// inviter overrode the plan) are applied to the new business.
type BusinessInvitation struct {
	ID           string
	Email        string
	BusinessName string
	Plan         string
	Overrides    *Overrides
	InvitedBy    string
	CreatedAt    time.Time
	ExpiresAt    time.Time
	AcceptedAt   *time.Time
	RevokedAt    *time.Time
	TenantID     string // the business it became, once accepted
}

// Pending reports whether inv can still be accepted at now.
func (inv *BusinessInvitation) Pending(now time.Time) bool {
	return inv.AcceptedAt == nil && inv.RevokedAt == nil && now.Before(inv.ExpiresAt)
}

// Validate normalizes the email and name and checks the invitation form.
func (inv *BusinessInvitation) Validate() error {
	var v errs.Validation
	email, err := identity.NormalizeEmail(inv.Email)
	if err != nil {
		v.Add("email", "%s", err.(*errs.Error).Message)
	}
	inv.Email = email
	inv.BusinessName = strings.TrimSpace(inv.BusinessName)
	if n := len([]rune(inv.BusinessName)); n == 0 || n > 100 {
		v.Add("businessName", "a business name of 1 to 100 characters is required")
	}
	if inv.Plan == "" || strings.Trim(inv.Plan, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		v.Add("tier", "unknown tier %q", inv.Plan)
	}
	if inv.Overrides != nil {
		if e, ok := inv.Overrides.Validate().(*errs.Error); ok {
			for _, f := range e.Fields {
				v.Add(strings.Replace(strings.Replace(f.Location, "limits.", "limitOverrides.", 1), "features.", "featureOverrides.", 1), "%s", f.Message)
			}
		}
	}
	return v.Err()
}

// BusinessInvitationStore keeps business invitations; tokens are stored
// hashed (identity.HashToken).
type BusinessInvitationStore interface {
	// CreateBusinessInvitation inserts inv; an unknown plan is Invalid on
	// tier.
	CreateBusinessInvitation(ctx context.Context, inv *BusinessInvitation, hash []byte, events ...audit.Event) error
	BusinessInvitationByToken(ctx context.Context, hash []byte) (*BusinessInvitation, error)
	BusinessInvitationByID(ctx context.Context, id string) (*BusinessInvitation, error)
	// PendingBusinessInvitations lists invitations neither accepted nor
	// revoked (expired ones included, so they can be resent), newest first.
	PendingBusinessInvitations(ctx context.Context) ([]BusinessInvitation, error)
	// RenewBusinessInvitation gives a pending invitation a new token and
	// expiry (the old link stops working).
	RenewBusinessInvitation(ctx context.Context, id string, hash []byte, expires time.Time, events ...audit.Event) error
	RevokeBusinessInvitation(ctx context.Context, id string, now time.Time, events ...audit.Event) error
	// AcceptBusinessInvitation provisions p (writing p.Audit) and marks the
	// invitation used, in one transaction, if it is still pending at now
	// (else NotFound).
	AcceptBusinessInvitation(ctx context.Context, hash []byte, p Provisioning, now time.Time) error
}
