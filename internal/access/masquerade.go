package access

// Actor is the user asking to masquerade.
type Actor struct {
	UserID   string
	Role     Role
	TenantID string // "" for platform roles
	// Masquerading is true when the request itself comes from a masquerade
	// session (chains are refused).
	Masquerading bool
}

// Target is the user to act as, with the facts about its tenant that the
// matrix needs.
type Target struct {
	UserID   string
	Role     Role
	TenantID string // "" for platform roles
	Disabled bool
	// TenantIsDemo: the target's tenant is a temporary demo tenant.
	TenantIsDemo bool
	// TenantRequiresApproval: the tenant's policy requires its owner's
	// approval before platform support may act as its users.
	TenantRequiresApproval bool
	// ApprovalGranted: the tenant's owner has an active approval for this
	// support user (the store checks who approved, for whom and until when).
	ApprovalGranted bool
}

// Decision is CanMasquerade's verdict. Rule is a stable code for audit logs
// and API errors; Reason is for people.
type Decision struct {
	Allowed bool
	Rule    string
	Reason  string
}

// Stable Decision.Rule codes of refusals, checked in this order.
const (
	MasqChain            = "chain"
	MasqSelf             = "self"
	MasqDisabledTarget   = "disabled_target"
	MasqSuperuserTarget  = "superuser_target"
	MasqRoleNotAllowed   = "role_not_allowed"
	MasqNotDemoTenant    = "not_demo_tenant"
	MasqOtherTenant      = "other_tenant"
	MasqApprovalRequired = "approval_required"
)

// Stable Decision.Rule codes of allowances.
const (
	MasqSuperuserAnyone   = "superuser_anyone"
	MasqSupportTenantUser = "support_tenant_user"
	MasqSalesDemoUser     = "sales_demo_user"
	MasqOwnerOwnStaff     = "owner_own_staff"
)

// CanMasquerade is the masquerade matrix, the one place that decides whether
// actor may act as target:
//
//	SUPERUSER         → anyone, other SUPERUSERs included
//	PLATFORM_SUPPORT  → tenant users (owner, manager, staff, customer); when
//	                    the tenant requires approval, only with its owner's
//	                    active approval
//	PLATFORM_SALES    → tenant users of demo tenants
//	TENANT_OWNER      → TENANT_MANAGER and TENANT_STAFF of its own tenant
//	everyone else     → no one
//
// And always: never from inside a masquerade (depth 1), never yourself,
// never a disabled user, a SUPERUSER only by a SUPERUSER. An actor without a
// user ID is refused as "self" (it cannot be told apart from the target).
func CanMasquerade(actor Actor, target Target) Decision {
	switch {
	case actor.Masquerading:
		return deniedBy(MasqChain, "cannot masquerade from inside a masquerade; stop it first")
	case actor.UserID == "" || actor.UserID == target.UserID:
		return deniedBy(MasqSelf, "cannot masquerade as yourself")
	case target.Disabled:
		return deniedBy(MasqDisabledTarget, "cannot masquerade as a disabled user")
	case target.Role == Superuser && actor.Role != Superuser:
		return deniedBy(MasqSuperuserTarget, "only a SUPERUSER may masquerade as a SUPERUSER")
	case !target.Role.Valid():
		return deniedBy(MasqRoleNotAllowed, "the target user has no valid role")
	}
	switch actor.Role {
	case Superuser:
		return allowedBy(MasqSuperuserAnyone, "a SUPERUSER may masquerade as anyone")
	case PlatformSupport:
		switch {
		case !target.Role.IsTenant():
			return deniedBy(MasqRoleNotAllowed, "PLATFORM_SUPPORT may masquerade only as users of a business")
		case target.TenantRequiresApproval && !target.ApprovalGranted:
			return deniedBy(MasqApprovalRequired, "this business requires its owner's approval before support may act as its users")
		}
		return allowedBy(MasqSupportTenantUser, "PLATFORM_SUPPORT may masquerade as users of a business")
	case PlatformSales:
		switch {
		case !target.Role.IsTenant():
			return deniedBy(MasqRoleNotAllowed, "PLATFORM_SALES may masquerade only as users of demo businesses")
		case !target.TenantIsDemo:
			return deniedBy(MasqNotDemoTenant, "PLATFORM_SALES may masquerade only as users of demo businesses")
		}
		return allowedBy(MasqSalesDemoUser, "PLATFORM_SALES may masquerade as users of demo businesses")
	case TenantOwner:
		switch {
		case actor.TenantID == "" || actor.TenantID != target.TenantID:
			return deniedBy(MasqOtherTenant, "a TENANT_OWNER may masquerade only as staff of its own business")
		case target.Role != TenantManager && target.Role != TenantStaff:
			return deniedBy(MasqRoleNotAllowed, "a TENANT_OWNER may masquerade only as TENANT_MANAGER or TENANT_STAFF users")
		}
		return allowedBy(MasqOwnerOwnStaff, "a TENANT_OWNER may masquerade as staff of its own business")
	}
	return deniedBy(MasqRoleNotAllowed, "users with role "+string(actor.Role)+" may not masquerade")
}

func allowedBy(rule, reason string) Decision {
	return Decision{Allowed: true, Rule: rule, Reason: reason}
}
func deniedBy(rule, reason string) Decision { return Decision{Rule: rule, Reason: reason} }
