package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

const approvalColumns = `a.id::text, a.tenant_id::text, a.approved_by::text, a.approved_user_id::text,
	coalesce((SELECT su.email FROM shared.users su WHERE su.id = a.approved_user_id), ''), a.reason, a.created_at, a.expires_at, a.revoked_at`

func scanApproval(row pgx.Row) (identity.SupportApproval, error) {
	var a identity.SupportApproval
	err := row.Scan(&a.ID, &a.TenantID, &a.ApprovedBy, &a.ApprovedUserID, &a.ApprovedUserEmail, &a.Reason, &a.CreatedAt, &a.ExpiresAt, &a.RevokedAt)
	return a, err
}

// CreateSupportApproval inserts an approval.
func (s *Identity) CreateSupportApproval(ctx context.Context, a identity.SupportApproval, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO shared.support_approvals (id, tenant_id, approved_by, approved_user_id, reason, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, a.ID, a.TenantID, a.ApprovedBy, a.ApprovedUserID, a.Reason, a.CreatedAt, a.ExpiresAt)
		return err
	})
}

// ListSupportApprovals lists a tenant's approvals, newest first (the last
// hundred).
func (s *Identity) ListSupportApprovals(ctx context.Context, tenantID string) ([]identity.SupportApproval, error) {
	rows, err := s.DB.Pool.Query(ctx, `SELECT `+approvalColumns+` FROM shared.support_approvals a
		WHERE a.tenant_id = $1::uuid ORDER BY a.created_at DESC, a.id LIMIT 100`, tenantID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (identity.SupportApproval, error) { return scanApproval(r) })
}

// RevokeSupportApproval revokes an unrevoked approval of the tenant.
func (s *Identity) RevokeSupportApproval(ctx context.Context, tenantID, id, by string, now time.Time,
	event func(identity.SupportApproval) audit.Event) (*identity.SupportApproval, error) {
	var a identity.SupportApproval
	err := s.DB.audited(ctx, pgx.TxOptions{}, func(tx pgx.Tx, w *auditTx) error {
		var err error
		a, err = scanApproval(tx.QueryRow(ctx, `UPDATE shared.support_approvals a SET revoked_at = $3, revoked_by = $4::uuid
			WHERE a.id = $2::uuid AND a.tenant_id = $1::uuid AND a.revoked_at IS NULL RETURNING `+approvalColumns, tenantID, id, now, by))
		if err != nil {
			return notFoundf(err, "no approval %q that is not revoked yet", id)
		}
		if event == nil {
			return nil
		}
		return w.write(ctx, event(a))
	})
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// SetApprovalRequired sets shared.tenants.platform_approval_required (the
// tenants trigger tells every serve process to drop its host cache).
func (s *Identity) SetApprovalRequired(ctx context.Context, tenantID string, on bool, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE shared.tenants SET platform_approval_required = $2, updated_at = now()
			WHERE id = $1::uuid AND status <> 'deleted'`, tenantID, on)
		if err == nil && tag.RowsAffected() == 0 {
			return errs.E(errs.NotFound, "no business %q", tenantID)
		}
		return err
	})
}
