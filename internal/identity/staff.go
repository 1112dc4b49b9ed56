package identity

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// StaffMember is a staff user of a realm with, in a tenant, the resource
// linked to it (resources.user_id; "" when none).
type StaffMember struct {
	User
	ResourceID string
}

// PlatformStaff lists the platform's users.
func (s *Service) PlatformStaff(ctx context.Context) ([]User, error) {
	return s.Store.ListUsers(ctx, UserFilter{Platform: true})
}

// Team lists a tenant's staff users (owners, managers, staff: not its
// customers) with their linked resources.
func (s *Service) Team(ctx context.Context, realm Realm) ([]StaffMember, error) {
	if realm.Platform() {
		return nil, errs.E(errs.NotFound, "a team belongs to a business")
	}
	return s.Store.ListStaff(ctx, realm.TenantID)
}

// UpdateStaff changes a staff user of realm (platform staff, or a tenant's
// owners, managers and staff) on behalf of p: role, status and/or name.
// The rules are the same on both sides:
//   - nobody changes their own role or status (their own name they may);
//   - only the side's highest role (SUPERUSER, TENANT_OWNER) changes a user
//     of equal rank; everyone else must outrank the user;
//   - a new role is a staff role of realm's side that p may assign
//     (access.CanAssignRole);
//   - a tenant keeps at least one active TENANT_OWNER (the store checks
//     this in the updating transaction: Conflict).
//
// Disabling ends the user's sessions at once. Role changes, disabling and
// enabling are audited.
func (s *Service) UpdateStaff(ctx context.Context, p *access.Principal, realm Realm, id string, c UserChange, client Client) (*User, error) {
	missing := errs.E(errs.NotFound, "no staff user %q here", id)
	if !validUUID(id) {
		return nil, missing
	}
	a, err := s.Store.UserByID(ctx, id)
	if errs.Is(err, errs.NotFound) || (err == nil && (!realm.owns(a.TenantID) || a.Role == access.Customer)) {
		return nil, missing
	} else if err != nil {
		return nil, err
	}
	if err := checkStaffChange(p, a, &c); err != nil {
		return nil, err
	}
	now := s.now()
	actor, err := s.Store.UserByID(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	// The events go into the updating transaction: no change without its
	// audit row, no audit row without its change.
	before := a.User
	var events []audit.Event
	if c.Role != nil && *c.Role != a.Role {
		e := actorEvent(audit.UserRoleChanged, p, actor.Email, &before, client)
		e.Detail = map[string]any{"from": string(a.Role), "to": string(*c.Role)}
		events = append(events, s.stamp(e))
	}
	if c.Status != nil && *c.Status != a.Status {
		action := audit.UserEnabled
		if *c.Status == StatusDisabled {
			action = audit.UserDisabled
		}
		events = append(events, s.stamp(actorEvent(action, p, actor.Email, &before, client)))
	}
	if err := s.Store.UpdateUser(ctx, a.ID, c, now, events...); err != nil {
		return nil, err
	}
	if c.Role != nil {
		a.Role = *c.Role
	}
	if c.Status != nil {
		a.Status = *c.Status
	}
	if c.Name != nil {
		a.Name = *c.Name
	}
	a.UpdatedAt = now
	return &a.User, nil
}

// checkStaffChange validates c (trimming the name) and applies the rules
// of UpdateStaff to p changing target.
func checkStaffChange(p *access.Principal, target *Account, c *UserChange) error {
	platform := target.TenantID == nil
	var v errs.Validation
	if c.Role != nil && (!c.Role.Valid() || c.Role.IsPlatform() != platform || *c.Role == access.Customer) {
		v.Add("role", "%q is not a staff role here", *c.Role)
	}
	if c.Status != nil && *c.Status != StatusActive && *c.Status != StatusDisabled {
		v.Add("status", "status must be active or disabled, not %q", *c.Status)
	}
	if c.Name != nil {
		name := strings.TrimSpace(*c.Name)
		c.Name = &name
		if n := utf8.RuneCountInString(name); n == 0 || n > MaxNameLength {
			v.Add("name", "a name of 1 to %d characters is required", MaxNameLength)
		}
	}
	if err := v.Err(); err != nil {
		return err
	}
	forbid := func(format string, args ...any) error {
		return errs.E(errs.Forbidden, format, args...).With("rule", "assign role")
	}
	top := access.TenantOwner
	if platform {
		top = access.Superuser
	}
	switch {
	case target.ID == p.UserID && (c.Role != nil || c.Status != nil):
		return forbid("you cannot change your own role or status; ask another administrator")
	case target.ID == p.UserID:
		return nil
	case p.Role != top && !access.Outranks(p.Role, target.Role):
		return forbid("a %s cannot change a %s", p.Role, target.Role)
	case c.Role != nil && !access.CanAssignRole(p.Role, *c.Role):
		return forbid("a %s cannot give the role %s: nobody can give a role above their own", p.Role, *c.Role)
	}
	return nil
}
