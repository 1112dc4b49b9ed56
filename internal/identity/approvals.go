package identity

import (
	"context"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Support approval durations.
const (
	DefaultApprovalDuration = time.Hour
	MaxApprovalDuration     = 7 * 24 * time.Hour
)

// ApproveSupport records p's approval (p is a tenant owner) for one
// platform support user, named by supportEmail, to masquerade as its
// business's users for durationMinutes (0: DefaultApprovalDuration). It
// matters while the business requires approval (SetApprovalRequired);
// other support users stay out. Audited SUPPORT_ACCESS_APPROVED.
func (s *Service) ApproveSupport(ctx context.Context, p *access.Principal, supportEmail string, durationMinutes int, reason string, c Client) (*SupportApproval, error) {
	if p.Masquerading() || p.TenantID == "" {
		return nil, errs.E(errs.Forbidden, "only the business's owner, signed in as themselves, can approve support access").With("rule", "support approval")
	}
	var v errs.Validation
	var supporter *Account
	if email, err := NormalizeEmail(supportEmail); err != nil {
		v.Add("supportEmail", "the email of the support person to let in is required (ask them for it)")
	} else if u, err := s.Store.UserByEmail(ctx, nil, email); err == nil && u.Role == access.PlatformSupport && u.Status == StatusActive {
		supporter = u
	} else if err != nil && !errs.Is(err, errs.NotFound) {
		return nil, err
	} else {
		v.Add("supportEmail", "%s is not an active member of the platform support team", email)
	}
	d := DefaultApprovalDuration
	if durationMinutes != 0 {
		d = time.Duration(durationMinutes) * time.Minute
	}
	if d < time.Minute || d > MaxApprovalDuration {
		v.Add("durationMinutes", "the duration must be between 1 and %d minutes", int(MaxApprovalDuration/time.Minute))
	}
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		v.Add("reason", "a reason is required")
	case len([]rune(reason)) > maxMasqueradeReason:
		v.Add("reason", "the reason is longer than %d characters", maxMasqueradeReason)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.now()
	a := SupportApproval{ID: newID(), TenantID: p.TenantID, ApprovedBy: p.UserID, ApprovedUserID: &supporter.ID,
		ApprovedUserEmail: supporter.Email, Reason: reason, CreatedAt: now, ExpiresAt: now.Add(d)}
	if err := s.Store.CreateSupportApproval(ctx, a, s.approvalEvent(audit.SupportAccessApproved, p, s.actorEmail(ctx, p), a, c)); err != nil {
		return nil, err
	}
	return &a, nil
}

// SupportApprovals lists p's business's approvals, newest first.
func (s *Service) SupportApprovals(ctx context.Context, p *access.Principal) ([]SupportApproval, error) {
	return s.Store.ListSupportApprovals(ctx, p.TenantID)
}

// RevokeSupportApproval ends one of p's business's approvals at once.
// Masquerades already started run to their end; new ones are refused.
// Audited SUPPORT_ACCESS_REVOKED.
func (s *Service) RevokeSupportApproval(ctx context.Context, p *access.Principal, id string, c Client) (*SupportApproval, error) {
	if !validUUID(id) {
		return nil, errs.E(errs.NotFound, "no approval %q", id)
	}
	email := s.actorEmail(ctx, p)
	return s.Store.RevokeSupportApproval(ctx, p.TenantID, id, p.UserID, s.now(), func(a SupportApproval) audit.Event {
		return s.approvalEvent(audit.SupportAccessRevoked, p, email, a, c)
	})
}

// SetApprovalRequired turns on or off p's business's requirement that
// platform support masquerade only with an active approval. Audited
// SUPPORT_APPROVAL_POLICY_CHANGED.
func (s *Service) SetApprovalRequired(ctx context.Context, p *access.Principal, on bool, c Client) error {
	if p.Masquerading() {
		return errs.E(errs.Forbidden, "the support access policy cannot be changed while masquerading").With("rule", "support approval")
	}
	e := actorEvent(audit.SupportApprovalChanged, p, s.actorEmail(ctx, p), nil, c)
	e.Detail = map[string]any{"platformApprovalRequired": on}
	return s.Store.SetApprovalRequired(ctx, p.TenantID, on, s.stamp(e))
}

// approvalEvent is the audit event of an approval's creation or
// revocation by p (whose email is actorEmail).
func (s *Service) approvalEvent(action audit.Action, p *access.Principal, actorEmail string, a SupportApproval, c Client) audit.Event {
	e := actorEvent(action, p, actorEmail, nil, c)
	e.Reason = a.Reason
	e.Detail = map[string]any{"approvalId": a.ID, "expiresAt": a.ExpiresAt}
	if a.ApprovedUserID != nil {
		e.TargetID, e.TargetEmail = *a.ApprovedUserID, a.ApprovedUserEmail
	}
	return s.stamp(e)
}

// transparencyActions are the events a tenant owner sees about its own
// business: who acted as its users, which permissions were granted in it,
// and its own approvals.
var transparencyActions = []audit.Action{audit.MasqueradeStart, audit.MasqueradeDenied, audit.MasqueradeEnd,
	audit.GrantCreated, audit.GrantUsed, audit.GrantRevoked, audit.SupportAccessApproved, audit.SupportAccessRevoked,
	audit.SupportApprovalChanged}

// AuditLog lists audit events for p, newest first, with the total count.
// Platform staff see every event; a tenant user sees only the access
// events (masquerades, grants, approvals) of its own business, and of
// people who are not its users (platform staff) not their IP address,
// user agent or session.
func (s *Service) AuditLog(ctx context.Context, p *access.Principal, f audit.Filter) ([]audit.Event, int, error) {
	if p.TenantID != "" {
		f.TenantID = p.TenantID
		if len(f.Actions) == 0 {
			f.Actions = transparencyActions
		} else {
			var keep []audit.Action
			for _, a := range f.Actions {
				for _, t := range transparencyActions {
					if a == t {
						keep = append(keep, a)
					}
				}
			}
			if len(keep) == 0 {
				return []audit.Event{}, 0, nil
			}
			f.Actions = keep
		}
	}
	list, total, err := s.Store.AuditEvents(ctx, f)
	if p.TenantID != "" {
		for i, e := range list {
			if e.ByOutsider {
				list[i] = e.Redacted()
			}
		}
	}
	return list, total, err
}
