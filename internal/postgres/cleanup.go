package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// CleanUp deletes, in one transaction, what c says has outlived its use:
// used or expired MFA challenges, password resets, email verification
// links and masquerade codes;
// sessions expired or revoked before c.SessionsBefore (refresh tokens and
// codes cascade; masquerade sessions started from a deleted session too,
// which never outlive it); throttle rows neither locked nor failed since
// c.ThrottleBefore.
func (s *Identity) CleanUp(ctx context.Context, c identity.Cutoffs) (identity.CleanupCounts, error) {
	var n identity.CleanupCounts
	err := s.DB.InShared(ctx, func(tx pgx.Tx) error {
		for _, d := range []struct {
			count *int64
			sql   string
			args  []any
		}{
			{&n.MFAChallenges, `DELETE FROM shared.mfa_challenges WHERE used_at IS NOT NULL OR expires_at <= $1`, []any{c.Now}},
			{&n.PasswordResets, `DELETE FROM shared.password_resets WHERE used_at IS NOT NULL OR expires_at <= $1`, []any{c.Now}},
			{&n.EmailVerifications, `DELETE FROM shared.email_verifications WHERE used_at IS NOT NULL OR expires_at <= $1`, []any{c.Now}},
			{&n.MasqueradeCodes, `DELETE FROM shared.masquerade_codes WHERE used_at IS NOT NULL OR expires_at <= $1`, []any{c.Now}},
			{&n.Sessions, `DELETE FROM shared.sessions WHERE expires_at < $1 OR revoked_at < $1`, []any{c.SessionsBefore}},
			{&n.Throttle, `DELETE FROM shared.auth_throttle WHERE last_failure < $1 AND (locked_until IS NULL OR locked_until <= $2)`,
				[]any{c.ThrottleBefore, c.Now}},
		} {
			tag, err := tx.Exec(ctx, d.sql, d.args...)
			if err != nil {
				return err
			}
			*d.count = tag.RowsAffected()
		}
		return nil
	})
	return n, err
}

// UnendedMasquerades lists masquerade sessions expired or revoked at now
// whose end was never recorded (nobody presented them afterwards).
func (s *Identity) UnendedMasquerades(ctx context.Context, now time.Time) ([]identity.SessionView, error) {
	rows, err := s.DB.Pool.Query(ctx, sessionView("", `WHERE s.impersonator_id IS NOT NULL AND s.masquerade_ended_at IS NULL
		AND (s.revoked_at IS NOT NULL OR s.expires_at <= $1)`), now)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (identity.SessionView, error) {
		v, err := scanSessionView(r)
		if err != nil {
			return identity.SessionView{}, err
		}
		return *v, nil
	})
}
