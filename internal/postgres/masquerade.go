package postgres

import (
	"context"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// MasqueradeTarget finds a user with its tenant's slug, demo flag,
// approval requirement and whether an approval naming actorID (or, from
// before approvals named a user, the whole team) is active at now.
func (s *Identity) MasqueradeTarget(ctx context.Context, userID, actorID string, now time.Time) (*identity.MasqueradeTarget, error) {
	var t identity.MasqueradeTarget
	var role, status string
	dest := append(userDest(&t.Account, &role, &status), &t.TenantSlug, &t.TenantIsDemo, &t.ApprovalRequired, &t.ApprovalActive)
	err := s.DB.Pool.QueryRow(ctx, `SELECT `+userColumns+`, coalesce(t.slug, ''), coalesce(t.is_demo, false),
			coalesce(t.platform_approval_required, false),
			EXISTS (SELECT 1 FROM shared.support_approvals a
				JOIN shared.users ap ON ap.id = a.approved_by AND ap.status = 'active' AND ap.tenant_id = a.tenant_id
					AND ap.role = ANY($3)
				WHERE a.tenant_id = u.tenant_id AND a.revoked_at IS NULL AND a.expires_at > $2
					AND (a.approved_user_id IS NULL OR a.approved_user_id::text = $4))
		FROM shared.users u LEFT JOIN shared.tenants t ON t.id = u.tenant_id
		WHERE u.id = $1::uuid AND (t.id IS NULL OR t.status <> 'deleted')`, userID, now, approverRoles(), actorID).Scan(dest...)
	if err != nil {
		return nil, notFoundf(err, "no user %q", userID)
	}
	t.Role, t.Status = access.Role(role), identity.Status(status)
	return &t, nil
}

// approverRoles are the roles that may approve support access now: an
// approval counts only while its approver is active and still holds one
// (a demoted or disabled owner's approvals stop working).
func approverRoles() []string {
	var out []string
	for _, r := range access.Roles() {
		if slices.Contains(access.RolePermissions(r), access.SupportApprove) {
			out = append(out, string(r))
		}
	}
	return out
}

// SessionByID finds a session with its user.
func (s *Identity) SessionByID(ctx context.Context, id string) (*identity.SessionView, error) {
	v, err := scanSessionView(s.DB.Pool.QueryRow(ctx, sessionView("", `WHERE s.id = $1::uuid`), id))
	return v, notFoundf(err, "no session %q", id)
}

// CreateMasqueradeCode stores a hand-over code's hash.
func (s *Identity) CreateMasqueradeCode(ctx context.Context, hash []byte, sessionID string, tenantID *string, expires time.Time) error {
	_, err := s.DB.Pool.Exec(ctx, `INSERT INTO shared.masquerade_codes (code_hash, session_id, tenant_id, expires_at)
		VALUES ($1, $2::uuid, $3::uuid, $4)`, hash, sessionID, tenantID, expires)
	return err
}

// ConsumeMasqueradeCode uses a code once, on its own site only.
func (s *Identity) ConsumeMasqueradeCode(ctx context.Context, hash []byte, tenantID *string, now time.Time) (string, error) {
	var id string
	err := s.DB.Pool.QueryRow(ctx, `UPDATE shared.masquerade_codes SET used_at = $3
		WHERE code_hash = $1 AND tenant_id IS NOT DISTINCT FROM $2::uuid AND used_at IS NULL AND expires_at > $3
		RETURNING session_id::text`, hash, tenantID, now).Scan(&id)
	return id, notFoundf(err, "no such masquerade code")
}

// ReissueSession replaces a live session's credentials in one transaction;
// its old refresh tokens are deleted.
func (s *Identity) ReissueSession(ctx context.Context, id string, accessHash, refreshHash, cookieHash []byte, accessExpires, now time.Time) error {
	return s.DB.InShared(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE shared.sessions SET access_hash = $2, access_expires_at = $3, cookie_hash = $4, last_seen_at = $5
			WHERE id = $1::uuid AND revoked_at IS NULL`, id, accessHash, accessExpires, cookieHash, now)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return errs.E(errs.NotFound, "no live session %q", id)
		}
		b := &pgx.Batch{}
		b.Queue(`DELETE FROM shared.session_refresh_tokens WHERE session_id = $1::uuid`, id)
		b.Queue(`INSERT INTO shared.session_refresh_tokens (token_hash, session_id, created_at) VALUES ($1, $2::uuid, $3)`, refreshHash, id, now)
		return tx.SendBatch(ctx, b).Close()
	})
}

// RenewCookie gives a live session a new cookie token.
func (s *Identity) RenewCookie(ctx context.Context, id string, cookieHash []byte) error {
	tag, err := s.DB.Pool.Exec(ctx, `UPDATE shared.sessions SET cookie_hash = $2 WHERE id = $1::uuid AND revoked_at IS NULL`, id, cookieHash)
	if err == nil && tag.RowsAffected() == 0 {
		return errs.E(errs.NotFound, "no live session %q", id)
	}
	return err
}

// EndMasquerade revokes a masquerade session, marks its end audited and
// writes events, atomically: only the first caller gets true (and writes).
func (s *Identity) EndMasquerade(ctx context.Context, id, reason string, now time.Time, events ...audit.Event) (bool, error) {
	ended := false
	err := s.DB.audited(ctx, pgx.TxOptions{}, func(tx pgx.Tx, w *auditTx) error {
		tag, err := tx.Exec(ctx, `UPDATE shared.sessions SET masquerade_ended_at = $2,
				revoked_at = coalesce(revoked_at, $2), revoked_reason = CASE WHEN revoked_at IS NULL THEN $3 ELSE revoked_reason END
			WHERE id = $1::uuid AND impersonator_id IS NOT NULL AND masquerade_ended_at IS NULL`, id, now, reason)
		if err != nil || tag.RowsAffected() != 1 {
			return err
		}
		ended = true
		return w.write(ctx, events...)
	})
	return ended && err == nil, err
}
