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

const invitationColumns = `i.id::text, i.tenant_id::text, i.email, i.role, i.name, coalesce(i.invited_by::text, ''),
	i.created_at, i.expires_at, i.accepted_at, i.revoked_at, coalesce(t.name, '')`

const invitationFrom = ` FROM shared.invitations i LEFT JOIN shared.tenants t ON t.id = i.tenant_id `

func scanInvitation(row pgx.Row) (*identity.Invitation, error) {
	var inv identity.Invitation
	var role string
	err := row.Scan(&inv.ID, &inv.TenantID, &inv.Email, &role, &inv.Name, &inv.InvitedBy,
		&inv.CreatedAt, &inv.ExpiresAt, &inv.AcceptedAt, &inv.RevokedAt, &inv.BusinessName)
	inv.Role = access.Role(role)
	return &inv, err
}

// CreateInvitation inserts an invitation, revoking a pending one for the
// same email and realm.
func (s *Identity) CreateInvitation(ctx context.Context, inv *identity.Invitation, hash []byte, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		b.Queue(`UPDATE shared.invitations SET revoked_at = $3 WHERE tenant_id IS NOT DISTINCT FROM $1::uuid AND email = $2
			AND accepted_at IS NULL AND revoked_at IS NULL`, inv.TenantID, inv.Email, inv.CreatedAt)
		b.Queue(`INSERT INTO shared.invitations (id, token_hash, tenant_id, email, role, name, invited_by, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, inv.ID, hash, inv.TenantID, inv.Email, string(inv.Role), inv.Name,
			inv.InvitedBy, inv.CreatedAt, inv.ExpiresAt)
		return tx.SendBatch(ctx, b).Close()
	})
}

// InvitationByToken finds an invitation by its token's hash, in any state.
func (s *Identity) InvitationByToken(ctx context.Context, hash []byte) (*identity.Invitation, error) {
	inv, err := scanInvitation(s.DB.Pool.QueryRow(ctx, `SELECT `+invitationColumns+invitationFrom+`WHERE i.token_hash = $1`, hash))
	return inv, notFoundf(err, "no such invitation")
}

// ListInvitations lists a realm's pending, unexpired invitations.
func (s *Identity) ListInvitations(ctx context.Context, tenantID *string, now time.Time) ([]identity.Invitation, error) {
	rows, err := s.DB.Pool.Query(ctx, `SELECT `+invitationColumns+invitationFrom+`WHERE i.tenant_id IS NOT DISTINCT FROM $1::uuid
		AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > $2 ORDER BY i.created_at DESC`, tenantID, now)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (identity.Invitation, error) {
		inv, err := scanInvitation(r)
		return *inv, err
	})
}

// RevokeInvitation withdraws a pending invitation of a realm.
func (s *Identity) RevokeInvitation(ctx context.Context, tenantID *string, id string, now time.Time) error {
	tag, err := s.DB.Pool.Exec(ctx, `UPDATE shared.invitations SET revoked_at = $3 WHERE id = $2::uuid
		AND tenant_id IS NOT DISTINCT FROM $1::uuid AND accepted_at IS NULL AND revoked_at IS NULL`, tenantID, id, now)
	if err == nil && tag.RowsAffected() == 0 {
		return errs.E(errs.NotFound, "no pending invitation %q", id)
	}
	return err
}

// AcceptInvitation uses up the invitation and creates the user, atomically.
func (s *Identity) AcceptInvitation(ctx context.Context, hash []byte, a *identity.Account, now time.Time, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE shared.invitations SET accepted_at = $2
			WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2`, hash, now)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return errs.E(errs.NotFound, "no pending invitation")
		}
		if err := insertUser(ctx, tx, a); err != nil {
			return mapUserErr(err, a.Email)
		}
		_, err = tx.Exec(ctx, `UPDATE shared.invitations SET accepted_user_id = $2 WHERE token_hash = $1`, hash, a.ID)
		return err
	})
}
