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

const grantColumns = `g.id::text, g.grantor_id::text, g.grantee_id::text, coalesce(g.tenant_id::text, ''), g.action, g.reason,
	g.created_at, g.expires_at, g.revoked_at`

func scanGrant(row pgx.Row) (identity.GrantRow, error) {
	var g identity.GrantRow
	var action string
	err := row.Scan(&g.ID, &g.GrantorID, &g.GranteeID, &g.TenantID, &action, &g.Reason, &g.CreatedAt, &g.ExpiresAt, &g.RevokedAt)
	g.Action = access.Permission(action)
	return g, err
}

// ActiveGrants lists a user's unrevoked grants that expire after now and
// whose grantor is active, with the grantor's current role (the
// authenticator's per-request query; index permission_grants_grantee).
func (s *Identity) ActiveGrants(ctx context.Context, userID string, now time.Time) ([]identity.ActiveGrant, error) {
	rows, err := s.DB.Pool.Query(ctx, `SELECT `+grantColumns+`, gr.role, coalesce(gr.tenant_id::text, '')
		FROM shared.permission_grants g JOIN shared.users gr ON gr.id = g.grantor_id AND gr.status = 'active'
		WHERE g.grantee_id = $1::uuid AND g.revoked_at IS NULL AND g.expires_at > $2`, userID, now)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (identity.ActiveGrant, error) {
		var g identity.ActiveGrant
		var action, role string
		err := r.Scan(&g.ID, &g.GrantorID, &g.GranteeID, &g.TenantID, &action, &g.Reason, &g.CreatedAt, &g.ExpiresAt, &g.RevokedAt,
			&role, &g.GrantorTenantID)
		g.Action, g.GrantorRole = access.Permission(action), access.Role(role)
		return g, err
	})
}

// CreateGrant inserts a grant.
func (s *Identity) CreateGrant(ctx context.Context, g identity.GrantRow, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO shared.permission_grants (id, grantor_id, grantee_id, tenant_id, action, reason, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			g.ID, g.GrantorID, g.GranteeID, nullUUID(g.TenantID), string(g.Action), g.Reason, g.CreatedAt, g.ExpiresAt)
		return err
	})
}

// grantStatusSQL is the condition of each status at $2.
var grantStatusSQL = map[access.GrantStatus]string{
	"":                  "true",
	access.GrantActive:  "g.revoked_at IS NULL AND g.expires_at > $2",
	access.GrantExpired: "g.revoked_at IS NULL AND g.expires_at <= $2",
	access.GrantRevoked: "g.revoked_at IS NOT NULL",
}

// ListGrants lists grants newest first with the total count.
func (s *Identity) ListGrants(ctx context.Context, f identity.GrantFilter) ([]identity.GrantRow, int, error) {
	cond, ok := grantStatusSQL[f.Status]
	if !ok {
		return nil, 0, errs.Field("status", "unknown status %q", f.Status)
	}
	where := ` WHERE ($1::uuid IS NULL OR g.tenant_id = $1::uuid) AND $2::timestamptz IS NOT NULL AND ` + cond
	var total int
	if err := s.DB.Pool.QueryRow(ctx, `SELECT count(*) FROM shared.permission_grants g`+where, f.TenantID, f.Now).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.DB.Pool.Query(ctx, `SELECT `+grantColumns+` FROM shared.permission_grants g`+where+`
		ORDER BY g.created_at DESC, g.id LIMIT $3 OFFSET $4`, f.TenantID, f.Now, f.Limit, f.Offset)
	if err != nil {
		return nil, 0, err
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (identity.GrantRow, error) { return scanGrant(r) })
	return list, total, err
}

// GrantByID finds a grant within a tenant (nil: any).
func (s *Identity) GrantByID(ctx context.Context, id string, tenantID *string) (*identity.GrantRow, error) {
	g, err := scanGrant(s.DB.Pool.QueryRow(ctx, `SELECT `+grantColumns+` FROM shared.permission_grants g
		WHERE g.id = $1::uuid AND ($2::uuid IS NULL OR g.tenant_id = $2::uuid)`, id, tenantID))
	if err != nil {
		return nil, notFoundf(err, "no grant %q", id)
	}
	return &g, nil
}

// RevokeGrants revokes the unrevoked grants among ids within a tenant and
// writes the audit event of each, in one transaction.
func (s *Identity) RevokeGrants(ctx context.Context, ids []string, tenantID *string, by string, now time.Time,
	event func(identity.GrantRow) audit.Event) ([]identity.GrantRow, error) {
	var revoked []identity.GrantRow
	err := s.DB.audited(ctx, pgx.TxOptions{}, func(tx pgx.Tx, w *auditTx) error {
		rows, err := tx.Query(ctx, `UPDATE shared.permission_grants g SET revoked_at = $3, revoked_by = $4::uuid
			WHERE g.id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR g.tenant_id = $2::uuid) AND g.revoked_at IS NULL
			RETURNING `+grantColumns+`, coalesce((SELECT u.email FROM shared.users u WHERE u.id = g.grantee_id), '')`,
			ids, tenantID, now, by)
		if err != nil {
			return err
		}
		revoked, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (identity.GrantRow, error) {
			var g identity.GrantRow
			var action string
			err := r.Scan(&g.ID, &g.GrantorID, &g.GranteeID, &g.TenantID, &action, &g.Reason, &g.CreatedAt, &g.ExpiresAt,
				&g.RevokedAt, &g.GranteeEmail)
			g.Action = access.Permission(action)
			return g, err
		})
		if err != nil || event == nil {
			return err
		}
		for _, g := range revoked {
			if err := w.write(ctx, event(g)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return revoked, nil
}
