package audit

import "time"

// The actions recorded for masquerades, permission grants and tenants'
// approvals of platform support access.
const (
	MasqueradeStart  Action = "MASQUERADE_START"
	MasqueradeDenied Action = "MASQUERADE_DENIED"
	// MasqueradeEnd is recorded at stop, or on the first request after the
	// masquerade expired, or when its session was revoked otherwise.
	MasqueradeEnd          Action = "MASQUERADE_END"
	GrantCreated           Action = "GRANT_CREATED"
	GrantUsed              Action = "GRANT_USED"
	GrantRevoked           Action = "GRANT_REVOKED"
	SupportAccessApproved  Action = "SUPPORT_ACCESS_APPROVED"
	SupportAccessRevoked   Action = "SUPPORT_ACCESS_REVOKED"
	SupportApprovalChanged Action = "SUPPORT_APPROVAL_POLICY_CHANGED"
)

// Filter narrows a listing of the audit log. Empty fields do not filter.
type Filter struct {
	Actions  []Action
	ActorID  string
	TargetID string
	TenantID string
	From, To time.Time // [From, To)
	// Limit and Offset page the newest-first list.
	Limit, Offset int
}
