package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// ListStaff lists a tenant's owners, managers and staff by email, each with
// the tenant's resource linked to it, in one query in the tenant's schema.
func (s *Identity) ListStaff(ctx context.Context, tenantID string) ([]identity.StaffMember, error) {
	var schema string
	if err := s.DB.Pool.QueryRow(ctx, `SELECT schema_name FROM shared.tenants WHERE id = $1::uuid`, tenantID).Scan(&schema); err != nil {
		return nil, notFoundf(err, "no tenant %q", tenantID)
	}
	var list []identity.StaffMember
	err := s.DB.InTenant(ctx, schema, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT `+userColumns+`, coalesce(r.id::text, '') FROM shared.users u
			LEFT JOIN resources r ON r.user_id = u.id
			WHERE u.tenant_id = $1::uuid AND u.role <> 'CUSTOMER' ORDER BY u.email`, tenantID)
		if err != nil {
			return err
		}
		list, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (identity.StaffMember, error) {
			var m identity.StaffMember
			var a identity.Account
			var role, status string
			err := r.Scan(append(userDest(&a, &role, &status), &m.ResourceID)...)
			a.Role, a.Status = access.Role(role), identity.Status(status)
			m.User = a.User
			return m, err
		})
		return err
	})
	return list, err
}

// UpdateUser changes role, status and/or name; disabling revokes every
// session. When the user is an active TENANT_OWNER, the tenant's owners
// are locked first and the change is refused (Conflict) if no active owner
// would remain: two owners demoting each other at once cannot both win.
func (s *Identity) UpdateUser(ctx context.Context, id string, c identity.UserChange, now time.Time, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		var tenant *string
		var wasOwner bool
		err := tx.QueryRow(ctx, `SELECT tenant_id::text, role = 'TENANT_OWNER' AND status = 'active' FROM shared.users
			WHERE id = $1::uuid`, id).Scan(&tenant, &wasOwner)
		if err != nil {
			return notFoundf(err, "no user %q", id)
		}
		if wasOwner {
			if _, err := tx.Exec(ctx, `SELECT 1 FROM shared.users WHERE tenant_id = $1::uuid AND role = 'TENANT_OWNER'
				ORDER BY id FOR UPDATE`, *tenant); err != nil {
				return err
			}
		}
		var role, status *string
		if c.Role != nil {
			role = ptr(string(*c.Role))
		}
		if c.Status != nil {
			status = ptr(string(*c.Status))
		}
		tag, err := tx.Exec(ctx, `UPDATE shared.users SET role = coalesce($2, role), status = coalesce($3, status),
			name = coalesce($4, name), updated_at = $5 WHERE id = $1::uuid`, id, role, status, c.Name, now)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return errs.E(errs.NotFound, "no user %q", id)
		}
		if wasOwner {
			var owners int
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM shared.users WHERE tenant_id = $1::uuid
				AND role = 'TENANT_OWNER' AND status = 'active'`, *tenant).Scan(&owners); err != nil {
				return err
			}
			if owners == 0 {
				return errs.E(errs.Conflict, "the business's last active owner cannot be demoted or disabled; make someone else an owner first").
					With("rule", "last owner")
			}
		}
		if c.Status != nil && *c.Status == identity.StatusDisabled {
			return revokeUserSessions(ctx, tx, id, "", "user disabled", now)
		}
		return nil
	})
}
