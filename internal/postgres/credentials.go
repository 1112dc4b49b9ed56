package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// SetMFAPending stores a sealed secret awaiting confirmation.
func (s *Identity) SetMFAPending(ctx context.Context, userID string, sealed []byte) error {
	_, err := s.DB.Pool.Exec(ctx, `UPDATE shared.users SET mfa_pending_secret = $2, updated_at = now() WHERE id = $1::uuid`, userID, sealed)
	return err
}

// EnableMFA activates the secret and replaces the recovery codes.
func (s *Identity) EnableMFA(ctx context.Context, userID string, sealed []byte, step int64, hashes [][]byte, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		b.Queue(`UPDATE shared.users SET mfa_enabled = true, mfa_secret = $2, mfa_pending_secret = NULL,
			mfa_last_step = $3, updated_at = now() WHERE id = $1::uuid`, userID, sealed, step)
		b.Queue(`DELETE FROM shared.mfa_recovery_codes WHERE user_id = $1::uuid`, userID)
		for _, h := range hashes {
			b.Queue(`INSERT INTO shared.mfa_recovery_codes (user_id, code_hash) VALUES ($1, $2)`, userID, h)
		}
		return tx.SendBatch(ctx, b).Close()
	})
}

// DisableMFA removes the secret and the recovery codes.
func (s *Identity) DisableMFA(ctx context.Context, userID string, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		b.Queue(`UPDATE shared.users SET mfa_enabled = false, mfa_secret = NULL, mfa_pending_secret = NULL,
			updated_at = now() WHERE id = $1::uuid`, userID)
		b.Queue(`DELETE FROM shared.mfa_recovery_codes WHERE user_id = $1::uuid`, userID)
		return tx.SendBatch(ctx, b).Close()
	})
}

// UseTOTPStep records step if it is newer than the last used one.
func (s *Identity) UseTOTPStep(ctx context.Context, userID string, step int64) (bool, error) {
	tag, err := s.DB.Pool.Exec(ctx, `UPDATE shared.users SET mfa_last_step = $2 WHERE id = $1::uuid AND mfa_last_step < $2`, userID, step)
	return err == nil && tag.RowsAffected() == 1, err
}

// UseRecoveryCode deletes an unused recovery code.
func (s *Identity) UseRecoveryCode(ctx context.Context, userID string, hash []byte) (bool, error) {
	tag, err := s.DB.Pool.Exec(ctx, `DELETE FROM shared.mfa_recovery_codes WHERE user_id = $1::uuid AND code_hash = $2`, userID, hash)
	return err == nil && tag.RowsAffected() == 1, err
}

// CreateMFAChallenge stores the second step of a sign-in.
func (s *Identity) CreateMFAChallenge(ctx context.Context, hash []byte, userID string, tenantID *string, expires time.Time) error {
	_, err := s.DB.Pool.Exec(ctx, `INSERT INTO shared.mfa_challenges (token_hash, user_id, tenant_id, expires_at) VALUES ($1, $2, $3, $4)`,
		hash, userID, tenantID, expires)
	return err
}

// MFAChallenge finds an unused, unexpired challenge.
func (s *Identity) MFAChallenge(ctx context.Context, hash []byte, now time.Time) (string, *string, error) {
	var userID string
	var tenantID *string
	err := s.DB.Pool.QueryRow(ctx, `SELECT user_id::text, tenant_id::text FROM shared.mfa_challenges
		WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`, hash, now).Scan(&userID, &tenantID)
	return userID, tenantID, notFoundf(err, "no such sign-in step")
}

// ConsumeMFAChallenge marks a challenge used, once.
func (s *Identity) ConsumeMFAChallenge(ctx context.Context, hash []byte, now time.Time) (bool, error) {
	tag, err := s.DB.Pool.Exec(ctx, `UPDATE shared.mfa_challenges SET used_at = $2
		WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`, hash, now)
	return err == nil && tag.RowsAffected() == 1, err
}

// CreateReset stores a reset link unless one was made in the last minute.
func (s *Identity) CreateReset(ctx context.Context, hash []byte, userID string, expires, now time.Time) (bool, error) {
	tag, err := s.DB.Pool.Exec(ctx, `INSERT INTO shared.password_resets (token_hash, user_id, created_at, expires_at)
		SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM shared.password_resets
			WHERE user_id = $2::uuid AND created_at > $3::timestamptz - interval '1 minute')`, hash, userID, now, expires)
	return err == nil && tag.RowsAffected() == 1, err
}

// ResetTarget finds the user of a usable reset link.
func (s *Identity) ResetTarget(ctx context.Context, hash []byte, now time.Time) (*identity.Account, error) {
	a, err := scanAccount(s.DB.Pool.QueryRow(ctx, `SELECT `+userColumns+` FROM shared.password_resets r
		JOIN shared.users u ON u.id = r.user_id WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2`, hash, now))
	return a, notFoundf(err, "no such reset link")
}

// ResetPassword consumes the link and sets the password, ending every session.
func (s *Identity) ResetPassword(ctx context.Context, hash []byte, userID, passwordHash string, now time.Time, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE shared.password_resets SET used_at = $3
			WHERE token_hash = $1 AND user_id = $2::uuid AND used_at IS NULL AND expires_at > $3`, hash, userID, now)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return errs.E(errs.NotFound, "no such reset link")
		}
		return setPassword(ctx, tx, userID, passwordHash, "", now)
	})
}

// LockedUntil returns the latest lock among keys.
func (s *Identity) LockedUntil(ctx context.Context, keys []string, now time.Time) (time.Time, error) {
	var until *time.Time
	err := s.DB.Pool.QueryRow(ctx, `SELECT max(locked_until) FROM shared.auth_throttle WHERE key = ANY($1) AND locked_until > $2`,
		keys, now).Scan(&until)
	if err != nil || until == nil {
		return time.Time{}, err
	}
	return *until, nil
}

// Fail counts one failure for key and sets the lock the rule asks for, in
// one transaction (the row lock serializes concurrent failures).
func (s *Identity) Fail(ctx context.Context, key string, rule identity.ThrottleRule, now time.Time) (time.Time, error) {
	var until time.Time
	err := s.DB.InShared(ctx, func(tx pgx.Tx) error {
		var failures int
		err := tx.QueryRow(ctx, `INSERT INTO shared.auth_throttle AS t (key, failures, last_failure) VALUES ($1, 1, $2)
			ON CONFLICT (key) DO UPDATE SET failures = CASE WHEN t.last_failure < $3 THEN 1 ELSE t.failures + 1 END,
				last_failure = $2
			RETURNING failures`, key, now, now.Add(-rule.Window)).Scan(&failures)
		if err != nil {
			return err
		}
		lock := rule.LockFor(failures)
		if lock == 0 {
			return nil
		}
		until = now.Add(lock)
		_, err = tx.Exec(ctx, `UPDATE shared.auth_throttle SET locked_until = $2 WHERE key = $1`, key, until)
		return err
	})
	return until, err
}

// ClearThrottle forgets a key's failures.
func (s *Identity) ClearThrottle(ctx context.Context, key string) error {
	_, err := s.DB.Pool.Exec(ctx, `DELETE FROM shared.auth_throttle WHERE key = $1`, key)
	return err
}
