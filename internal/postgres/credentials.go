package postgres

import (
	"context"
	"errors"
	"slices"
	"strings"
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

// Reserve counts one attempt on each key, unless one is locked, in one
// short transaction (committed before the caller verifies anything slow).
// Keys are taken in a fixed order so that concurrent reservations on
// overlapping keys never deadlock; each upsert locks its row until the
// commit, which serializes the attempts of a key.
func (s *Identity) Reserve(ctx context.Context, keys []identity.ThrottleKey, now time.Time) (time.Time, []time.Time, error) {
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(keys[a].Key, keys[b].Key) })
	var until time.Time
	var locks []time.Time
	err := s.DB.InShared(ctx, func(tx pgx.Tx) error {
		until, locks = time.Time{}, make([]time.Time, len(keys))
		for _, i := range order {
			k := keys[i]
			if k.CheckOnly {
				var lock *time.Time
				err := tx.QueryRow(ctx, `SELECT locked_until FROM shared.auth_throttle WHERE key = $1 AND locked_until > $2 FOR SHARE`,
					k.Key, now).Scan(&lock)
				if err != nil && err != pgx.ErrNoRows {
					return err
				}
				if lock != nil && lock.After(until) {
					until = *lock
				}
				continue
			}
			// Counts the attempt unless the key is locked; a locked row is
			// left as it is (and still locked by this statement).
			var failures int
			err := tx.QueryRow(ctx, `INSERT INTO shared.auth_throttle AS t (key, failures, last_failure) VALUES ($1, 1, $2)
				ON CONFLICT (key) DO UPDATE SET failures = CASE WHEN t.last_failure < $3 THEN 1 ELSE t.failures + 1 END,
					last_failure = $2
				WHERE t.locked_until IS NULL OR t.locked_until <= $2
				RETURNING failures`, k.Key, now, now.Add(-k.Rule.Window)).Scan(&failures)
			if err == pgx.ErrNoRows {
				var lock time.Time
				if err := tx.QueryRow(ctx, `SELECT locked_until FROM shared.auth_throttle WHERE key = $1`, k.Key).Scan(&lock); err != nil {
					return err
				}
				if lock.After(until) {
					until = lock
				}
				continue
			} else if err != nil {
				return err
			}
			if d := k.Rule.LockFor(failures); d > 0 {
				locks[i] = now.Add(d)
				if _, err := tx.Exec(ctx, `UPDATE shared.auth_throttle SET locked_until = $2 WHERE key = $1`, k.Key, locks[i]); err != nil {
					return err
				}
			}
		}
		if until.After(now) {
			return errLocked
		}
		return nil
	})
	if errors.Is(err, errLocked) {
		return until, nil, nil
	}
	return until, locks, err
}

// errLocked rolls a reservation back when a key is locked.
var errLocked = errors.New("throttle key locked")

// Refund takes back one attempt on each key and recomputes its lock from
// the remaining count.
func (s *Identity) Refund(ctx context.Context, keys []identity.ThrottleKey, now time.Time) error {
	slices.SortFunc(keys, func(a, b identity.ThrottleKey) int { return strings.Compare(a.Key, b.Key) })
	return s.DB.InShared(ctx, func(tx pgx.Tx) error {
		for _, k := range keys {
			if k.CheckOnly {
				continue
			}
			var failures int
			var last time.Time
			err := tx.QueryRow(ctx, `UPDATE shared.auth_throttle SET failures = greatest(failures - 1, 0) WHERE key = $1
				RETURNING failures, last_failure`, k.Key).Scan(&failures, &last)
			if err == pgx.ErrNoRows {
				continue
			} else if err != nil {
				return err
			}
			var lock *time.Time
			if d := k.Rule.LockFor(failures); d > 0 {
				l := last.Add(d)
				lock = &l
			}
			if _, err := tx.Exec(ctx, `UPDATE shared.auth_throttle SET locked_until = $2 WHERE key = $1`, k.Key, lock); err != nil {
				return err
			}
		}
		return nil
	})
}

// ClearThrottle forgets a key's failures.
func (s *Identity) ClearThrottle(ctx context.Context, key string) error {
	_, err := s.DB.Pool.Exec(ctx, `DELETE FROM shared.auth_throttle WHERE key = $1`, key)
	return err
}
