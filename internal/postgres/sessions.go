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

const sessionColumns = `s.id::text, s.user_id::text, s.tenant_id::text, coalesce(s.impersonator_id::text, ''),
	coalesce(s.parent_session_id::text, ''), s.masquerade_started_at, s.masquerade_ended_at, s.mfa_verified, s.ip, s.user_agent, s.created_at, s.last_seen_at,
	s.expires_at, s.access_expires_at, s.revoked_at`

func sessionDest(x *identity.Session) []any {
	return []any{&x.ID, &x.UserID, &x.TenantID, &x.ImpersonatorID, &x.ParentSessionID, &x.MasqueradeStartedAt, &x.MasqueradeEndedAt, &x.MFAVerified, &x.IP,
		&x.UserAgent, &x.CreatedAt, &x.LastSeenAt, &x.ExpiresAt, &x.AccessExpiresAt, &x.RevokedAt}
}

// sessionView selects a session with its user, its impersonator's role and
// extra columns, then tail (joins and the WHERE clause).
//
// The impersonator's current role, status and tenant, and the session's
// tenant's demo flag, come in the same query: every request re-checks the
// masquerade rule against them (identity.Service.Authenticate).
func sessionView(extra, tail string) string {
	return `SELECT ` + sessionColumns + `, ` + userColumns + `, coalesce(imp.role, ''), coalesce(imp.status, ''),
		coalesce(imp.tenant_id::text, ''), coalesce(st.is_demo, false)` + extra + `
	FROM shared.sessions s JOIN shared.users u ON u.id = s.user_id
	LEFT JOIN shared.users imp ON imp.id = s.impersonator_id
	LEFT JOIN shared.tenants st ON st.id = s.tenant_id AND s.impersonator_id IS NOT NULL ` + tail
}

func scanSessionView(row pgx.Row, extra ...any) (*identity.SessionView, error) {
	var v identity.SessionView
	var role, status, impRole, impStatus string
	dest := append(sessionDest(&v.Session), userDest(&v.User, &role, &status)...)
	dest = append(dest, &impRole, &impStatus, &v.ImpersonatorTenantID, &v.TenantIsDemo)
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return nil, err
	}
	v.User.Role, v.User.Status, v.ImpersonatorRole = access.Role(role), identity.Status(status), access.Role(impRole)
	v.ImpersonatorStatus = identity.Status(impStatus)
	return &v, nil
}

// CreateSession inserts a session with its first refresh token and stamps
// the user's last login.
func (s *Identity) CreateSession(ctx context.Context, n identity.NewSession, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		var imp, parent *string
		if n.ImpersonatorID != "" {
			imp = &n.ImpersonatorID
		}
		if n.ParentSessionID != "" {
			parent = &n.ParentSessionID
		}
		b := &pgx.Batch{}
		b.Queue(`INSERT INTO shared.sessions (id, user_id, tenant_id, access_hash, access_expires_at, cookie_hash,
				impersonator_id, parent_session_id, masquerade_started_at, mfa_verified, ip, user_agent, created_at, last_seen_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14)`,
			n.ID, n.UserID, n.TenantID, n.AccessHash, n.AccessExpiresAt, n.CookieHash,
			imp, parent, n.MasqueradeStartedAt, n.MFAVerified, n.IP, n.UserAgent, n.CreatedAt, n.ExpiresAt)
		b.Queue(`INSERT INTO shared.session_refresh_tokens (token_hash, session_id, created_at) VALUES ($1, $2, $3)`,
			n.RefreshHash, n.ID, n.CreatedAt)
		if n.ImpersonatorID == "" {
			b.Queue(`UPDATE shared.users SET last_login_at = $2 WHERE id = $1::uuid`, n.UserID, n.CreatedAt)
		}
		if n.CodeHash != nil {
			b.Queue(`INSERT INTO shared.masquerade_codes (code_hash, session_id, tenant_id, expires_at) VALUES ($1, $2::uuid, $3::uuid, $4)`,
				n.CodeHash, n.ID, n.TenantID, n.CodeExpiresAt)
		}
		return tx.SendBatch(ctx, b).Close()
	})
}

// SessionByAccess finds a session by its access token's hash.
func (s *Identity) SessionByAccess(ctx context.Context, hash []byte) (*identity.SessionView, error) {
	v, err := scanSessionView(s.DB.Pool.QueryRow(ctx, sessionView("", `WHERE s.access_hash = $1`), hash))
	return v, notFoundf(err, "no such session")
}

