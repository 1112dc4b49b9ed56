package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// Identity implements identity.Store on the shared schema.
type Identity struct {
	DB *DB
}

var _ identity.Store = (*Identity)(nil)

const userColumns = `u.id::text, u.tenant_id::text, u.email, u.name, u.role, u.status, u.avatar_url, u.last_login_at,
	u.mfa_enabled, u.created_at, u.updated_at, u.password_hash, coalesce(u.customer_id::text, ''),
	u.mfa_secret, u.mfa_pending_secret, u.mfa_last_step, u.email_verified_at IS NULL`

func userDest(a *identity.Account, role, status *string) []any {
	return []any{&a.ID, &a.TenantID, &a.Email, &a.Name, role, status, &a.AvatarURL, &a.LastLoginAt,
		&a.MFAEnabled, &a.CreatedAt, &a.UpdatedAt, &a.PasswordHash, &a.CustomerID,
		&a.MFASecret, &a.MFAPending, &a.MFALastStep, &a.Unverified}
}

func scanAccount(row pgx.Row) (*identity.Account, error) {
	var a identity.Account
	var role, status string
	if err := row.Scan(userDest(&a, &role, &status)...); err != nil {
		return nil, err
	}
	a.Role, a.Status = access.Role(role), identity.Status(status)
	return &a, nil
}

// CreateUser inserts a user (a CUSTOMER linked to its customer record) and
// the audit events built from it.
func (s *Identity) CreateUser(ctx context.Context, a *identity.Account, events ...func(*identity.Account) audit.Event) error {
	return s.DB.audited(ctx, pgx.TxOptions{}, func(tx pgx.Tx, w *auditTx) error {
		if err := mapUserErr(insertUser(ctx, tx, a), a.Email); err != nil {
			return err
		}
		for _, e := range events {
			if err := w.write(ctx, e(a)); err != nil {
				return err
			}
		}
		return nil
	})
}

// execer is what a pool and a transaction share.
type execer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// insertUser inserts a and, for a CUSTOMER, links it to its customer
// record (linkCustomer) — or, while its email is unverified, gives it a
// record of its own (ownCustomer).
func insertUser(ctx context.Context, tx pgx.Tx, a *identity.Account) error {
	_, err := tx.Exec(ctx, `INSERT INTO shared.users (id, tenant_id, email, name, role, status, password_hash, avatar_url, created_at, updated_at,
			email_verified_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, CASE WHEN $10 THEN NULL ELSE $9::timestamptz END)`,
		a.ID, a.TenantID, a.Email, a.Name, string(a.Role), string(a.Status), a.PasswordHash, a.AvatarURL, a.CreatedAt, a.Unverified)
	if err != nil {
		return err
	}
	if a.Unverified {
		return ownCustomer(ctx, tx, a)
	}
	return linkCustomer(ctx, tx, a)
}

func mapUserErr(err error, email string) error {
	if pgCode(err) == sqlUniqueViolation && constraintOf(err) == "users_tenant_email" {
		return errs.Field("email", "%s already has an account here", email).With("conflict", "email")
	}
	return err
}

// UserByEmail finds a user of a tenant (or of the platform: tenantID nil).
func (s *Identity) UserByEmail(ctx context.Context, tenantID *string, email string) (*identity.Account, error) {
	a, err := scanAccount(s.DB.Pool.QueryRow(ctx, `SELECT `+userColumns+` FROM shared.users u
		WHERE u.tenant_id IS NOT DISTINCT FROM $1::uuid AND u.email = $2`, tenantID, email))
	return a, notFoundf(err, "no user %s here", email)
}

// UserByID finds a user.
func (s *Identity) UserByID(ctx context.Context, id string) (*identity.Account, error) {
	a, err := scanAccount(s.DB.Pool.QueryRow(ctx, `SELECT `+userColumns+` FROM shared.users u WHERE u.id = $1::uuid`, id))
	return a, notFoundf(err, "no user %q", id)
}

// ListUsers lists platform staff, or one tenant's users, by email.
func (s *Identity) ListUsers(ctx context.Context, f identity.UserFilter) ([]identity.User, error) {
	var tenant *string
	if !f.Platform {
		tenant = &f.TenantID
	}
	rows, err := s.DB.Pool.Query(ctx, `SELECT `+userColumns+` FROM shared.users u
		WHERE u.tenant_id IS NOT DISTINCT FROM $1::uuid ORDER BY u.email`, tenant)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (identity.User, error) {
		a, err := scanAccount(r)
		if err != nil {
			return identity.User{}, err
		}
		return a.User, nil
	})
}

// SetPasswordHash replaces the hash (upgrade on login).
func (s *Identity) SetPasswordHash(ctx context.Context, userID, hash string) error {
	_, err := s.DB.Pool.Exec(ctx, `UPDATE shared.users SET password_hash = $2 WHERE id = $1::uuid`, userID, hash)
	return err
}

// ChangePassword sets the hash, revokes the other sessions and voids reset links.
func (s *Identity) ChangePassword(ctx context.Context, userID, hash, keepSessionID string, now time.Time, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		return setPassword(ctx, tx, userID, hash, keepSessionID, now)
	})
}

func setPassword(ctx context.Context, tx pgx.Tx, userID, hash, keepSessionID string, now time.Time) error {
	tag, err := tx.Exec(ctx, `UPDATE shared.users SET password_hash = $2, updated_at = $3 WHERE id = $1::uuid`, userID, hash, now)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return errs.E(errs.NotFound, "no user %q", userID)
	}
	if _, err := tx.Exec(ctx, `UPDATE shared.password_resets SET used_at = $2 WHERE user_id = $1::uuid AND used_at IS NULL`, userID, now); err != nil {
		return err
	}
	return revokeUserSessions(ctx, tx, userID, keepSessionID, "password changed", now)
}

func ptr[T any](v T) *T { return &v }
