package access

import (
	"strings"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Role is a user's role. The string values are part of the API contract.
type Role string

// The eight roles: four on the platform side, four on the tenant side.
const (
	Superuser       Role = "SUPERUSER"
	PlatformManager Role = "PLATFORM_MANAGER"
	PlatformSales   Role = "PLATFORM_SALES"
	PlatformSupport Role = "PLATFORM_SUPPORT"
	TenantOwner     Role = "TENANT_OWNER"
	TenantManager   Role = "TENANT_MANAGER"
	TenantStaff     Role = "TENANT_STAFF"
	Customer        Role = "CUSTOMER"
)

// ranks orders the roles of each side, highest first. PLATFORM_SUPPORT ranks
// above PLATFORM_SALES because its reach is wider: support may masquerade as
// the users of every tenant, sales only as those of demo tenants. Ranks of
// the two sides are not comparable (see Outranks).
var ranks = map[Role]int{
	Superuser:       4,
	PlatformManager: 3,
	PlatformSupport: 2,
	PlatformSales:   1,
	TenantOwner:     4,
	TenantManager:   3,
	TenantStaff:     2,
	Customer:        1,
}

// Roles lists every role, platform side first, each side highest rank first.
func Roles() []Role {
	return []Role{Superuser, PlatformManager, PlatformSupport, PlatformSales,
		TenantOwner, TenantManager, TenantStaff, Customer}
}

// ParseRole reads a role name, ignoring surrounding space and letter case.
// An unknown name is an Invalid error on "role".
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToUpper(strings.TrimSpace(s)))
	if !r.Valid() {
		return "", errs.Field("role", "unknown role %q", s)
	}
	return r, nil
}

// Valid reports whether r is one of the eight roles.
func (r Role) Valid() bool { _, ok := ranks[r]; return ok }

// IsPlatform reports whether r is a platform role (no tenant).
func (r Role) IsPlatform() bool {
	return r == Superuser || r == PlatformManager || r == PlatformSales || r == PlatformSupport
}

// IsTenant reports whether r is a tenant role (exactly one tenant).
func (r Role) IsTenant() bool {
	return r == TenantOwner || r == TenantManager || r == TenantStaff || r == Customer
}

// Rank is r's position within its side: 4 for SUPERUSER and TENANT_OWNER
// down to 1 for PLATFORM_SALES and CUSTOMER; 0 for an unknown role.
func (r Role) Rank() int { return ranks[r] }

// Outranks reports whether a stands strictly above b. Within a side the ranks
// decide. Across sides only SUPERUSER outranks anyone (every tenant role);
// no tenant role outranks a platform role and no other platform role
// outranks a tenant role. No role outranks itself.
func Outranks(a, b Role) bool {
	if !a.Valid() || !b.Valid() {
		return false
	}
	if a.IsPlatform() != b.IsPlatform() {
		return a == Superuser
	}
	return a.Rank() > b.Rank()
}

// ValidateAssignment checks that a user with role may (or must) belong to a
// tenant: tenant roles need one, platform roles must have none.
func ValidateAssignment(role Role, hasTenant bool) error {
	switch {
	case !role.Valid():
		return errs.Field("role", "unknown role %q", string(role))
	case role.IsTenant() && !hasTenant:
		return errs.Field("businessId", "Users with role %s must be assigned to a tenant", role)
	case role.IsPlatform() && hasTenant:
		return errs.Field("businessId", "Users with role %s are platform staff and cannot be assigned to a tenant", role)
	}
	return nil
}

// CanAssignRole reports whether a user with role actor may give newRole to a
// user (by invitation or by changing a role). Nobody can give a role above
// their own, so nobody can raise their own role:
//   - SUPERUSER may assign any role;
//   - PLATFORM_MANAGER may assign platform roles up to PLATFORM_MANAGER;
//   - TENANT_OWNER and TENANT_MANAGER may assign tenant roles at or below
//     their own rank;
//   - every other role assigns none.
//
// Whether the target user is in the actor's tenant is the caller's check.
func CanAssignRole(actor, newRole Role) bool {
	if !newRole.Valid() {
		return false
	}
	switch actor {
	case Superuser:
		return true
	case PlatformManager, TenantOwner, TenantManager:
		return actor.IsPlatform() == newRole.IsPlatform() && newRole.Rank() <= actor.Rank()
	}
	return false
}
