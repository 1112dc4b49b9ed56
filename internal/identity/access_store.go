package identity

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
)

// MasqueradeTarget is a user someone asks to act as, with the facts about
// its tenant that the masquerade matrix needs.
type MasqueradeTarget struct {
	Account
	TenantSlug string // "" for platform users
	// TenantIsDemo: a temporary demo tenant (shared.tenants.is_demo).
	TenantIsDemo bool
	// ApprovalRequired: the tenant wants its owner's approval before
	// platform support acts as its users; ApprovalActive: it has one now
	// for the actor asked about.
	ApprovalRequired, ApprovalActive bool
}

// GrantRow is a stored grant with the tenant of its grantee ("" platform).
type GrantRow struct {
	access.Grant
	TenantID string
	// GranteeEmail is filled by RevokeGrants (for its audit events).
	GranteeEmail string
}

// ActiveGrant is a live grant with its grantor as they are now.
type ActiveGrant struct {
	access.Grant
	TenantID        string // the grantee's tenant ("" platform)
	GrantorRole     access.Role
	GrantorTenantID string
}

// GrantFilter narrows ListGrants. TenantID nil lists every grant (platform
// staff); otherwise only the grants to that tenant's users.
type GrantFilter struct {
	TenantID      *string
	Status        access.GrantStatus // "" for all
	Now           time.Time
	Limit, Offset int
}

// SupportApproval is a tenant owner's time-limited approval for platform
// support to masquerade as the business's users.
type SupportApproval struct {
	ID         string
	TenantID   string
	ApprovedBy string
	// ApprovedUserID is the platform user the approval lets in (nil only
	// on approvals made before approvals named a user: those count for
	// the whole support team until they expire); ApprovedUserEmail is
	// that user's email, for the owner's list.
	ApprovedUserID    *string
	ApprovedUserEmail string
	Reason            string
	CreatedAt         time.Time
	ExpiresAt         time.Time
	RevokedAt         *time.Time
}

// AccessStore keeps what masquerades, permission grants, support approvals
// and the audit log need. Lookups that find nothing return errs.NotFound.
type AccessStore interface {
	// MasqueradeTarget finds a user with its tenant's facts at now; users of
	// deleted tenants are not found.
	MasqueradeTarget(ctx context.Context, userID, actorID string, now time.Time) (*MasqueradeTarget, error)
	// SessionByID finds a session with its user.
	SessionByID(ctx context.Context, id string) (*SessionView, error)
	// CreateMasqueradeCode stores a hand-over code for a masquerade session,
	// bound to the target's site (tenantID nil: the platform).
	CreateMasqueradeCode(ctx context.Context, hash []byte, sessionID string, tenantID *string, expires time.Time) error
	// ConsumeMasqueradeCode marks an unused, unexpired code of the site
	// tenantID as used and returns its session (NotFound otherwise).
	ConsumeMasqueradeCode(ctx context.Context, hash []byte, tenantID *string, now time.Time) (sessionID string, err error)
	// ReissueSession replaces all three credentials of a live session. The
	// old refresh tokens are deleted, not rotated: presenting one later is
	// an unknown token, not reuse.
	ReissueSession(ctx context.Context, id string, accessHash, refreshHash, cookieHash []byte, accessExpires, now time.Time) error
	// RenewCookie gives a live session a new cookie token.
	RenewCookie(ctx context.Context, id string, cookieHash []byte) error
	// EndMasquerade revokes a masquerade session (if still live), marks
	// its end as audited and writes events, in one transaction; false (and
	// nothing written) when it was already marked.
	EndMasquerade(ctx context.Context, id, reason string, now time.Time, events ...audit.Event) (bool, error)

	// ActiveGrants lists the unrevoked grants to userID expiring after now
	// whose grantor is active, with the grantor's current role.
	ActiveGrants(ctx context.Context, userID string, now time.Time) ([]ActiveGrant, error)
	// CreateGrant inserts g and writes events in the same transaction.
	CreateGrant(ctx context.Context, g GrantRow, events ...audit.Event) error
	// ListGrants lists grants newest first, with the total count.
	ListGrants(ctx context.Context, f GrantFilter) ([]GrantRow, int, error)
	// GrantByID finds a grant within tenantID (nil: any).
	GrantByID(ctx context.Context, id string, tenantID *string) (*GrantRow, error)
	// RevokeGrants revokes those of ids (within tenantID, nil: any) that are
	// not revoked yet, and returns them; event (nil: none) builds the audit
	// event of each revoked grant, written in the same transaction.
	RevokeGrants(ctx context.Context, ids []string, tenantID *string, by string, now time.Time, event func(GrantRow) audit.Event) ([]GrantRow, error)

	// CreateSupportApproval inserts a and writes events in the same
	// transaction.
	CreateSupportApproval(ctx context.Context, a SupportApproval, events ...audit.Event) error
	ListSupportApprovals(ctx context.Context, tenantID string) ([]SupportApproval, error)
	// RevokeSupportApproval revokes an unrevoked approval of the tenant and
	// returns it (NotFound if there is none); event (nil: none) builds its
	// audit event, written in the same transaction.
	RevokeSupportApproval(ctx context.Context, tenantID, id, by string, now time.Time, event func(SupportApproval) audit.Event) (*SupportApproval, error)
	// SetApprovalRequired turns the tenant's approval requirement on or off
	// and writes events in the same transaction.
	SetApprovalRequired(ctx context.Context, tenantID string, on bool, events ...audit.Event) error

	// AuditEvents lists events newest first, with the total count.
	AuditEvents(ctx context.Context, f audit.Filter) ([]audit.Event, int, error)
}
