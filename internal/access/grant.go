package access

import (
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Grant is a time-limited permission given by one user to another: it widens
// the grantee's permissions by one action, within the grantee's own side and
// tenant, until it expires or is revoked.
type Grant struct {
	ID        string
	GrantorID string
	GranteeID string
	Action    Permission
	Reason    string
	CreatedAt time.Time
	ExpiresAt time.Time
	// RevokedAt is set when the grant was revoked; a revoked grant stays
	// revoked whatever the time.
	RevokedAt *time.Time
}

// GrantStatus is a grant's state at an instant.
type GrantStatus string

// The grant states, as the API reports and filters them.
const (
	GrantActive  GrantStatus = "active"
	GrantExpired GrantStatus = "expired"
	GrantRevoked GrantStatus = "revoked"
)

// Status is g's state at now: revoked if it was revoked, else expired from
// ExpiresAt on, else active.
func (g Grant) Status(now time.Time) GrantStatus {
	switch {
	case g.RevokedAt != nil:
		return GrantRevoked
	case !now.Before(g.ExpiresAt):
		return GrantExpired
	}
	return GrantActive
}

// Grant durations.
const (
	DefaultGrantDuration = 30 * time.Minute
	MinGrantDuration     = time.Minute
	MaxGrantDuration     = 8 * time.Hour
	maxGrantReasonLen    = 500
)

// GrantDuration turns the API's durationMinutes into a duration, applying
// DefaultGrantDuration when it is 0 (omitted). ValidateGrant bounds the result.
func GrantDuration(minutes int) time.Duration {
	if minutes == 0 {
		return DefaultGrantDuration
	}
	return time.Duration(minutes) * time.Minute
}

// ValidateGrant checks that grantor may give a grantee (with granteeRole, in
// granteeTenantID, "" for platform users) the action for duration, for
// reason. It returns Invalid errors naming the body field for bad input and
// Forbidden when the grantor may not give it:
//   - the reason is required (at most 500 characters); the duration lies in
//     [MinGrantDuration, MaxGrantDuration];
//   - the action is in the catalog, grantable, applies on the grantee's side
//     (a tenant user is never granted platform.* actions), and is not
//     already held by the grantee's role;
//   - the grantor is not masquerading, may manage grants on the grantee's side
//     (platform.grants.manage, or staff.manage in the grantor's own tenant),
//     holds the action by its own role (a grant cannot be passed on), and
//     outranks the grantee (so nobody grants themselves or a peer).
func ValidateGrant(grantor Principal, granteeRole Role, granteeTenantID string, action Permission, reason string, duration time.Duration) error {
	var v errs.Validation
	if strings.TrimSpace(reason) == "" {
		v.Add("reason", "a reason is required")
	} else if len([]rune(reason)) > maxGrantReasonLen {
		v.Add("reason", "the reason is longer than %d characters", maxGrantReasonLen)
	}
	if duration < MinGrantDuration || duration > MaxGrantDuration {
		v.Add("durationMinutes", "the duration must be between %d and %d minutes",
			int(MinGrantDuration/time.Minute), int(MaxGrantDuration/time.Minute))
	}
	info, known := Lookup(action)
	switch {
	case !known:
		v.Add("action", "unknown action %q", action)
	case !info.Grantable:
		v.Add("action", "%s cannot be granted", action)
	case granteeRole.Valid() && !info.fitsRole(granteeRole):
		v.Add("action", "%s is a %s action and cannot be granted to a %s user", action, info.Scope, granteeRole)
	case roleHolds(granteeRole, action):
		v.Add("action", "a %s user already holds %s", granteeRole, action)
	}
	if err := ValidateAssignment(granteeRole, granteeTenantID != ""); err != nil {
		return err
	}
	if err := v.Err(); err != nil {
		return err
	}

	switch {
	case grantor.Masquerading():
		return errs.E(errs.Forbidden, "permissions cannot be granted while masquerading")
	case grantor.Role.IsTenant() && grantor.TenantID != granteeTenantID:
		return errs.E(errs.Forbidden, "you can grant permissions only to users of your own business")
	case granteeRole.IsPlatform() && !roleHolds(grantor.Role, PlatformGrantsManage),
		granteeRole.IsTenant() && !roleHolds(grantor.Role, StaffManage):
		return errs.E(errs.Forbidden, "your role %s cannot grant permissions to %s users", grantor.Role, granteeRole)
	case !roleHolds(grantor.Role, action):
		return errs.E(errs.Forbidden, "you can grant only permissions your role holds; %s does not hold %s", grantor.Role, action)
	case !Outranks(grantor.Role, granteeRole):
		return errs.E(errs.Forbidden, "you can grant permissions only to users below your role; %s does not outrank %s", grantor.Role, granteeRole)
	}
	return nil
}