// SessionByCookie finds a session by its cookie token's hash.
func (s *Identity) SessionByCookie(ctx context.Context, hash []byte) (*identity.SessionView, error) {
	v, err := scanSessionView(s.DB.Pool.QueryRow(ctx, sessionView("", `WHERE s.cookie_hash = $1`), hash))
	return v, notFoundf(err, "no such session")
}

// SessionByRefresh finds a session by any refresh token it ever had.
func (s *Identity) SessionByRefresh(ctx context.Context, hash []byte) (*identity.SessionView, bool, error) {
	var rotated bool
	v, err := scanSessionView(s.DB.Pool.QueryRow(ctx, sessionView(", r.rotated_at IS NOT NULL",
		`JOIN shared.session_refresh_tokens r ON r.session_id = s.id WHERE r.token_hash = $1`), hash), &rotated)
	if err != nil {
		return nil, false, notFoundf(err, "no such session")
	}
	return v, rotated, nil
}

// RotateRefresh retires the current refresh token and installs new
// credentials, in one transaction.
func (s *Identity) RotateRefresh(ctx context.Context, sessionID string, oldRefresh, newRefresh, newAccess, newCookie []byte, accessExpires, now time.Time) error {
	return s.DB.InShared(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE shared.session_refresh_tokens SET rotated_at = $3
			WHERE token_hash = $1 AND session_id = $2::uuid AND rotated_at IS NULL`, oldRefresh, sessionID, now)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return errs.E(errs.Conflict, "the refresh token was already used")
		}
		b := &pgx.Batch{}
		b.Queue(`INSERT INTO shared.session_refresh_tokens (token_hash, session_id, created_at) VALUES ($1, $2, $3)`, newRefresh, sessionID, now)
		b.Queue(`UPDATE shared.sessions SET access_hash = $2, access_expires_at = $3, last_seen_at = $4, cookie_hash = $5 WHERE id = $1::uuid`,
			sessionID, newAccess, accessExpires, now, newCookie)
		return tx.SendBatch(ctx, b).Close()
	})
}

// TouchSession records activity.
func (s *Identity) TouchSession(ctx context.Context, id string, now time.Time) error {
	_, err := s.DB.Pool.Exec(ctx, `UPDATE shared.sessions SET last_seen_at = $2 WHERE id = $1::uuid AND last_seen_at < $2`, id, now)
	return err
}

// RevokeSession revokes one session (of userID, when given) and the
// masquerade sessions started from it.
func (s *Identity) RevokeSession(ctx context.Context, userID, id, reason string, now time.Time, events ...audit.Event) error {
	var uid *string
	if userID != "" {
		uid = &userID
	}
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE shared.sessions SET revoked_at = $3, revoked_reason = $4
			WHERE (id = $1::uuid OR parent_session_id = $1::uuid) AND revoked_at IS NULL
			AND EXISTS (SELECT 1 FROM shared.sessions p WHERE p.id = $1::uuid AND ($2::uuid IS NULL OR p.user_id = $2::uuid))`, id, uid, now, reason)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return errs.E(errs.NotFound, "no live session %q", id)
		}
		return nil
	})
}

// RevokeUserSessions revokes every live session of a user but exceptID.
func (s *Identity) RevokeUserSessions(ctx context.Context, userID, exceptID, reason string, now time.Time) error {
	return revokeUserSessions(ctx, s.DB.Pool, userID, exceptID, reason, now)
}

// revokeUserSessions also ends masquerades the user started.
func revokeUserSessions(ctx context.Context, db execer, userID, exceptID, reason string, now time.Time) error {
	var except *string
	if exceptID != "" {
		except = &exceptID
	}
	_, err := db.Exec(ctx, `UPDATE shared.sessions SET revoked_at = $3, revoked_reason = $4
		WHERE (user_id = $1::uuid OR impersonator_id = $1::uuid) AND revoked_at IS NULL
		AND ($2::uuid IS NULL OR (id <> $2::uuid AND parent_session_id IS DISTINCT FROM $2::uuid))`, userID, except, now, reason)
	return err
}

// ListSessions lists a user's live sessions, newest first.
func (s *Identity) ListSessions(ctx context.Context, userID string, now time.Time) ([]identity.Session, error) {
	rows, err := s.DB.Pool.Query(ctx, `SELECT `+sessionColumns+` FROM shared.sessions s
		WHERE s.user_id = $1::uuid AND s.revoked_at IS NULL AND s.expires_at > $2 ORDER BY s.created_at DESC`, userID, now)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (identity.Session, error) {
		var x identity.Session
		return x, r.Scan(sessionDest(&x)...)
	})
}
